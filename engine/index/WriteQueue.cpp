#include "index/WriteQueue.h"

namespace sextant {

WriteResult failedWrite(const Error &error)
{
    WriteResult r;
    r.error = error;
    return r;
}

WriteResult succeededWrite(quint64 lsn, int items)
{
    WriteResult r;
    r.lsn = lsn;
    r.items = items;
    return r;
}

void finishRequest(WriteRequest &request, const WriteResult &result)
{
    if (request.unfinished) request.unfinished->fetch_sub(1);
    request.promise.addResult(result);
    request.promise.finish();
}

QFuture<WriteResult> finishedWrite(const WriteResult &result)
{
    QPromise<WriteResult> p;
    p.start();
    p.addResult(result);
    p.finish();
    return p.future();
}

WriteQueue::WriteQueue(std::function<void(WriteGroup &)> handler)
    : m_handler(std::move(handler)), m_thread([this] { run(); })
{
}

WriteQueue::~WriteQueue() { stop(); }

QFuture<WriteResult> WriteQueue::submit(std::unique_ptr<WriteRequest> request)
{
    QFuture<WriteResult> future = request->promise.future();
    request->promise.start();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            request->promise.addResult(failedWrite(Error(ErrorCode::Closed, QStringLiteral("The index is closed."))));
            request->promise.finish();
            return future;
        }
        request->unfinished = &m_unfinished;
        m_unfinished.fetch_add(1);
        (request->priority == Priority::Interactive ? m_interactive : m_bulk).push_back(std::move(request));
    }
    m_wake.notify_one();
    return future;
}

void WriteQueue::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping && !m_thread.joinable()) return;
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable() && m_thread.get_id() != std::this_thread::get_id()) m_thread.join();
}

qint64 WriteQueue::pending() const { return m_unfinished.load(); }

qint64 WriteQueue::queued() const
{
    std::lock_guard lock(m_mutex);
    return qint64(m_interactive.size() + m_bulk.size());
}

bool WriteQueue::takeGroup(WriteGroup &group)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [&] { return m_stopping || !m_interactive.empty() || !m_bulk.empty(); });
    if (m_interactive.empty() && m_bulk.empty()) return false; // stopping and drained
    // Waiting interactive requests form a group of their own: sharing an
    // fdatasync with megabytes of bulk batches would make a user wait for
    // them. Bulk work goes on in the next group, one sync later.
    auto &queue = m_interactive.empty() ? m_bulk : m_interactive;
    qint64 bytes = 0;
    while (!queue.empty() && group.size() < kMaxGroupRequests) {
        WriteRequest &next = *queue.front();
        const bool control = next.kind != WriteRequest::Kind::Write;
        if (control && !group.empty()) break; // control requests and ingests run alone
        if (!group.empty() && bytes + next.bytes > kMaxGroupBytes) break;
        bytes += next.bytes;
        group.push_back(std::move(queue.front()));
        queue.pop_front();
        if (control) break;
    }
    return true;
}

void WriteQueue::run()
{
    for (;;) {
        WriteGroup group;
        if (!takeGroup(group)) return;
        m_handler(group);
    }
}

} // namespace sextant
