#pragma once
// The Map view: a 2-D PCA projection or UMAP layout of a seeded sample of
// the index (up to 100,000 items for PCA, 200,000 for UMAP by default),
// computed on a worker thread with progress and cancel (UMAP starts from the
// PCA map and is drawn while it forms),
// drawn by a ScatterPlot that zooms and pans smoothly. Points can be
// coloured by a metadata field; the session's current item and the last
// query's hits are drawn on top; clicking a point selects it and joins it
// to its true nearest neighbours in the original space.

#include "Projection.h"
#include "ScatterPlot.h"
#include "UmapTask.h"

#include <QFuture>
#include <QHash>
#include <QWidget>
#include <optional>

class QComboBox;
class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;

namespace sextant::ui {

class IndexSession;

class MapView : public QWidget {
    Q_OBJECT
public:
    explicit MapView(IndexSession *session, QWidget *parent = nullptr);
    ~MapView() override;

    ScatterPlot *plot() const { return m_plot; }
    bool isComputing() const { return m_computing; }
    // The projection on display; null before the first one finished.
    const ProjectionResult *projection() const { return m_projection ? &*m_projection : nullptr; }
    // "PCA of 100,000 of 1,000,000 items, seed 1; the axes explain 23 % of the variance"
    QString description() const;
    bool isStale() const; // the content changed since the projection

    // The sample limit of the current method (PCA 100,000, UMAP 200,000 unless set).
    int sampleLimit() const;
    void setSampleLimit(int limit)
    {
        m_sampleLimit = limit, m_sampleLimitSet = true;
    } // takes effect at the next recompute
    // "pca" or "umap"; changing it recomputes (when the view has started).
    QString method() const { return m_method; }
    void setMethod(const QString &method);
    // Whether the picture on display is a finished UMAP layout.
    bool showsUmap() const { return m_showsUmap; }
    // UMAP frames drawn while the layout formed (tests).
    int framesShown() const { return m_framesShown; }
    // The current point's true nearest neighbours (points on the map), once looked up.
    QList<int> trueNeighbours() const { return m_plot->neighbours(); }
    quint64 seed() const { return m_seed; }
    void setSeed(quint64 seed) { m_seed = seed; }

    QStringList colourFields() const; // the keys the colour combo offers
    QString colourField() const { return m_colourField; }
    QList<ScatterPlot::LegendEntry> legend() const { return m_legend; }
    int pointOf(const QString &id) const { return m_pointOf.value(id, -1); }

public slots:
    // Projects again (the first showing starts it when nothing did).
    void recompute();
    void cancel();
    // Colours the points by a metadata key; empty: one colour.
    void setColourField(const QString &key);

signals:
    void projectionFinished(); // also after a cancel or a failure (after UMAP, when it follows)
    void neighboursShown();    // the current point's true neighbours are on the map

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onFinished(quint64 serial, QFuture<ProjectionResult> future);
    void startUmap(quint64 serial);
    void onUmapFinished(quint64 serial, QFuture<UmapOutcome> future);
    void showNewestFrame();
    void finishComputing();
    void lookUpNeighbours(int point);
    void applyHighlights();
    void updateNotice();
    void showHover(int point);

    IndexSession *m_session;
    ScatterPlot *m_plot;
    QLabel *m_info;
    QComboBox *m_colourCombo;
    QComboBox *m_methodCombo;
    QPushButton *m_fitButton;
    QPushButton *m_recomputeButton;
    QFrame *m_notice;
    QWidget *m_progressRow;
    QLabel *m_progressLabel;
    QProgressBar *m_progress;
    QLabel *m_status;

    int m_sampleLimit = Projection::kDefaultSampleLimit;
    bool m_sampleLimitSet = false;
    QString m_method = QStringLiteral("pca");
    QFuture<UmapOutcome> m_umapFuture;
    std::shared_ptr<UmapTask::Frames> m_frames;
    quint64 m_frameSeen = 0;
    int m_framesShown = 0;
    bool m_showsUmap = false;
    explore::UmapOptions m_umapOptions;
    UmapOutcome m_umapInfo;
    quint64 m_neighbourSerial = 0;
    quint64 m_seed = 1;
    quint64 m_serial = 0;
    bool m_computing = false;
    bool m_started = false;
    QFuture<ProjectionResult> m_future;
    std::optional<ProjectionResult> m_projection;
    quint64 m_projectionVersion = 0;
    std::optional<std::pair<quint64, qint64>> m_projectionState; // lastLsn and items when it started
    QHash<QString, int> m_pointOf;
    QString m_colourField;
    QList<ScatterPlot::LegendEntry> m_legend;
};

} // namespace sextant::ui
