#include "index/GraphManager.h"

#include "core/ThreadPriority.h"

#include "base/FileIo.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

namespace sextant {

// Timings of the graph's phases after an open (load, reconcile, upkeep):
// QT_LOGGING_RULES="sextant.graph.info=true" prints them.
Q_LOGGING_CATEGORY(lcGraph, "sextant.graph", QtWarningMsg)

using namespace storage;
using namespace base;

QString graphStateName(GraphStatus::State state)
{
    switch (state) {
    case GraphStatus::State::Disabled: return QStringLiteral("disabled");
    case GraphStatus::State::Loading: return QStringLiteral("loading");
    case GraphStatus::State::Building: return QStringLiteral("building");
    case GraphStatus::State::Ready: return QStringLiteral("ready");
    case GraphStatus::State::Failed: return QStringLiteral("failed");
    }
    return {};
}

GraphManager::GraphManager(Host &host, int dimensions, Metric metric, AnnParams params, bool canSave)
    : m_host(host), m_dims(dimensions), m_metric(metric), m_params(params), m_canSave(canSave),
      m_graphLock(QReadWriteLock::NonRecursive)
{
}

GraphManager::~GraphManager() { stop(); }

void GraphManager::start(std::optional<GraphEntry> saved)
{
    {
        std::lock_guard lock(m_queueMutex);
        m_state = GraphStatus::State::Loading;
        m_saved = saved;
    }
    m_thread = std::thread([this, saved] {
        // Keeping the graph is background work: at a lower priority it
        // yields the CPU to the writer, to queries and to a GUI thread (on
        // 2 cores, building beside an import stalled the GUI for 122 ms).
        // The threads it starts for parallel adds inherit the priority.
        lowerCurrentThreadPriority();
        run(saved);
    });
}

void GraphManager::stop()
{
    {
        std::lock_guard lock(m_queueMutex);
        m_stop = true;
    }
    m_queueCond.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

bool GraphManager::stopping() const
{
    std::lock_guard lock(m_queueMutex);
    return m_stop;
}

void GraphManager::setState(GraphStatus::State s, const QString &message)
{
    {
        std::lock_guard lock(m_queueMutex);
        m_state = s;
        m_message = message;
    }
    m_queueCond.notify_all();
}

void GraphManager::changed(const QByteArray &id)
{
    {
        std::lock_guard lock(m_queueMutex);
        m_queue.push_back(id);
        ++m_pending[id];
    }
    m_queueCond.notify_all();
}

void GraphManager::reconcileLater()
{
    {
        std::lock_guard lock(m_queueMutex);
        m_reconcileRequested = true;
    }
    m_queueCond.notify_all();
}

void GraphManager::segmentsChanged()
{
    {
        std::lock_guard lock(m_queueMutex);
        m_notesDue = true;
    }
    m_queueCond.notify_all();
}

void GraphManager::noteLocations()
{
    {
        std::lock_guard lock(m_queueMutex);
        if (m_stop || !notesReady() || !m_queue.empty()) return;
        m_notesDue = false;
        m_noting = true;
    }
    // Only this thread changes the graph: the host reads it without the lock.
    // New work comes first: the walk stops when changes arrive and is due again.
    const bool done = m_host.noteLocations(*m_graph, [this] {
        std::lock_guard lock(m_queueMutex);
        return !m_stop && m_queue.empty();
    });
    {
        std::lock_guard lock(m_queueMutex);
        m_noting = false;
        if (!done) m_notesDue = true;
    }
    m_queueCond.notify_all();
}

void GraphManager::run(std::optional<GraphEntry> saved)
{
    std::unique_ptr<HnswGraph> graph;
    QString note;
    QElapsedTimer phase;
    phase.start();
    if (saved) {
        setState(GraphStatus::State::Loading, QStringLiteral("Loading %1").arg(saved->file));
        const QString path = m_host.directory() + u'/' + saved->file;
        // The manifest's file record gives the size; the loader checks the
        // file's own checksum before parsing anything.
        Result<std::unique_ptr<HnswGraph>> loaded = HnswGraph::load(path, m_dims, m_metric, m_params, -1);
        if (loaded.ok()) {
            graph = loaded.takeValue();
        } else {
            note = QStringLiteral("The saved graph could not be used (%1); it is being rebuilt.")
                       .arg(loaded.error().message());
            qWarning("sextant: %s", qPrintable(note));
        }
    }
    if (!graph)
        graph = std::make_unique<HnswGraph>(m_dims, m_metric, m_params,
                                            size_t(std::max<qint64>(m_host.liveItemCount(), 1024)));
    {
        QWriteLocker lock(&m_graphLock);
        m_graph = std::move(graph);
    }
    {
        std::lock_guard lock(m_queueMutex);
        m_note = note;
    }
    // Still loading (queries scan exactly) until reconcile() has queued every
    // item the graph lacks: an empty or stale graph with nothing pending
    // would answer a query with too few items, or old ones.
    setState(GraphStatus::State::Loading, note);
    const qint64 loadedMs = phase.restart();
    reconcile();
    const qint64 reconciledMs = phase.restart();
    upkeep();
    qCInfo(lcGraph, "graph of %lld items: loaded in %lld ms, reconciled in %lld ms, upkeep %lld ms",
           static_cast<long long>(m_graph->liveCount()), static_cast<long long>(loadedMs),
           static_cast<long long>(reconciledMs), static_cast<long long>(phase.elapsed()));

    std::vector<QByteArray> ids;
    for (;;) {
        bool doReconcile = false, doNotes = false;
        {
            std::unique_lock lock(m_queueMutex);
            m_queueCond.wait(lock, [&] { return m_stop || m_reconcileRequested || !m_queue.empty() || notesReady(); });
            if (m_stop) return;
            if (m_reconcileRequested) {
                m_reconcileRequested = false;
                doReconcile = true;
            } else if (m_queue.empty()) {
                doNotes = true;
            }
        }
        if (doReconcile) {
            reconcile();
            upkeep();
            continue;
        }
        if (doNotes) {
            noteLocations();
            continue;
        }
        if (!takeBatch(&ids)) continue;
        std::vector<HnswGraph::Change> changes = m_host.currentVectors(ids);
        Error e;
        {
            QWriteLocker lock(&m_graphLock);
            e = m_graph->apply(changes, 2);
        }
        finishBatch(ids);
        if (e) {
            setState(GraphStatus::State::Failed, e.message());
            qWarning("sextant: %s", qPrintable(e.message()));
            return;
        }
        bool drained = false;
        qint64 changesSinceSave = 0;
        {
            std::lock_guard lock(m_queueMutex);
            m_changesSinceSave += qint64(changes.size());
            drained = m_queue.empty();
            changesSinceSave = m_changesSinceSave;
            if (drained && m_state == GraphStatus::State::Building) {
                m_state = GraphStatus::State::Ready;
                m_message.clear();
            }
        }
        m_queueCond.notify_all();
        if (drained && m_canSave && changesSinceSave >= std::max<qint64>(1000, m_graph->liveCount() / 10)) {
            std::lock_guard saving(m_saveMutex);
            if (Error se = saveLocked()) qWarning("sextant: saving the graph failed: %s", qPrintable(se.message()));
        }
        if (drained) upkeep();
    }
}

void GraphManager::upkeep()
{
    {
        std::lock_guard lock(m_queueMutex);
        if (m_stop || m_state != GraphStatus::State::Ready || !m_queue.empty()) {
            m_upkeep = false;
            m_queueCond.notify_all();
            return;
        }
    }
    // Only this thread changes the graph, so it reads it without the lock.
    qint64 deleted = 0;
    double share = 0;
    const auto measure = [&] {
        deleted = m_graph->deletedCount();
        share = double(deleted) / double(std::max<qint64>(m_graph->liveCount() + deleted, 1));
    };
    measure();
    bool rebuilt = false;
    // Only a writer rebuilds: it can save the result, and a read-only
    // opener's graph is the writer's saved one plus what it picked up since.
    // Deletes that arrive during a rebuild are marked in the new graph, so it
    // can be over the share itself when it is swapped in: check again (a few
    // rounds at most; the next drained queue checks again after that).
    for (int round = 0; round < 3; ++round) {
        if (!(m_canSave && deleted >= kRebuildMinDeleted && share >= kRebuildDeletedShare)) break;
        if (!rebuildShadow(QStringLiteral("%1 % of its entries are deleted").arg(qRound(share * 100)))) break;
        rebuilt = true;
        {
            std::lock_guard lock(m_queueMutex);
            if (m_stop || !m_queue.empty()) break; // new work first; the next drained queue checks again
        }
        measure();
    }
    noteLocations(); // before the host's upkeep: its tuning times the scan over codes
    if (m_host.graphCaughtUp(rebuilt) && m_canSave && !rebuilt && deleted >= kRebuildMinDeleted &&
        share >= kRebuildRecallDeletedShare) {
        if (rebuildShadow(QStringLiteral("its recall is low even at a high ef"))) m_host.graphCaughtUp(true);
    }
    noteLocations();
    std::lock_guard lock(m_queueMutex);
    m_upkeep = false;
    m_queueCond.notify_all();
}

bool GraphManager::rebuildShadow(const QString &reason)
{
    const qint64 total = m_host.liveItemCount();
    {
        std::lock_guard lock(m_queueMutex);
        m_rebuilding = true;
        m_rebuildDone = 0;
        m_rebuildTotal = total;
        m_rebuildReason = reason;
    }
    const auto done = qScopeGuard([&] {
        std::lock_guard lock(m_queueMutex);
        m_rebuilding = false;
        m_rebuildReason.clear();
    });
    QElapsedTimer timer;
    timer.start();
    // Room for the items and a little growth, not the old graph's deleted entries.
    auto shadow =
        std::make_unique<HnswGraph>(m_dims, m_metric, m_params, size_t(std::max<qint64>(total + total / 16, 1024)));
    std::vector<HnswGraph::Change> batch;
    Error failure;
    auto flush = [&] {
        if (batch.empty()) return;
        failure = shadow->apply(batch, 2);
        std::lock_guard lock(m_queueMutex);
        m_rebuildDone += qint64(batch.size());
        batch.clear();
    };
    const Error e = m_host.forEachLiveItem([&](const QByteArray &id, const float *vector, uint64_t) {
        batch.push_back({id, std::vector<float>(vector, vector + m_dims), HnswGraph::vectorHash(vector, m_dims)});
        if (qsizetype(batch.size()) >= kBatch * 4) flush();
        std::lock_guard lock(m_queueMutex);
        return !m_stop && !failure;
    });
    flush();
    {
        std::lock_guard lock(m_queueMutex);
        if (m_stop) return false;
    }
    if (e || failure) {
        qWarning("sextant: rebuilding the graph failed: %s", qPrintable((e ? e : failure).message()));
        return false;
    }
    // The changes that arrived meanwhile go into the shadow before the swap.
    // Their ids stay pending (searched exactly) until the swap is done.
    std::vector<QByteArray> applied, ids;
    while (takeBatch(&ids)) {
        if (Error ae = shadow->apply(m_host.currentVectors(ids), 2)) {
            finishBatch(ids);
            finishBatch(applied);
            qWarning("sextant: rebuilding the graph failed: %s", qPrintable(ae.message()));
            return false;
        }
        applied.insert(applied.end(), ids.begin(), ids.end());
    }
    {
        QWriteLocker lock(&m_graphLock);
        std::swap(m_graph, shadow);
    }
    finishBatch(applied);
    shadow.reset(); // the old graph, freed outside the lock
    {
        std::lock_guard lock(m_queueMutex);
        ++m_rebuilds;
        m_changesSinceSave += m_graph->liveCount() + 1; // a new graph: save it
        m_notesDue = true;                              // and one without location hints
    }
    qInfo("sextant: rebuilt the graph (%s): %lld items in %.1f s", qPrintable(reason),
          static_cast<long long>(m_graph->liveCount()), double(timer.elapsed()) / 1000.0);
    if (m_canSave) {
        std::lock_guard saving(m_saveMutex);
        if (Error se = saveLocked()) qWarning("sextant: saving the graph failed: %s", qPrintable(se.message()));
    }
    return true;
}

void GraphManager::reconcile()
{
    // Only this thread changes the graph, so it reads it without the lock.
    // On two threads: hashing every vector is most of the time an open
    // takes before the graph is ready.
    std::vector<uint8_t> seen(size_t(m_graph->labelCount()), 0);
    std::vector<QByteArray> toSync;
    std::mutex toSyncMutex;
    std::atomic<uint64_t> walked{0};
    const Error e = m_host.forEachLiveItem(
        [&](const QByteArray &id, const float *vector, uint64_t location) {
            const HnswGraph &g = *m_graph;
            const auto label = g.labelOf(id);
            if (label && *label < seen.size()) seen[*label] = 1; // each label is one id's: no two threads share one
            if (!label || !g.isLive(*label) || g.hashOf(*label) != HnswGraph::vectorHash(vector, m_dims)) {
                std::lock_guard lock(toSyncMutex);
                toSync.push_back(id);
            } else if (location) {
                // Where the rerank will find the item: the first queries after
                // an open need no search through the segments for it.
                g.setLocationHint(*label, location);
            }
            if (walked.fetch_add(1, std::memory_order_relaxed) % 4096 != 0) return true;
            std::lock_guard lock(m_queueMutex);
            return !m_stop;
        },
        2);
    if (e) {
        setState(GraphStatus::State::Failed,
                 QStringLiteral("Reading the items for the graph failed: %1").arg(e.message()));
        return;
    }
    for (size_t l = 0; l < seen.size(); ++l)
        if (!seen[l] && m_graph->isLive(uint32_t(l))) toSync.push_back(m_graph->idOf(uint32_t(l)).toByteArray());
    {
        std::lock_guard lock(m_queueMutex);
        m_notesDue = true; // the items the walk queued have no hint yet
        for (QByteArray &id : toSync) {
            ++m_pending[id];
            m_queue.push_back(std::move(id));
        }
        if (m_queue.empty()) {
            m_state = GraphStatus::State::Ready;
            m_message.clear();
            m_upkeep = true;
        } else if (m_state != GraphStatus::State::Failed) {
            m_state = GraphStatus::State::Building;
        }
    }
    m_queueCond.notify_all();
}

bool GraphManager::takeBatch(std::vector<QByteArray> *ids)
{
    ids->clear();
    std::lock_guard lock(m_queueMutex);
    QSet<QByteArray> distinct;
    // A long queue (an import, a build from nothing) is taken in larger
    // batches: fewer rounds of reading vectors and of the graph's lock. Queries
    // do not wait for them: past kBulkQueue pending ids they scan exactly
    // without taking the graph's lock (view()).
    constexpr qsizetype kBulkQueue = 8192, kBulkBatch = 2048; // queries scan exactly past 4,096 pending (Search.cpp)
    const qsizetype batch = qsizetype(m_queue.size()) > kBulkQueue ? kBulkBatch : kBatch;
    while (!m_queue.empty() && qsizetype(ids->size()) < batch) {
        QByteArray id = std::move(m_queue.front());
        m_queue.pop_front();
        if (distinct.contains(id)) {
            // Already in this batch: one sync covers both.
            if (--m_pending[id] == 0) m_pending.remove(id);
            continue;
        }
        distinct.insert(id);
        ids->push_back(std::move(id));
    }
    m_busy = !ids->empty();
    return m_busy;
}

void GraphManager::finishBatch(const std::vector<QByteArray> &ids)
{
    {
        std::lock_guard lock(m_queueMutex);
        for (const QByteArray &id : ids) {
            const auto it = m_pending.find(id);
            if (it != m_pending.end() && --*it == 0) m_pending.erase(it);
        }
        if (m_pending.isEmpty() && m_pending.capacity() > 1024) m_pending = {}; // give back a large build's buckets
        m_busy = false;
        if (m_queue.empty()) m_upkeep = true;
    }
    m_queueCond.notify_all();
}

std::unique_ptr<GraphManager::View> GraphManager::view(qsizetype maxPending) const
{
    // Why the graph cannot serve a query now (empty: it can). Caller holds m_queueMutex.
    const auto unusable = [&]() -> QString {
        if (m_state == GraphStatus::State::Loading) return QStringLiteral("the HNSW graph is still loading");
        if (m_state == GraphStatus::State::Failed || !m_graph)
            return QStringLiteral("the HNSW graph failed: %1").arg(m_message);
        if (m_pending.size() > maxPending)
            return QStringLiteral("the HNSW graph is catching up (%1 changes not yet in it)").arg(m_pending.size());
        return {};
    };
    {
        // Checked before the graph lock: a query during a large import, which
        // scans exactly anyway, never waits for the batch being added.
        std::lock_guard lock(m_queueMutex);
        if (QString reason = unusable(); !reason.isEmpty()) {
            auto v = std::make_unique<View>(nullptr);
            v->reason = std::move(reason);
            return v;
        }
    }
    auto v = std::make_unique<View>(&m_graphLock);
    std::lock_guard lock(m_queueMutex);
    v->reason = unusable();
    if (v->reason.isEmpty()) {
        v->graph = m_graph.get();
        // (An empty QHash that once held many ids still has their buckets,
        // and iterating it walks them all: check first.)
        if (!m_pending.isEmpty())
            for (auto it = m_pending.constBegin(); it != m_pending.constEnd(); ++it)
                v->pending.insert(it.key());
    }
    if (!v->graph) v->lock.unlock();
    return v;
}

GraphStatus GraphManager::status() const
{
    GraphStatus s;
    s.m = m_params.m;
    s.efConstruction = m_params.efConstruction;
    s.efSearch = m_params.efSearch;
    s.quantization = m_params.quantization;
    {
        std::lock_guard lock(m_queueMutex);
        s.state = m_state;
        s.message = m_message.isEmpty() ? m_note : m_message;
        s.pending = m_pending.size();
        if (m_saved) s.file = m_saved->file;
        s.rebuilding = m_rebuilding;
        s.rebuildDone = m_rebuildDone;
        s.rebuildTotal = m_rebuildTotal;
        s.rebuildReason = m_rebuildReason;
        s.rebuilds = m_rebuilds;
    }
    // Current figures when the graph is free; while a batch (or a swap)
    // holds it, those of the last time it was free: the GUI's status polls
    // never wait for a batch.
    if (m_graphLock.tryLockForRead()) {
        const auto unlock = qScopeGuard([&] { m_graphLock.unlock(); });
        if (m_graph) {
            s.items = m_graph->liveCount();
            s.deleted = m_graph->deletedCount();
            s.capacity = m_graph->capacity();
            s.memoryBytes = m_graph->memoryBytes();
        }
        std::lock_guard lock(m_queueMutex);
        m_lastItems = s.items;
        m_lastDeleted = s.deleted;
        m_lastCapacity = s.capacity;
        m_lastMemory = s.memoryBytes;
    } else {
        std::lock_guard lock(m_queueMutex);
        s.items = m_lastItems;
        s.deleted = m_lastDeleted;
        s.capacity = m_lastCapacity;
        s.memoryBytes = m_lastMemory;
    }
    return s;
}

bool GraphManager::waitUntilCurrent(int timeoutMs) const
{
    std::unique_lock lock(m_queueMutex);
    return m_queueCond.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] {
        return m_state == GraphStatus::State::Failed || m_stop ||
               (m_state == GraphStatus::State::Ready && m_queue.empty() && !m_busy && !m_reconcileRequested &&
                !m_upkeep && !m_notesDue && !m_noting);
    }) && m_state == GraphStatus::State::Ready;
}

