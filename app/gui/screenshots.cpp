// sextant-screenshots OUTDIR [--only-import] [--language de|fr]: writes the
// screenshots of the main screens (docs/screenshots/) from a seeded demo
// index, offscreen. Not installed: a tool for the documentation and for
// looking at the GUI without a display. With --language, the texts are in
// that language and every file name ends in -LANG (start-de.png).

#include "BrowseView.h"
#include "CompareDialog.h"
#include "DuplicatesModel.h"
#include "DuplicatesView.h"
#include "FilterEdit.h"
#include "IndexPage.h"
#include "DemoIndex.h"
#include "ExportDialog.h"
#include "FindingsModel.h"
#include "GoToIdDialog.h"
#include "IdCompletion.h"
#include "ImportDialog.h"
#include "ImportReportModel.h"
#include "HealthMap.h"
#include "IndexSession.h"
#include "IntegrityView.h"
#include "ItemTableModel.h"
#include "MainWindow.h"
#include "MapView.h"
#include "ScatterPlot.h"
#include "NewIndexDialog.h"
#include "PreferencesDialog.h"
#include "QueryView.h"
#include "RepairDialog.h"
#include "SummaryView.h"
#include "Theme.h"
#include "TextResultsModel.h"
#include "Translations.h"
#include "sextant/EmbedderChoice.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QFile>
#include <QAbstractItemView>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QListWidget>
#include <QMessageBox>
#include <QAbstractButton>
#include <QTableWidget>
#include <QTreeView>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QSpinBox>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>
#include <QTemporaryDir>
#include <cstdio>
#include <memory>

using namespace sextant;
using namespace sextant::ui;

namespace {

template <typename Pred>
bool spinUntil(Pred done, int timeoutMs = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

void spinFor(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

const char *kTopics[] = {"astronomy", "biology", "chemistry", "geology", "physics"};

// The demo data of tools/demo.sh: five topics, each a cluster.
Item demoItem(int i, int dims)
{
    QRandomGenerator g(quint32(i) * 2654435761u + 7);
    const int t = i % 5;
    Item it;
    it.id = QStringLiteral("doc-%1").arg(i, 5, 10, QLatin1Char('0'));
    it.vector.resize(dims);
    for (int d = 0; d < dims; ++d)
        it.vector[d] = (d % 5 == t ? 1.f : 0.f) + float(g.generateDouble() - 0.5) * 0.6f;
    it.metadata = QJsonObject{
        {QStringLiteral("topic"), QString::fromLatin1(kTopics[t])},
        {QStringLiteral("year"), 1990 + i % 35},
        {QStringLiteral("title"), QStringLiteral("Note %1 on %2").arg(i).arg(QString::fromLatin1(kTopics[t]))}};
    return it;
}

bool makeDemo(const QString &path, int count, int dims)
{
    Schema s;
    s.dimensions = dims;
    s.metric = Metric::Cosine;
    s.fields = {FieldSpec{QStringLiteral("topic"), FieldType::String, true},
                FieldSpec{QStringLiteral("year"), FieldType::Number, false},
                FieldSpec{QStringLiteral("title"), FieldType::String, false}};
    Result<std::shared_ptr<Index>> idx = Index::create(path, s, Durability::Normal);
    if (!idx.ok()) return false;
    QList<WriteOp> batch;
    for (int i = 1; i <= count; ++i)
        batch.append(WriteOp::insert(demoItem(i, dims)));
    if (!(*idx)->write(batch, Priority::Bulk).result().error.ok()) return false;
    (*idx)->waitForGraph(60000);
    return (*idx)->close().ok();
}

// Flips one bit of `file` at `offset`: the damage a bad disk sector does.
bool flipBit(const QString &file, qint64 offset)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset)) return false;
    char c = 0;
    if (f.read(&c, 1) != 1 || !f.seek(offset)) return false;
    c = char(c ^ 0x08);
    return f.write(&c, 1) == 1;
}

QString firstSegment(const QString &index)
{
    const QStringList segs = QDir(index).entryList({QStringLiteral("seg-*.sxs")}, QDir::Files, QDir::Name);
    return segs.isEmpty() ? QString() : index + u'/' + segs.first();
}

// "-de" with --language de: appended to every file name.
QString g_nameSuffix;

bool save(QWidget *w, const QString &dir, const QString &name)
{
    spinFor(150);
    QString file = dir + u'/' + name;
    if (!g_nameSuffix.isEmpty()) file.insert(file.lastIndexOf(u'.'), g_nameSuffix);
    const bool ok = w->grab().save(file);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "FAILED", qPrintable(file));
    return ok;
}

