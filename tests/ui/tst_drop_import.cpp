// Importing through the window, as a user does it: documents dropped on an
// open index's page go through the import dialog (plan, progress, per-file
// report) into the index, and dropping them again changes nothing; a binary
// file and a broken one are reported with their reasons; documents dropped
// on the start page make a new index; vector files go through importVectors;
// an index of vectors made elsewhere refuses documents with a sentence; text
// queries in the Query view find the passages; opening a Vectra folder
// offers to convert it into a new index; a backup archive is restored into
// a new folder and opened; File ▸ Export writes JSON Lines and .npy files on
// a worker.

#include "UiTestSupport.h"

#include "ExportDialog.h"
#include "ImportDialog.h"
#include "ImportReportModel.h"
#include "IndexPage.h"
#include "MainWindow.h"
#include "QueryView.h"
#include "StartPage.h"
#include "TaskMonitor.h"
#include "TextResultsModel.h"
#include "sextant/DocumentImport.h"
#include "sextant/Backup.h"
#include "sextant/EmbedderChoice.h"
#include "formats/VectraFolder.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>

using namespace sextant;
using namespace sextant::ui;
using namespace sextant::ui::test;

namespace {

Schema documentSchema()
{
    Result<std::unique_ptr<embed::Embedder>> embedder = embed::embedderFromSpec(QStringLiteral("hash"));
    Schema s;
    if (!embedder.ok()) return s;
    s.dimensions = (*embedder)->dimensions();
    s.metric = Metric::Cosine;
    s.embedder = (*embedder)->id();
    return s;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray paragraphs(const QString &topic, const QStringList &words, int count)
{
    QString text;
    for (int i = 0; i < count; ++i) {
        text += QStringLiteral("Paragraph %1 about %2. ").arg(i + 1).arg(topic);
        for (int j = 0; j < 12; ++j)
            text += words[(i + j) % words.size()] + QLatin1Char(' ');
        text += QStringLiteral("The end of paragraph %1.\n\n").arg(i + 1);
    }
    return text.toUtf8();
}

// Drags `paths` over the window and drops them where `target` is.
bool dropOn(MainWindow &window, QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPoint at = target ? target->mapTo(&window, target->rect().center()) : QPoint(20, 60);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    if (!enter.isAccepted()) return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    return drop.isAccepted();
}

// The report row of a file (documents' uris may be URLs; match the path's end).
int reportRow(const ImportReportModel *model, const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    for (int r = model->rowCount() - 1; r >= 0; --r) {
        const QString uri = model->rowAt(r).uri;
        if (uri == path || uri.endsWith(QLatin1Char('/') + name)) return r;
    }
    return -1;
}

QString describeReport(const ImportReportModel *model)
{
    QStringList lines;
    for (int r = 0; r < model->rowCount(); ++r) {
        const ImportReportRow &row = model->rowAt(r);
        lines << QStringLiteral("%1: %2 (%3) %4")
                     .arg(row.uri, importOutcomeLabel(row.outcome))
                     .arg(row.count)
                     .arg(row.reason);
    }
    return lines.join(u'\n');
}

} // namespace

class TestDropImport : public QObject {
    Q_OBJECT

    TempDir m_dir;
    QString m_docs;       // the folder of generated documents
    QStringList m_good;   // text, Markdown, HTML
    QString m_binary;     // no document by its name (.bin)
    QString m_binaryText; // named like text, but binary data
    QString m_broken;     // a PDF that is not one

