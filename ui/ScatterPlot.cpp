#include "ScatterPlot.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace sextant::ui {

namespace {
constexpr double kMargin = 24;
constexpr int kPickRadius = 6;

// Source-over of an opaque colour with alpha `a` (0..256) onto `dst`.
inline QRgb blend(QRgb src, QRgb dst, uint a)
{
    const uint ia = 256 - a;
    const uint rb = (((src & 0xff00ff) * a + (dst & 0xff00ff) * ia) >> 8) & 0xff00ff;
    const uint g = (((src & 0x00ff00) * a + (dst & 0x00ff00) * ia) >> 8) & 0x00ff00;
    return 0xff000000u | rb | g;
}
} // namespace

ScatterPlot::ScatterPlot(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(200, 150);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::CrossCursor);
}

void ScatterPlot::setPoints(std::vector<float> x, std::vector<float> y)
{
    m_x = std::move(x);
    m_y = std::move(y);
    m_colours.clear();
    m_highlighted.clear();
    m_neighbours.clear();
    m_current = -1;
    m_hovered = -1;
    float x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    if (!m_x.empty()) {
        const auto [xmin, xmax] = std::minmax_element(m_x.begin(), m_x.end());
        const auto [ymin, ymax] = std::minmax_element(m_y.begin(), m_y.end());
        x0 = *xmin, x1 = *xmax, y0 = *ymin, y1 = *ymax;
    }
    m_bounds = QRectF(QPointF(x0, y0), QPointF(x1, y1));
    fit();
}

void ScatterPlot::movePoints(std::vector<float> x, std::vector<float> y, bool refit)
{
    if (x.size() != m_x.size() || y.size() != m_y.size()) return;
    m_x = std::move(x);
    m_y = std::move(y);
    if (!m_x.empty()) {
        const auto [xmin, xmax] = std::minmax_element(m_x.begin(), m_x.end());
        const auto [ymin, ymax] = std::minmax_element(m_y.begin(), m_y.end());
        m_bounds = QRectF(QPointF(*xmin, *ymin), QPointF(*xmax, *ymax));
    }
    if (refit)
        fit();
    else
        invalidate();
}

void ScatterPlot::setNeighbours(const QList<int> &points)
{
    m_neighbours = points;
    update();
}

void ScatterPlot::setColours(std::vector<QRgb> colours)
{
    m_colours = std::move(colours);
    invalidate();
}

void ScatterPlot::setLegend(const QString &title, const QList<LegendEntry> &entries)
{
    m_legendTitle = title;
    m_legend = entries;
    update();
}

void ScatterPlot::setHighlighted(const QList<int> &points)
{
    m_highlighted = points;
    update();
}

void ScatterPlot::setCurrent(int point)
{
    m_current = point;
    update();
}

void ScatterPlot::setMessage(const QString &message)
{
    m_message = message;
    invalidate();
}

void ScatterPlot::fit()
{
    m_centre = m_bounds.center();
    m_zoom = 1;
    invalidate();
}

double ScatterPlot::baseScale() const
{
    const double w = std::max(1.0, width() - 2 * kMargin), h = std::max(1.0, height() - 2 * kMargin);
    const double bw = m_bounds.width() > 0 ? m_bounds.width() : 1, bh = m_bounds.height() > 0 ? m_bounds.height() : 1;
    return std::min(w / bw, h / bh);
}

QPointF ScatterPlot::pixelOf(int i) const
{
    const double s = baseScale() * m_zoom;
    return QPointF((m_x[size_t(i)] - m_centre.x()) * s + width() / 2.0,
                   height() / 2.0 - (m_y[size_t(i)] - m_centre.y()) * s);
}

void ScatterPlot::invalidate()
{
    m_dirty = true;
    update();
}

