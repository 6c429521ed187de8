#pragma once
// The Browse view's table: every live item (or those a filter matches) in id
// order, smooth at a million rows. The GUI thread never does engine work and
// never does O(rows) work:
//
// - A background "row map" scan walks all ids with Index::listIds and keeps
//   the id that ends every page of kPageSize rows (an anchor) plus the
//   count. Row r lives on page r / kPageSize, which is one list() (or, with
//   a filter, listIds() + get()) after anchor[page].
// - Rows not loaded yet show a placeholder; data() queues their page.
//   Requests are served newest first, at most kMaxInFlight at a time; those
//   scrolled out of view are dropped before they start, and results of an
//   older scan (content version or filter) are dropped without applying.
// - Loaded pages live in a small LRU. Vector norms and the sparkline bins are
//   computed on the worker, so data() only reads.
// - When the content changes, a rescan runs in the background and replaces
//   the map in one step: rows only grow or shrink at the end, so the scroll
//   position stays, and the old pages show until their fresh copies arrive.
//   Only the pages on screen are asked for again at once, and a fresh page
//   that equals the one on screen changes nothing (no repaint).
// - During bulk work (changes arriving faster than the map can be rebuilt)
//   rescans are spaced: the next one starts no sooner than twice the last
//   one's duration (at most kMaxRescanGapMs) after it, so the rescans of a
//   million rows take at most a third of one core while an import runs,
//   and the last change is always followed by one.

#include <QAbstractTableModel>
#include <QByteArray>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QVector>
#include <functional>
#include <memory>

namespace sextant {
class Index;
}

namespace sextant::ui {

class IndexSession;

class ItemTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kPageSize = 256;
    static constexpr int kScanChunk = 65536;
    static constexpr int kMaxInFlight = 2;
    static constexpr int kCachedPages = 64;
    static constexpr int kMaxQueuedPages = 8;
    static constexpr int kSparklineBins = 48;
    static constexpr int kMaxDynamicColumns = 6;
    static constexpr int kMaxRescanGapMs = 3000;

    enum Role {
        IdRole = Qt::UserRole + 1, // the row's id (any column); empty while not loaded
        SparklineRole,             // QVector<float> of kSparklineBins (sparkline column)
        LoadedRole,                // bool: the row's page is loaded
    };

    explicit ItemTableModel(IndexSession *session, QObject *parent = nullptr);
    ~ItemTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The filter in the filter language; empty shows every item. The caller
    // validates it first (Filter::parse); a filter the engine rejects leaves
    // the rows as they were and reports scanFailed.
    void setFilter(const QByteArray &filter);
    QByteArray filter() const { return m_filter; }

    // True while the row map is being built or a rescan after a change
    // waits for its turn (the count may still change).
    bool isCounting() const { return m_counting || m_rescanDeferred; }
    // Row map scans started so far (the first, new filters, rescans after changes).
    qint64 scansStarted() const { return m_scansStarted; }
    // The last scan's error, empty when it succeeded.
    QString scanError() const { return m_scanError; }

    int idColumn() const { return 0; }
    int normColumn() const { return 1 + int(m_fields.size()); }
    int sparklineColumn() const { return 2 + int(m_fields.size()); }
    QStringList fieldColumns() const { return m_fields; }

    // The id at `row` when its page is loaded (empty otherwise).
    QString idAt(int row) const;
    // The metadata at `row` when its page is loaded (empty otherwise).
    QJsonObject metadataAt(int row) const;
    // The order of the dynamic columns (no declared fields): for items
    // made from documents (or any that carry "title" or "text") the fields
    // a reader wants come first (title, text, uri, chunk), bookkeeping
    // (documentHash, chunking) is left out; the rest by how common.
    static QStringList rankColumns(const QHash<QString, int> &counts, int max);
    // The row of `id` when its page is loaded, else -1.
    int loadedRowOf(const QString &id) const;
    // Finds the row of `id` in the background (its page through the
    // anchors); answers with rowLocated (row -1 when the rows lack it).
    void locate(const QString &id);

    // The rows the view shows; requests for pages far from them are dropped.
    void setViewport(int firstRow, int lastRow);

    // Pages loaded so far by this model (for tests and the status line).
    qint64 pagesLoaded() const { return m_pagesLoaded; }

