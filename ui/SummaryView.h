#pragma once
// Summary of one open index: shape, contents, files, the search graph and
// its estimated recall, health from the last verification, and who writes it.

#include "VerifyTask.h"

#include <QFutureWatcher>
#include <QWidget>

#include "sextant/Index.h"
#include "sextant/Verifier.h"

class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;

namespace sextant::ui {

class IndexSession;

class SummaryView : public QWidget {
    Q_OBJECT
public:
    explicit SummaryView(IndexSession *session, QWidget *parent = nullptr);

public slots:
    void verify(bool full);
    void estimateRecall();
    void checkpoint();
    void compact();
    // Asks, then converts the graph to the other quantization (8-bit codes or
    // float vectors) on the session's worker; the graph is rebuilt in the background.
    void convertGraph();

public:
    // What the graph holds now (the manifest's schema), and the button's
    // text for the conversion that applies.
    Quantization graphQuantization() const;
    QString convertGraphText() const;
    bool canConvertGraph() const;

signals:
    // A verification finished (the integrity view shows the findings).
    void verified(const sextant::VerifyReport &report);

private:
    void updateStats();
    void updateHealth();
    void setValue(QLabel *label, const QString &text, const QString &tooltip = {});
    // Shows a checkpoint or compaction in the status bar; reports a failure.
    void runMaintenance(QFuture<WriteResult> future, const QString &task, const QString &failureTitle);

    IndexSession *m_session;
    QLabel *m_title, *m_path;
    QLabel *m_dims, *m_metric, *m_durability, *m_fields, *m_created;
    QLabel *m_items, *m_segments, *m_unflushed, *m_disk, *m_wal, *m_checkpoint, *m_queue;
    QLabel *m_graphState, *m_graphItems, *m_graphParams, *m_graphMemory, *m_graphTuning, *m_recall;
    QLabel *m_health, *m_access;
    QPushButton *m_verifyQuick, *m_verifyFull, *m_recallButton, *m_checkpointButton, *m_compactButton;
    QPushButton *m_convertButton;
    bool m_converting = false;
    void updateConvertButton();
    QProgressBar *m_verifyProgress;
    QFutureWatcher<VerifyOutcome> m_verifyWatcher;
    QFutureWatcher<Result<RecallEstimate>> m_recallWatcher;
    bool m_autoRecallDone = false;
};

} // namespace sextant::ui
