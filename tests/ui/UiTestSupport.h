#pragma once
// Helpers of the GUI tests: temporary indexes with seeded content, and
// waiting for futures and signals while the event loop runs.

#include "IndexSession.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

namespace sextant::ui::test {

// A temporary folder that outlives the closing of the indexes in it
// (sessions close their index on a worker thread).
struct TempDir : QTemporaryDir {
    ~TempDir() { IndexSession::waitForClosing(); }
};

// Waits for `future` while processing events (queued signals arrive).
template <typename T>
bool waitForFuture(const QFuture<T> &future, int timeoutMs = 30000)
{
    QElapsedTimer t;
    t.start();
    while (!future.isFinished()) {
        if (t.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    QCoreApplication::processEvents();
    return true;
}

inline Schema testSchema(int dims = 8, Metric metric = Metric::Cosine)
{
    Schema s;
    s.dimensions = dims;
    s.metric = metric;
    s.fields = {FieldSpec{QStringLiteral("title"), FieldType::String, false},
                FieldSpec{QStringLiteral("n"), FieldType::Number, false}};
    return s;
}

// A deterministic item: vector from `seed`, metadata {title, n, colour, tags}.
inline Item testItem(int i, int dims = 8)
{
    QRandomGenerator g(quint32(i) * 7919u + 1);
    Item it;
    it.id = QStringLiteral("item-%1").arg(i, 6, 10, QLatin1Char('0'));
    it.vector.resize(dims);
    for (int d = 0; d < dims; ++d)
        it.vector[d] = float(g.generateDouble() * 2 - 1) + (i % 3 == 0 ? 1.f : 0.f);
    static const char *colours[] = {"red", "green", "blue"};
    it.metadata = QJsonObject{{QStringLiteral("title"), QStringLiteral("Item number %1").arg(i)},
                              {QStringLiteral("n"), i},
                              {QStringLiteral("colour"), QString::fromLatin1(colours[i % 3])},
                              {QStringLiteral("tags"), QJsonArray{QStringLiteral("t%1").arg(i % 5)}}};
    return it;
}

// Creates an index with `count` test items (checkpointed) and returns it.
// Three items whose metadata carries "text" (two about a heron), for
// keyword search on an index that records no embedder.
inline QList<WriteOp> itemsCarryingText()
{
    const char *texts[] = {"the heron waits in the reeds", "a kestrel hovers over the field",
                           "the heron flies low over the river"};
    QList<WriteOp> batch;
    for (int i = 0; i < 3; ++i) {
        Item it = testItem(100 + i);
        it.metadata.insert(QStringLiteral("text"), QString::fromLatin1(texts[i]));
        batch << WriteOp::insert(it);
    }
    return batch;
}

inline std::shared_ptr<Index> createTestIndex(const QString &path, int count, int dims = 8, bool graph = true)
{
    OpenOptions options;
    options.graph = graph;
    Result<std::shared_ptr<Index>> idx = Index::create(path, testSchema(dims), Durability::Off, options);
    if (!idx.ok()) {
        qWarning("create failed: %s", qPrintable(idx.error().toString()));
        return {};
    }
    QList<WriteOp> batch;
    for (int i = 0; i < count; ++i) {
        batch.append(WriteOp::insert(testItem(i, dims)));
        if (batch.size() == 5000 || i == count - 1) {
            const WriteResult r = (*idx)->write(std::move(batch), Priority::Bulk).result();
            if (!r.error.ok()) {
                qWarning("write failed: %s", qPrintable(r.error.toString()));
                return {};
            }
            batch.clear();
        }
    }
    (*idx)->checkpoint().waitForFinished();
    return idx.takeValue();
}

} // namespace sextant::ui::test
