// sextant-screenshots OUTDIR: writes the screenshots of the main screens
// (docs/screenshots/) from a seeded demo index, offscreen. Not installed:
// a tool for the documentation and for looking at the GUI without a display.

#include "BrowseView.h"
#include "FilterEdit.h"
#include "IndexPage.h"
#include "IndexSession.h"
#include "ItemTableModel.h"
#include "MainWindow.h"
#include "MapView.h"
#include "NewIndexDialog.h"
#include "QueryView.h"
#include "SummaryView.h"
#include "Theme.h"
#include "Translations.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QProcess>
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

bool save(QWidget *w, const QString &dir, const QString &name)
{
    spinFor(150);
    const QString file = dir + u'/' + name;
    const bool ok = w->grab().save(file);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "FAILED", qPrintable(file));
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
    return ok ? 0 : 1;
}