// `base` with `overlay` (a popup or a dialog: a window of its own, which a
// grab of `base` leaves out) painted at `at`, in `base`'s coordinates.
bool saveComposite(QWidget *base, QWidget *overlay, QPoint at, const QString &dir, const QString &name)
{
    spinFor(150);
    QString file = dir + u'/' + name;
    if (!g_nameSuffix.isEmpty()) file.insert(file.lastIndexOf(u'.'), g_nameSuffix);
    QPixmap picture = base->grab();
    {
        QPainter p(&picture);
        p.drawPixmap(at, overlay->grab());
        p.setPen(QColor(0, 0, 0, 90));
        p.drawRect(QRect(at, overlay->size()).adjusted(0, 0, -1, -1));
    }
    const bool ok = picture.save(file);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "FAILED", qPrintable(file));
    return ok;
}

// The Integrity view on a demo index with a flipped bit in a segment's data
// block (it still opens: blocks are checked when read), its repair plan and
// the result; then an index whose segment header is damaged, which cannot be
// opened and gets the Integrity view instead.
bool integrityShots(const QTemporaryDir &scratch, const QString &out)
{
    bool ok = true;
    const QString damaged = scratch.filePath(QStringLiteral("field-notes"));
    if (!makeDemo(damaged, 5000, 64) || !flipBit(firstSegment(damaged), 3 * 65536 + 777)) {
        std::fprintf(stderr, "could not create the damaged demo index\n");
        return false;
    }
    {
        MainWindow w;
        w.resize(1360, 840);
        w.show();
        w.openIndex(damaged);
        if (!spinUntil([&] { return w.pageCount() == 1; })) return false;
        IndexPage *page = w.currentPage();
        page->showView(IndexPage::View::Integrity);
        IntegrityView *view = page->integrityView();
        view->verify(true);
        spinUntil([&] { return view->hasReport() && !view->isBusy(); });
        // Select the damaged block's finding: the map outlines it.
        for (int i = 0; i < view->report()->findings.size(); ++i)
            if (view->report()->findings[i].offset > 0) {
                view->findingsView()->setCurrentIndex(view->findingsModel()->indexOfFinding(i));
                break;
            }
        ok &= save(&w, out, QStringLiteral("integrity-damaged.png"));

        applyTheme(Theme::Dark);
        spinFor(300);
        ok &= save(&w, out, QStringLiteral("integrity-damaged-dark.png"));
        applyTheme(Theme::Light);

        view->planRepair();
        if (!spinUntil([&] { return view->repairDialog() && view->repairDialog()->isVisible(); }, 60000)) {
            std::fprintf(stderr, "no repair plan: %s\n", qPrintable(view->summaryText()));
            return false;
        }
        RepairDialog *dialog = view->repairDialog();
        // The archive goes to the scratch folder, not beside a real index.
        dialog->setBackupPath(scratch.filePath(QStringLiteral("field-notes-backup.tar.zst")));
        ok &= save(dialog, out, QStringLiteral("integrity-plan.png"));
        dialog->approveButton()->click();
        spinUntil([&] { return view->lastRepair().has_value() && !view->isBusy(); }, 120000);
        spinFor(500);
        ok &= save(&w, out, QStringLiteral("integrity-after.png"));
        w.close();
        IndexSession::waitForClosing();
    }
    {
        const QString unopenable = scratch.filePath(QStringLiteral("archive-2019"));
        if (!makeDemo(unopenable, 2000, 64) || !flipBit(firstSegment(unopenable), 20)) return false;
        MainWindow w;
        w.resize(1360, 840);
        w.show();
        w.openIndex(unopenable);
        if (!spinUntil([&] { return w.pageCount() == 1; })) return false;
        IntegrityView *view = w.currentPage()->integrityView();
        spinUntil([&] { return view->hasReport() && !view->isBusy(); });
        ok &= save(&w, out, QStringLiteral("integrity-open-failed.png"));
        w.close();
        IndexSession::waitForClosing();
    }
    return ok;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A small folder of field notes: Markdown, text, HTML, plus a binary file
// and a damaged PDF that the report shows as failed.
QStringList writeFieldNotes(const QString &dir)
{
    QDir().mkpath(dir);
    const QString tides = dir + QStringLiteral("/tides.md");
    writeFile(tides, "# Tides\n\n"
                     "The tide rises and falls twice a day on most coasts, because the Moon's gravity pulls the "
                     "ocean into two bulges, one facing the Moon and one on the far side of the Earth.\n\n"
                     "## Spring and neap tides\n\n"
                     "When the Sun and the Moon line up, at new and full moon, their pulls add up and the range "
                     "between high and low water is largest: these are spring tides. At the quarter moons the two "
                     "pulls are at right angles and the range is smallest: neap tides.\n\n"
                     "## Reading a tide table\n\n"
                     "A tide table gives the times and heights of high and low water for one port. Heights are "
                     "measured from chart datum, usually the lowest astronomical tide, so a negative height means "
                     "the water falls below the charted depths.\n\n"
                     "## The rule of twelfths\n\n"
                     "Between low and high water the tide rises by one twelfth of its range in the first hour, two "
                     "twelfths in the second, three in the third and fourth, two in the fifth and one in the sixth.\n");
    const QString lighthouse = dir + QStringLiteral("/lighthouse-log.txt");
    writeFile(lighthouse,
              "Keeper's log, Skerry Point light.\n\n"
              "Fog came in from the west at four. Started the fog signal and kept the lantern lit through "
              "the afternoon. A fishing boat passed close under the rocks at dusk and answered our signal.\n\n"
              "Cleaned the lens and trimmed the wicks in the morning. The clockwork that turns the lens ran "
              "slow: oiled it and wound it twice. Low water at eleven, the lowest of the month, spring tide.\n\n"
              "Supply boat delayed by the swell. Paraffin for nine more nights. Wrote to the board to ask "
              "for a second tank before the winter gales.\n");
    const QString bread = dir + QStringLiteral("/sourdough.html");
    writeFile(bread, "<html><head><title>Keeping a sourdough starter</title></head><body>"
                     "<h1>Keeping a sourdough starter</h1>"
                     "<p>A starter is flour and water in which wild yeast and lactic acid bacteria live together. "
                     "Feed it with equal weights of flour and water and keep it at room temperature.</p>"
                     "<h2>Feeding</h2><p>Discard all but a spoonful, then feed. A lively starter doubles within "
                     "six hours and smells sour and fruity; a sluggish one needs warmth and more frequent feeding.</p>"
                     "<h2>Baking day</h2><p>Build the levain the night before, mix the dough in the morning, and "
                     "let the bulk fermentation run until the dough has risen by half.</p></body></html>");
    const QString knots = dir + QStringLiteral("/knots.md");
    writeFile(knots, "# Knots every sailor uses\n\n"
                     "The bowline makes a fixed loop at the end of a line that does not slip or jam and is easy "
                     "to untie after a load.\n\n"
                     "The clove hitch holds a line to a post or a rail quickly, but it can slip when the load comes "
                     "and goes; finish it with two half hitches.\n\n"
                     "The reef knot joins two ends of one line around a sail. Never use it to join two ropes that "
                     "carry a load: it capsizes.\n");
    const QString binary = dir + QStringLiteral("/depth-sounder.bin");
    QByteArray raw(2048, '\0');
    for (int i = 0; i < raw.size(); ++i)
        raw[i] = char((i * 131 + 7) % 256);
    writeFile(binary, raw);
    const QString broken = dir + QStringLiteral("/harbour-survey.pdf");
    writeFile(broken, "%PDF-1.7\nthe rest of this file was lost\n%%EOF\n");
    return {tides, lighthouse, bread, knots, binary, broken};
}

// The import dialog after a drop of field notes on an index made for
// documents, a text query over them, and the export dialog.
bool importShots(const QTemporaryDir &scratch, const QString &out)
{
    bool ok = true;
    const QStringList files = writeFieldNotes(scratch.filePath(QStringLiteral("field-notes")));
    const QString path = scratch.filePath(QStringLiteral("coastal-notes"));
    {
        Result<std::unique_ptr<embed::Embedder>> embedder = embed::embedderFromSpec(QStringLiteral("hash"));
        if (!embedder.ok()) return false;
        Schema schema;
        schema.dimensions = (*embedder)->dimensions();
        schema.embedder = (*embedder)->id();
        Result<std::shared_ptr<Index>> made = Index::create(path, schema, Durability::Normal);
        if (!made.ok() || !(*made)->close().ok()) return false;
    }
    MainWindow w;
    w.resize(1360, 840);
    w.show();
    w.openIndex(path);
    if (!spinUntil([&] { return w.pageCount() == 1; })) return false;
    IndexPage *page = w.currentPage();
    w.importPaths(files);
    if (!spinUntil([&] { return w.importDialog() && w.importDialog()->isPlanReady(); })) return false;
    ImportDialog *dialog = w.importDialog();
    dialog->resize(980, 560);
    if (auto *size = dialog->findChild<QSpinBox *>(QStringLiteral("chunkSize"))) size->setValue(400);
    if (auto *overlap = dialog->findChild<QSpinBox *>(QStringLiteral("chunkOverlap"))) overlap->setValue(60);
    ok &= save(dialog, out, QStringLiteral("import-plan.png"));
    dialog->startImport();
    if (!spinUntil([&] { return dialog->isFinished(); }, 60000)) return false;
    ok &= save(dialog, out, QStringLiteral("import-report.png"));
    dialog->close();

    page->showView(IndexPage::View::Query);
    QueryView *query = page->queryView();
    query->setTextQuery(QStringLiteral("spring tide low water"), search::TextSearchMode::Hybrid);
    query->run();
    if (!spinUntil([&] { return query->lastTextResult().has_value() && !query->isRunning(); })) return false;
    query->textResultsView()->setCurrentIndex(query->textResultsModel()->index(0, TextResultsModel::PassageColumn));
    spinFor(800);
    ok &= save(&w, out, QStringLiteral("query-text.png"));

    auto *exporter = new ExportDialog(page->session(), &w);
    exporter->setFormat(formats::ExportFormat::JsonLines);
    exporter->setDestination(scratch.filePath(QStringLiteral("coastal-notes.jsonl")));
    exporter->show();
    exporter->startExport();
    spinUntil([&] { return exporter->isFinished(); }, 30000);
    // The path in the picture: where a user's export would go.
    ok &= save(exporter, out, QStringLiteral("export.png"));
    delete exporter;
    w.close();
    IndexSession::waitForClosing();
    return ok;
}

// The Convert Graph confirmation over `page`'s Summary (convert-graph.png),
// then, with `after`, the Summary while the new graph is built and once it is.
bool convertGraphShots(MainWindow &w, IndexPage *page, const QString &out, bool after)
{
    bool ok = true;
    bool asked = false;
    QTimer::singleShot(300, &w, [&]() {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) return;
        asked = true;
        ok &= saveComposite(&w, box, QPoint((w.width() - box->width()) / 2, (w.height() - box->height()) / 3), out,
                            QStringLiteral("convert-graph.png"));
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::AcceptRole) b->click();
    });
    page->summaryView()->convertGraph();
    if (!asked) return false;
    if (!after) return ok;
    spinFor(400);
    ok &= save(&w, out, QStringLiteral("summary-converting.png"));
    spinFor(4000);
    ok &= save(&w, out, QStringLiteral("summary-converted.png"));
    return ok;
}