    // Drops `paths` on the current page (or the start page), presses Import
    // in the dialog that appears and waits until the import has finished.
    ImportDialog *dropAndImport(MainWindow &w, const QStringList &paths)
    {
        QSignalSpy shown(&w, &MainWindow::importDialogShown);
        QWidget *target = w.currentPage() ? static_cast<QWidget *>(w.currentPage()) : w.startPage();
        if (!dropOn(w, target, paths)) return nullptr;
        if (!QTest::qWaitFor([&] { return shown.count() == 1; }, 15000)) return nullptr;
        ImportDialog *dialog = w.importDialog();
        if (!dialog || !QTest::qWaitFor([&] { return dialog->isPlanReady(); }, 15000)) return nullptr;
        if (!dialog->canImport()) {
            qWarning("cannot import: %s", qPrintable(dialog->refusal()));
            return dialog;
        }
        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        if (!dialog->task()) return nullptr;
        if (!QTest::qWaitFor([&] { return dialog->isFinished(); }, 60000)) return nullptr;
        return dialog;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(!documentSchema().embedder.isEmpty());
        m_docs = m_dir.filePath(QStringLiteral("docs"));
        QVERIFY(QDir().mkpath(m_docs));
        const QString notes = m_docs + QStringLiteral("/lighthouse-notes.txt");
        const QString guide = m_docs + QStringLiteral("/sourdough-guide.md");
        const QString page = m_docs + QStringLiteral("/glacier.html");
        QVERIFY(
            writeFile(notes, paragraphs(QStringLiteral("lighthouse keepers"),
                                        {QStringLiteral("lantern"), QStringLiteral("keeper"), QStringLiteral("fog"),
                                         QStringLiteral("signal"), QStringLiteral("coast"), QStringLiteral("beacon")},
                                        30)));
        QByteArray md = "# Sourdough\n\nA guide to sourdough fermentation.\n\n## Starter\n\n";
        md += paragraphs(QStringLiteral("sourdough starters"),
                         {QStringLiteral("flour"), QStringLiteral("water"), QStringLiteral("levain"),
                          QStringLiteral("fermentation"), QStringLiteral("crumb")},
                         10);
        QVERIFY(writeFile(guide, md));
        QByteArray html = "<html><head><title>Glacier moraines</title></head><body><h1>Moraines</h1><p>";
        html += paragraphs(
            QStringLiteral("glacier moraines"),
            {QStringLiteral("ice"), QStringLiteral("moraine"), QStringLiteral("till"), QStringLiteral("valley")}, 6);
        html += "</p></body></html>";
        QVERIFY(writeFile(page, html));
        m_good = {notes, guide, page};
        m_binary = m_docs + QStringLiteral("/sensor-dump.bin");
        QByteArray binary(4096, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char((i * 131 + 7) % 256);
        QVERIFY(writeFile(m_binary, binary));
        m_binaryText = m_docs + QStringLiteral("/sensor-log.txt");
        QVERIFY(writeFile(m_binaryText, binary));
        m_broken = m_docs + QStringLiteral("/annual-report.pdf");
        QVERIFY(writeFile(m_broken, "%PDF-1.7\nthis is not really a PDF: the objects are missing\n%%EOF\n"));
    }

    void droppedDocumentsAreImportedWithAReport()
    {
        const QString path = m_dir.filePath(QStringLiteral("library"));
        {
            Result<std::shared_ptr<Index>> made = Index::create(path, documentSchema(), Durability::Off);
            QVERIFY2(made.ok(), qPrintable(made.error().message()));
            QVERIFY((*made)->close().ok());
        }
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        w.openIndex(path);
        QTRY_COMPARE_WITH_TIMEOUT(w.pageCount(), 1, 15000);
        IndexSession *session = w.currentPage()->session();
        QVERIFY(session);

        const QStringList dropped = m_good + QStringList{m_binary, m_binaryText, m_broken};
        QSignalSpy shown(&w, &MainWindow::importDialogShown);
        QVERIFY(dropOn(w, w.currentPage(), dropped));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 15000);
        ImportDialog *dialog = w.importDialog();
        QVERIFY(dialog);
        QAbstractItemModelTester tester(dialog->reportModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(dialog->isPlanReady());
        // The plan: five documents into this index, chunked as shown, and
        // one file that is no document, which the plan warns about.
        QCOMPARE(dialog->inputs().size(), 6);
        for (const ImportInput &in : dialog->inputs())
            QCOMPARE(in.kind, in.path == m_binary ? ImportInputKind::NotDocument : ImportInputKind::Documents);
        QVERIFY2(dialog->canImport(), qPrintable(dialog->refusal()));
        QVERIFY2(dialog->refusal().contains(QStringLiteral("cannot be imported")), qPrintable(dialog->refusal()));
        auto *size = dialog->findChild<QSpinBox *>(QStringLiteral("chunkSize"));
        auto *overlap = dialog->findChild<QSpinBox *>(QStringLiteral("chunkOverlap"));
        QVERIFY(size && overlap && size->isVisibleTo(dialog));
        size->setValue(400);
        QCOMPARE(overlap->maximum(), 100);
        overlap->setValue(60);
        QCOMPARE(dialog->request().documents.chunkSize, 400);
        QCOMPARE(dialog->request().documents.chunkOverlap, 60);

        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        QVERIFY(dialog->task());
        QSignalSpy progress(dialog->task(), &ImportTask::progressChanged);
        QSignalSpy rows(dialog->task(), &ImportTask::rowsAdded);
        // The status bar tracks it like every long task.
        QVERIFY(w.taskMonitor()->runningTasks() >= 1 || dialog->isFinished());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 60000);
        QVERIFY(progress.count() >= 1);
        QVERIFY(rows.count() >= 1);
        QVERIFY(!dialog->progressText().isEmpty());

        const ImportReportModel *report = dialog->reportModel();
        const QString all = describeReport(report);
        qint64 chunks = 0;
        for (const QString &file : std::as_const(m_good)) {
            const int r = reportRow(report, file);
            QVERIFY2(r >= 0, qPrintable(file + QStringLiteral(" missing from\n") + all));
            QCOMPARE(report->rowAt(r).outcome, ImportOutcome::Added);
            QVERIFY(report->rowAt(r).count >= 1);
            chunks += report->rowAt(r).count;
        }
        // The notes are long enough for several chunks of 400 characters.
        QVERIFY(report->rowAt(reportRow(report, m_good[0])).count >= 5);
        const std::pair<QString, QString> failures[] = {{m_binary, QStringLiteral("Not a document")},
                                                        {m_binaryText, QStringLiteral("binary data")},
                                                        {m_broken, QStringLiteral("PDF could not be read")}};
        for (const auto &[bad, why] : failures) {
            const int r = reportRow(report, bad);
            QVERIFY2(r >= 0, qPrintable(bad + QStringLiteral(" missing from\n") + all));
            QCOMPARE(report->rowAt(r).outcome, ImportOutcome::Failed);
            QVERIFY2(report->rowAt(r).reason.contains(why), qPrintable(all));
            // Shown as a sentence: the engine's reason with a capital letter.
            const QString shown = report->data(report->index(r, ImportReportModel::ReasonColumn)).toString();
            QCOMPARE(shown.compare(report->rowAt(r).reason, Qt::CaseInsensitive), 0);
            QVERIFY(shown.at(0).isUpper());
            QCOMPARE(report->data(report->index(r, ImportReportModel::OutcomeColumn), Qt::DecorationRole).typeId(),
                     QMetaType::QIcon);
        }
        const ImportResult &result = dialog->task()->result();
        QCOMPARE(result.added, 3);
        QCOMPARE(result.failed, 3);
        QCOMPARE(result.itemsWritten, chunks);
        QVERIFY2(dialog->summaryText().contains(QStringLiteral("3 added")), qPrintable(dialog->summaryText()));
        QVERIFY2(dialog->summaryText().contains(QStringLiteral("3 failed")), qPrintable(dialog->summaryText()));

        // The index holds exactly those chunks, under their documents.
        auto listed = session->run([](Index &index) { return documents::listDocuments(index); });
        QVERIFY(waitForFuture(listed));
        const Result<QList<documents::CatalogEntry>> catalog = listed.result();
        QVERIFY2(catalog.ok(), qPrintable(catalog.error().message()));
        QCOMPARE(catalog->size(), 3);
        qint64 stored = 0;
        for (const documents::CatalogEntry &e : *catalog)
            stored += e.chunks;
        QCOMPARE(stored, chunks);
        QTRY_COMPARE_WITH_TIMEOUT(session->stats().items, chunks, 10000);
        dialog->close();
        QTRY_VERIFY(!w.importDialog());

        // The same files again, with the chunking the dialog remembered:
        // nothing changed, nothing is written.
        ImportDialog *again = dropAndImport(w, m_good);
        QVERIFY(again);
        QCOMPARE(again->request().documents.chunkSize, 400);
        QCOMPARE(again->request().documents.chunkOverlap, 60);
        QVERIFY(again);
        const ImportReportModel *second = again->reportModel();
        for (const QString &file : std::as_const(m_good)) {
            const int r = reportRow(second, file);
            QVERIFY2(r >= 0, qPrintable(describeReport(second)));
            QCOMPARE(second->rowAt(r).outcome, ImportOutcome::Unchanged);
        }
        QCOMPARE(again->task()->result().unchanged, 3);
        QCOMPARE(again->task()->result().itemsWritten, 0);
        again->close();

        // A text query in the Query view finds the Markdown guide's passage.
        w.currentPage()->showView(IndexPage::View::Query);
        QueryView *query = w.currentPage()->queryView();
        QSignalSpy finished(query, &QueryView::queryFinished);
        auto *text = query->findChild<QLineEdit *>(QStringLiteral("textQueryEdit"));
        QVERIFY(text && text->isEnabled());
        QCOMPARE(text->placeholderText(), QStringLiteral("Search the documents…"));
        for (search::TextSearchMode mode :
             {search::TextSearchMode::Hybrid, search::TextSearchMode::Keyword, search::TextSearchMode::Vector}) {
            query->setTextQuery(QString(), mode);
            QTest::keyClicks(text, QStringLiteral("sourdough levain"));
            QTest::keyClick(text, Qt::Key_Return);
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
            finished.clear();
            QVERIFY2(query->errorText().isEmpty(), qPrintable(query->errorText()));
            QVERIFY(query->lastTextResult().has_value());
            const TextResultsModel *hits = query->textResultsModel();
            QVERIFY(hits->rowCount() > 0);
            QVERIFY(query->textResultsView()->isVisible());
            const search::TextHit &best = hits->hits().first();
            QVERIFY2(best.uri.endsWith(QStringLiteral("sourdough-guide.md")), qPrintable(best.uri));
            const QString passage = hits->data(hits->index(0, TextResultsModel::PassageColumn)).toString();
            QVERIFY2(passage.contains(QStringLiteral("levain"), Qt::CaseInsensitive), qPrintable(passage));
            QVERIFY(hits->data(hits->index(0, TextResultsModel::PassageColumn), TextResultsModel::PassageHtmlRole)
                        .toString()
                        .contains(QStringLiteral("<b>"), Qt::CaseInsensitive));
            QVERIFY(hits->data(hits->index(0, TextResultsModel::DocumentColumn))
                        .toString()
                        .contains(QStringLiteral("sourdough-guide.md")));
            QVERIFY(!hits->data(hits->index(0, TextResultsModel::RangeColumn)).toString().isEmpty());
            const QString ranks = hits->data(hits->index(0, TextResultsModel::RanksColumn)).toString();
            if (mode != search::TextSearchMode::Vector) QVERIFY2(best.keywordRank == 1, qPrintable(ranks));
            if (mode != search::TextSearchMode::Keyword) QVERIFY2(best.vectorRank >= 1, qPrintable(ranks));
            QVERIFY(!query->summaryText().isEmpty());
        }
        // Selecting a hit makes it the current item.
        query->textResultsView()->setCurrentIndex(query->textResultsModel()->index(0, 1));
        QCOMPARE(session->currentItem(), query->textResultsModel()->idAt(0));
        w.close();
    }

