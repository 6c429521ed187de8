#include "ItemTableModel.h"

#include "AsyncTask.h"

#include "ErrorText.h"
#include "Format.h"
#include "IndexSession.h"
#include "sextant/Filter.h"

#include <QColor>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPalette>
#include <QGuiApplication>
#include <QElapsedTimer>
#include <QPromise>
#include <QSet>
#include <QTimer>
#include <QtConcurrent>
#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

namespace sextant::ui {

struct ItemTableModel::PageResult {
    quint64 scan = 0;
    int page = 0;
    QList<Row> rows;
    QString error;
};

namespace {

// The vector's shape for the sparkline: at most `bins` means of equal runs.
QVector<float> downsample(const QVector<float> &v, int bins)
{
    const qsizetype n = v.size();
    if (n <= bins) return v;
    QVector<float> out(bins);
    for (int b = 0; b < bins; ++b) {
        const qsizetype from = n * b / bins, to = std::max(from + 1, n * (b + 1) / bins);
        double sum = 0;
        for (qsizetype i = from; i < to; ++i)
            sum += v[i];
        out[b] = float(sum / double(to - from));
    }
    return out;
}

ItemTableModel::Row rowOf(const Item &item)
{
    ItemTableModel::Row row;
    row.id = item.id;
    row.metadata = item.metadata;
    double sq = 0;
    for (float x : item.vector)
        sq += double(x) * double(x);
    row.norm = float(std::sqrt(sq));
    row.bins = downsample(item.vector, ItemTableModel::kSparklineBins);
    return row;
}

QString cellText(const QJsonValue &v)
{
    QString text;
    switch (v.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null: return {};
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 12);
    case QJsonValue::String: text = v.toString(); break;
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        bool allStrings = true;
        for (const QJsonValue &e : a)
            allStrings = allStrings && e.isString();
        if (allStrings) {
            QStringList parts;
            for (const QJsonValue &e : a)
                parts.append(e.toString());
            text = parts.join(QStringLiteral(", "));
        } else {
            text = QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
        }
        break;
    }
    case QJsonValue::Object:
        text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        break;
    }
    // A cell shows one line; the tooltip holds the rest.
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.size() > 200) text = text.left(199) + QChar(0x2026);
    return text;
}

// Walks every (matching) id and keeps the one that ends each page.
void scanRowMap(QPromise<ItemTableModel::ScanChunk> &promise, std::shared_ptr<Index> idx, QByteArray filter)
{
    QString after;
    qint64 count = 0;
    for (;;) {
        if (promise.isCanceled()) return;
        Result<IdPage> page = idx->listIds(after, ItemTableModel::kScanChunk, filter);
        ItemTableModel::ScanChunk chunk;
        if (!page.ok()) {
            chunk.error = userMessageText(page.error());
            chunk.done = true;
            chunk.count = count;
            promise.addResult(chunk);
            return;
        }
        for (const QString &id : std::as_const(page->ids)) {
            ++count;
            if (count % ItemTableModel::kPageSize == 0) chunk.anchors.append(id.toUtf8());
        }
        chunk.count = count;
        chunk.done = page->nextAfter.isEmpty();
        // Selective filters come back in small pieces: only report growth.
        if (!page->ids.isEmpty() || chunk.done) promise.addResult(chunk);
        if (chunk.done) return;
        after = page->nextAfter;
    }
}

ItemTableModel::PageResult loadPage(Index &idx, quint64 scan, int pageNumber, const QByteArray &anchor,
                                    const QByteArray &filter)
{
    ItemTableModel::PageResult result;
    result.scan = scan;
    result.page = pageNumber;
    const QString after = QString::fromUtf8(anchor);
    if (filter.trimmed().isEmpty()) {
        Result<ListPage> page = idx.list(after, ItemTableModel::kPageSize, true);
        if (!page.ok()) {
            result.error = userMessageText(page.error());
            return result;
        }
        for (const Item &item : std::as_const(page->items))
            result.rows.append(rowOf(item));
        return result;
    }
    QStringList ids;
    QString from = after;
    while (ids.size() < ItemTableModel::kPageSize) {
        Result<IdPage> page = idx.listIds(from, int(ItemTableModel::kPageSize - ids.size()), filter);
        if (!page.ok()) {
            result.error = userMessageText(page.error());
            return result;
        }
        ids += page->ids;
        if (page->nextAfter.isEmpty()) break;
        from = page->nextAfter;
    }
    for (const QString &id : std::as_const(ids)) {
        Result<Item> item = idx.get(id, true);
        if (item.ok()) result.rows.append(rowOf(*item)); // deleted meanwhile: the rescan will follow
    }
    return result;
}

