#pragma once
// A scatter plot that stays interactive with 100,000+ points: the points are
// written as pixels into a cached QImage only when the view (zoom, pan,
// size) or the colours change, and paintEvent blits it; hit-testing uses a
// grid over the rendered pixels. Highlights (the current item, query hits)
// and the legend are drawn on top each paint, so changing them is cheap.

#include <QHash>
#include <QImage>
#include <QList>
#include <QWidget>
#include <vector>

namespace sextant::ui {

class ScatterPlot : public QWidget {
    Q_OBJECT
public:
    struct LegendEntry {
        QString label;
        QRgb colour;
        qint64 count = -1; // -1: a gradient stop
    };

    explicit ScatterPlot(QWidget *parent = nullptr);

    // Replaces the points (coordinates in data units) and fits them.
    void setPoints(std::vector<float> x, std::vector<float> y);
    int pointCount() const { return int(m_x.size()); }
    // New coordinates for the same points (a layout that is still forming):
    // colours, highlights and the current point stay; `refit` fits the view.
    void movePoints(std::vector<float> x, std::vector<float> y, bool refit);
    // One colour per point (empty: all in the palette's highlight colour).
    void setColours(std::vector<QRgb> colours);
    void setLegend(const QString &title, const QList<LegendEntry> &entries);
    void setHighlighted(const QList<int> &points); // query hits
    void setCurrent(int point);                    // -1: none
    // The current point's nearest neighbours in the original space: joined
    // to it by lines, each marked with a ring.
    void setNeighbours(const QList<int> &points);
    QList<int> neighbours() const { return m_neighbours; }
    QList<int> highlighted() const { return m_highlighted; }
    int current() const { return m_current; }
    // Shown instead of the points when there are none.
    void setMessage(const QString &message);

    // The nearest point within a few pixels of `pos`, or -1.
    int pointAt(const QPoint &pos) const;
    // Where point `i` is drawn, in widget coordinates.
    QPointF pixelOf(int i) const;

    double zoom() const { return m_zoom; }
    // Time the last re-rendering of the point image took.
    double lastRenderMs() const { return m_lastRenderMs; }

public slots:
    void fit();

signals:
    void pointClicked(int point);
    void pointHovered(int point); // -1 when leaving every point

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void invalidate();
    void render();
    void paintLegend(QPainter &painter);
    double baseScale() const;

    std::vector<float> m_x, m_y;
    std::vector<QRgb> m_colours;
    QList<int> m_highlighted;
    QList<int> m_neighbours;
    int m_current = -1;
    QString m_message;
    QString m_legendTitle;
    QList<LegendEntry> m_legend;

    // View: data point p is at (p - m_centre) * scale, y up, around the widget's centre.
    QPointF m_centre;
    double m_zoom = 1;
    QRectF m_bounds;

    QImage m_image;
    bool m_dirty = true;
    double m_lastRenderMs = 0;
    // Hit-testing grid over the rendered pixels: cell c holds
    // m_cellPoints[m_cellStart[c] .. m_cellStart[c + 1]).
    static constexpr int kCell = 8;
    int m_gridColumns = 0, m_gridRows = 0;
    std::vector<int> m_cellStart, m_cellPoints;

    QPoint m_pressPos, m_lastPos;
    bool m_dragging = false, m_pressed = false;
    int m_hovered = -1;
};

} // namespace sextant::ui
