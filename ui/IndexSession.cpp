#include "IndexSession.h"

#include "AsyncTask.h"

#include "ErrorText.h"
#include "Format.h"
#include "sextant/Verifier.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMutex>
#include <QSettings>
#include <QThreadPool>

namespace sextant::ui {

namespace {
OpenOptions guiOptions(OpenOptions options)
{
    if (options.applicationName.isEmpty()) options.applicationName = QStringLiteral("sextant");
    return options;
}

QString healthKey(const QString &path)
{
    const QByteArray hash =
        QCryptographicHash::hash(QDir::cleanPath(QFileInfo(path).absoluteFilePath()).toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(16);
    return QStringLiteral("health/") + QString::fromLatin1(hash);
}

// Batches this small are validated and queued on the calling thread (a few
// microseconds); bigger ones on a worker so the GUI never validates a
// million vectors.
constexpr qsizetype kDirectWriteOps = 256;

QMutex g_closingMutex;
QList<QFuture<void>> g_closing;
} // namespace

QFuture<OpenOutcome> IndexSession::openAsync(const QString &path, OpenOptions options)
{
    return QtConcurrent::run([path, options = guiOptions(options)]() {
        OpenOutcome out;
        Result<std::shared_ptr<Index>> opened = Index::open(path, options);
        if (!opened.ok() && opened.error().code() == ErrorCode::Locked && !options.readOnly) {
            OpenOptions ro = options;
            ro.readOnly = true;
            out.lockHolder = Index::lockHolder(path);
            opened = Index::open(path, ro);
        }
        out.options = options;
        if (opened.ok()) {
            out.index = opened.takeValue();
            out.options.readOnly = out.index->isReadOnly();
        } else {
            out.error = opened.error();
            out.isFile = QFileInfo(path).isFile();
            out.looksLikeIndex = Index::looksLikeIndex(path);
            if (!out.looksLikeIndex) {
                const formats::SourceFormat format = formats::detectSourceFormat(path);
                if (format == formats::SourceFormat::Vectra || format == formats::SourceFormat::LangChain)
                    out.foreignFormat = format;
            }
        }
        return out;
    });
}

QFuture<OpenOutcome> IndexSession::createAsync(const QString &path, const Schema &schema, Durability durability)
{
    return QtConcurrent::run([path, schema, durability]() {
        OpenOutcome out;
        out.options = guiOptions({});
        Result<std::shared_ptr<Index>> created = Index::create(path, schema, durability, out.options);
        if (created.ok())
            out.index = created.takeValue();
        else
            out.error = created.error();
        return out;
    });
}

IndexSession::IndexSession(std::shared_ptr<Index> index, std::optional<LockHolder> lockHolder, QObject *parent)
    : QObject(parent), m_index(std::move(index)), m_lockHolder(std::move(lockHolder))
{
    m_path = m_index->path();
    m_schema = m_index->schema();
    m_readOnly = m_index->isReadOnly();
    m_openedBecauseLocked = m_readOnly && m_lockHolder.has_value();
    m_openOptions = guiOptions({});
    m_openOptions.readOnly = m_readOnly;
    // A read-only session follows another writer: look often, and at once
    // when the folder changes (a new manifest or log file).
    m_pollTimer.setInterval(m_readOnly ? 500 : 1000);
    connect(&m_pollTimer, &QTimer::timeout, this, &IndexSession::poll);
    m_pollTimer.start();
    m_watcher.addPath(m_path);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &IndexSession::refreshSoon);
    poll();
}

IndexSession::~IndexSession()
{
    // Closing finishes queued writes and checkpoints: never on the GUI
    // thread. main() waits for the pool before the process exits.
    std::shared_ptr<Index> idx = std::move(m_index);
    QFuture<void> closing = QtConcurrent::run([idx]() { idx->close(); });
    QMutexLocker lock(&g_closingMutex);
    g_closing.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    g_closing.append(closing);
}

QFuture<Error> IndexSession::releaseIndex()
{
    m_released = true;
    m_pollTimer.stop();
    std::shared_ptr<Index> idx = m_index;
    QFuture<Error> closing = QtConcurrent::run([idx]() { return idx->close(); });
    emit indexReleased();
    return closing;
}

QFuture<OpenOutcome> IndexSession::reopenIndex()
{
    // Opening again as the writer: the first open's options, minus read-only
    // when only this session's lock made it so (it never does: a read-only
    // session is not released). openAsync falls back to read-only itself.
    QFuture<OpenOutcome> opening = openAsync(m_path, m_openOptions);
    whenFinished(this, opening, [this](const QFuture<OpenOutcome> &finished) {
        const OpenOutcome out = finished.result();
        if (!out.index) return; // stays released; the caller reports the error
        const bool wasReadOnly = m_readOnly;
        m_index = out.index;
        m_readOnly = m_index->isReadOnly();
        m_lockHolder = out.lockHolder;
        m_openedBecauseLocked = m_readOnly && m_lockHolder.has_value();
        m_released = false;
        m_undo.clear(); // its commands hold items of the state before the repair
        // A fresh cache: the old one's generation numbers describe the old files.
        m_keywordCache = std::make_shared<search::KeywordIndexCache>();
        ++m_contentVersion;
        m_pollTimer.start();
        emit indexReopened();
        if (wasReadOnly != m_readOnly) emit accessChanged();
        emit lockHolderChanged();
        emit contentChanged();
        poll();
    });
    return opening;
}

QFuture<OpenOutcome> IndexSession::switchToWriting()
{
    OpenOptions options = m_openOptions;
    options.readOnly = false;
    QFuture<OpenOutcome> opening = openAsync(m_path, options);
    if (!m_readOnly || m_switching) return opening;
    m_switching = true;
    whenFinished(this, opening, [this](const QFuture<OpenOutcome> &finished) {
        m_switching = false;
        const OpenOutcome out = finished.result();
        if (!out.index) return; // the caller reports the error
        if (out.index->isReadOnly()) {
            // Someone took the lock again: keep the read-only handle we have,
            // close the new one, and say who.
            std::shared_ptr<Index> extra = out.index;
            QFuture<void> closing = QtConcurrent::run([extra]() { extra->close(); });
            QMutexLocker lock(&g_closingMutex);
            g_closing.append(closing);
            lock.unlock();
            m_openedBecauseLocked = true; // from now on the lock is followed (poll)
            applyLockHolder(out.lockHolder);
            return;
        }
        std::shared_ptr<Index> old = std::exchange(m_index, out.index);
        {
            QFuture<void> closing = QtConcurrent::run([old]() { old->close(); });
            QMutexLocker lock(&g_closingMutex);
            g_closing.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
            g_closing.append(closing);
        }
        m_readOnly = false;
        m_openedBecauseLocked = false;
        m_lockHolder.reset();
        m_openOptions = out.options;
        m_pollTimer.setInterval(1000);
        m_keywordCache = std::make_shared<search::KeywordIndexCache>();
        ++m_contentVersion;
        emit accessChanged();
        emit lockHolderChanged();
        emit contentChanged();
        poll();
    });
    return opening;
}

void IndexSession::waitForClosing()
{
    QList<QFuture<void>> closing;
    {
        QMutexLocker lock(&g_closingMutex);
        closing.swap(g_closing);
    }
    for (QFuture<void> &f : closing)
        f.waitForFinished();
}

QString IndexSession::displayName() const
{
    const QString name = QFileInfo(m_path).fileName();
    return name.isEmpty() ? m_path : name;
}

QFuture<WriteResult> IndexSession::write(QList<WriteOp> batch, Priority priority)
{
    QFuture<WriteResult> future;
    if (batch.size() <= kDirectWriteOps) {
        future = m_index->write(std::move(batch), priority);
    } else {
        std::shared_ptr<Index> idx = m_index;
        future = QtConcurrent::run([idx, batch = std::move(batch), priority]() mutable {
                     return idx->write(std::move(batch), priority);
                 }).unwrap();
    }
    whenFinished(this, future, [this](const QFuture<WriteResult> &finished) {
        if (finished.resultCount() == 0) return;
        const WriteResult r = finished.result();
        if (!r.error.ok()) {
            emit writeFailed(userMessageText(r.error, ErrorContext::Write));
            return;
        }
        ++m_contentVersion;
        emit contentChanged();
        refreshSoon();
    });
    return future;
}

void IndexSession::refreshSoon()
{
    // Coalesce bursts of folder events into one poll.
    if (!m_pollInFlight)
        QTimer::singleShot(50, this, &IndexSession::poll);
    else
        m_pollAgain = true;
}

void IndexSession::poll()
{
    if (m_released) return; // the closed handle has nothing new to say
    if (m_pollInFlight) {
        m_pollAgain = true;
        return;
    }
    m_pollInFlight = true;
    const bool readOnly = m_readOnly;
    const bool followLock = m_openedBecauseLocked && m_readOnly;
    const QString path = m_path;
    using Polled = std::pair<IndexStats, std::optional<std::optional<LockHolder>>>;
    whenFinished(this, run([readOnly, followLock, path](Index &idx) {
                     Polled out;
                     if (readOnly) (void)idx.refresh(); // picks up what the other writer committed
                     out.first = idx.stats();
                     // Who holds the writer lock now: the banner follows it.
                     if (followLock) out.second = Index::lockHolder(path);
                     return out;
                 }),
                 [this](const QFuture<Polled> &finished) {
                     m_pollInFlight = false;
                     if (finished.resultCount() > 0) {
                         const Polled polled = finished.result();
                         if (polled.second && m_readOnly) applyLockHolder(*polled.second);
                         applyStats(polled.first);
                     }
                     if (m_pollAgain) {
                         m_pollAgain = false;
                         QTimer::singleShot(50, this, &IndexSession::poll);
                     }
                 });
}

void IndexSession::applyLockHolder(const std::optional<LockHolder> &holder)
{
    const bool same =
        holder.has_value() == m_lockHolder.has_value() &&
        (!holder || (holder->pid == m_lockHolder->pid && holder->host == m_lockHolder->host &&
                     holder->application == m_lockHolder->application && holder->stale == m_lockHolder->stale));
    if (same) return;
    m_lockHolder = holder;
    emit lockHolderChanged();
}

void IndexSession::applyStats(const IndexStats &stats)
{
    const bool changed = m_hasStats && (stats.lastLsn != m_stats.lastLsn || stats.generation != m_stats.generation ||
                                        stats.items != m_stats.items);
    m_stats = stats;
    m_hasStats = true;
    // The watcher loses files that were replaced; keep watching the folder.
    if (!m_watcher.directories().contains(m_path)) m_watcher.addPath(m_path);
    if (changed) {
        ++m_contentVersion;
        emit contentChanged();
    }
    emit statsChanged();
}

void IndexSession::setCurrentItem(const QString &id)
{
    if (id == m_currentItem) return;
    m_currentItem = id;
    emit currentItemChanged(id);
}

void IndexSession::setQueryHits(const QStringList &ids)
{
    m_queryHits = ids;
    emit queryHitsChanged(ids);
}

IndexSession::Health IndexSession::health() const
{
    QSettings settings;
    settings.beginGroup(healthKey(m_path));
    Health h;
    h.checked = settings.value(QStringLiteral("checked")).toDateTime();
    h.full = settings.value(QStringLiteral("full")).toBool();
    h.problems = settings.value(QStringLiteral("problems"), -1).toInt();
    h.summary = settings.value(QStringLiteral("summary")).toString();
    return h;
}

void IndexSession::setHealthFrom(const VerifyReport &report)
{
    Health h;
    h.checked = QDateTime::currentDateTime();
    h.full = report.full;
    h.problems = report.problemCount();
    h.summary = report.clean()
                    ? tr("No problems in %1 checked in %2.")
                          .arg(formatBytes(report.bytesChecked), formatMilliseconds(double(report.elapsedMs)))
                    : tr("%n problem(s) found.", nullptr, report.problemCount());
    setHealth(h);
}

void IndexSession::setHealth(const Health &h)
{
    QSettings settings;
    settings.beginGroup(healthKey(m_path));
    settings.setValue(QStringLiteral("checked"), h.checked);
    settings.setValue(QStringLiteral("full"), h.full);
    settings.setValue(QStringLiteral("problems"), h.problems);
    settings.setValue(QStringLiteral("summary"), h.summary);
    emit healthChanged();
}

} // namespace sextant::ui