// A page of an ordering: its ids, each read with its vector.
ItemTableModel::PageResult loadIds(Index &idx, quint64 scan, int pageNumber, const QStringList &ids)
{
    ItemTableModel::PageResult result;
    result.scan = scan;
    result.page = pageNumber;
    for (const QString &id : ids) {
        Result<Item> item = idx.get(id, true);
        if (item.ok()) result.rows.append(rowOf(*item)); // deleted meanwhile: the rebuild will follow
    }
    return result;
}

// A sort key: its class first (numbers, strings, bools, missing), then the value.
struct SortValue {
    int kind = 3;
    double number = 0;
    QString text;
};

SortValue sortValueOf(const QJsonValue &v)
{
    SortValue k;
    switch (v.type()) {
    case QJsonValue::Double:
        k.kind = 0;
        k.number = v.toDouble();
        break;
    case QJsonValue::String:
        k.kind = 1;
        k.text = v.toString();
        break;
    case QJsonValue::Bool:
        k.kind = 2;
        k.number = v.toBool() ? 1 : 0;
        break;
    default: k.kind = 3; break;
    }
    return k;
}

// -1, 0, 1; missing values sort last whatever the direction (the caller
// flips only the others).
int compareValues(const SortValue &a, const SortValue &b)
{
    if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
    if (a.kind == 1) {
        const int c = a.text.compare(b.text);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

} // namespace

bool ItemTableModel::naturalLess(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const bool da = a[i].isDigit(), db = b[j].isDigit();
        if (da && db) {
            qsizetype ie = i, je = j;
            while (ie < a.size() && a[ie].isDigit())
                ++ie;
            while (je < b.size() && b[je].isDigit())
                ++je;
            // Compare the numbers without their leading zeros: by length, then digits.
            qsizetype is = i, js = j;
            while (is + 1 < ie && a[is] == u'0')
                ++is;
            while (js + 1 < je && b[js] == u'0')
                ++js;
            if (ie - is != je - js) return ie - is < je - js;
            const int c = QStringView(a).mid(is, ie - is).compare(QStringView(b).mid(js, je - js));
            if (c != 0) return c < 0;
            i = ie;
            j = je;
            continue;
        }
        if (a[i] != b[j]) return a[i] < b[j];
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j)) return a.size() - i < b.size() - j;
    return a.toUtf8() < b.toUtf8(); // equal as numbers ("a01" and "a1"): the id order decides
}