// convert-graph.png alone, on an index of its own (the full run).
bool convertGraphShot(const QTemporaryDir &scratch, const QString &out)
{
    const QString demo = scratch.filePath(QStringLiteral("convert-demo"));
    if (!makeDemo(demo, 3000, 64)) return false;
    MainWindow w;
    w.resize(1360, 840);
    w.show();
    w.openIndex(demo);
    if (!spinUntil([&] { return w.pageCount() == 1; })) return false;
    IndexPage *page = w.currentPage();
    page->showView(IndexPage::View::Summary);
    spinFor(4000); // the graph, the tuned ef and the recall estimate
    return convertGraphShots(w, page, out, false);
}

// The first run: the start page offering the demo index, and the demo
// index opened on the Query view with its example query (DemoIndex.h).
// The New Index dialog and an index's Summary (quick, for checking those two
// screens in each language).
bool indexSettingsShots(const QTemporaryDir &scratch, const QString &out)
{
    const QString demo = scratch.filePath(QStringLiteral("settings-demo"));
    if (!makeDemo(demo, 3000, 64)) return false;
    MainWindow w;
    w.resize(1360, 840);
    w.show();
    NewIndexDialog dialog(&w);
    dialog.setName(QStringLiteral("product-docs"));
    dialog.setLocation(QStringLiteral("/home/ada/Sextant"));
    dialog.setDimensions(384);
    dialog.show();
    bool ok = save(&dialog, out, QStringLiteral("new-index.png"));
    dialog.hide();
    w.openIndex(demo);
    if (!spinUntil([&] { return w.pageCount() == 1; })) return false;
    IndexPage *page = w.currentPage();
    page->showView(IndexPage::View::Summary);
    spinFor(4000); // the graph, the tuned ef and the recall estimate
    ok &= save(&w, out, QStringLiteral("summary.png"));
    ok &= convertGraphShots(w, page, out, true);
    return ok;
}

