#pragma once
// The inspector: the current item (IndexSession::currentItem) in full — its
// metadata as a tree and as editable JSON, its vector's statistics and
// histogram, and its nearest neighbours. Edits and deletion are undoable
// commands on the session's undo stack, written through the write queue.

#include "sextant/Item.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeView;
class QTreeWidget;
class QTreeWidgetItem;

namespace sextant::ui {

class IndexSession;
class JsonTreeModel;

struct VectorStats {
    int dimensions = 0;
    double norm = 0, min = 0, max = 0, mean = 0, stddev = 0;
};
VectorStats computeVectorStats(const QVector<float> &vector);

// A histogram of a vector's values, custom painted.
class VectorHistogram : public QWidget {
    Q_OBJECT
public:
    static constexpr int kBins = 32;
    explicit VectorHistogram(QWidget *parent = nullptr);
    void setValues(const QVector<float> &values);
    QVector<int> counts() const { return m_counts; }
    QSize sizeHint() const override { return {320, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QVector<int> m_counts;
    float m_min = 0, m_max = 0;
};

class InspectorView : public QWidget {
    Q_OBJECT
public:
    explicit InspectorView(IndexSession *session, QWidget *parent = nullptr);

    // The item on display (empty while none is).
    QString itemId() const { return m_item ? m_item->id : QString(); }
    // The message shown instead of an item ("Select an item…", "… no longer exists."), else empty.
    QString messageText() const;
    // The inline error of the last Apply (empty when it went through).
    QString editError() const;
    // The neighbours on display, best first.
    QStringList neighbourIds() const;

    JsonTreeModel *metadataModel() const { return m_treeModel; }
    QPlainTextEdit *jsonEditor() const { return m_editor; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *deleteButton() const { return m_delete; }
    QTreeWidget *neighbourList() const { return m_neighbours; }
    VectorHistogram *histogram() const { return m_histogram; }

    // Edit ▸ Copy with the focus in the inspector: the metadata tree's
    // value, the JSON editor's selection, a neighbour's id. False when
    // nothing there has the focus.
    bool copyFocused();
    enum class CopyFormat { Id, JsonLine, Vector, PythonList };
    // The item on display in that form (empty without an item).
    QString copyText(CopyFormat format) const;
    // How a neighbour is named: "title — start of the passage…" when the
    // item carries them, else its id.
    static QString itemLabel(const QString &id, const QJsonObject &metadata);
    // "Not in the current filter": the Browse filter hides this item.
    QString filterNote() const;

public slots:
    // Marks (or unmarks) the item on display as hidden by Browse's filter.
    void setFilteredOut(const QString &id, bool hidden);
    // The selected row is still loading: say so instead of showing the item
    // selected before; endLoading() shows the current item again.
    void showLoading();
    void endLoading();
    // Validates the JSON editor's text and pushes an EditMetadataCommand.
    void applyEdits();
    void revertEdits();
    // Pushes a DeleteItemCommand for the item on display.
    void deleteItem();

signals:
    void itemLoaded(const QString &id);
    void neighboursLoaded(const QString &id);

private:
    void load(bool keepEdits);
    void showItem(const Item &item, bool keepEdits);
    void showMessage(const QString &text);
    void loadNeighbours();
    void setEditError(const QString &text);
    void onNeighbourClicked(QTreeWidgetItem *item);

    IndexSession *m_session;
    std::optional<Item> m_item;
    quint64 m_loadToken = 0;
    quint64 m_neighbourToken = 0;
    bool m_editorDirty = false;
    bool m_settingText = false;
    bool m_loadingRow = false;

    QStackedWidget *m_stack;
    QLabel *m_message;
    QLabel *m_title;
    QLabel *m_filterNote;
    QString m_filteredOutId;
    QTabWidget *m_tabs;
    JsonTreeModel *m_treeModel;
    QTreeView *m_tree;
    QPlainTextEdit *m_editor;
    QLabel *m_editError;
    QPushButton *m_apply;
    QPushButton *m_revert;
    QPushButton *m_delete;
    QPushButton *m_copy;
    QLabel *m_stats;
    VectorHistogram *m_histogram;
    QLabel *m_neighbourStatus;
    QTreeWidget *m_neighbours;
};

} // namespace sextant::ui