ItemTableModel::Ordering ItemTableModel::buildOrdering(const Index &index, const QByteArray &filter,
                                                       const SortSpec &spec, const std::function<bool()> &cancelled)
{
    Ordering out;
    QElapsedTimer timer;
    timer.start();
    // The matching ids first (the filter's own walk), when there is a filter.
    std::optional<QSet<QString>> matching;
    if (!filter.trimmed().isEmpty()) {
        matching.emplace();
        QString after;
        for (;;) {
            if (cancelled && cancelled()) return out;
            Result<IdPage> page = index.listIds(after, kScanChunk, filter);
            if (!page.ok()) {
                out.error = userMessageText(page.error());
                return out;
            }
            for (const QString &id : std::as_const(page->ids))
                matching->insert(id);
            if (page->nextAfter.isEmpty()) break;
            after = page->nextAfter;
        }
    }
    struct Entry {
        QString id;
        SortValue value;
    };
    std::vector<Entry> entries;
    const bool byId = spec.key == SortKey::Id || spec.key == SortKey::NaturalId || spec.key == SortKey::None;
    if (byId && !matching) {
        QString after;
        for (;;) {
            if (cancelled && cancelled()) return out;
            Result<IdPage> page = index.listIds(after, kScanChunk);
            if (!page.ok()) {
                out.error = userMessageText(page.error());
                return out;
            }
            for (const QString &id : std::as_const(page->ids))
                entries.push_back({id, {}});
            if (page->nextAfter.isEmpty()) break;
            after = page->nextAfter;
        }
    } else if (byId) {
        entries.reserve(size_t(matching->size()));
        for (const QString &id : std::as_const(*matching))
            entries.push_back({id, {}});
    } else {
        // The values: one walk over every item in pages (vectors only for the norm).
        const bool vectors = spec.key == SortKey::Norm;
        QString after;
        for (;;) {
            if (cancelled && cancelled()) return out;
            Result<ListPage> page = index.list(after, 2048, vectors);
            if (!page.ok()) {
                out.error = userMessageText(page.error());
                return out;
            }
            for (const Item &item : std::as_const(page->items)) {
                if (matching && !matching->contains(item.id)) continue;
                Entry e{item.id, {}};
                if (vectors) {
                    double sq = 0;
                    for (float x : item.vector)
                        sq += double(x) * double(x);
                    e.value.kind = 0;
                    e.value.number = double(float(std::sqrt(sq)));
                } else {
                    e.value = sortValueOf(item.metadata.value(spec.field));
                }
                entries.push_back(std::move(e));
            }
            if (page->nextAfter.isEmpty()) break;
            after = page->nextAfter;
        }
    }
    if (cancelled && cancelled()) return out;
    const bool descending = spec.order == Qt::DescendingOrder;
    auto idLess = [&](const QString &a, const QString &b) {
        return spec.key == SortKey::NaturalId ? naturalLess(a, b) : a.toUtf8() < b.toUtf8();
    };
    std::stable_sort(entries.begin(), entries.end(), [&](const Entry &a, const Entry &b) {
        if (!byId) {
            if ((a.value.kind == 3) != (b.value.kind == 3)) return b.value.kind == 3; // missing last
            const int c = compareValues(a.value, b.value);
            if (c != 0) return descending ? c > 0 : c < 0;
            return idLess(a.id, b.id); // ties: in id order
        }
        return descending ? idLess(b.id, a.id) : idLess(a.id, b.id);
    });
    out.ids.reserve(qsizetype(entries.size()));
    out.rows.reserve(qsizetype(entries.size()));
    for (const Entry &e : entries) {
        out.rows.insert(e.id, int(out.ids.size()));
        out.ids.append(e.id);
    }
    out.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return out;
}

int ItemTableModel::sortColumn() const
{
    switch (m_sort.key) {
    case SortKey::None: return -1;
    case SortKey::Id:
    case SortKey::NaturalId: return idColumn();
    case SortKey::Norm: return normColumn();
    case SortKey::Field: {
        const qsizetype i = m_fields.indexOf(m_sort.field);
        return i < 0 ? -1 : int(i) + 1;
    }
    }
    return -1;
}

void ItemTableModel::sort(int column, Qt::SortOrder order)
{
    SortSpec spec;
    spec.order = order;
    if (column == idColumn())
        spec.key = m_naturalIds ? SortKey::NaturalId : SortKey::Id;
    else if (column == normColumn())
        spec.key = SortKey::Norm;
    else if (column >= 1 && column <= m_fields.size()) {
        spec.key = SortKey::Field;
        spec.field = m_fields.at(column - 1);
    } else {
        return; // the sparkline has no order
    }
    setSort(spec);
}

void ItemTableModel::setSort(const SortSpec &wanted)
{
    SortSpec spec = wanted;
    // The engine's own order needs no ordering.
    if (spec.key == SortKey::Id && spec.order == Qt::AscendingOrder) spec = SortSpec{};
    if (spec == m_sort) return;
    m_sort = spec;
    startScan(true);
}