bool firstRunShots(const QString &out)
{
    QDir(defaultDemoIndexPath()).removeRecursively();
    bool ok = true;
    MainWindow w;
    w.resize(1360, 840);
    w.show();
    ok &= save(&w, out, QStringLiteral("first-run.png"));
    w.openDemoIndex();
    if (!spinUntil([&] { return w.pageCount() == 1; }, 60000)) return false;
    QueryView *query = w.currentPage()->queryView();
    if (!spinUntil([&] { return query->lastTextResult().has_value() && !query->isRunning(); })) return false;
    query->textResultsView()->setCurrentIndex(query->textResultsModel()->index(0, TextResultsModel::PassageColumn));
    spinFor(800);
    ok &= save(&w, out, QStringLiteral("demo-query.png"));
    // Browse of the demo index: titles and passages first, the hex ids after.
    IndexPage *page = w.currentPage();
    page->showView(IndexPage::View::Browse);
    ItemTableModel *model = page->browseView()->model();
    spinUntil([&] { return model->rowCount() > 0 && !model->isCounting(); });
    spinUntil([&] { return !model->idAt(2).isEmpty(); });
    page->session()->setCurrentItem(model->idAt(2));
    spinFor(1200);
    ok &= save(&w, out, QStringLiteral("demo-browse.png"));
    w.close();
    IndexSession::waitForClosing();
    QDir(defaultDemoIndexPath()).removeRecursively();
    QDir(demoTextsFolder(defaultDemoIndexPath())).removeRecursively();
    QSettings().clear();
    return ok;
}

