#include "HealthMap.h"

#include "Format.h"
#include "Theme.h"

#include <QEvent>
#include <QHash>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPaintEvent>
#include <QToolTip>
#include <algorithm>
#include <set>

namespace sextant::ui {

namespace {
constexpr int kMargin = 8;
constexpr int kCell = 12;
constexpr int kPitch = 14; // cell and gap
constexpr int kRowGap = 6;
constexpr int kMinCellsPerLine = 8;

QString kindLabel(FileKind kind)
{
    switch (kind) {
    case FileKind::Manifest: return HealthMap::tr("manifest");
    case FileKind::PreviousManifest: return HealthMap::tr("previous manifest");
    case FileKind::Wal: return HealthMap::tr("write-ahead log");
    case FileKind::Segment: return HealthMap::tr("segment");
    case FileKind::Deletion: return HealthMap::tr("deletion vector");
    case FileKind::Graph: return HealthMap::tr("search graph");
    case FileKind::Lock: return HealthMap::tr("lock");
    case FileKind::Quarantine: return HealthMap::tr("quarantine");
    case FileKind::Orphan: return HealthMap::tr("leftover file");
    case FileKind::Unexpected: return HealthMap::tr("unexpected file");
    }
    return {};
}

qint64 ceilDiv(qint64 a, qint64 b) { return (a + b - 1) / b; }

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// A cell coloured by a finding about its whole file: tinted and hatched in
// that finding's colour, so that a cell with a finding of its own (solid)
// still stands out inside the row.
void paintWholeFileCell(QPainter &p, const QRect &r, const QColor &background, const QColor &whole)
{
    p.fillRect(r, mix(background, whole, 0.5));
    p.fillRect(r, QBrush(whole.darker(130), Qt::BDiagPattern));
}
} // namespace

HealthMap::HealthMap(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void HealthMap::clear()
{
    m_report = VerifyReport();
    m_rows.clear();
    m_hasReport = false;
    m_selectedFinding = -1;
    m_layoutWidth = -1;
    updateGeometry();
    update();
}

void HealthMap::setReport(const VerifyReport &report)
{
    m_report = report;
    m_rows.clear();
    m_hasReport = true;
    m_selectedFinding = -1;
    QHash<QString, int> rowOf;
    for (const FileHealth &fh : report.files) {
        Row row;
        row.file = fh.name;
        row.kind = kindLabel(fh.kind);
        row.size = fh.size;
        row.checked = fh.checked;
        if (fh.size >= 0) {
            row.unit = fh.blockSize > 0 ? fh.blockSize : kNominalUnit;
            row.blocks = std::max<qint64>(1, ceilDiv(fh.size, row.unit));
        }
        rowOf.insert(row.file, int(m_rows.size()));
        m_rows.append(row);
    }
    // Findings about files the report does not list (or about the index as
    // a whole) still get a row: one cell, since nothing says how big it is.
    for (int i = 0; i < report.findings.size(); ++i) {
        const Finding &f = report.findings[i];
        if (rowOf.contains(f.file)) continue;
        Row row;
        row.file = f.file;
        rowOf.insert(f.file, f.file.isEmpty() ? 0 : int(m_rows.size()));
        if (f.file.isEmpty()) {
            m_rows.prepend(row);
            for (auto it = rowOf.begin(); it != rowOf.end(); ++it)
                if (!it.key().isEmpty()) ++it.value();
        } else {
            m_rows.append(row);
        }
    }
    for (int i = 0; i < report.findings.size(); ++i) {
        const Finding &f = report.findings[i];
        Row &row = m_rows[rowOf.value(f.file)];
        const BlockHealth h = healthOf(f.severity);
        if (f.offset < 0) {
            if (row.wholeFileFinding < 0 || h > row.wholeFile) {
                row.wholeFile = h;
                row.wholeFileFinding = i;
            }
            continue;
        }
        Interval span; // a row without a unit is one cell: block 0
        if (row.unit > 0) {
            span.first = std::clamp<qint64>(f.offset / row.unit, 0, row.blocks - 1);
            span.last = std::clamp<qint64>((f.offset + std::max<qint64>(f.length, 1) - 1) / row.unit, span.first,
                                           row.blocks - 1);
        }
        span.health = h;
        span.finding = i;
        row.intervals.append(span);
    }
    m_layoutWidth = -1;
    relayout(width());
    updateGeometry();
    update();
}

BlockHealth HealthMap::baseHealth(const Row &row) const
{
    if (row.size == -1) return BlockHealth::Missing;
    return row.checked ? BlockHealth::Good : BlockHealth::NotChecked;
}

int HealthMap::rowIndexOf(const QString &file) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].file == file) return i;
    return -1;
}