void ItemTableModel::setNaturalIdOrder(bool on)
{
    if (on == m_naturalIds) return;
    m_naturalIds = on;
    const Qt::SortOrder order =
        m_sort.key == SortKey::Id || m_sort.key == SortKey::NaturalId ? m_sort.order : Qt::AscendingOrder;
    if (on)
        setSort({SortKey::NaturalId, QString(), order});
    else if (m_sort.key == SortKey::NaturalId || m_sort.key == SortKey::None)
        setSort({SortKey::Id, QString(), order});
}

void ItemTableModel::replaceOrdering(std::shared_ptr<const Ordering> order)
{
    beginResetModel();
    m_scan = std::max(m_scan, m_pendingScan) + 1;
    m_pendingScan = m_scan;
    std::shared_ptr<const Ordering> old = std::exchange(m_order, std::move(order));
    // A million-entry ordering is freed on a worker, not here.
    if (old) (void)QtConcurrent::run([old]() mutable { old.reset(); });
    m_rows = m_order ? m_order->ids.size() : 0;
    m_pages.clear(); // rows moved: nothing cached is where it was
    m_queue.clear();
    m_inFlight.clear();
    m_locating.clear();
    endResetModel();
}

void ItemTableModel::startOrdering(bool reset)
{
    const quint64 serial = ++m_orderSerial;
    m_sorting = true;
    m_counting = true;
    m_scanError.clear();
    if (reset) replaceOrdering(nullptr);
    emit sortStateChanged();
    emit countChanged();
    std::shared_ptr<Index> idx = m_session->index();
    const QByteArray filter = m_filter;
    const SortSpec spec = m_sort;
    const QFuture<std::shared_ptr<const Ordering>> ordering = QtConcurrent::run([idx, filter, spec]() {
        return std::shared_ptr<const Ordering>(std::make_shared<Ordering>(buildOrdering(*idx, filter, spec)));
    });
    whenFinished(this, ordering, [this, serial](const QFuture<std::shared_ptr<const Ordering>> &finished) {
        if (serial != m_orderSerial || finished.resultCount() == 0) return; // replaced
        std::shared_ptr<const Ordering> order = finished.result();
        m_sorting = false;
        m_counting = false;
        if (!order->error.isEmpty()) {
            m_scanError = order->error;
            emit scanFailed(order->error);
            emit sortStateChanged();
            emit countChanged();
            return;
        }
        m_sortMs = order->milliseconds;
        replaceOrdering(order);
        emit sortStateChanged();
        emit countChanged();
        emit mapReplaced();
        if (m_rescanAgain) {
            m_rescanAgain = false;
            startOrdering(false);
        }
    });
}

ItemTableModel::ItemTableModel(IndexSession *session, QObject *parent) : QAbstractTableModel(parent), m_session(session)
{
    for (const FieldSpec &f : session->schema().fields)
        m_fields.append(f.name);
    m_schemaFields = !m_fields.isEmpty();
    connect(session, &IndexSession::contentChanged, this, &ItemTableModel::onContentChanged);
    m_rescanTimer = new QTimer(this);
    m_rescanTimer->setSingleShot(true);
    connect(m_rescanTimer, &QTimer::timeout, this, [this]() {
        m_rescanDeferred = false;
        startScan(false);
    });
    startScan(true);
}

ItemTableModel::~ItemTableModel()
{
    if (m_scanWatcher) m_scanWatcher->future().cancel();
}

int ItemTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows); }

int ItemTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 3 + int(m_fields.size());
}

const ItemTableModel::Row *ItemTableModel::rowAt(int row, bool request) const
{
    if (row < 0 || row >= m_rows) return nullptr;
    const int page = row / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (request) requestPage(page);
        return nullptr;
    }
    it->lastUse = ++m_useClock;
    // A page of the previous map still shows until its fresh copy arrives.
    if (it->scan != m_scan && request) requestPage(page);
    const int i = row % kPageSize;
    return i < it->rows.size() ? &it->rows[i] : nullptr;
}

