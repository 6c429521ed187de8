#pragma once
// The write queue of one index: callers on any thread submit requests and
// get a QFuture; one writer thread drains them, interactive before bulk,
// and hands consecutive writes to the handler as one group, so they share
// one WAL append and one fdatasync (group commit).

#include "sextant/Index.h"
#include "storage/Record.h"

#include <QPromise>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace sextant {

struct WriteRequest {
    // Ingest: a large bulk batch written straight into a segment (see Ingest.cpp).
    enum class Kind { Write, Ingest, Checkpoint, Compact, ConvertGraph };
    Kind kind = Kind::Write;
    // ConvertGraph (GraphConversion.cpp): the quantization wanted, and what
    // was done, filled in before the future finishes.
    Quantization quantization = Quantization::None;
    std::shared_ptr<GraphConversion> conversion;
    Priority priority = Priority::Interactive;
    QList<storage::Record> records;
    qint64 bytes = 0; // encoded size estimate, bounds a group
    QPromise<WriteResult> promise;
    // The queue's count of unfinished requests; finishRequest() decrements
    // it before the future finishes, so a caller that saw its future finish
    // never sees its request still counted.
    std::atomic<qint64> *unfinished = nullptr;
};

using WriteGroup = std::vector<std::unique_ptr<WriteRequest>>;

class WriteQueue {
public:
    // Limits of one group; control requests (checkpoint, compact) always run alone.
    static constexpr size_t kMaxGroupRequests = 4096;
    static constexpr qint64 kMaxGroupBytes = 32ll * 1024 * 1024;

    explicit WriteQueue(std::function<void(WriteGroup &)> handler);
    ~WriteQueue();

    QFuture<WriteResult> submit(std::unique_ptr<WriteRequest> request);
    // Runs everything already queued, then stops the thread. Later submits
    // fail with ErrorCode::Closed.
    void stop();
    // Requests submitted and not yet finished.
    qint64 pending() const;
    // Requests waiting, not counting the group being written.
    qint64 queued() const;
    bool isWriterThread() const { return std::this_thread::get_id() == m_thread.get_id(); }

private:
    void run();
    bool takeGroup(WriteGroup &group);

    std::function<void(WriteGroup &)> m_handler;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::unique_ptr<WriteRequest>> m_interactive;
    std::deque<std::unique_ptr<WriteRequest>> m_bulk;
    std::atomic<qint64> m_unfinished{0};
    bool m_stopping = false;
    std::thread m_thread;
};

WriteResult failedWrite(const Error &error);
WriteResult succeededWrite(quint64 lsn, int items);
void finishRequest(WriteRequest &request, const WriteResult &result);
QFuture<WriteResult> finishedWrite(const WriteResult &result);

} // namespace sextant
