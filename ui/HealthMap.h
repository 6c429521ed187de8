#pragma once
// The index drawn as a map of its files and blocks, coloured by health, so
// the user sees where damage is. One row per file of the verify report
// (name, kind, size); the row's cells stand for its blocks.
//
// Cells: a file whose checksums cover blocks (segments: 64 KiB) gets one
// cell per block; a file checked whole gets one cell per 64 KiB too, so that
// rows compare by size and a finding's byte offset lands in a cell. A row
// shows at most kMaxCellLines lines of cells; beyond that each cell stands
// for several consecutive blocks and takes the worst health among them
// (a 1.5 GB segment: 24,000 blocks in a few hundred cells). Painting looks
// only at the rows in view and at the findings of each cell (kept sparse,
// per file), so the cost does not grow with the index's size.
//
// A finding with an offset colours the blocks it covers; one without
// colours the whole row, drawn hatched so that a damaged block stays
// visible inside it. Clicking a cell with a finding emits findingActivated.

#include "IntegrityHealth.h"
#include "sextant/Verifier.h"

#include <QWidget>

namespace sextant::ui {

class HealthMap : public QWidget {
    Q_OBJECT
public:
    static constexpr qint64 kNominalUnit = 64 * 1024; // bytes per cell of a file checked whole
    static constexpr int kMaxCellLines = 4;

    explicit HealthMap(QWidget *parent = nullptr);

    void setReport(const VerifyReport &report);
    void clear();
    bool hasReport() const { return m_hasReport; }

    // What the map shows for one block (unit) of a file, whole-file findings
    // included; NotChecked for a file it does not show.
    BlockHealth blockHealth(const QString &file, qint64 block) const;
    // Every (file, block) the map shows in `health` because of a finding
    // about a position (not whole-file findings), in row order.
    QList<QPair<QString, qint64>> blocksWith(BlockHealth health) const;
    // Files coloured as a whole by a finding of this health.
    QStringList filesWith(BlockHealth health) const;
    QStringList files() const;
    qint64 unitOf(const QString &file) const; // bytes per block; 0 when unknown
    // Where the cell holding `block` of `file` is drawn (empty if not shown).
    QRect cellRect(const QString &file, qint64 block) const;

    // Outlines the cells of this finding (-1: none).
    void setSelectedFinding(int finding);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

signals:
    void findingActivated(int finding);
    void fileActivated(const QString &file);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Mark {
        BlockHealth health = BlockHealth::Good;
        int finding = -1; // the worst finding in the cell; -1: none
    };
    // Blocks [first, last] a finding with an offset covers.
    struct Interval {
        qint64 first = 0, last = 0;
        BlockHealth health = BlockHealth::Error;
        int finding = -1;
    };
    struct Row {
        QString file;     // empty: the index as a whole
        QString kind;     // translated kind, or empty when the report does not list the file
        qint64 size = -2; // -1 missing, -2 unknown (the report does not list it)
        qint64 unit = 0;  // bytes per block, 0 when the row is one cell
        qint64 blocks = 1;
        bool checked = true;
        BlockHealth wholeFile = BlockHealth::Good; // worst finding without an offset
        int wholeFileFinding = -1;
        QList<Interval> intervals; // findings with an offset
        // Layout, for the current width
        int top = 0, height = 0, cells = 1;
        qint64 blocksPerCell = 1;
        QList<Mark> cellMarks; // per cell
    };
    struct CellRef {
        int row = -1;
        int cell = -1;
    };

    void relayout(int width);
    int layoutHeight(int width, QList<Row> *rows) const;
    int cellsPerLine(int width) const;
    int labelWidth(int width) const;
    int legendHeight() const;
    BlockHealth baseHealth(const Row &row) const;
    QRect cellGeometry(const Row &row, int cell) const;
    CellRef cellAt(const QPoint &pos) const;
    QString cellToolTip(const Row &row, int cell) const;
    void paintLegend(QPainter &p, bool dark);
    QString detailText(const Row &row) const;
    void paintRow(QPainter &p, const Row &row, bool dark);
    int rowIndexOf(const QString &file) const;

    VerifyReport m_report;
    QList<Row> m_rows;
    bool m_hasReport = false;
    int m_selectedFinding = -1;
    int m_layoutWidth = -1;
};

} // namespace sextant::ui