void ScatterPlot::render()
{
    QElapsedTimer timer;
    timer.start();
    const int w = std::max(1, width()), h = std::max(1, height());
    if (m_image.size() != QSize(w, h)) m_image = QImage(w, h, QImage::Format_RGB32);
    const QRgb background = palette().color(QPalette::Base).rgb();
    m_image.fill(background);
    m_gridColumns = (w + kCell - 1) / kCell;
    m_gridRows = (h + kCell - 1) / kCell;
    m_cellStart.assign(size_t(m_gridColumns) * m_gridRows + 1, 0);
    m_cellPoints.clear();
    m_dirty = false;
    const qsizetype n = m_message.isEmpty() ? qsizetype(m_x.size()) : 0;
    if (n == 0) {
        m_lastRenderMs = timer.nsecsElapsed() / 1e6;
        return;
    }
    const double s = baseScale() * m_zoom;
    const double ox = w / 2.0 - m_centre.x() * s, oy = h / 2.0 + m_centre.y() * s;
    const QRgb fallback = palette().color(QPalette::Highlight).rgb();
    // Small points and some transparency when dense, so clusters show density.
    const int size = n > 20000 ? 2 : 3;
    const uint alpha = n > 20000 ? 150 : 220;
    std::vector<int> cellOf(size_t(n), -1);
    const qsizetype stride = m_image.bytesPerLine() / 4;
    QRgb *bits = reinterpret_cast<QRgb *>(m_image.bits());
    for (qsizetype i = 0; i < n; ++i) {
        const int px = int(std::floor(m_x[size_t(i)] * s + ox)), py = int(std::floor(oy - m_y[size_t(i)] * s));
        if (px < 0 || py < 0 || px >= w || py >= h) continue;
        const QRgb c = m_colours.empty() ? fallback : m_colours[size_t(i)];
        const int x0 = px - size / 2, y0 = py - size / 2;
        for (int yy = std::max(0, y0); yy < std::min(h, y0 + size); ++yy) {
            QRgb *line = bits + yy * stride;
            for (int xx = std::max(0, x0); xx < std::min(w, x0 + size); ++xx)
                line[xx] = blend(c, line[xx], alpha);
        }
        const int cell = (py / kCell) * m_gridColumns + px / kCell;
        cellOf[size_t(i)] = cell;
        ++m_cellStart[size_t(cell) + 1];
    }
    for (size_t c = 1; c < m_cellStart.size(); ++c)
        m_cellStart[c] += m_cellStart[c - 1];
    m_cellPoints.resize(size_t(m_cellStart.back()));
    std::vector<int> fill(m_cellStart.begin(), m_cellStart.end() - 1);
    for (qsizetype i = 0; i < n; ++i)
        if (cellOf[size_t(i)] >= 0) m_cellPoints[size_t(fill[size_t(cellOf[size_t(i)])]++)] = int(i);
    m_lastRenderMs = timer.nsecsElapsed() / 1e6;
}

int ScatterPlot::pointAt(const QPoint &pos) const
{
    if (m_dirty || m_image.size() != size()) const_cast<ScatterPlot *>(this)->render();
    if (m_cellPoints.empty()) return -1;
    int best = -1;
    double bestDistance = kPickRadius * kPickRadius + 1e-9;
    const int cx0 = std::max(0, (pos.x() - kPickRadius) / kCell),
              cx1 = std::min(m_gridColumns - 1, (pos.x() + kPickRadius) / kCell);
    const int cy0 = std::max(0, (pos.y() - kPickRadius) / kCell),
              cy1 = std::min(m_gridRows - 1, (pos.y() + kPickRadius) / kCell);
    for (int cy = cy0; cy <= cy1; ++cy) {
        for (int cx = cx0; cx <= cx1; ++cx) {
            const size_t cell = size_t(cy) * m_gridColumns + cx;
            for (int k = m_cellStart[cell]; k < m_cellStart[cell + 1]; ++k) {
                const int i = m_cellPoints[size_t(k)];
                const QPointF p = pixelOf(i) - QPointF(pos) - QPointF(0.5, 0.5);
                const double dd = p.x() * p.x() + p.y() * p.y();
                // Ties go to the point drawn last (on top).
                if (dd < bestDistance || (dd == bestDistance && i > best)) bestDistance = dd, best = i;
            }
        }
    }
    return best;
}

void ScatterPlot::paintEvent(QPaintEvent *)
{
    if (m_dirty || m_image.size() != size()) render();
    QPainter painter(this);
    painter.drawImage(0, 0, m_image);
    if (!m_message.isEmpty() || m_x.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::Text);
    const QRgb fallback = palette().color(QPalette::Highlight).rgb();
    auto colourOf = [&](int i) { return QColor(m_colours.empty() ? fallback : m_colours[size_t(i)]); };
    // Query hits: a ring in the text colour around a solid dot, best on top.
    painter.setPen(QPen(text, 1.5));
    for (qsizetype k = m_highlighted.size() - 1; k >= 0; --k) {
        const int i = m_highlighted[k];
        if (i < 0 || i >= pointCount()) continue;
        painter.setBrush(colourOf(i));
        painter.drawEllipse(pixelOf(i), 4.5, 4.5);
    }
    if (m_current >= 0 && m_current < pointCount() && !m_neighbours.isEmpty()) {
        // True nearest neighbours: dashed lines from the current point, and rings.
        const QColor accent =
            palette().color(QPalette::Base).lightness() < 128 ? QColor(255, 170, 60) : QColor(220, 60, 0);
        const QPointF from = pixelOf(m_current);
        painter.setPen(QPen(accent, 1.2, Qt::DashLine));
        for (int i : m_neighbours)
            if (i >= 0 && i < pointCount()) painter.drawLine(from, pixelOf(i));
        painter.setPen(QPen(accent, 2));
        painter.setBrush(Qt::NoBrush);
        for (int i : m_neighbours)
            if (i >= 0 && i < pointCount()) painter.drawEllipse(pixelOf(i), 5, 5);
    }
    if (m_current >= 0 && m_current < pointCount()) {
        const QPointF p = pixelOf(m_current);
        const QColor accent =
            palette().color(QPalette::Base).lightness() < 128 ? QColor(255, 170, 60) : QColor(220, 60, 0);
        painter.setBrush(colourOf(m_current));
        painter.setPen(QPen(accent, 2.5));
        painter.drawEllipse(p, 7, 7);
        painter.drawLine(p + QPointF(-13, 0), p + QPointF(-8, 0));
        painter.drawLine(p + QPointF(8, 0), p + QPointF(13, 0));
        painter.drawLine(p + QPointF(0, -13), p + QPointF(0, -8));
        painter.drawLine(p + QPointF(0, 8), p + QPointF(0, 13));
    }
    if (m_hovered >= 0 && m_hovered < pointCount()) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(text, 1));
        painter.drawEllipse(pixelOf(m_hovered), 5.5, 5.5);
    }
    paintLegend(painter);
}