BlockHealth HealthMap::blockHealth(const QString &file, qint64 block) const
{
    const int r = rowIndexOf(file);
    if (r < 0) return BlockHealth::NotChecked;
    const Row &row = m_rows[r];
    BlockHealth h = baseHealth(row);
    if (row.wholeFileFinding >= 0) h = std::max(h, row.wholeFile);
    for (const Interval &s : row.intervals)
        if (block >= s.first && block <= s.last) h = std::max(h, s.health);
    return h;
}

QList<QPair<QString, qint64>> HealthMap::blocksWith(BlockHealth health) const
{
    QList<QPair<QString, qint64>> out;
    for (const Row &row : m_rows) {
        std::set<qint64> blocks;
        for (const Interval &s : row.intervals)
            for (qint64 b = s.first; b <= s.last; ++b)
                blocks.insert(b);
        for (qint64 b : blocks) {
            BlockHealth worst = BlockHealth::NotChecked;
            for (const Interval &s : row.intervals)
                if (b >= s.first && b <= s.last) worst = std::max(worst, s.health);
            if (worst == health) out.append({row.file, b});
        }
    }
    return out;
}

QStringList HealthMap::filesWith(BlockHealth health) const
{
    QStringList out;
    for (const Row &row : m_rows)
        if (row.wholeFileFinding >= 0 && row.wholeFile == health) out << row.file;
    return out;
}

QStringList HealthMap::files() const
{
    QStringList out;
    for (const Row &row : m_rows)
        out << row.file;
    return out;
}

qint64 HealthMap::unitOf(const QString &file) const
{
    const int r = rowIndexOf(file);
    return r < 0 ? 0 : m_rows[r].unit;
}

QRect HealthMap::cellRect(const QString &file, qint64 block) const
{
    const int r = rowIndexOf(file);
    if (r < 0 || block < 0 || block >= m_rows[r].blocks) return {};
    const Row &row = m_rows[r];
    return cellGeometry(row, int(block / row.blocksPerCell));
}

void HealthMap::setSelectedFinding(int finding)
{
    if (finding == m_selectedFinding) return;
    m_selectedFinding = finding;
    update();
}

// ------------------------------------------------------------------ layout

int HealthMap::labelWidth(int width) const { return std::clamp(width / 3, 160, 300); }

int HealthMap::cellsPerLine(int width) const
{
    return std::max(kMinCellsPerLine, (width - 2 * kMargin - labelWidth(width)) / kPitch);
}

int HealthMap::legendHeight() const { return fontMetrics().height() + 2 * kMargin + 4; }

int HealthMap::layoutHeight(int width, QList<Row> *rows) const
{
    if (rows->isEmpty()) return legendHeight() + 3 * fontMetrics().height();
    const int perLine = cellsPerLine(width);
    const int labelHeight = 2 * fontMetrics().height() + 2;
    int y = legendHeight();
    for (Row &row : *rows) {
        if (row.unit == 0) {
            row.cells = 1;
            row.blocksPerCell = 1;
        } else {
            const qint64 maxCells = qint64(perLine) * kMaxCellLines;
            row.blocksPerCell = row.blocks <= maxCells ? 1 : ceilDiv(row.blocks, maxCells);
            row.cells = int(ceilDiv(row.blocks, row.blocksPerCell));
        }
        const int lines = int(ceilDiv(row.cells, perLine));
        row.top = y;
        // A detail wider than the label column takes a second line.
        const QRect detail = fontMetrics().boundingRect(QRect(0, 0, labelWidth(width) - 10, 4 * fontMetrics().height()),
                                                        Qt::TextWordWrap, detailText(row));
        const int rowLabelHeight =
            detail.height() > fontMetrics().height() ? labelHeight + fontMetrics().height() : labelHeight;
        row.height = std::max(rowLabelHeight, lines * kPitch) + kRowGap;
        y += row.height;
    }
    return y + kMargin;
}

void HealthMap::relayout(int width)
{
    if (width <= 0 || width == m_layoutWidth) return;
    m_layoutWidth = width;
    const int height = layoutHeight(width, &m_rows);
    // The worst mark of every cell, computed once per layout so that a
    // paint looks up each visible cell in constant time.
    for (Row &row : m_rows) {
        row.cellMarks = QList<Mark>(row.cells);
        for (const Interval &s : row.intervals) {
            const int first = int(s.first / row.blocksPerCell), last = int(s.last / row.blocksPerCell);
            for (int c = first; c <= last && c < row.cells; ++c)
                if (row.cellMarks[c].finding < 0 || s.health > row.cellMarks[c].health)
                    row.cellMarks[c] = Mark{s.health, s.finding};
        }
    }
    setMinimumHeight(height);
}

