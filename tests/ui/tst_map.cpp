// Projection and MapView: PCA recovers known principal directions, sampling
// is seeded and bounded, cancel stops the work, hit-testing finds a point at
// its pixel, clicking selects the item, colouring by a field builds a legend.

#include "MapView.h"
#include "Projection.h"
#include "UiTestSupport.h"

#include <QFrame>
#include <QSemaphore>
#include <QSignalSpy>
#include <cmath>

using namespace sextant;
using namespace sextant::ui;
using namespace sextant::ui::test;

namespace {

double correlation(const std::vector<float> &a, const std::vector<double> &b)
{
    const size_t n = a.size();
    double ma = 0, mb = 0;
    for (size_t i = 0; i < n; ++i)
        ma += a[i], mb += b[i];
    ma /= n, mb /= n;
    double sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < n; ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / std::sqrt(saa * sbb);
}

ProjectionResult project(const std::shared_ptr<Index> &index, int limit, quint64 seed)
{
    QFuture<ProjectionResult> f = Projection::start(index, limit, seed);
    if (!waitForFuture(f, 60000) || f.resultCount() != 1) return {};
    return f.result();
}

} // namespace

class TestMap : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_index = createTestIndex(m_dir.path() + QStringLiteral("/ix"), 600, 8, false);
        QVERIFY(m_index);
        m_session = new IndexSession(m_index, std::nullopt); // closes the index when deleted
    }
    void cleanupTestCase()
    {
        delete m_session;
        QThreadPool::globalInstance()->waitForDone();
    }

    // Points spread along two chosen orthogonal directions in 24-D (standard
    // deviations 10 and 3) plus small noise and an offset: the first axis
    // must follow the first direction, the second the second.
    void pcaRecoversKnownDirections_data()
    {
        QTest::addColumn<int>("metric");
        QTest::newRow("l2") << int(Metric::L2);
        QTest::newRow("dot") << int(Metric::Dot);
    }
    void pcaRecoversKnownDirections()
    {
        QFETCH(int, metric);
        const int d = 24, n = 3000;
        QRandomGenerator g(99);
        auto gauss = [&g] { // Box–Muller
            const double u = std::max(1e-12, g.generateDouble()), v = g.generateDouble();
            return std::sqrt(-2 * std::log(u)) * std::cos(2 * M_PI * v);
        };
        // Two orthonormal directions that are not coordinate axes.
        std::vector<double> u1(d), u2(d);
        for (int j = 0; j < d; ++j)
            u1[j] = gauss(), u2[j] = gauss();
        auto normalise = [](std::vector<double> &v) {
            double s = 0;
            for (double x : v)
                s += x * x;
            for (double &x : v)
                x /= std::sqrt(s);
        };
        normalise(u1);
        double p = 0;
        for (int j = 0; j < d; ++j)
            p += u1[j] * u2[j];
        for (int j = 0; j < d; ++j)
            u2[j] -= p * u1[j];
        normalise(u2);

        Schema schema;
        schema.dimensions = d;
        schema.metric = Metric(metric);
        OpenOptions options;
        options.graph = false;
        QTemporaryDir dir;
        Result<std::shared_ptr<Index>> created =
            Index::create(dir.path() + QStringLiteral("/pca"), schema, Durability::Off, options);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        std::shared_ptr<Index> index = created.takeValue();
        QHash<QString, std::pair<double, double>> truth;
        QList<WriteOp> batch;
        for (int i = 0; i < n; ++i) {
            const double a = 10 * gauss(), b = 3 * gauss();
            Item item;
            item.id = QStringLiteral("p%1").arg(i, 5, 10, QLatin1Char('0'));
            item.vector.resize(d);
            for (int j = 0; j < d; ++j)
                item.vector[j] = float(a * u1[j] + b * u2[j] + 0.1 * gauss() + 5.0 * (j % 3));
            truth.insert(item.id, {a, b});
            batch.append(WriteOp::insert(item));
        }
        QVERIFY(index->write(batch, Priority::Bulk).result().error.ok());

        const ProjectionResult r = project(index, 100000, 1);
        QCOMPARE(r.count(), n);
        QCOMPARE(r.totalItems, qint64(n));
        QVERIFY(!r.normalised);
        std::vector<double> ta, tb;
        for (const QString &id : r.ids)
            ta.push_back(truth[id].first), tb.push_back(truth[id].second);
        const double c1 = correlation(r.x, ta), c2 = correlation(r.y, tb);
        QVERIFY2(std::abs(c1) > 0.999, qPrintable(QString::number(c1)));
        QVERIFY2(std::abs(c2) > 0.99, qPrintable(QString::number(c2)));
        // The directions themselves, up to sign.
        double d1 = 0, d2 = 0;
        for (int j = 0; j < d; ++j)
            d1 += r.axis[0][j] * u1[j], d2 += r.axis[1][j] * u2[j];
        QVERIFY(std::abs(d1) > 0.999);
        QVERIFY(std::abs(d2) > 0.99);
        QVERIFY(r.explained[0] > r.explained[1]);
        // Variances 100 and 9 against 24 × 0.01 of noise.
        QVERIFY(r.explained[0] > 0.85 && r.explained[0] < 0.95);
        QVERIFY(r.explained[0] + r.explained[1] > 0.99);
        index->close();
    }

    void cosineNormalisesFirst()
    {
        const ProjectionResult r = project(m_index, 100000, 1);
        QCOMPARE(r.count(), 600);
        QVERIFY(r.normalised);
        double norm = 0;
        for (float m : r.mean)
            norm += double(m) * m;
        QVERIFY(norm < 1.0 + 1e-4); // the mean of unit vectors lies inside the unit ball
        QVERIFY(r.explained[0] >= r.explained[1]);
        QVERIFY(r.explained[0] > 0);
    }

    void samplingIsSeededAndBounded()
    {
        qint64 total = 0;
        const QStringList a = Projection::sampleIds(*m_index, 100, 7, &total);
        const QStringList b = Projection::sampleIds(*m_index, 100, 7, nullptr);
        const QStringList c = Projection::sampleIds(*m_index, 100, 8, nullptr);
        QCOMPARE(total, 600);
        QCOMPARE(a.size(), 100);
        QCOMPARE(a, b);
        QVERIFY(a != c);
        QStringList sorted = a;
        sorted.sort();
        QCOMPARE(a, sorted);
        QCOMPARE(QSet<QString>(a.begin(), a.end()).size(), 100);
        for (const QString &id : a)
            QVERIFY(m_index->contains(id));
        // The sample spreads over the whole id range, not just its start.
        QVERIFY(a.last() > testItem(400).id);
        // Fewer items than the limit: all of them.
        const QStringList all = Projection::sampleIds(*m_index, 1000, 7, nullptr);
        QCOMPARE(all.size(), 600);

        const ProjectionResult p1 = project(m_index, 100, 7), p2 = project(m_index, 100, 7);
        QCOMPARE(p1.count(), 100);
        QCOMPARE(p1.ids, a);
        QCOMPARE(p1.totalItems, 600);
        QCOMPARE(p1.x, p2.x);
        QCOMPARE(p1.y, p2.y);
    }

    void cancelStopsTheWork()
    {
        // A cancelled promise: compute returns at its first check, without a result.
        QPromise<ProjectionResult> promise;
        promise.start();
        promise.future().cancel();
        Projection::compute(promise, *m_index, 100000, 1);
        promise.finish();
        QCOMPARE(promise.future().resultCount(), 0);

        // Through the view: the task is cancelled before a pool thread is free.
        IndexSession &session = *m_session;
        MapView view(&session);
        QSignalSpy finished(&view, &MapView::projectionFinished);
        QSemaphore gate;
        const int threads = QThreadPool::globalInstance()->maxThreadCount();
        for (int i = 0; i < threads; ++i)
            QThreadPool::globalInstance()->start([&gate] { gate.acquire(); });
        view.recompute();
        QVERIFY(view.isComputing());
        view.cancel();
        gate.release(threads);
        QVERIFY(finished.wait(30000));
        QVERIFY(!view.isComputing());
        QVERIFY(!view.projection());
        // Recompute after a cancel works.
        view.recompute();
        QVERIFY(finished.wait(30000));
        QVERIFY(view.projection());
        QCOMPARE(view.projection()->count(), 600);
        QThreadPool::globalInstance()->waitForDone();
    }

    void hitTestingAndClicking()
    {
        IndexSession &session = *m_session;
        MapView view(&session);
        QSignalSpy finished(&view, &MapView::projectionFinished);
        view.resize(1000, 700);
        view.show(); // the first showing computes
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(finished.wait(30000));
        const ProjectionResult *p = view.projection();
        QVERIFY(p);
        QCOMPARE(p->count(), 600);
        QVERIFY(view.description().contains(QStringLiteral("PCA of all 600 item")));
        ScatterPlot *plot = view.plot();
        QCOMPARE(plot->pointCount(), 600);

        // A point with no neighbour within 8 px, so the pick is unambiguous.
        int lonely = -1;
        for (int i = 0; i < p->count() && lonely < 0; ++i) {
            bool alone = true;
            for (int j = 0; j < p->count() && alone; ++j)
                if (j != i && QLineF(plot->pixelOf(i), plot->pixelOf(j)).length() < 8) alone = false;
            if (alone) lonely = i;
        }
        QVERIFY(lonely >= 0);
        const QPoint at = plot->pixelOf(lonely).toPoint();
        QCOMPARE(plot->pointAt(at), lonely);
        QCOMPARE(plot->pointAt(at + QPoint(2, -1)), lonely);
        QCOMPARE(plot->pointAt(QPoint(2, 2)), -1); // the margin holds no points
        QTest::mouseClick(plot, Qt::LeftButton, {}, at);
        QCOMPARE(session.currentItem(), p->ids[lonely]);
        QCOMPARE(plot->current(), lonely);

        // Zooming around the cursor keeps the point under it.
        QWheelEvent wheel(QPointF(at), plot->mapToGlobal(QPointF(at)), {}, QPoint(0, 240), Qt::NoButton, {},
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(plot, &wheel);
        QVERIFY(plot->zoom() > 1.3);
        QVERIFY(QLineF(plot->pixelOf(lonely), QPointF(at)).length() < 1.5);
        QCOMPARE(plot->pointAt(at), lonely);
        plot->fit();
        QCOMPARE(plot->zoom(), 1.0);

        // Query hits and the current item come from the session.
        session.setQueryHits({p->ids[3], p->ids[5], QStringLiteral("not-in-the-sample")});
        QCOMPARE(plot->highlighted(), (QList<int>{3, 5}));
        session.setCurrentItem(p->ids[7]);
        QCOMPARE(plot->current(), 7);

        // A write makes the map stale and says so.
        auto *notice = view.findChild<QFrame *>(QStringLiteral("staleNotice"));
        QVERIFY(!notice->isVisible());
        QVERIFY(waitForFuture(session.write({WriteOp::insert(testItem(9999))})));
        QTRY_VERIFY(view.isStale());
        QVERIFY(notice->isVisible());
        view.recompute();
        QVERIFY(finished.wait(30000));
        QVERIFY(!view.isStale());
        QVERIFY(!notice->isVisible());
        QCOMPARE(view.projection()->count(), 601);
        QVERIFY(waitForFuture(session.write({WriteOp::remove(testItem(9999).id)})));
    }

    void colourByAFieldGivesALegend()
    {
        IndexSession &session = *m_session;
        MapView view(&session);
        QSignalSpy finished(&view, &MapView::projectionFinished);
        view.recompute();
        QVERIFY(finished.wait(30000));
        const QStringList fields = view.colourFields();
        // Schema fields first, then the common keys of the sample.
        QCOMPARE(fields.mid(0, 2), (QStringList{QStringLiteral("title"), QStringLiteral("n")}));
        QVERIFY(fields.contains(QStringLiteral("colour")));
        QVERIFY(fields.contains(QStringLiteral("tags")));

        view.setColourField(QStringLiteral("colour"));
        QCOMPARE(view.colourField(), QStringLiteral("colour"));
        QList<ScatterPlot::LegendEntry> legend = view.legend();
        QCOMPARE(legend.size(), 3);
        QSet<QString> labels;
        for (const auto &e : legend) {
            labels.insert(e.label);
            QCOMPARE(e.count, 200);
        }
        QCOMPARE(labels, (QSet<QString>{QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue")}));
        QVERIFY(legend[0].colour != legend[1].colour && legend[1].colour != legend[2].colour);

        // 600 distinct titles: the ten most common and "other".
        view.setColourField(QStringLiteral("title"));
        legend = view.legend();
        QCOMPARE(legend.size(), 11);
        QCOMPARE(legend.last().label, QStringLiteral("other"));
        QCOMPARE(legend.last().count, 590);

        // Numbers: a gradient from the smallest to the largest value.
        view.setColourField(QStringLiteral("n"));
        legend = view.legend();
        QCOMPARE(legend.size(), 5);
        QCOMPARE(legend.first().label, QLocale().toString(0.0, 'g', 4));
        QCOMPARE(legend.last().label, QLocale().toString(599.0, 'g', 4));
        QCOMPARE(legend.first().count, -1);

        view.setColourField(QString());
        QVERIFY(view.legend().isEmpty());
    }

    void emptyIndexSaysSo()
    {
        QTemporaryDir dir;
        std::shared_ptr<Index> empty = createTestIndex(dir.path() + QStringLiteral("/empty"), 0, 8, false);
        QVERIFY(empty);
        {
            IndexSession session(empty, std::nullopt);
            MapView view(&session);
            QSignalSpy finished(&view, &MapView::projectionFinished);
            view.recompute();
            QVERIFY(finished.wait(30000));
            QVERIFY(view.projection());
            QCOMPARE(view.projection()->count(), 0);
            QCOMPARE(view.description(), QStringLiteral("The index is empty."));
            QCOMPARE(view.plot()->pointAt(QPoint(100, 100)), -1);
        }
        QThreadPool::globalInstance()->waitForDone();
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Index> m_index;
    IndexSession *m_session = nullptr;
};

QTEST_MAIN(TestMap)
#include "tst_map.moc"
