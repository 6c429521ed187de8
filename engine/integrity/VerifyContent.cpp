// Full verify's look inside the files: every live row's vector and metadata,
// the id map (one live row per id, the counts the manifest records), the
// saved graph's labels against the live items, and the graph's recall.

#include "core/JsonSyntax.h"
#include "index/Graph.h"
#include "index/GraphManager.h"
#include "sextant/Index.h"
#include "integrity/VerifyRun.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstring>
#include <queue>

namespace sextant::integrity {

using namespace storage;

namespace {

bool allFinite(const float *v, int n)
{
    // The exponent of an infinity or NaN is all ones; integer compares
    // vectorise where std::isfinite does not.
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        uint32_t bits;
        std::memcpy(&bits, v + i, 4);
        bad |= (bits & 0x7f800000u) == 0x7f800000u;
    }
    return bad == 0;
}

// Id order is bytewise (docs/format.md), as QByteArrayView::compare gives it.
bool idLess(QByteArrayView a, QByteArrayView b) { return a.compare(b) < 0; }

} // namespace

void Run::checkSegmentRows(const Manifest &m, OpenedSegment &s)
{
    const Segment &seg = *s.segment;
    const Schema &schema = m.schema;
    const int dims = seg.dimensions();
    const SegmentLayout &layout = seg.layout();
    const bool checkFields = !schema.fields.isEmpty();
    QByteArrayView previous;
    bool havePrevious = false;
    s.liveIds.reserve(size_t(seg.rowCount()));
    s.liveRows.reserve(size_t(seg.rowCount()));
    std::vector<float> checked;
    const QString file = s.entry.file;
    // Format 3: a row in a damaged block whose own checksum does not match
    // is the item the damage costs; name it (format 2: the block finding
    // already covers every row in the block).
    auto damagedRow = [&](qint64 r) {
        if (!seg.hasRowChecksums() || (s.deletions && s.deletions->isDeleted(r))) return;
        if (!underCap(file + QStringLiteral("/row"))) return;
        const Segment::UncheckedRow raw = seg.readUnchecked(r);
        const QString idText = raw.idVerified ? QString::fromUtf8(raw.id.data(), raw.id.size()) : QString();
        add(Finding::Severity::Error, file, layout.vectorsOffset + r * dims * 4,
            raw.idVerified
                ? QStringLiteral("Row %1 sits in a damaged block and does not match its row checksum: its vector or "
                                 "metadata changed. Repair sets this item aside.")
                      .arg(r)
                : QStringLiteral("Row %1 sits in a damaged block and does not match its row checksum; its id cannot be "
                                 "read. Repair sets this item aside.")
                      .arg(r),
            RepairAction::RewriteSegment, idText, dims * 4);
    };
    for (qint64 r = 0; r < seg.rowCount(); ++r) {
        if ((r & 0xffff) == 0xffff && !progress(0)) return;
        const Result<QByteArrayView> id = seg.id(r);
        if (!id.ok()) { // in a damaged block: the block is already reported
            damagedRow(r);
            continue;
        }
        if (havePrevious && !idLess(previous, *id)) {
            if (underCap(file + QStringLiteral("/order")))
                add(Finding::Severity::Error, file, layout.idBytesOffset,
                    QStringLiteral("Row %1's id does not sort after the row before it: the segment holds an id twice "
                                   "or out of order.")
                        .arg(r),
                    RepairAction::RewriteSegment, QString::fromUtf8(id->data(), id->size()));
            continue;
        }
        previous = *id;
        havePrevious = true;
        if (s.deletions && s.deletions->isDeleted(r)) continue;

        const float *vector = nullptr;
        if (s.badBlocks) {
            Result<std::vector<float>> v = seg.vectorChecked(r);
            if (!v.ok()) {
                damagedRow(r);
                continue;
            }
            checked = std::move(*v);
            vector = checked.data();
        } else {
            vector = seg.vectorData(r);
        }
        const QString idText = QString::fromUtf8(id->data(), id->size());
        // Every block matched: the row checksum must too (it is what a
        // repair trusts when a block does not).
        if (!s.badBlocks && seg.hasRowChecksums() && !seg.rowChecksumMatches(r)) {
            if (underCap(file + QStringLiteral("/rowsum")))
                add(Finding::Severity::Error, file, layout.rowSumsOffset + r * 8,
                    QStringLiteral(
                        "Row %1's checksum does not match its id, vector and metadata, although their blocks "
                        "match theirs.")
                        .arg(r),
                    RepairAction::RewriteSegment, idText, 8);
            continue;
        }
        if (!allFinite(vector, dims)) {
            if (underCap(file + QStringLiteral("/finite")))
                add(Finding::Severity::Error, file, layout.vectorsOffset + r * dims * 4,
                    QStringLiteral("The item's vector holds a NaN or an infinity; no search can rank it."),
                    RepairAction::RewriteSegment, idText, dims * 4);
            continue;
        }
        const Result<QByteArrayView> meta = seg.metadataView(r);
        if (!meta.ok()) {
            damagedRow(r);
            continue;
        }
        const QByteArray bytes = QByteArray::fromRawData(meta->data(), meta->size());
        QString why;
        if (!isJsonObjectText(*meta, &why)) {
            if (underCap(file + QStringLiteral("/json")))
                add(Finding::Severity::Error, file, -1,
                    QStringLiteral("The item's metadata is not a valid JSON object (%1).").arg(why),
                    RepairAction::RewriteSegment, idText);
            continue;
        }
        // The values matter only for declared fields and the size limit.
        if (checkFields || bytes.size() > schema.maxMetadataBytes) {
            const QJsonDocument doc = QJsonDocument::fromJson(bytes);
            if (Error e = schema.validateMetadata(doc.object(), bytes.size())) {
                if (underCap(file + QStringLiteral("/schema")))
                    add(Finding::Severity::Warning, file, -1,
                        QStringLiteral("The item's metadata does not match the schema: %1").arg(e.message()),
                        RepairAction::RewriteSegment, idText);
            }
        }
        s.liveIds.push_back(*id);
        s.liveRows.push_back(r);
    }
}