    void cancellingStopsTheImportAndKeepsWhatWasWritten()
    {
        const QString many = m_dir.filePath(QStringLiteral("many"));
        QVERIFY(QDir().mkpath(many));
        for (int i = 0; i < 2000; ++i)
            QVERIFY(writeFile(
                many + QStringLiteral("/note-%1.txt").arg(i, 4, 10, QLatin1Char('0')),
                paragraphs(QStringLiteral("note %1").arg(i), {QStringLiteral("tide"), QStringLiteral("moon")}, 3)));
        const QString path = m_dir.filePath(QStringLiteral("cancelled"));
        {
            Result<std::shared_ptr<Index>> made = Index::create(path, documentSchema(), Durability::Off);
            QVERIFY(made.ok());
            QVERIFY((*made)->close().ok());
        }
        MainWindow w;
        w.show();
        w.openIndex(path);
        QTRY_COMPARE_WITH_TIMEOUT(w.pageCount(), 1, 15000);
        QSignalSpy shown(&w, &MainWindow::importDialogShown);
        QVERIFY(dropOn(w, w.currentPage(), {many}));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 15000);
        ImportDialog *dialog = w.importDialog();
        QTRY_VERIFY(dialog->isPlanReady());
        QCOMPARE(dialog->inputs().first().isFolder, true);
        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        auto *cancel = dialog->findChild<QPushButton *>(QStringLiteral("cancelImportButton"));
        QVERIFY(cancel && cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 60000);
        const ImportResult &r = dialog->task()->result();
        QVERIFY(r.cancelled);
        QVERIFY2(r.added < 2000, qPrintable(dialog->summaryText()));
        QVERIFY2(dialog->summaryText().contains(QStringLiteral("Cancelled")), qPrintable(dialog->summaryText()));
        // What was written before the cancel stays, whole documents only.
        auto listed = w.currentPage()->session()->run([](Index &index) { return documents::listDocuments(index); });
        QVERIFY(waitForFuture(listed));
        QCOMPARE(listed.result()->size(), r.added);
        w.close();
    }

