#pragma once
// Browse: every item of the index in a table (ItemTableModel), with a filter
// bar, a count, the shared current item, and a context menu.

#include <QStyledItemDelegate>
#include <QTimer>
#include <QWidget>

class QLabel;
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
// line and column; offset -1 when the message names none.
struct FilterErrorPosition {
    int offset = -1;
    int line = 0;
    int column = 0;
};
FilterErrorPosition filterErrorPosition(const QString &message, const QByteArray &utf8Text);

class BrowseView : public QWidget {
    Q_OBJECT
public:
    explicit BrowseView(IndexSession *session, QWidget *parent = nullptr);

    ItemTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    // The filter bar's error (empty when the text is a valid filter).
    QString filterError() const { return m_filterError; }
    // What the count label says ("N of M items", "counting…").
    QString countText() const;
    // The empty state's sentence when it shows, else empty.
    QString emptyStateText() const;

public slots:
    void setFilterText(const QString &text); // as if typed, applied at once
    void applyFilter();

signals:
    // "Find similar" from the context menu: the main window shows the Query
    // view with this item as the query.
    void findSimilarRequested(const QString &id);

private:
    void validateFilter();
    void updateCount();
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
    QStackedWidget *m_stack;
    QTableView *m_table;
    QLabel *m_emptyLabel;
    QTimer m_applyTimer;
    QString m_filterError;
    bool m_selecting = false;
    int m_waitingRow = -1; // selected before its page arrived
};

} // namespace sextant::ui