Error GraphManager::saveNow()
{
    if (!m_canSave) return {};
    {
        std::lock_guard lock(m_queueMutex);
        if (!m_graph || m_state == GraphStatus::State::Loading || m_state == GraphStatus::State::Failed) return {};
        if (m_changesSinceSave == 0 && m_saved) return {};
    }
    std::lock_guard saving(m_saveMutex);
    return saveLocked();
}

Error GraphManager::saveLocked()
{
    qint64 changesAtSave = 0;
    std::optional<GraphEntry> previous;
    {
        std::lock_guard lock(m_queueMutex);
        changesAtSave = m_changesSinceSave;
        previous = m_saved;
    }
    GraphEntry entry;
    entry.number = (previous ? previous->number : 0) + 1;
    entry.file = graphfile::fileName(entry.number);
    m_host.notePending(entry.file, true);
    const auto done = qScopeGuard([&] { m_host.notePending(entry.file, false); });
    Result<FileRecord> written = [&] {
        QReadLocker lock(&m_graphLock);
        entry.items = m_graph->liveCount();
        entry.labels = m_graph->labelCount();
        return m_graph->save(m_host.directory(), entry.file, m_host.syncFiles());
    }();
    if (!written.ok()) return written.error();
    if (Error e = m_host.publishGraph(*written, entry)) {
        removeFile(m_host.directory() + u'/' + entry.file);
        return e;
    }
    std::lock_guard lock(m_queueMutex);
    m_saved = entry;
    m_changesSinceSave -= changesAtSave;
    return {};
}

} // namespace sextant
