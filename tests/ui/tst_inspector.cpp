// InspectorView: the current item's metadata, vector statistics and
// neighbours; undoable metadata edits and deletion through the write queue;
// the read-only state.

#include "Format.h"
#include "InspectorView.h"
#include "ItemCommands.h"
#include "JsonTreeModel.h"
#include "UiTestSupport.h"

#include <QAbstractItemModelTester>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTreeWidget>

using namespace sextant;
using namespace sextant::ui;
using namespace sextant::ui::test;

namespace {

// Finds the row of `key` at the top level of the tree model, -1 if none.
int rowOfKey(const JsonTreeModel &model, const QString &key)
{
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, JsonTreeModel::KeyColumn).data().toString() == key) return r;
    return -1;
}

Item engineItem(IndexSession &session, const QString &id)
{
    Result<Item> r = session.index()->get(id, true);
    return r.ok() ? r.takeValue() : Item{};
}

} // namespace

class TestInspector : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<IndexSession> m_session;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        auto idx = createTestIndex(m_dir.path() + QStringLiteral("/ix"), 300, 16, false);
        QVERIFY(idx);
        m_session = std::make_unique<IndexSession>(idx, std::nullopt);
    }

    void cleanupTestCase()
    {
        m_session.reset();
        QThreadPool::globalInstance()->waitForDone();
    }

    void showsTheCurrentItem()
    {
        InspectorView view(m_session.get());
        QAbstractItemModelTester tester(view.metadataModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        view.resize(1200, 750);
        QCOMPARE(view.messageText(), QStringLiteral("Select an item to inspect it."));
        view.grab().save(QDir::tempPath() + QStringLiteral("/inspector-empty.png"));

        const Item item = testItem(42, 16);
        QSignalSpy loaded(&view, &InspectorView::itemLoaded);
        QSignalSpy neighbours(&view, &InspectorView::neighboursLoaded);
        m_session->setCurrentItem(item.id);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(view.itemId(), item.id);
        QVERIFY(view.messageText().isEmpty());

        // The tree: one row per member, with value and type.
        const JsonTreeModel *tree = view.metadataModel();
        QCOMPARE(tree->rowCount(), item.metadata.size());
        const int title = rowOfKey(*tree, QStringLiteral("title"));
        QVERIFY(title >= 0);
        QCOMPARE(tree->index(title, JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("Item number 42"));
        QCOMPARE(tree->index(title, JsonTreeModel::TypeColumn).data().toString(), QStringLiteral("string"));
        const int tags = rowOfKey(*tree, QStringLiteral("tags"));
        QCOMPARE(tree->rowCount(tree->index(tags, 0)), 1); // the array's element
        QCOMPARE(tree->index(0, JsonTreeModel::ValueColumn, tree->index(tags, 0)).data().toString(),
                 QStringLiteral("t2"));
        // The JSON tab.
        QCOMPARE(QJsonDocument::fromJson(view.jsonEditor()->toPlainText().toUtf8()).object(), item.metadata);
        // The histogram counts every dimension once.
        const QVector<int> counts = view.histogram()->counts();
        QCOMPARE(counts.size(), VectorHistogram::kBins);
        QCOMPARE(std::accumulate(counts.begin(), counts.end(), 0), 16);

        // Neighbours: the engine's ten nearest, without the item itself.
        QVERIFY(neighbours.count() > 0 || neighbours.wait(10000));
        QueryRequest request;
        request.likeId = item.id;
        request.k = 10;
        Result<QueryResult> expected = m_session->index()->query(request);
        QVERIFY(expected.ok());
        QStringList expectedIds;
        for (const QueryHit &h : expected->hits)
            expectedIds.append(h.id);
        QCOMPARE(view.neighbourIds(), expectedIds);
        QVERIFY(!view.neighbourIds().contains(item.id));
        view.grab().save(QDir::tempPath() + QStringLiteral("/inspector.png"));

        // Clicking a neighbour makes it the current item, and the inspector follows.
        QTreeWidgetItem *third = view.neighbourList()->topLevelItem(2);
        const QRect r = view.neighbourList()->visualItemRect(third);
        view.show();
        QTest::mouseClick(view.neighbourList()->viewport(), Qt::LeftButton, {}, r.center());
        QCOMPARE(m_session->currentItem(), expectedIds.at(2));
        QTRY_COMPARE(view.itemId(), expectedIds.at(2));
    }

    void statistics()
    {
        const VectorStats s = computeVectorStats({3.f, -4.f, 0.f, 1.f});
        QCOMPARE(s.dimensions, 4);
        QCOMPARE(s.norm, std::sqrt(26.0));
        QCOMPARE(s.min, -4.0);
        QCOMPARE(s.max, 3.0);
        QCOMPARE(s.mean, 0.0);
        QCOMPARE(s.stddev, std::sqrt(26.0 / 4));
    }

    void editAndUndoRestoresTheMetadata()
    {
        InspectorView view(m_session.get());
        const Item old = testItem(7, 16);
        QSignalSpy loaded(&view, &InspectorView::itemLoaded);
        m_session->setCurrentItem(old.id);
        QTRY_COMPARE(view.itemId(), old.id);
        QUndoStack *undo = m_session->undoStack();
        const int commands = undo->index();

        // Malformed JSON: an inline error with its position, nothing pushed.
        view.jsonEditor()->setPlainText(QStringLiteral("{\n  \"title\": \"x\",\n  oops\n}"));
        QVERIFY(view.applyButton()->isEnabled());
        view.applyEdits();
        QVERIFY2(view.editError().startsWith(QLatin1String("Line 3, column ")), qPrintable(view.editError()));
        QCOMPARE(undo->index(), commands);
        // Metadata the schema refuses ("n" is declared a number).
        view.jsonEditor()->setPlainText(QStringLiteral("{\"n\": \"seven\"}"));
        view.applyEdits();
        QVERIFY(!view.editError().isEmpty());
        QCOMPARE(undo->index(), commands);
        view.resize(1200, 750);
        view.findChild<QTabWidget *>()->setCurrentIndex(1);
        view.grab().save(QDir::tempPath() + QStringLiteral("/inspector-json-error.png"));
        QCOMPARE(engineItem(*m_session, old.id).metadata, old.metadata);

        // A good edit goes through the write queue.
        const QJsonObject edited{{QStringLiteral("title"), QStringLiteral("Edited")},
                                 {QStringLiteral("n"), 700},
                                 {QStringLiteral("note"), QStringLiteral("new key")}};
        view.jsonEditor()->setPlainText(QString::fromUtf8(QJsonDocument(edited).toJson()));
        view.applyEdits();
        QVERIFY2(view.editError().isEmpty(), qPrintable(view.editError()));
        QCOMPARE(undo->index(), commands + 1);
        QTRY_COMPARE(engineItem(*m_session, old.id).metadata, edited);
        QCOMPARE(engineItem(*m_session, old.id).vector, old.vector);
        QTRY_COMPARE(view.metadataModel()->json(), edited); // the inspector reloads

        undo->undo();
        QTRY_COMPARE(engineItem(*m_session, old.id).metadata, old.metadata);
        QCOMPARE(engineItem(*m_session, old.id).vector, old.vector);
        QTRY_COMPARE(view.metadataModel()->json(), old.metadata);
        undo->redo();
        QTRY_COMPARE(engineItem(*m_session, old.id).metadata, edited);
        undo->undo();
        QTRY_COMPARE(engineItem(*m_session, old.id).metadata, old.metadata);
    }

    void deleteAndUndoRestoresTheItem()
    {
        InspectorView view(m_session.get());
        view.resize(1200, 750);
        const Item old = testItem(11, 16);
        m_session->setCurrentItem(old.id);
        QTRY_COMPARE(view.itemId(), old.id);
        QVERIFY(view.deleteButton()->isEnabled());
        view.deleteItem();
        QTRY_VERIFY(!m_session->index()->contains(old.id));
        QTRY_COMPARE(view.messageText(), QStringLiteral("This item no longer exists."));
        view.grab().save(QDir::tempPath() + QStringLiteral("/inspector-gone.png"));

        m_session->undoStack()->undo();
        QTRY_VERIFY(m_session->index()->contains(old.id));
        const Item back = engineItem(*m_session, old.id);
        QCOMPARE(back.vector, old.vector);
        QCOMPARE(back.metadata, old.metadata);
        QTRY_COMPARE(view.itemId(), old.id);
        QVERIFY(view.messageText().isEmpty());
    }

    // The browse view's Delete: the same undoable command, the item read first.
    void deleteByIdIsUndoable()
    {
        const Item old = testItem(12, 16);
        const int position = m_session->undoStack()->index();
        deleteItemUndoably(m_session.get(), old.id);
        QTRY_COMPARE(m_session->undoStack()->index(), position + 1);
        QTRY_VERIFY(!m_session->index()->contains(old.id));
        m_session->undoStack()->undo();
        QTRY_VERIFY(m_session->index()->contains(old.id));
        QCOMPARE(engineItem(*m_session, old.id).vector, old.vector);
        QCOMPARE(engineItem(*m_session, old.id).metadata, old.metadata);
    }

    void readOnlyDisablesEditing()
    {
        OpenOptions options;
        options.readOnly = true;
        options.graph = false;
        Result<std::shared_ptr<Index>> ro = Index::open(m_session->path(), options);
        QVERIFY2(ro.ok(), qPrintable(ro.error().message()));
        IndexSession session(ro.takeValue(), std::nullopt);
        QVERIFY(session.isReadOnly());
        InspectorView view(&session);
        session.setCurrentItem(testItem(3, 16).id);
        QTRY_COMPARE(view.itemId(), testItem(3, 16).id);
        QVERIFY(!view.applyButton()->isEnabled());
        QVERIFY(!view.deleteButton()->isEnabled());
        QVERIFY(!view.deleteButton()->toolTip().isEmpty());
        QVERIFY(view.jsonEditor()->isReadOnly());
        const int commands = session.undoStack()->count();
        view.deleteItem();
        view.applyEdits();
        QCOMPARE(session.undoStack()->count(), commands);
    }
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