// Each id must be live in at most one row over all segments; the manifest's
// counts must be the segments'.
void Run::checkIdMap(const Manifest &m)
{
    struct Head {
        size_t segment;
        size_t at;
    };
    auto later = [this](const Head &a, const Head &b) {
        return idLess(segments[b.segment].liveIds[b.at], segments[a.segment].liveIds[a.at]);
    };
    std::priority_queue<Head, std::vector<Head>, decltype(later)> heap(later);
    qint64 liveRows = 0;
    for (size_t i = 0; i < segments.size(); ++i) {
        liveRows += qint64(segments[i].liveIds.size());
        if (!segments[i].liveIds.empty()) heap.push(Head{i, 0});
    }
    qint64 distinct = 0;
    QByteArrayView last;
    size_t lastSegment = 0;
    bool any = false;
    while (!heap.empty()) {
        const Head h = heap.top();
        heap.pop();
        const QByteArrayView id = segments[h.segment].liveIds[h.at];
        if (any && id == last) {
            const size_t older = std::min(lastSegment, h.segment);
            const QString file = segments[older].entry.file;
            // Without its deletion file a segment's rows all look live: the
            // missing file is the finding, not each id it would have hidden.
            const bool explained = !segments[lastSegment].deletionsKnown || !segments[h.segment].deletionsKnown;
            if (!explained && underCap(file + QStringLiteral("/duplicate")))
                add(Finding::Severity::Error, file, -1,
                    QStringLiteral("The item is live in two segments (%1 and %2); only the newer row should be.")
                        .arg(segments[older].entry.file, segments[std::max(lastSegment, h.segment)].entry.file),
                    RepairAction::RebuildIdMap, QString::fromUtf8(id.data(), id.size()));
        } else {
            ++distinct;
        }
        last = id;
        lastSegment = h.segment;
        any = true;
        if (h.at + 1 < segments[h.segment].liveIds.size()) heap.push(Head{h.segment, h.at + 1});
    }
    // The count is only comparable when every segment and deletion file was read.
    bool complete = qsizetype(segments.size()) == m.segments.size();
    for (const OpenedSegment &s : segments)
        complete = complete && s.deletionsKnown && s.badBlocks == 0;
    if (complete && liveRows != m.liveItems)
        add(Finding::Severity::Error, manifest::currentName(), -1,
            QStringLiteral("The manifest records %1 live items; the segments hold %2 live rows.")
                .arg(m.liveItems)
                .arg(liveRows),
            RepairAction::RebuildIdMap);

    // The log's changes on top of the segments give the items a reader sees.
    QHash<QByteArray, bool> walState;
    qint64 live = distinct;
    for (const WalChange &c : walChanges) {
        const auto it = walState.constFind(c.id);
        bool present = false;
        if (it != walState.constEnd()) {
            present = *it;
        } else {
            for (const OpenedSegment &s : segments)
                if (std::binary_search(s.liveIds.begin(), s.liveIds.end(), QByteArrayView(c.id), idLess))
                    present = true;
        }
        if (!c.deleted && !present) ++live;
        if (c.deleted && present) --live;
        walState.insert(c.id, !c.deleted);
    }
    report.liveItems = live;
}

