// sextant-screenshots OUTDIR: writes the screenshots of the main screens
// (docs/screenshots/) from a seeded demo index, offscreen. Not installed:
// a tool for the documentation and for looking at the GUI without a display.

#include "BrowseView.h"
#include "FilterEdit.h"
#include "IndexPage.h"
#include "FindingsModel.h"
#include "HealthMap.h"
#include "IndexSession.h"
#include "IntegrityView.h"
#include "ItemTableModel.h"
#include "MainWindow.h"
#include "MapView.h"
#include "NewIndexDialog.h"
#include "QueryView.h"
#include "RepairDialog.h"
#include "SummaryView.h"
#include "Theme.h"
#include "Translations.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QFile>
#include <QLineEdit>
#include <QTreeView>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <cstdio>

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
    while (t.elapsed() < ms) QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
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
    for (int d = 0; d < dims; ++d) it.vector[d] = (d % 5 == t ? 1.f : 0.f) + float(g.generateDouble() - 0.5) * 0.6f;
    it.metadata = QJsonObject{{QStringLiteral("topic"), QString::fromLatin1(kTopics[t])},
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
    for (int i = 1; i <= count; ++i) batch.append(WriteOp::insert(demoItem(i, dims)));
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

bool save(QWidget *w, const QString &dir, const QString &name)
{
    spinFor(150);
    const QString file = dir + u'/' + name;
    const bool ok = w->grab().save(file);
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
    if (argc < 2) {
        std::fprintf(stderr, "usage: sextant-screenshots OUTDIR [--dark]\n");
        return 2;
    }
    const QString out = QDir(QString::fromLocal8Bit(argv[1])).absolutePath();
    QDir().mkpath(out);
    installTranslations(QLocale(QLocale::English));
    captureSystemPalette();
    applyTheme(Theme::Light);
    QFont font = QApplication::font();
    font.setPointSize(10);
    QApplication::setFont(font);

    QTemporaryDir scratch;
    const QString demo = scratch.filePath(QStringLiteral("demo"));
    if (!makeDemo(demo, 5000, 64)) {
        std::fprintf(stderr, "could not create the demo index\n");
        return 1;
    }
    bool ok = true;
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

        page->browseView()->setFilterText(QStringLiteral(R"({"topic": "geology", "year": {"$gte": 2015}})"));
        spinFor(1200);
        ok &= save(&w, out, QStringLiteral("browse-filtered.png"));
        page->browseView()->setFilterText(QStringLiteral(R"({"year": {"$gte": })"));
        spinFor(600);
        ok &= save(page->browseView(), out, QStringLiteral("filter-error.png"));
        page->browseView()->setFilterText(QString());

        page->showView(IndexPage::View::Query);
        QueryView *query = page->queryView();
        query->filterEdit()->setPlainText(QStringLiteral("{\n  \"year\": {\"$gte\": 2010},\n  \"topic\": {\"$in\": [\"geology\", \"physics\"]}\n}"));
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
            for (float f : it.vector) v.append(double(f));
            cli.write(QJsonDocument(QJsonObject{{QStringLiteral("id"), it.id}, {QStringLiteral("vector"), v},
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
    return ok ? 0 : 1;
}