QVariant ItemTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const bool wantsRow = role == Qt::DisplayRole || role == Qt::ToolTipRole || role == IdRole ||
                          role == SparklineRole || role == LoadedRole || role == Qt::ForegroundRole;
    if (!wantsRow) {
        if (role == Qt::TextAlignmentRole && index.column() == normColumn())
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const Row *row = rowAt(index.row(), true);
    if (role == LoadedRole) return row != nullptr;
    if (!row) {
        if (role == Qt::DisplayRole && index.column() == idColumn()) return tr("Loading…");
        if (role == Qt::ForegroundRole) return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    }
    const int c = index.column();
    switch (role) {
    case IdRole: return row->id;
    case SparklineRole: return c == sparklineColumn() ? QVariant::fromValue(row->bins) : QVariant();
    case Qt::ForegroundRole: return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (c == idColumn()) return row->id;
        if (c == normColumn()) return formatScore(row->norm);
        if (c == sparklineColumn())
            return role == Qt::ToolTipRole
                       ? tr("The vector's %Ln value(s), averaged into the sparkline", nullptr, int(row->bins.size()))
                       : QVariant();
        if (c >= 1 && c <= m_fields.size()) {
            const QJsonValue v = row->metadata.value(m_fields.at(c - 1));
            if (role == Qt::DisplayRole) return cellText(v);
            const QString full =
                v.isString()
                    ? v.toString()
                    : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
            return full.left(2000);
        }
        return {};
    }
    return {};
}

QVariant ItemTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return QString::number(section + 1);
    QString title;
    if (section == idColumn())
        title = m_naturalIds ? tr("Id (natural order)") : tr("Id");
    else if (section == normColumn())
        title = tr("Norm");
    else if (section == sparklineColumn())
        title = tr("Vector");
    else if (section >= 1 && section <= m_fields.size())
        title = m_fields.at(section - 1);
    // The column being sorted says so until its ordering is ready.
    if (m_sorting && section == sortColumn()) title = tr("%1 (sorting…)").arg(title);
    return title.isEmpty() ? QVariant() : QVariant(title);
}

void ItemTableModel::setFilter(const QByteArray &filter)
{
    const QByteArray trimmed = filter.trimmed();
    if (trimmed == m_filter) return;
    Result<Filter> parsed = Filter::parse(trimmed);
    if (!parsed.ok()) {
        m_scanError = parsed.error().message();
        emit scanFailed(m_scanError);
        return;
    }
    m_filter = trimmed;
    startScan(true);
}

void ItemTableModel::onContentChanged()
{
    if (m_sort.key != SortKey::None) {
        // The ordering is rebuilt; the old one shows until the new is ready.
        if (m_sorting)
            m_rescanAgain = true;
        else
            startOrdering(false);
        return;
    }
    if (m_counting) {
        m_rescanAgain = true; // after the scan under way: it may have walked past the change
        return;
    }
    rescanSoon();
}

void ItemTableModel::rescanSoon()
{
    if (m_rescanDeferred) return; // the rescan waiting for its turn sees this change too
    // Bulk work changes the index faster than a million rows can be walked:
    // space the rescans by twice the last one's duration, so that they take
    // at most a third of a core and the GUI thread applies a new map at most
    // that often. A small index (a scan of a few ms) rescans at once.
    const double gap = std::min<double>(kMaxRescanGapMs, 2 * m_lastScanMs);
    const double since = m_scanClock.isValid() ? double(m_scanClock.elapsed()) : gap;
    if (since >= gap) {
        startScan(false);
        return;
    }
    m_rescanDeferred = true;
    m_rescanTimer->start(int(std::ceil(gap - since)));
    emit countChanged();
}