// The saved graph against the live items: differences are normal (the graph
// may be saved before or after the checkpoint) and are reconciled on open,
// so they are a note; damage was judged by verifyGraphFile.
void Run::checkGraph(const Manifest &m)
{
    const GraphEntry &g = *m.graph;
    const FileRecord *rec = m.fileRecord(g.file);
    Result<std::unique_ptr<HnswGraph>> loaded =
        HnswGraph::load(path(g.file), m.schema.dimensions, m.schema.metric, m.schema.ann, rec ? rec->size : -1);
    if (!loaded.ok()) {
        addError(g.file, loaded.error(), Finding::Severity::Warning, RepairAction::RebuildGraph);
        graphFileGood = false;
        return;
    }
    const HnswGraph &graph = **loaded;
    const int dims = m.schema.dimensions;
    QHash<QByteArray, const WalChange *> latest;
    for (const WalChange &c : walChanges)
        latest.insert(c.id, &c);
    qint64 missing = 0, liveNow = 0;
    QSet<QByteArray> liveIds;
    for (const OpenedSegment &s : segments) {
        for (size_t i = 0; i < s.liveIds.size(); ++i) {
            const QByteArray id = s.liveIds[i].toByteArray();
            if (latest.contains(id)) continue;
            liveIds.insert(id);
            ++liveNow;
            const float *v = s.segment->vectorData(s.liveRows[i]);
            if (!graph.holds(id, HnswGraph::vectorHash(v, dims))) ++missing;
        }
    }
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        if ((*it)->deleted) continue;
        liveIds.insert(it.key());
        ++liveNow;
        if (!graph.holds(it.key(), HnswGraph::vectorHash((*it)->vector.constData(), dims))) ++missing;
    }
    qint64 stale = 0;
    for (qint64 l = 0; l < graph.labelCount(); ++l)
        if (graph.isLive(uint32_t(l)) && !liveIds.contains(graph.rawId(uint32_t(l)))) ++stale;
    graphBehind = missing + stale;
    if (missing || stale) {
        QStringList parts;
        if (missing)
            parts << QStringLiteral("lacks %1 of the %2 live items (or holds an older vector for them)")
                         .arg(missing)
                         .arg(liveNow);
        if (stale) parts << QStringLiteral("still holds %1 removed ones").arg(stale);
        add(Finding::Severity::Info, g.file, -1,
            QStringLiteral(
                "The saved graph %1: it was saved before the latest changes. They are reconciled when the index "
                "is opened.")
                .arg(parts.join(QStringLiteral(" and "))));
    }
}