int HealthMap::heightForWidth(int width) const
{
    QList<Row> rows = m_rows;
    return layoutHeight(width, &rows);
}

QSize HealthMap::sizeHint() const { return QSize(640, heightForWidth(640)); }

QSize HealthMap::minimumSizeHint() const { return QSize(320, legendHeight() + 2 * fontMetrics().height()); }

void HealthMap::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout(width());
}

QRect HealthMap::cellGeometry(const Row &row, int cell) const
{
    const int perLine = cellsPerLine(width());
    const int x = kMargin + labelWidth(width()) + (cell % perLine) * kPitch;
    const int y = row.top + 2 + (cell / perLine) * kPitch;
    return QRect(x, y, kCell, kCell);
}

HealthMap::CellRef HealthMap::cellAt(const QPoint &pos) const
{
    const int perLine = cellsPerLine(width());
    const int left = kMargin + labelWidth(width());
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows[r];
        if (pos.y() < row.top || pos.y() >= row.top + row.height) continue;
        if (pos.x() < left) return {r, -1};
        const int col = (pos.x() - left) / kPitch, line = (pos.y() - row.top - 2) / kPitch;
        if (col >= perLine || pos.y() < row.top + 2) return {r, -1};
        const int cell = line * perLine + col;
        if (cell >= row.cells || !cellGeometry(row, cell).contains(pos)) return {r, -1};
        return {r, cell};
    }
    return {};
}

// ----------------------------------------------------------------- events

void HealthMap::mousePressEvent(QMouseEvent *event)
{
    const CellRef ref = cellAt(event->position().toPoint());
    if (ref.row < 0) return QWidget::mousePressEvent(event);
    const Row &row = m_rows[ref.row];
    int finding = -1;
    if (ref.cell >= 0 && ref.cell < row.cellMarks.size()) finding = row.cellMarks[ref.cell].finding;
    if (finding < 0) finding = row.wholeFileFinding;
    if (finding >= 0)
        emit findingActivated(finding);
    else
        emit fileActivated(row.file);
}

bool HealthMap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const CellRef ref = cellAt(help->pos());
        if (ref.row < 0) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), cellToolTip(m_rows[ref.row], ref.cell), this);
        }
        return true;
    }
    return QWidget::event(event);
}

void HealthMap::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_layoutWidth = -1;
        relayout(width());
        update();
    }
    QWidget::changeEvent(event);
}

QString HealthMap::cellToolTip(const Row &row, int cell) const
{
    const QLocale locale;
    const QString name = row.file.isEmpty() ? tr("The index as a whole") : row.file;
    QStringList lines{QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped())};
    if (cell < 0) {
        if (row.size == -1)
            lines << tr("missing");
        else if (row.size >= 0)
            lines << tr("%1, %2").arg(row.kind, formatBytes(row.size));
        if (row.unit > 0)
            lines << tr("one cell: %Ln block(s) of %1", nullptr, int(std::min<qint64>(row.blocksPerCell, INT_MAX)))
                         .arg(formatBytes(row.unit));
        if (!row.checked) lines << tr("not checked by this run");
        return lines.join(QStringLiteral("<br>"));
    }
    BlockHealth health = baseHealth(row);
    int finding = -1;
    if (row.unit > 0) {
        const qint64 first = qint64(cell) * row.blocksPerCell;
        const qint64 last = std::min(row.blocks, first + row.blocksPerCell) - 1;
        const qint64 endByte = std::min(row.size, (last + 1) * row.unit) - 1;
        lines << (first == last ? tr("block %1, bytes %2–%3").arg(locale.toString(first))
                                : tr("blocks %1–%2, bytes %3–%4").arg(locale.toString(first), locale.toString(last)))
                     .arg(locale.toString(first * row.unit), locale.toString(std::max<qint64>(endByte, 0)));
    }
    if (cell < row.cellMarks.size() && row.cellMarks[cell].finding >= 0) {
        health = std::max(health, row.cellMarks[cell].health);
        finding = row.cellMarks[cell].finding;
    }
    if (row.wholeFileFinding >= 0 && row.wholeFile > health) {
        health = row.wholeFile;
        finding = row.wholeFileFinding;
    }
    lines << tr("health: %1").arg(healthName(health));
    if (finding >= 0) lines << m_report.findings[finding].message.toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

// ---------------------------------------------------------------- painting