void ScatterPlot::paintLegend(QPainter &painter)
{
    if (m_legend.isEmpty()) return;
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height() + 2, swatch = fm.height() - 4;
    int textWidth = fm.horizontalAdvance(m_legendTitle);
    for (const LegendEntry &e : m_legend) {
        const QString label =
            e.count >= 0 ? QStringLiteral("%1  (%2)").arg(e.label, QLocale().toString(e.count)) : e.label;
        textWidth = std::max(textWidth, fm.horizontalAdvance(fm.elidedText(label, Qt::ElideRight, 260)));
    }
    const QRect box(width() - textWidth - swatch - 30, 8, textWidth + swatch + 22,
                    line * int(m_legend.size() + 1) + 10);
    QColor back = palette().color(QPalette::Window);
    back.setAlpha(225);
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(back);
    painter.drawRoundedRect(box, 4, 4);
    painter.setPen(palette().color(QPalette::WindowText));
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(QRect(box.left() + 8, box.top() + 5, box.width() - 12, line), Qt::AlignVCenter, m_legendTitle);
    painter.setFont(font());
    for (qsizetype k = 0; k < m_legend.size(); ++k) {
        const LegendEntry &e = m_legend[k];
        const int y = box.top() + 5 + line * int(k + 1);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(e.colour));
        painter.drawRect(box.left() + 8, y + (line - swatch) / 2, swatch, swatch);
        painter.setPen(palette().color(QPalette::WindowText));
        const QString label =
            e.count >= 0 ? QStringLiteral("%1  (%2)").arg(e.label, QLocale().toString(e.count)) : e.label;
        painter.drawText(QRect(box.left() + 14 + swatch, y, textWidth + 4, line), Qt::AlignVCenter,
                         fm.elidedText(label, Qt::ElideRight, 260));
    }
}

void ScatterPlot::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    invalidate();
}

void ScatterPlot::wheelEvent(QWheelEvent *event)
{
    if (m_x.empty()) return;
    const double before = baseScale() * m_zoom;
    const double factor = std::pow(1.0015, event->angleDelta().y());
    m_zoom = std::clamp(m_zoom * factor, 0.05, 1e5);
    const double after = baseScale() * m_zoom;
    // Keep the data point under the cursor where it is.
    const QPointF offset = event->position() - QPointF(width() / 2.0, height() / 2.0);
    const QPointF under(m_centre.x() + offset.x() / before, m_centre.y() - offset.y() / before);
    m_centre = QPointF(under.x() - offset.x() / after, under.y() + offset.y() / after);
    invalidate();
    event->accept();
}

void ScatterPlot::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) return;
    m_pressed = true;
    m_dragging = false;
    m_pressPos = m_lastPos = event->position().toPoint();
}

void ScatterPlot::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_pressed) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() > 3) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            const double s = baseScale() * m_zoom;
            const QPoint d = pos - m_lastPos;
            m_centre -= QPointF(d.x() / s, -d.y() / s);
            m_lastPos = pos;
            invalidate();
        }
        return;
    }
    const int p = pointAt(pos);
    if (p != m_hovered) {
        m_hovered = p;
        update();
        emit pointHovered(p);
    }
}

void ScatterPlot::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) return;
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        setCursor(Qt::CrossCursor);
        return;
    }
    const int p = pointAt(event->position().toPoint());
    if (p >= 0) emit pointClicked(p);
}

void ScatterPlot::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    if (m_hovered != -1) {
        m_hovered = -1;
        update();
        emit pointHovered(-1);
    }
}

void ScatterPlot::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) invalidate();
}

} // namespace sextant::ui