void ItemTableModel::startScan(bool reset)
{
    if (!m_session) return;
    m_rescanTimer->stop(); // this scan (or ordering) sees every change so far
    m_rescanDeferred = false;
    if (m_scanWatcher) {
        m_scanWatcher->disconnect(this);
        m_scanWatcher->future().cancel();
        m_scanWatcher->deleteLater();
        m_scanWatcher = nullptr;
    }
    if (m_sort.key != SortKey::None) {
        startOrdering(reset);
        return;
    }
    if (m_order || m_sorting) {
        // Back to the id order: the ordering goes, the row map is rebuilt.
        ++m_orderSerial;
        m_sorting = false;
        std::shared_ptr<const Ordering> old = std::move(m_order);
        if (old) (void)QtConcurrent::run([old]() mutable { old.reset(); });
        reset = true;
        emit sortStateChanged();
    }
    ++m_scansStarted;
    m_scanClock.start();
    const quint64 scan = std::max(m_scan, m_pendingScan) + 1;
    m_pendingScan = scan;
    m_pendingReset = reset;
    m_pendingAnchors = {QByteArray()};
    m_pendingRows = 0;
    m_rescanAgain = false;
    m_counting = true;
    m_scanError.clear();
    if (reset) {
        // A new filter: the rows fill in as the scan finds them.
        beginResetModel();
        m_scan = scan;
        m_anchors = {QByteArray()};
        m_rows = 0;
        m_pages.clear();
        m_queue.clear();
        m_inFlight.clear();
        m_locating.clear();
        endResetModel();
    }
    m_scanWatcher = new QFutureWatcher<ScanChunk>(this);
    connect(m_scanWatcher, &QFutureWatcher<ScanChunk>::resultsReadyAt, this, [this, scan](int begin, int end) {
        for (int i = begin; i < end && m_scanWatcher; ++i)
            applyScanChunk(scan, m_scanWatcher->resultAt(i));
    });
    m_scanWatcher->setFuture(QtConcurrent::run(scanRowMap, m_session->index(), m_filter));
    emit countChanged();
}

void ItemTableModel::applyScanChunk(quint64 scan, const ScanChunk &chunk)
{
    if (scan != m_pendingScan) return; // a scan that was replaced
    m_pendingAnchors += chunk.anchors;
    m_pendingRows = chunk.count;
    if (m_pendingReset) {
        m_anchors = m_pendingAnchors;
        if (chunk.count > m_rows) {
            beginInsertRows({}, int(m_rows), int(chunk.count - 1));
            m_rows = chunk.count;
            endInsertRows();
        }
    }
    if (!chunk.done) {
        emit countChanged();
        return;
    }
    m_counting = false;
    m_lastScanMs = double(m_scanClock.elapsed());
    m_scanClock.start(); // the gap before the next rescan counts from here
    m_scanWatcher->deleteLater();
    m_scanWatcher = nullptr;
    if (!chunk.error.isEmpty()) {
        m_scanError = chunk.error;
        emit scanFailed(chunk.error);
    } else if (!m_pendingReset) {
        // Replace the map in one step. Rows change only at the end, so the
        // view keeps its scroll position; cached pages become stale but show
        // until fresh copies replace them.
        m_anchors = m_pendingAnchors;
        m_scan = scan;
        const qint64 rows = chunk.count;
        if (rows > m_rows) {
            beginInsertRows({}, int(m_rows), int(rows - 1));
            m_rows = rows;
            endInsertRows();
        } else if (rows < m_rows) {
            beginRemoveRows({}, int(rows), int(m_rows - 1));
            m_rows = rows;
            endRemoveRows();
            for (auto it = m_pages.begin(); it != m_pages.end();)
                it = it.key() >= pageCount() ? m_pages.erase(it) : std::next(it);
        }
        m_locating.clear();
        refreshPagesInView();
        emit mapReplaced();
    }
    m_pendingAnchors.clear();
    emit countChanged();
    if (m_rescanAgain) {
        m_rescanAgain = false;
        rescanSoon();
    }
}

void ItemTableModel::refreshPagesInView()
{
    if (m_rows == 0) return;
    if (m_viewFirst < 0) {
        // No view has said what it shows: every view asks again.
        emit dataChanged(index(0, 0), index(int(m_rows - 1), columnCount() - 1));
        return;
    }
    // Only the pages on screen are fetched again now (the others when they
    // are shown); nothing is repainted until a fresh page differs.
    const int first = m_viewFirst / kPageSize, last = std::min(m_viewLast / kPageSize, pageCount() - 1);
    for (int p = last; p >= first; --p) { // the top page last: the pump serves it first
        auto it = m_pages.constFind(p);
        if (it == m_pages.cend() || it->scan != m_scan) requestPage(p);
    }
}

