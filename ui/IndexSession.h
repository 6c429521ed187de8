#pragma once
// One open index in the GUI: the engine handle and what every view of that
// index shares (cached statistics, the undo stack, the current item, the
// last query's hits). The GUI thread never calls a method of Index that can
// wait on a lock or the disk: views run engine calls on worker threads
// through run() and get the results back as queued signals or QFutures.

#include "sextant/Options.h"
#include "sextant/Schema.h"
#include "sextant/Index.h"
#include "sextant/TextSearch.h"
#include "sextant/VectorSource.h"

#include <QFileSystemWatcher>
#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent>
#include <memory>
#include <optional>

namespace sextant {
struct VerifyReport;
}

namespace sextant::ui {

// What opening an index on a worker thread found.
struct OpenOutcome {
    std::shared_ptr<Index> index;
    Error error;                          // when index is null
    std::optional<LockHolder> lockHolder; // opened read-only because this process writes it
    OpenOptions options;                  // what it was opened with (a reopen uses them again)
    bool looksLikeIndex = false;          // when it failed: the folder has a MANIFEST or MANIFEST.prev
    // When it failed and is no Sextant index: what other tool's index it is
    // (Vectra, LangChain), which Sextant can convert; Auto when none.
    formats::SourceFormat foreignFormat = formats::SourceFormat::Auto;
    // When it failed: the path is a file, not a folder (a vector file or a
    // backup passed where an index folder was expected).
    bool isFile = false;
};

class IndexSession : public QObject {
    Q_OBJECT
public:
    // Opens `path` on a worker thread: as the writer when possible, and
    // read-only (saying who holds the lock) when another process writes it.
    static QFuture<OpenOutcome> openAsync(const QString &path, OpenOptions options = {});
    static QFuture<OpenOutcome> createAsync(const QString &path, const Schema &schema, Durability durability);

    IndexSession(std::shared_ptr<Index> index, std::optional<LockHolder> lockHolder, QObject *parent = nullptr);
    ~IndexSession() override; // closes the index on a worker thread

    // Waits until every index whose session was destroyed has closed (its
    // writes finished, its checkpoint written, its lock released). main()
    // calls it before the process exits; tests before removing folders.
    static void waitForClosing();

    // The engine handle, for worker threads. Never call a blocking method on
    // the GUI thread: use run().
    std::shared_ptr<Index> index() const { return m_index; }
    QString path() const { return m_path; }
    QString displayName() const; // the folder's name
    const Schema &schema() const { return m_schema; }
    bool isReadOnly() const { return m_readOnly; }
    // Who writes the index when this session is read-only because of it.
    // A read-only session reads the lock file on every poll (twice a second)
    // and updates this: empty (or stale) once the other writer has gone.
    std::optional<LockHolder> lockHolder() const { return m_lockHolder; }
    // Read-only because another process wrote it, and that process has gone:
    // switchToWriting() would succeed now.
    bool writerHasLeft() const { return m_readOnly && m_openedBecauseLocked && (!m_lockHolder || m_lockHolder->stale); }

    // Opens the folder again as its writer on a worker and, when that works,
    // swaps the writable handle in: the views keep their state (filter,
    // selection, scroll position, query). The read-only handle closes on a
    // worker. The future's outcome says why it did not work (index null, or
    // still read-only because the lock is held).
    QFuture<OpenOutcome> switchToWriting();

    // Repair needs the writer lock this session holds. releaseIndex() stops
    // polling and closes the index on a worker (the session keeps the closed
    // handle meanwhile: its calls fail with "closed", reads see the old
    // state); reopenIndex() opens the folder again on a worker with the
    // options of the first open, swaps the new handle in and announces it
    // (indexReopened, contentChanged). Both report through their futures.
    QFuture<Error> releaseIndex();
    QFuture<OpenOutcome> reopenIndex();
    bool isReleased() const { return m_released; }
    void setOpenOptions(const OpenOptions &options) { m_openOptions = options; }

    // The most recent statistics (refreshed every second on a worker thread).
    const IndexStats &stats() const { return m_stats; }
    bool hasStats() const { return m_hasStats; }
    // Bumped whenever the content may have changed (a write through this
    // session, or a change seen from another process). Views compare it to
    // drop stale results.
    quint64 contentVersion() const { return m_contentVersion; }

    QUndoStack *undoStack() { return &m_undo; }

    // The BM25 index of this index's passages, kept between text queries and
    // rebuilt by the engine when the index has changed (thread-safe: workers
    // use it; the session only owns it).
    std::shared_ptr<search::KeywordIndexCache> keywordCache() const { return m_keywordCache; }

    // Runs `f(index)` on the global thread pool and returns its future.
    template <typename F>
    auto run(F f) const
    {
        std::shared_ptr<Index> idx = m_index;
        return QtConcurrent::run([idx, f = std::move(f)]() mutable { return f(*idx); });
    }

    // Writes go through the engine's write queue; when the future finishes
    // the session refreshes and announces the change (contentChanged).
    QFuture<WriteResult> write(QList<WriteOp> batch, Priority priority = Priority::Interactive);

    // Asks for fresh statistics now (e.g. after the folder changed).
    void refreshSoon();

    // The item the user is looking at, shared by browse, map, query results
    // and the inspector.
    QString currentItem() const { return m_currentItem; }
    void setCurrentItem(const QString &id);
    // The ids of the last query's hits, best first (the map highlights them).
    QStringList queryHits() const { return m_queryHits; }
    void setQueryHits(const QStringList &ids);

    // The last verification's outcome, remembered across runs (QSettings).
    struct Health {
        QDateTime checked;
        bool full = false;
        int problems = -1; // -1: never verified
        QString summary;
    };
    Health health() const;
    void setHealth(const Health &health);
    // The health a verify report gives (with a translated summary), set as setHealth() does.
    void setHealthFrom(const VerifyReport &report);

signals:
    void statsChanged();
    void contentChanged();
    void currentItemChanged(const QString &id);
    void queryHitsChanged(const QStringList &ids);
    void writeFailed(const QString &message);
    void healthChanged();
    // The index was closed for a repair / opened again (views drop what they
    // cached of the old handle).
    void indexReleased();
    void indexReopened();
    // lockHolder() changed (the other writer came or went).
    void lockHolderChanged();
    // isReadOnly() changed (switchToWriting() or a reopen).
    void accessChanged();

private:
    void poll();
    void applyStats(const IndexStats &stats);
    void applyLockHolder(const std::optional<LockHolder> &holder);

    std::shared_ptr<Index> m_index;
    QString m_path;
    Schema m_schema;
    bool m_readOnly = false;
    std::optional<LockHolder> m_lockHolder;
    bool m_openedBecauseLocked = false;
    bool m_switching = false;
    IndexStats m_stats;
    bool m_hasStats = false;
    quint64 m_contentVersion = 1;
    QUndoStack m_undo;
    std::shared_ptr<search::KeywordIndexCache> m_keywordCache = std::make_shared<search::KeywordIndexCache>();
    QString m_currentItem;
    QStringList m_queryHits;
    QTimer m_pollTimer;
    QFileSystemWatcher m_watcher;
    bool m_pollInFlight = false;
    bool m_pollAgain = false;
    bool m_released = false;
    OpenOptions m_openOptions;
};

} // namespace sextant::ui