// A collection with duplicates in it: the demo notes with a passage each,
// plus exact and near copies of some (one word changed), and a second index
// of the same notes "embedded by another model" (32 dimensions: the first
// half of each vector, with noise). The Map view's UMAP coloured by topic
// with a point's true neighbours, the Duplicates view, and the comparison.
const char *kWords[] = {"the",  "survey", "measured", "a",   "sample", "of",  "rock",   "light",  "cells", "field",
                        "over", "three",  "seasons",  "and", "found",  "its", "values", "stable", "near",  "coast"};

QString passage(int i)
{
    QRandomGenerator g(quint32(i) * 97u + 3);
    QStringList words;
    for (int w = 0; w < 24; ++w)
        words << QString::fromLatin1(kWords[g.bounded(20)]);
    return words.join(u' ') + u'.';
}

bool makeCollection(const QString &path, const QString &otherPath, int count)
{
    Schema s;
    s.dimensions = 64;
    s.metric = Metric::Cosine;
    s.fields = {FieldSpec{QStringLiteral("topic"), FieldType::String, true},
                FieldSpec{QStringLiteral("year"), FieldType::Number, false},
                FieldSpec{QStringLiteral("title"), FieldType::String, false}};
    Schema small = s;
    small.dimensions = 32;
    Result<std::shared_ptr<Index>> idx = Index::create(path, s, Durability::Normal);
    Result<std::shared_ptr<Index>> other = Index::create(otherPath, small, Durability::Normal);
    if (!idx.ok() || !other.ok()) return false;
    QList<WriteOp> batch, otherBatch;
    QRandomGenerator noise(11);
    for (int i = 1; i <= count; ++i) {
        Item it = demoItem(i, 64);
        it.metadata.insert(QStringLiteral("text"), passage(i));
        batch.append(WriteOp::insert(it));
        Item o = it;
        o.vector.resize(32);
        for (float &x : o.vector)
            x += float(noise.generateDouble() - 0.5) * 0.12f;
        otherBatch.append(WriteOp::insert(o));
        if (i % 150 == 0) {
            // A copy imported again: the same vector, or a near one with a word changed.
            Item copy = it;
            copy.id = it.id + QStringLiteral("-copy");
            copy.metadata.insert(QStringLiteral("year"), it.metadata.value(QStringLiteral("year")).toInt() + 1);
            if (i % 300 == 0) {
                QString text = passage(i);
                text.replace(QStringLiteral(" stable "), QStringLiteral(" steady "));
                text.replace(QStringLiteral(" rock "), QStringLiteral(" stone "));
                copy.metadata.insert(QStringLiteral("text"), text + QStringLiteral(" Revised."));
                for (float &x : copy.vector)
                    x += float(noise.generateDouble() - 0.5) * 0.02f;
            }
            batch.append(WriteOp::insert(copy));
        }
    }
    if (!(*idx)->write(batch, Priority::Bulk).result().error.ok()) return false;
    if (!(*other)->write(otherBatch, Priority::Bulk).result().error.ok()) return false;
    (*idx)->waitForGraph(120000);
    (*other)->waitForGraph(120000);
    return (*idx)->close().ok() && (*other)->close().ok();
}