void ItemTableModel::requestPage(int page) const
{
    if (m_inFlight.value(page) == m_scan) return;
    m_queue.removeOne(page);
    m_queue.append(page);
    while (m_queue.size() > kMaxQueuedPages)
        m_queue.removeFirst();
    schedulePump();
}

void ItemTableModel::schedulePump() const
{
    if (m_pumpScheduled) return;
    m_pumpScheduled = true;
    // data() runs while the view paints: start work after it.
    QTimer::singleShot(0, const_cast<ItemTableModel *>(this), &ItemTableModel::pump);
}

void ItemTableModel::pump()
{
    m_pumpScheduled = false;
    if (!m_session) return;
    while (m_running < kMaxInFlight && !m_queue.isEmpty()) {
        const int page = m_queue.takeLast(); // what was asked for last is what is on screen now
        if (page >= pageCount() || (!m_order && page >= m_anchors.size())) continue;
        auto cached = m_pages.constFind(page);
        if (cached != m_pages.cend() && cached->scan == m_scan) continue;
        if (m_inFlight.value(page) == m_scan) continue;
        const bool located = std::find(m_locating.cbegin(), m_locating.cend(), page) != m_locating.cend();
        if (m_viewFirst >= 0 && !located) {
            // Scrolled away before its turn: drop it.
            const int firstPage = m_viewFirst / kPageSize - 1, lastPage = m_viewLast / kPageSize + 1;
            if (page < firstPage || page > lastPage) continue;
        }
        const quint64 scan = m_scan;
        const QByteArray anchor = m_order ? QByteArray() : m_anchors.at(page), filter = m_filter;
        const QStringList ordered = m_order ? m_order->ids.mid(qsizetype(page) * kPageSize, kPageSize) : QStringList();
        const bool sorted = bool(m_order);
        m_inFlight.insert(page, scan);
        ++m_running;
        whenFinished(this, m_session->run([scan, page, anchor, filter, ordered, sorted](Index &idx) {
            return sorted ? loadIds(idx, scan, page, ordered) : loadPage(idx, scan, page, anchor, filter);
        }),
                     [this](const QFuture<PageResult> &finished) {
                         --m_running;
                         if (finished.resultCount() > 0) {
                             const PageResult r = finished.result();
                             if (m_inFlight.value(r.page) == r.scan) m_inFlight.remove(r.page);
                             if (r.scan == m_scan) applyPage(r); // else: an older map's page, dropped
                         }
                         schedulePump();
                     });
    }
}

void ItemTableModel::applyPage(const PageResult &result)
{
    if (!result.error.isEmpty()) {
        emit scanFailed(result.error);
        return;
    }
    ++m_pagesLoaded;
    if (!m_schemaFields && m_fields.isEmpty()) chooseDynamicColumns(result.rows);
    // A fresh copy of a page on screen after a rescan is usually the same
    // (an import appends elsewhere): then nothing needs painting again.
    auto cached = m_pages.find(result.page);
    const bool unchanged = cached != m_pages.end() && cached->rows == result.rows;
    Page &page = cached != m_pages.end() ? *cached : m_pages[result.page];
    page.rows = result.rows;
    page.scan = result.scan;
    page.lastUse = ++m_useClock;
    evictPages();
    const int first = result.page * kPageSize;
    const int last = int(std::min<qint64>(m_rows, qint64(first) + kPageSize)) - 1;
    if (last >= first) {
        if (!unchanged) emit dataChanged(index(first, 0), index(last, columnCount() - 1));
        emit rowsLoaded(first, last);
    }
    finishLocate(result.page);
}

void ItemTableModel::evictPages()
{
    while (m_pages.size() > kCachedPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it)
            if (it->lastUse < oldest->lastUse) oldest = it;
        m_pages.erase(oldest);
    }
}