// Recall@10 of the graph against the exact search, on the index opened
// read-only (so it measures what queries get, after reconciling).
void Run::measureRecall(const Manifest &m)
{
    Q_UNUSED(m);
    if (m_options.recallSample <= 0 || !graphFileGood || report.liveItems < 20) return;
    // A graph far behind the items is mostly rebuilt when opened: measuring
    // it would measure that rebuild, and wait for it.
    if (graphBehind < 0) {
        add(Finding::Severity::Info, m.graph->file, -1,
            QStringLiteral("The graph's recall was not measured: not every item of the index can be read."));
        return;
    }
    if (graphBehind > std::max<qint64>(1000, report.liveItems / 10)) {
        add(Finding::Severity::Info, m.graph->file, -1,
            QStringLiteral("The graph's recall was not measured: the saved graph is too far behind the items, and the "
                           "writer brings it up to date when it opens the index."));
        return;
    }
    OpenOptions o;
    o.readOnly = true;
    Result<std::shared_ptr<Index>> index = Index::open(m_dir, o);
    if (!index.ok()) {
        add(Finding::Severity::Info, {}, -1,
            QStringLiteral("The graph's recall was not measured: the index cannot be opened (%1)")
                .arg(index.error().message()));
        return;
    }
    if (!(*index)->waitForGraph(60000)) {
        add(Finding::Severity::Info, {}, -1,
            QStringLiteral("The graph's recall was not measured: the graph was not ready within a minute."));
        (*index)->close();
        return;
    }
    // The ef the index keeps for its target recall: the writer's stored
    // one when current, else measured here (as the writer will).
    GraphStatus g = (*index)->graphStatus();
    const AnnParams ann = (*index)->schema().ann;
    const qint64 live = g.items;
    if (g.tunedEf <= 0 || std::abs(live - g.tunedItems) * 10 >= std::max<qint64>(g.tunedItems, 1)) {
        const Result<EfTuning> t = (*index)->tuneEf(std::min(m_options.recallSample, 100));
        if (t.ok()) {
            g.tunedEf = t->ef;
            g.tunedRecall = t->recall;
            g.tunedItems = t->items;
        }
    }
    Result<RecallEstimate> r = (*index)->estimateRecall(m_options.recallSample, 10, g.tunedEf);
    (*index)->close();
    if (!r.ok()) return;
    report.measuredRecall = r->recall;
    const QString file = m.graph ? m.graph->file : QString();
    const double deletedShare = double(g.deleted) / double(std::max<qint64>(g.items + g.deleted, 1));
    if (g.tunedEf > 0 && g.tunedRecall >= ann.targetRecall) {
        // Data that needs a higher ef than the index was made with: not a
        // fault of the graph, and already taken care of.
        if (g.tunedEf > ann.efSearch)
            add(Finding::Severity::Info, file, -1,
                QStringLiteral("The data needs a higher ef than the efSearch %1 the index was made with: ef %2 reaches "
                               "the target recall@10 of %3 % (%4 % measured), and queries that do not set an ef use "
                               "the ef the index measures for its target.")
                    .arg(ann.efSearch)
                    .arg(g.tunedEf)
                    .arg(ann.targetRecall * 100, 0, 'f', 1)
                    .arg(g.tunedRecall * 100, 0, 'f', 1));
        return;
    }
    if (r->recall >= m_options.minRecall && (g.tunedEf == 0 || g.tunedRecall >= m_options.minRecall)) return;
    // Low even at the highest ef tried. A rebuild helps a graph worn by
    // deleted and replaced entries; a graph built from these items as they
    // are would be the same again, and is not offered one.
    const double best = g.tunedEf > 0 ? std::max(g.tunedRecall, r->recall) : r->recall;
    const int bestEf = g.tunedEf > 0 ? g.tunedEf : r->ef;
    if (deletedShare >= GraphManager::kRebuildRecallDeletedShare)
        add(Finding::Severity::Warning, file, -1,
            QStringLiteral("The graph finds %1 % of the true 10 nearest neighbours on %2 sampled items even at ef %3, "
                           "and %4 % of its entries are deleted ones: it is worn. Rebuilding it from the vectors "
                           "restores the recall its parameters give.")
                .arg(best * 100, 0, 'f', 1)
                .arg(r->queries)
                .arg(bestEf)
                .arg(deletedShare * 100, 0, 'f', 0),
            RepairAction::RebuildGraph);
    else
        add(Finding::Severity::Warning, file, -1,
            QStringLiteral("The graph finds %1 % of the true 10 nearest neighbours on %2 sampled items even at ef %3, "
                           "below the target of %4 %. The graph is as these items and its parameters (M %5) make it, "
                           "so a rebuild would not help: exact search (query --exact) gives the true neighbours, and "
                           "a new index with a larger M a better graph.")
                .arg(best * 100, 0, 'f', 1)
                .arg(r->queries)
                .arg(bestEf)
                .arg(ann.targetRecall * 100, 0, 'f', 1)
                .arg(ann.m));
}

void Run::verifyContent(const Manifest &m)
{
    if (report.cancelled) return;
    checkIdMap(m);
    // Unreadable rows would count as "removed" from the graph's view.
    bool allRead = qsizetype(segments.size()) == m.segments.size();
    for (const OpenedSegment &s : segments)
        allRead = allRead && s.badBlocks == 0 && s.deletionsKnown;
    if (m.graph && graphFileGood && allRead) checkGraph(m);
    if (m.graph && graphFileGood) measureRecall(m);
}

} // namespace sextant::integrity