bool exploreShots(const QTemporaryDir &scratch, const QString &out)
{
    const QString path = scratch.filePath(QStringLiteral("field-notes"));
    const QString otherPath = scratch.filePath(QStringLiteral("field-notes-model-b"));
    if (!QDir(path).exists() && !makeCollection(path, otherPath, 3000)) {
        std::fprintf(stderr, "could not create the collection\n");
        return false;
    }
    bool ok = true;
    MainWindow w;
    w.resize(1360, 840);
    w.show();
    w.openIndex(otherPath);
    w.openIndex(path);
    if (!spinUntil([&] { return w.pageCount() == 2; })) return false;
    spinFor(500);
    IndexPage *page = w.currentPage();
    if (!page || page->path() != path) page = w.pageFor(path);
    if (!page) return false;
    // The two opens finish in either order: show this one's tab.
    if (auto *tabs = w.findChild<QTabWidget *>()) tabs->setCurrentWidget(page);
    page->session()->index()->waitForGraph(60000);

    page->showView(IndexPage::View::Map);
    MapView *map = page->mapView();
    spinUntil([&] { return map->projection() != nullptr && !map->isComputing(); }, 60000);
    map->setMethod(QStringLiteral("umap"));
    spinUntil([&] { return map->showsUmap() && !map->isComputing(); }, 120000);
    map->setColourField(QStringLiteral("topic"));
    page->session()->setCurrentItem(QStringLiteral("doc-00042"));
    spinUntil([&] { return !map->trueNeighbours().isEmpty(); }, 10000);
    spinFor(500);
    ok &= save(&w, out, QStringLiteral("map-umap.png"));

    page->showView(IndexPage::View::Duplicates);
    DuplicatesView *dups = page->duplicatesView();
    dups->find();
    spinUntil([&] { return !dups->isSearching(); }, 60000);
    // A near copy: the passage with its changed words marked.
    for (int g = 0; g < dups->model()->groupCount(); ++g)
        if (dups->model()->group(g).members.value(1).id.endsWith(QStringLiteral("00300-copy"))) {
            dups->groupsView()->setCurrentIndex(dups->model()->memberIndex(g, 0));
            dups->groupsView()->scrollTo(dups->model()->memberIndex(g, 0));
        }
    dups->keepOnePerGroup();
    spinFor(800);
    ok &= save(&w, out, QStringLiteral("duplicates.png"));

    page->showView(IndexPage::View::Query);
    page->queryView()->findSimilar(QStringLiteral("doc-00042"));
    spinUntil([&] { return page->queryView()->lastResult().has_value() && !page->queryView()->isRunning(); });
    CompareDialog *dialog = page->queryView()->compareWithIndex();
    dialog->useSample(100);
    dialog->compare();
    spinUntil([&] { return !dialog->isRunning(); }, 60000);
    // The query whose lists share the most: links on both sides.
    int best = 0;
    for (int q = 0; q < dialog->report()->queries.size(); ++q)
        if (dialog->report()->queries[q].overlap > dialog->report()->queries[best].overlap) best = q;
    dialog->queryList()->setCurrentRow(best);
    dialog->showQuery(best);
    // Select a shared hit: its counterpart on the right is selected with it.
    for (int r = 0; r < dialog->leftTable()->rowCount(); ++r)
        if (dialog->leftTable()->item(r, 3)->data(Qt::UserRole).toInt() > 0) {
            dialog->leftTable()->setCurrentCell(r, 1);
            break;
        }
    spinFor(600);
    ok &= save(dialog, out, QStringLiteral("compare.png"));
    dialog->close();
    w.close();
    IndexSession::waitForClosing();
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("sextant-screenshots"));
    QApplication::setApplicationName(QStringLiteral("Sextant"));
    QApplication::setApplicationVersion(QStringLiteral(SEXTANT_VERSION));
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QStringList args = QCoreApplication::arguments().mid(1);
    QString language = QStringLiteral("en");
    if (const qsizetype at = args.indexOf(QStringLiteral("--language")); at >= 0 && at + 1 < args.size()) {
        language = args.at(at + 1);
        args.remove(at, 2);
        if (!availableLanguages().contains(language)) {
            std::fprintf(stderr, "unknown language %s (one of: %s)\n", qPrintable(language),
                         qPrintable(availableLanguages().join(QStringLiteral(", "))));
            return 2;
        }
        if (language != QLatin1String("en")) g_nameSuffix = u'-' + language;
    }
    const bool onlyImport = args.removeAll(QStringLiteral("--only-import")) > 0;
    const bool onlyFirstRun = args.removeAll(QStringLiteral("--only-first-run")) > 0;
    const bool onlyExplore = args.removeAll(QStringLiteral("--only-explore")) > 0;
    const bool onlySettings = args.removeAll(QStringLiteral("--only-index-settings")) > 0;
    if (args.size() != 1) {
        std::fprintf(stderr, "usage: sextant-screenshots OUTDIR [--only-import | --only-first-run | --only-explore | "
                             "--only-index-settings] "
                             "[--language de|fr]\n");
        return 2;
    }
    const QString out = QDir(args.first()).absolutePath();
    QDir().mkpath(out);
    installTranslations(language);
    captureSystemPalette();
    applyTheme(Theme::Light);
    QFont font = QApplication::font();
    font.setPointSize(10);
    QApplication::setFont(font);

    QTemporaryDir scratch;
    // --only-import: just the import, text query and export screens (quick
    // to look at while working on them).
    if (onlyImport) return importShots(scratch, out) ? 0 : 1;
    // --only-first-run: the start page's demo offer and the demo index.
    if (onlyFirstRun) return firstRunShots(out) ? 0 : 1;
    // --only-explore: the UMAP map, the Duplicates view and the comparison.
    if (onlyExplore) return exploreShots(scratch, out) ? 0 : 1;
    // --only-index-settings: the New Index dialog and the Summary view, with
    // the Convert Graph confirmation and the Summary during and after it.
    if (onlySettings) return indexSettingsShots(scratch, out) ? 0 : 1;
    const QString demo = scratch.filePath(QStringLiteral("demo"));
    if (!makeDemo(demo, 5000, 64)) {
        std::fprintf(stderr, "could not create the demo index\n");
        return 1;
    }
    bool ok = firstRunShots(out);
    {
        MainWindow w;
        w.resize(1360, 840);
        w.show();
        ok &= save(&w, out, QStringLiteral("start.png"));

        NewIndexDialog dialog(&w);
        dialog.setName(QStringLiteral("product-docs"));
        dialog.setLocation(QStringLiteral("/home/ada/Sextant"));
        dialog.setDimensions(384);
        dialog.addField(QStringLiteral("title"), FieldType::String, true);
        dialog.addField(QStringLiteral("tags"), FieldType::StringList, false);
        dialog.show();
        ok &= save(&dialog, out, QStringLiteral("new-index.png"));
        dialog.hide();

        PreferencesDialog preferences(Preferences::load(), &w);
        preferences.show();
        ok &= save(&preferences, out, QStringLiteral("preferences.png"));
        preferences.hide();

        w.openIndex(demo);
        if (!spinUntil([&] { return w.pageCount() == 1; })) return 1;
        IndexPage *page = w.currentPage();
        IndexSession *session = page->session();
        page->showView(IndexPage::View::Browse);
        ItemTableModel *model = page->browseView()->model();
        spinUntil([&] { return model->rowCount() == 5000 && !model->isCounting(); });
        session->setCurrentItem(QStringLiteral("doc-00042"));
        spinFor(1500); // the inspector's item, histogram and neighbours
        ok &= save(&w, out, QStringLiteral("browse.png"));

        // Several rows selected and their context menu: copy and delete.
        {
            QTableView *table = page->browseView()->table();
            auto *sel = table->selectionModel();
            const int first = model->loadedRowOf(QStringLiteral("doc-00042"));
            if (first >= 0) {
                sel->select(QItemSelection(model->index(first, 0), model->index(first + 2, 0)),
                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                table->scrollTo(model->index(first, 0), QAbstractItemView::PositionAtCenter);
                spinFor(300);
                std::unique_ptr<QMenu> menu(page->browseView()->contextMenu());
                if (menu) {
                    const QRect cell = table->visualRect(model->index(first + 1, 1));
                    const QPoint at = table->viewport()->mapTo(&w, cell.center());
                    menu->popup(w.mapToGlobal(at));
                    spinFor(300);
                    ok &= saveComposite(&w, menu.get(), at, out, QStringLiteral("copy-menu.png"));
                    menu->hide();
                }
            }
        }
        // Edit ▸ Go to Id… with the ids completed from the index.
        {
            w.goToIdDialog();
            auto *dialog = w.findChild<GoToIdDialog *>();
            if (dialog) {
                dialog->idEdit()->setFocus();
                dialog->idEdit()->setText(QStringLiteral("doc-0420"));
                emit dialog->idEdit()->textEdited(dialog->idEdit()->text());
                spinUntil([&] { return dialog->completer()->suggestions().size() > 3; });
                spinFor(400);
                QWidget *popup = dialog->completer()->popup();
                const QPoint dialogAt((w.width() - dialog->width()) / 2, 160);
                QPixmap both(w.size());
                both.fill(Qt::transparent);
                QPainter p(&both);
                p.drawPixmap(0, 0, w.grab());
                p.drawPixmap(dialogAt, dialog->grab());
                p.setPen(QColor(0, 0, 0, 90));
                p.drawRect(QRect(dialogAt, dialog->size()).adjusted(0, 0, -1, -1));
                if (popup && popup->isVisible()) {
                    const QPoint editAt = dialog->idEdit()->mapTo(dialog, QPoint(0, dialog->idEdit()->height()));
                    p.drawPixmap(dialogAt + editAt, popup->grab());
                    p.drawRect(QRect(dialogAt + editAt, popup->size()).adjusted(0, 0, -1, -1));
                }
                p.end();
                QString file = out + QStringLiteral("/goto-id.png");
                if (!g_nameSuffix.isEmpty()) file.insert(file.lastIndexOf(u'.'), g_nameSuffix);
                const bool saved = both.save(file);
                std::fprintf(stderr, "%s %s\n", saved ? "wrote" : "FAILED", qPrintable(file));
                ok &= saved;
                dialog->reject();
            }
        }
        // Sorted by year, newest first: the ordering built on a worker.
        {
            const int yearColumn = int(model->fieldColumns().indexOf(QStringLiteral("year"))) + 1;
            if (yearColumn >= 1) {
                model->sort(yearColumn, Qt::DescendingOrder);
                spinUntil([&] { return !model->isSorting(); });
                spinUntil([&] { return !model->idAt(0).isEmpty(); });
                page->browseView()->table()->scrollToTop();
                spinFor(600);
                ok &= save(&w, out, QStringLiteral("browse-sorted.png"));
                model->setSort({});
                spinUntil([&] { return !model->isCounting(); });
            }
        }
        page->browseView()->setFilterText(QStringLiteral(R"({"topic": "geology", "year": {"$gte": 2015}})"));
        spinFor(1200);
        ok &= save(&w, out, QStringLiteral("browse-filtered.png"));
        page->browseView()->setFilterText(QStringLiteral(R"({"year": {"$gte": })"));
        spinFor(600);
        ok &= save(page->browseView(), out, QStringLiteral("filter-error.png"));
        page->browseView()->setFilterText(QString());

        page->showView(IndexPage::View::Query);
        QueryView *query = page->queryView();
        query->filterEdit()->setPlainText(
            QStringLiteral("{\n  \"year\": {\"$gte\": 2010},\n  \"topic\": {\"$in\": [\"geology\", \"physics\"]}\n}"));
        query->findSimilar(QStringLiteral("doc-00042"));
        spinUntil([&] { return query->lastResult().has_value() && !query->isRunning(); });
        query->compareWithExact();
        spinUntil([&] { return !query->isComparing(); });
        spinFor(800);
        ok &= save(&w, out, QStringLiteral("query.png"));

        page->showView(IndexPage::View::Map);
        spinFor(4000); // the projection of 5,000 points
        ok &= save(&w, out, QStringLiteral("map.png"));

        page->showView(IndexPage::View::Summary);
        page->summaryView()->verify(true);
        spinFor(3000); // verification and the recall estimate
        ok &= save(&w, out, QStringLiteral("summary.png"));

        applyTheme(Theme::Dark);
        page->showView(IndexPage::View::Browse);
        spinFor(800);
        ok &= save(&w, out, QStringLiteral("browse-dark.png"));
        applyTheme(Theme::Light);
        w.close();
        IndexSession::waitForClosing();
    }
    {
        // Read-only: sextant-cli is writing the index.
        QProcess cli;
        cli.setProgram(QCoreApplication::applicationDirPath() + QStringLiteral("/../cli/sextant-cli"));
        cli.setArguments({QStringLiteral("insert"), demo});
        cli.start();
        if (cli.waitForStarted(10000)) {
            const Item it = demoItem(5001, 64);
            QJsonArray v;
            for (float f : it.vector)
                v.append(double(f));
            cli.write(QJsonDocument(QJsonObject{{QStringLiteral("id"), it.id},
                                                {QStringLiteral("vector"), v},
                                                {QStringLiteral("metadata"), it.metadata}})
                          .toJson(QJsonDocument::Compact) +
                      '\n');
            QByteArray got;
            spinUntil([&] {
                cli.waitForReadyRead(50);
                got += cli.readAllStandardOutput();
                return got.contains("ok ");
            });
            MainWindow w;
            w.resize(1360, 840);
            w.show();
            w.openIndex(demo);
            if (spinUntil([&] { return w.pageCount() == 1; })) {
                w.currentPage()->showView(IndexPage::View::Summary);
                spinFor(1500);
                ok &= save(&w, out, QStringLiteral("read-only.png"));
            }
            w.close();
            IndexSession::waitForClosing();
            cli.closeWriteChannel();
            cli.waitForFinished(10000);
        } else {
            std::fprintf(stderr, "could not start sextant-cli for the read-only screenshot\n");
            ok = false;
        }
    }
    ok &= integrityShots(scratch, out);
    ok &= importShots(scratch, out);
    ok &= exploreShots(scratch, out);
    ok &= convertGraphShot(scratch, out);
    return ok ? 0 : 1;
}
