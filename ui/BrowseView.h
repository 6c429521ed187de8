#pragma once
// Browse: every item of the index in a table (ItemTableModel), with a filter
// bar, a count, the shared current item, and a context menu.

#include "FilterHints.h"
#include "sextant/Error.h"

#include <QStyledItemDelegate>
#include <QTimer>
#include <QWidget>

class QLabel;
class QMenu;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace sextant::ui {

class IndexSession;
class ItemTableModel;

// Paints a row's vector, downsampled to a few dozen bins, as a small line.
class SparklineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// Where a filter error points: the character offset in the text (not bytes),
// line and column; offset -1 when the error names none. From the error's
// fields (offset(), line(), column()).
struct FilterErrorPosition {
    int offset = -1;
    int line = 0;
    int column = 0;
};
FilterErrorPosition filterErrorPosition(const Error &error, const QByteArray &utf8Text);

class BrowseView : public QWidget {
    Q_OBJECT
public:
    explicit BrowseView(IndexSession *session, QWidget *parent = nullptr);

    ItemTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    // The filter bar's error (empty when the text is a valid filter).
    // The filter's parse error; ok() when the filter is valid or an id.
    const Error &filterError() const { return m_filterError; }
    // What the count label says ("N of M items", "counting…").
    QString countText() const;
    // The empty state's sentence when it shows, else empty.
    QString emptyStateText() const;
    // What the filter cannot mean ("year holds numbers; ..."), else empty.
    QString filterNoteText() const;
    // The ids of the selected rows that are loaded, in row order (at most
    // kMaxCopyRows); `skipped` counts selected rows not loaded yet.
    static constexpr int kMaxCopyRows = 10000;
    enum class CopyFormat { Ids, JsonLines, Vector, PythonList };
    QStringList selectedIds(int *skipped = nullptr) const;
    // The context menu for the selected rows (the caller owns it; null
    // while none is loaded).
    QMenu *contextMenu();

public slots:
    void setFilterText(const QString &text); // as if typed, applied at once
    void applyFilter();
    // Selects the item with this id, or the first whose id starts with it
    // (the filter bar takes a bare id too); a filter that hides it is
    // cleared first. Answers with wentToId (empty when nothing matched).
    void goToId(const QString &text);
    // Copies the selected rows (Edit ▸ Copy with the table focused).
    void copySelection(CopyFormat format = CopyFormat::JsonLines);

signals:
    // "Find similar" from the context menu: the main window shows the Query
    // view with this item as the query.
    void findSimilarRequested(const QString &id);
    // The current item is (not) among the rows Browse's filter keeps: the
    // inspector marks an item the filter hides.
    void currentItemFilteredOut(const QString &id, bool hidden);
    // The selected row's page is still loading: the inspector shows that,
    // not the item selected before.
    void currentRowLoading();
    void currentRowLoaded();
    void wentToId(const QString &typed, const QString &id);
    // What copySelection() put on the clipboard (rows copied).
    void copied(int rows, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void validateFilter();
    void updateFilterNote();
    void updateCount();
    void updateSortIndicator();
    void updateViewport();
    void onCurrentRowChanged(const QModelIndex &current);
    void onSessionCurrentItemChanged(const QString &id);
    void onRowLocated(const QString &id, int row);
    void selectRow(int row);
    void showContextMenu(const QPoint &pos);

    IndexSession *m_session;
    ItemTableModel *m_model;
    QLineEdit *m_filterEdit;
    QLabel *m_countLabel;
    QLabel *m_errorLabel;
    QLabel *m_noteLabel;
    FieldTypes m_fieldTypes;
    quint64 m_goToSerial = 0;
    QString m_pendingGoTo; // waiting for the unfiltered row map
    QStackedWidget *m_stack;
    QTableView *m_table;
    QLabel *m_emptyLabel;
    QTimer m_applyTimer;
    Error m_filterError;
    bool m_selecting = false;
    int m_waitingRow = -1; // selected before its page arrived
};

} // namespace sextant::ui