QStringList ItemTableModel::rankColumns(const QHash<QString, int> &counts, int max)
{
    // What a reader of documents looks at first; bookkeeping only the
    // inspector shows.
    static const QStringList first = {QStringLiteral("title"), QStringLiteral("text"), QStringLiteral("uri"),
                                      QStringLiteral("chunk")};
    static const QStringList hidden = {QStringLiteral("documentHash"), QStringLiteral("chunking")};
    const bool documents = counts.contains(QStringLiteral("title")) || counts.contains(QStringLiteral("text"));
    QStringList keys;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        if (!(documents && hidden.contains(it.key()))) keys.append(it.key());
    auto rank = [&](const QString &k) {
        return documents && first.contains(k) ? int(first.indexOf(k)) : int(first.size());
    };
    std::sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        return counts.value(a) != counts.value(b) ? counts.value(a) > counts.value(b) : a < b;
    });
    return keys.mid(0, max);
}

void ItemTableModel::chooseDynamicColumns(const QList<Row> &rows)
{
    // Without declared fields: the most common keys of the first rows seen.
    QHash<QString, int> counts;
    for (const Row &r : rows)
        for (auto it = r.metadata.begin(); it != r.metadata.end(); ++it)
            ++counts[it.key()];
    if (counts.isEmpty()) return;
    const QStringList keys = rankColumns(counts, kMaxDynamicColumns);
    beginInsertColumns({}, 1, int(keys.size()));
    m_fields = keys;
    endInsertColumns();
}

int ItemTableModel::pageOf(const QByteArray &id) const
{
    if (m_order) {
        const int row = m_order->rows.value(QString::fromUtf8(id), -1);
        return row < 0 ? -1 : row / kPageSize;
    }
    if (m_sorting) return -1; // no rows until the ordering is ready
    if (m_rows == 0 || m_anchors.isEmpty()) return -1;
    // m_anchors[p] (p >= 1) is the last id of page p - 1: the page of `id`
    // is the number of anchors before it.
    const auto it = std::lower_bound(m_anchors.cbegin() + 1, m_anchors.cend(), id);
    const int page = int(it - (m_anchors.cbegin() + 1));
    return std::min(page, pageCount() - 1);
}

QString ItemTableModel::idAt(int row) const
{
    const Row *r = rowAt(row, false);
    return r ? r->id : QString();
}

QJsonObject ItemTableModel::metadataAt(int row) const
{
    const Row *r = rowAt(row, false);
    return r ? r->metadata : QJsonObject();
}

int ItemTableModel::loadedRowOf(const QString &id) const
{
    const int page = pageOf(id.toUtf8());
    if (page < 0) return -1;
    auto it = m_pages.constFind(page);
    if (it == m_pages.cend() || it->scan != m_scan) return -1;
    for (int i = 0; i < it->rows.size(); ++i)
        if (it->rows.at(i).id == id) return page * kPageSize + i < m_rows ? page * kPageSize + i : -1;
    return -1;
}

void ItemTableModel::locate(const QString &id)
{
    if (id.isEmpty()) return;
    const int row = loadedRowOf(id);
    const int page = pageOf(id.toUtf8());
    if (row >= 0 || page < 0) {
        emit rowLocated(id, row);
        return;
    }
    auto cached = m_pages.constFind(page);
    if (cached != m_pages.cend() && cached->scan == m_scan) { // loaded, and it is not there
        emit rowLocated(id, -1);
        return;
    }
    m_locating.insert(id, page);
    requestPage(page);
}

void ItemTableModel::finishLocate(int page)
{
    const QStringList ids = m_locating.keys(page);
    for (const QString &id : ids) {
        m_locating.remove(id);
        emit rowLocated(id, loadedRowOf(id));
    }
}

void ItemTableModel::setViewport(int firstRow, int lastRow)
{
    m_viewFirst = firstRow;
    m_viewLast = std::max(firstRow, lastRow);
}

} // namespace sextant::ui