    void documentsAreRefusedByAnIndexWithoutAnEmbedder()
    {
        const QString path = m_dir.filePath(QStringLiteral("vectors-only"));
        {
            auto idx = createTestIndex(path, 20);
            QVERIFY(idx);
            QVERIFY(idx->close().ok());
        }
        MainWindow w;
        w.show();
        w.openIndex(path);
        QTRY_COMPARE_WITH_TIMEOUT(w.pageCount(), 1, 15000);
        QSignalSpy shown(&w, &MainWindow::importDialogShown);
        QVERIFY(dropOn(w, w.currentPage(), {m_good[0]}));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 15000);
        ImportDialog *dialog = w.importDialog();
        QTRY_VERIFY(dialog->isPlanReady());
        QVERIFY(!dialog->canImport());
        QVERIFY(!dialog->importButton()->isEnabled());
        QCOMPARE(dialog->refusal(), QStringLiteral("This index holds vectors made elsewhere, so Sextant cannot embed "
                                                   "documents into it. Create a new index for documents."));
        auto *label = dialog->findChild<QLabel *>(QStringLiteral("importRefusal"));
        QVERIFY(label && label->isVisible());
        dialog->close();

        // Its Query view explains why text search is off.
        QueryView *query = w.currentPage()->queryView();
        auto *text = query->findChild<QLineEdit *>(QStringLiteral("textQueryEdit"));
        auto *note = query->findChild<QLabel *>(QStringLiteral("textNote"));
        QTRY_VERIFY(note && note->text().contains(QStringLiteral("made for documents")));
        QVERIFY(!text->isEnabled());
        QVERIFY(!query->isTextModeAvailable(search::TextSearchMode::Keyword)); // its items carry no "text"
        w.close();
    }

    void keywordSearchWorksOnItemsThatCarryText()
    {
        const QString path = m_dir.filePath(QStringLiteral("texts-elsewhere"));
        {
            auto idx = createTestIndex(path, 1);
            QVERIFY(idx);
            QVERIFY(idx->write(itemsCarryingText()).result().error.ok());
            QVERIFY(idx->close().ok());
        }
        auto opened = Index::open(path);
        QVERIFY(opened.ok());
        IndexSession session(opened.takeValue(), std::nullopt);
        QueryView view(&session);
        view.show();
        QTRY_VERIFY(view.isTextModeAvailable(search::TextSearchMode::Keyword));
        QVERIFY(!view.isTextModeAvailable(search::TextSearchMode::Hybrid));
        QVERIFY(!view.isTextModeAvailable(search::TextSearchMode::Vector));
        auto *text = view.findChild<QLineEdit *>(QStringLiteral("textQueryEdit"));
        QVERIFY(text->isEnabled());
        QSignalSpy finished(&view, &QueryView::queryFinished);
        view.setTextQuery(QStringLiteral("heron"), search::TextSearchMode::Keyword);
        view.run();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        QCOMPARE(view.textResultsModel()->rowCount(), 2);
        for (int r = 0; r < 2; ++r)
            QVERIFY(view.textResultsModel()
                        ->data(view.textResultsModel()->index(r, TextResultsModel::PassageColumn))
                        .toString()
                        .contains(QStringLiteral("heron")));
        // Hybrid needs the embedder this index does not have: Run says so.
        view.setTextQuery(QStringLiteral("heron"), search::TextSearchMode::Hybrid);
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("runButton"))->isEnabled());
    }

    void droppingOnTheStartPageMakesANewIndex()
    {
        MainWindow w;
        w.show();
        QCOMPARE(w.pageCount(), 0);
        QSignalSpy shown(&w, &MainWindow::importDialogShown);
        QSignalSpy opened(&w, &MainWindow::indexOpened);
        QVERIFY(dropOn(w, w.startPage(), m_good));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 15000);
        ImportDialog *dialog = w.importDialog();
        QTRY_VERIFY(dialog->isPlanReady());
        auto *folder = dialog->findChild<QLineEdit *>(QStringLiteral("newIndexFolder"));
        QVERIFY(folder && folder->isVisibleTo(dialog));
        QVERIFY(!dialog->newIndexFolder().isEmpty()); // suggested
        const QString target = m_dir.filePath(QStringLiteral("from-start-page"));
        dialog->setNewIndexFolder(target);
        QVERIFY2(dialog->canImport(), qPrintable(dialog->refusal()));
        QCOMPARE(dialog->request().createSchema.embedder, documentSchema().embedder);
        QCOMPARE(dialog->request().createSchema.dimensions, documentSchema().dimensions);
        QSignalSpy created(dialog, &ImportDialog::newIndexCreated);
        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 60000);
        QCOMPARE(dialog->task()->result().added, 3);
        QCOMPARE(created.count(), 1);
        // The window opens the new index.
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 15000);
        QCOMPARE(w.currentPage()->path(), target);
        QCOMPARE(w.currentPage()->session()->schema().embedder, documentSchema().embedder);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.currentPage()->session()->hasStats() && w.currentPage()->session()->stats().items > 0, 10000);
        w.close();
    }

    void vectorFilesAreImportedAsVectors()
    {
        const QString path = m_dir.filePath(QStringLiteral("vector-target"));
        {
            auto idx = createTestIndex(path, 3);
            QVERIFY(idx);
            QVERIFY(idx->close().ok());
        }
        // Two good items, one of the wrong dimension, one id already there.
        const QString jsonl = m_dir.filePath(QStringLiteral("more.jsonl"));
        QByteArray lines;
        auto line = [](const QString &id, int dims, float base) {
            QJsonArray v;
            for (int d = 0; d < dims; ++d)
                v.append(double(base + d * 0.01f));
            return QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                             {QStringLiteral("vector"), v},
                                             {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("title"), id}}}})
                       .toJson(QJsonDocument::Compact) +
                   '\n';
        };
        lines += line(QStringLiteral("new-1"), 8, 0.1f);
        lines += line(QStringLiteral("new-2"), 8, 0.2f);
        lines += line(QStringLiteral("short-1"), 5, 0.3f);
        lines += line(testItem(1).id, 8, 0.4f);
        QVERIFY(writeFile(jsonl, lines));
        MainWindow w;
        w.show();
        w.openIndex(path);
        QTRY_COMPARE_WITH_TIMEOUT(w.pageCount(), 1, 15000);
        ImportDialog *dialog = dropAndImport(w, {jsonl});
        QVERIFY(dialog);
        QCOMPARE(dialog->inputs().first().kind, ImportInputKind::Vectors);
        QCOMPARE(dialog->inputs().first().format, formats::SourceFormat::JsonLines);
        const ImportReportModel *report = dialog->reportModel();
        QCOMPARE(report->rowCount(), 1);
        const ImportReportRow &row = report->rowAt(0);
        QCOMPARE(row.outcome, ImportOutcome::Incomplete);
        QCOMPARE(row.count, 2);
        QVERIFY2(row.reason.startsWith(QStringLiteral("2 item")), qPrintable(row.reason));
        QCOMPARE(row.details.size(), 2);
        QCOMPARE(dialog->task()->result().itemsWritten, 2);
        QTRY_COMPARE_WITH_TIMEOUT(w.currentPage()->session()->stats().items, 5, 10000);
        dialog->close();

        // With upsert the taken id is replaced.
        QSignalSpy shown(&w, &MainWindow::importDialogShown);
        QVERIFY(dropOn(w, w.currentPage(), {jsonl}));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 15000);
        dialog = w.importDialog();
        QTRY_VERIFY(dialog->isPlanReady());
        auto *upsert = dialog->findChild<QCheckBox *>(QStringLiteral("upsertCheck"));
        QVERIFY(upsert && upsert->isVisibleTo(dialog));
        upsert->setChecked(true);
        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 60000);
        QCOMPARE(dialog->reportModel()->rowAt(0).count, 3);
        QVERIFY(dialog->reportModel()->rowAt(0).reason.startsWith(QStringLiteral("1 item")));
        w.close();
    }

    void openingAVectraFolderOffersToConvertIt()
    {
        const QString vectra = m_dir.filePath(QStringLiteral("vectra-notes"));
        QList<Item> items;
        for (int i = 0; i < 12; ++i)
            items << testItem(i);
        QVERIFY(QDir().mkpath(vectra));
        QVERIFY(formats::writeVectraFolder(vectra, items, {QStringLiteral("colour")}).ok());
        MainWindow w;
        w.show();
        QSignalSpy shown(&w, &MainWindow::importDialogShown);
        QSignalSpy opened(&w, &MainWindow::indexOpened);
        // The question comes as a message box: press its Convert button.
        QTimer presser;
        connect(&presser, &QTimer::timeout, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box) return;
            for (QAbstractButton *b : box->buttons())
                if (b->text().startsWith(QStringLiteral("Convert"))) b->click();
        });
        presser.start(50);
        w.openIndex(vectra);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 15000);
        presser.stop();
        ImportDialog *dialog = w.importDialog();
        QTRY_VERIFY(dialog->isPlanReady());
        QCOMPARE(dialog->inputs().size(), 1);
        QCOMPARE(dialog->inputs().first().format, formats::SourceFormat::Vectra);
        QCOMPARE(dialog->newIndexFolder(), vectra + QStringLiteral("-sextant"));
        QCOMPARE(dialog->request().createSchema.dimensions, 8);
        QVERIFY2(dialog->canImport(), qPrintable(dialog->refusal()));
        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), 60000);
        QCOMPARE(dialog->reportModel()->rowAt(0).outcome, ImportOutcome::Added);
        QCOMPARE(dialog->reportModel()->rowAt(0).count, 12);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 15000);
        QCOMPARE(w.currentPage()->path(), vectra + QStringLiteral("-sextant"));
        // The original is untouched and still no Sextant index.
        QVERIFY(!QFileInfo::exists(vectra + QStringLiteral("/MANIFEST")));
        QVERIFY(QFileInfo::exists(vectra + QStringLiteral("/index.json")));
        QTRY_COMPARE_WITH_TIMEOUT(w.currentPage()->session()->stats().items, 12, 10000);
        w.close();
    }

    void aBackupIsRestoredIntoANewFolderAndOpened()
    {
        const QString path = m_dir.filePath(QStringLiteral("to-back-up"));
        {
            auto idx = createTestIndex(path, 40);
            QVERIFY(idx);
            QVERIFY(idx->close().ok());
        }
        const QString archive = m_dir.filePath(QStringLiteral("to-back-up.tar.zst"));
        QVERIFY(archives::writeBackupArchive(path, archive).ok());
        MainWindow w;
        w.show();
        QSignalSpy restored(&w, &MainWindow::restoreFinished);
        QSignalSpy opened(&w, &MainWindow::indexOpened);
        const QString target = m_dir.filePath(QStringLiteral("restored"));
        w.restoreBackup(archive, target);
        QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 60000);
        QVERIFY2(restored.first().at(1).toString().isEmpty(), qPrintable(restored.first().at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 15000);
        QCOMPARE(w.currentPage()->path(), target);
        QTRY_COMPARE_WITH_TIMEOUT(w.currentPage()->session()->stats().items, 40, 10000);
        // Restoring into a folder that is not empty is refused with a sentence.
        QTimer closer;
        connect(&closer, &QTimer::timeout, [] {
            if (QWidget *modal = QApplication::activeModalWidget()) modal->close();
        });
        closer.start(50);
        w.restoreBackup(archive, m_docs);
        QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 2, 60000);
        QVERIFY(!restored.last().at(1).toString().isEmpty());
        QCOMPARE(w.pageCount(), 1);
        w.close();
    }

    void exportWritesJsonLinesAndNpy()
    {
        const QString path = m_dir.filePath(QStringLiteral("to-export"));
        {
            auto idx = createTestIndex(path, 250);
            QVERIFY(idx);
            QVERIFY(idx->close().ok());
        }
        auto opened = Index::open(path);
        QVERIFY(opened.ok());
        IndexSession session(opened.takeValue(), std::nullopt);

        ExportDialog dialog(&session);
        dialog.setFormat(formats::ExportFormat::JsonLines);
        const QString jsonl = m_dir.filePath(QStringLiteral("exported.jsonl"));
        dialog.setDestination(jsonl);
        QSignalSpy done(&dialog, &ExportDialog::exportFinished);
        QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
        QVERIFY(dialog.isRunning() || done.count() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        QVERIFY2(dialog.outcome()->ok, qPrintable(dialog.resultText()));
        QCOMPARE(dialog.outcome()->summary.items, 250);
        QVERIFY2(dialog.resultText().contains(QStringLiteral("Exported 250 item")), qPrintable(dialog.resultText()));
        QFile file(jsonl);
        QVERIFY(file.open(QIODevice::ReadOnly));
        int lines = 0;
        QStringList ids;
        while (!file.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(file.readLine()).object();
            QCOMPARE(o.value(QStringLiteral("vector")).toArray().size(), 8);
            ids << o.value(QStringLiteral("id")).toString();
            ++lines;
        }
        QCOMPARE(lines, 250);
        QCOMPARE(ids.first(), testItem(0).id);

        dialog.setFormat(formats::ExportFormat::Npy);
        const QString npy = m_dir.filePath(QStringLiteral("exported.npy"));
        dialog.setDestination(npy);
        QCOMPARE(dialog.request().idsFile, m_dir.filePath(QStringLiteral("exported.ids.txt")));
        QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 30000);
        QVERIFY2(dialog.outcome()->ok, qPrintable(dialog.resultText()));
        QFile array(npy);
        QVERIFY(array.open(QIODevice::ReadOnly));
        QVERIFY(array.read(6) == QByteArray("\x93NUMPY", 6));
        QVERIFY(array.size() >= 250 * 8 * 4);
        QFile idsFile(m_dir.filePath(QStringLiteral("exported.ids.txt")));
        QVERIFY(idsFile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(idsFile.readAll()).split(u'\n', Qt::SkipEmptyParts), ids);

        // A destination that cannot be written: a sentence, no crash.
        dialog.setFormat(formats::ExportFormat::JsonLines);
        dialog.setDestination(m_dir.filePath(QStringLiteral("no-such-folder/out.jsonl")));
        QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 3, 30000);
        QVERIFY(!dialog.outcome()->ok);
        QVERIFY2(dialog.resultText().startsWith(QStringLiteral("The export failed:")), qPrintable(dialog.resultText()));
    }
};

QTEST_MAIN(TestDropImport)
#include "tst_drop_import.moc"