    // ---- sorting
    // By the id (bytewise: the engine's order, no ordering needed; or
    // natural: numbers inside ids compared as numbers), by a field column
    // or by the norm. Any order but the bytewise ascending id needs an
    // ordering of the (matching) ids, built on a worker; until it is ready
    // the rows stay empty and counting, and the header says "sorting…".
    enum class SortKey { None, Id, NaturalId, Field, Norm };
    struct SortSpec {
        SortKey key = SortKey::None;
        QString field;
        Qt::SortOrder order = Qt::AscendingOrder;
        bool operator==(const SortSpec &o) const { return key == o.key && field == o.field && order == o.order; }
    };
    struct Ordering {
        QStringList ids;          // in the sort's order
        QHash<QString, int> rows; // id -> row
        double milliseconds = 0;
        QString error;
    };
    // The ordering of the items `filter` matches under `spec` (blocking:
    // on a worker). Values compare as numbers, then strings, then bools,
    // then missing (always last, in either direction); ties by id.
    static Ordering buildOrdering(const Index &index, const QByteArray &filter, const SortSpec &spec,
                                  const std::function<bool()> &cancelled = {});
    // Ids compared with their runs of digits as numbers ("i9998" < "i99979").
    static bool naturalLess(const QString &a, const QString &b);

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    void setSort(const SortSpec &spec);
    SortSpec sortSpec() const { return m_sort; }
    // The column the sort is by (-1 for none), for the header's indicator.
    int sortColumn() const;
    // Natural id order: the id column sorts numbers inside ids as numbers.
    void setNaturalIdOrder(bool on);
    bool naturalIdOrder() const { return m_naturalIds; }
    bool isSorting() const { return m_sorting; }
    // How long the last ordering took to build (-1 before any).
    double lastSortMilliseconds() const { return m_sortMs; }

signals:
    // The row map changed: counting started, grew, or finished.
    void countChanged();
    void scanFailed(const QString &message);
    void rowLocated(const QString &id, int row);
    // A rescan after a change replaced the row map (rows may have moved).
    void mapReplaced();
    // A page arrived (rows first .. last were filled in).
    void rowsLoaded(int firstRow, int lastRow);
    // Sorting started or its ordering is ready.
    void sortStateChanged();

private:
public:
    struct Row {
        QString id;
        QJsonObject metadata;
        float norm = 0;
        QVector<float> bins;
        bool operator==(const Row &o) const
        {
            return id == o.id && norm == o.norm && bins == o.bins && metadata == o.metadata;
        }
    };

private:
    struct Page {
        QList<Row> rows;
        quint64 scan = 0; // the scan whose map it was loaded with
        quint64 lastUse = 0;
    };

public:
    struct ScanChunk {
        QList<QByteArray> anchors; // new anchors after the previous chunk
        qint64 count = 0;          // rows counted so far
        bool done = false;
        QString error;
    };
    struct PageResult;

private:
    void onContentChanged();
    // A rescan after a change: now, or when the gap after the last one has passed.
    void rescanSoon();
    void startScan(bool reset);
    // After the map was replaced: asks again for the stale pages on screen.
    void refreshPagesInView();
    void startOrdering(bool reset);
    // One model reset to `order` (null: no rows yet); every cached page and request is dropped.
    void replaceOrdering(std::shared_ptr<const Ordering> order);
    void applyScanChunk(quint64 scan, const ScanChunk &chunk);
    void requestPage(int page) const;
    void schedulePump() const;
    void pump();
    void applyPage(const PageResult &result);
    int pageOf(const QByteArray &id) const;
    int pageCount() const { return int((m_rows + kPageSize - 1) / kPageSize); }
    void evictPages();
    void finishLocate(int page);
    void chooseDynamicColumns(const QList<Row> &rows);
    const Row *rowAt(int row, bool request) const;

    QPointer<IndexSession> m_session;
    QByteArray m_filter;
    QStringList m_fields;
    bool m_schemaFields = false;

    // The row map on display.
    QList<QByteArray> m_anchors; // m_anchors[p]: the id before page p (empty for p = 0), UTF-8
    qint64 m_rows = 0;
    quint64 m_scan = 0; // the map's scan number; pages of another are stale

    // A scan that has not replaced the map yet (a rescan after a change).
    quint64 m_pendingScan = 0;
    bool m_pendingReset = false;
    QList<QByteArray> m_pendingAnchors;
    QFutureWatcher<ScanChunk> *m_scanWatcher = nullptr;
    qint64 m_pendingRows = 0;
    bool m_counting = false;
    bool m_rescanAgain = false;
    QString m_scanError;
    qint64 m_scansStarted = 0;
    QElapsedTimer m_scanClock;       // since the scan under way started, or the last one ended
    double m_lastScanMs = 0;         // how long the last complete scan took
    bool m_rescanDeferred = false;   // a rescan waits for m_rescanTimer
    QTimer *m_rescanTimer = nullptr; // single shot

    mutable QHash<int, Page> m_pages;
    mutable quint64 m_useClock = 0;
    mutable QList<int> m_queue; // wanted pages, newest last
    mutable bool m_pumpScheduled = false;
    QHash<int, quint64> m_inFlight; // page -> scan
    int m_running = 0;
    int m_viewFirst = -1, m_viewLast = -1;
    QHash<QString, int> m_locating; // id -> page being loaded to find it
    qint64 m_pagesLoaded = 0;

    SortSpec m_sort;
    bool m_naturalIds = false;
    std::shared_ptr<const Ordering> m_order; // null: the id order of the row map
    bool m_sorting = false;
    quint64 m_orderSerial = 0;
    double m_sortMs = -1;
};

} // namespace sextant::ui