void HealthMap::paintEvent(QPaintEvent *event)
{
    relayout(width());
    QPainter p(this);
    const bool dark = isDarkPalette(palette());
    p.fillRect(event->rect(), palette().color(QPalette::Base));
    paintLegend(p, dark);
    if (m_rows.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        const QRect area(kMargin, legendHeight(), width() - 2 * kMargin, 3 * fontMetrics().height());
        p.drawText(area, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                   m_hasReport ? tr("This report lists no files.")
                               : tr("Verify the index to see its files and blocks here."));
        return;
    }
    for (const Row &row : std::as_const(m_rows)) {
        if (row.top > event->rect().bottom()) break;
        if (row.top + row.height < event->rect().top()) continue;
        paintRow(p, row, dark);
    }
}

void HealthMap::paintLegend(QPainter &p, bool dark)
{
    const QFontMetrics fm = fontMetrics();
    int x = kMargin;
    const int y = kMargin;
    p.setPen(palette().color(QPalette::Text));
    for (BlockHealth h : {BlockHealth::Good, BlockHealth::Note, BlockHealth::Warning, BlockHealth::Error,
                          BlockHealth::NotChecked, BlockHealth::Missing}) {
        const QRect swatch(x, y + (fm.height() - kCell) / 2, kCell, kCell);
        p.fillRect(swatch, healthColour(h, dark));
        x += kCell + 4;
        const QString name = healthName(h);
        p.drawText(QPoint(x, y + fm.ascent()), name);
        x += fm.horizontalAdvance(name) + 14;
    }
    const QRect hatch(x, y + (fm.height() - kCell) / 2, kCell, kCell);
    paintWholeFileCell(p, hatch, palette().color(QPalette::Base), healthColour(BlockHealth::Error, dark));
    x += kCell + 4;
    p.drawText(QPoint(x, y + fm.ascent()), tr("hatched: a finding about the whole file"));
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(kMargin, legendHeight() - 4, width() - kMargin, legendHeight() - 4);
}

QString HealthMap::detailText(const Row &row) const
{
    QString detail;
    if (row.size == -1)
        detail = row.kind.isEmpty() ? tr("missing") : tr("%1, missing").arg(row.kind);
    else if (row.size >= 0)
        detail = tr("%1, %2").arg(row.kind, formatBytes(row.size));
    else if (!row.file.isEmpty())
        detail = tr("not listed in the report");
    if (!row.checked && row.size >= 0) detail += tr(", not checked");
    return detail;
}

void HealthMap::paintRow(QPainter &p, const Row &row, bool dark)
{
    const QFontMetrics fm = fontMetrics();
    const int labelW = labelWidth(width()) - 10;
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::Text));
    const QString name = row.file.isEmpty() ? tr("The index as a whole") : row.file;
    p.drawText(QPoint(kMargin, row.top + fm.ascent()), QFontMetrics(bold).elidedText(name, Qt::ElideMiddle, labelW));
    p.setFont(font());
    p.setPen(palette().color(QPalette::PlaceholderText));
    // Up to two lines (the layout made room): "übrig gebliebene Datei,
    // 184 Bytes, nicht geprüft" is wider than the label column.
    const QString detail = detailText(row);
    p.drawText(QRect(kMargin, row.top + fm.height(), labelW, 2 * fm.height()),
               Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, detail);

    const BlockHealth base = baseHealth(row);
    const QColor wholeColour = healthColour(row.wholeFile, dark);
    const bool hatched = row.wholeFileFinding >= 0 && row.wholeFile > base;
    for (int c = 0; c < row.cells; ++c) {
        const QRect r = cellGeometry(row, c);
        BlockHealth h = base;
        if (c < row.cellMarks.size() && row.cellMarks[c].finding >= 0) h = std::max(h, row.cellMarks[c].health);
        if (hatched && row.wholeFile > h)
            paintWholeFileCell(p, r, palette().color(QPalette::Base), wholeColour);
        else
            p.fillRect(r, healthColour(h, dark));
    }
    if (m_selectedFinding >= 0) {
        // Outline the cells of the finding selected in the tree.
        p.setPen(QPen(palette().color(QPalette::Text), 2));
        p.setBrush(Qt::NoBrush);
        if (row.wholeFileFinding == m_selectedFinding) {
            const QRect first = cellGeometry(row, 0), last = cellGeometry(row, row.cells - 1);
            p.drawRect(
                QRect(first.topLeft(),
                      QPoint(cellGeometry(row, std::min(row.cells, cellsPerLine(width())) - 1).right(), last.bottom()))
                    .adjusted(-2, -2, 2, 2));
        }
        for (const Interval &s : row.intervals) {
            if (s.finding != m_selectedFinding) continue;
            const int first = int(s.first / row.blocksPerCell), last = int(s.last / row.blocksPerCell);
            for (int c = first; c <= last && c < row.cells; ++c)
                p.drawRect(cellGeometry(row, c).adjusted(-1, -1, 1, 1));
        }
    }
}

} // namespace sextant::ui
