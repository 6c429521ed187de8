// The large-index scenarios of `sextant-bench engine`: build a 1M-item index
// by bulk import, open it in a fresh child process (`_open-probe`, warm and
// cold page cache, writer and read-only), and verify it (quick and full).

#include "EngineBench.h"

#include "sextant/Verifier.h"
#include "storage/Manifest.h"
#include "storage/Segment.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

namespace sextant::bench {

// ---------------------------------------------------------------- the large index

bool buildLargeIndex(const QString &path, const EngineParams &p, quint64 seed)
{
    QJsonObject rec = scenarioRecord(QStringLiteral("build_large_index"));
    QJsonObject params;
    params[QStringLiteral("items")] = double(p.largeItems);
    params[QStringLiteral("batch")] = p.batch;
    params[QStringLiteral("batches_in_flight")] = p.window;
    params[QStringLiteral("priority")] = QStringLiteral("bulk");
    params[QStringLiteral("what")] =
        QStringLiteral("bulk import with batches made on the fly (data generation included), checkpoint, close");
    params[QStringLiteral("path")] = path;
    rec[QStringLiteral("params")] = params;
    progress(QStringLiteral("building a %1-item index in %2").arg(p.largeItems).arg(path));
    const BulkRun run = bulkImport(path, p, seed, p.largeItems, false);
    rec[QStringLiteral("results")] = run.results;
    emitJson(rec);
    return run.ok;
}

// Runs `_open-probe` in a fresh process so that the RSS baseline holds no
// leftovers of building the index, and returns what it printed.
static QJsonObject runProbe(const QString &path, const EngineParams &p, quint64 seed, bool cold, bool readOnly)
{
    QStringList args{QStringLiteral("_open-probe"), QStringLiteral("--path"), path,
                     QStringLiteral("--seed"),      QString::number(seed),    QStringLiteral("--count"),
                     QString::number(p.largeItems), QStringLiteral("--gets"), QString::number(p.getSamples)};
    if (cold) args << QStringLiteral("--cold");
    if (readOnly) args << QStringLiteral("--read-only");
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), args);
    QJsonObject out;
    if (!child.waitForFinished(15 * 60 * 1000) || child.exitStatus() != QProcess::NormalExit) {
        child.kill();
        child.waitForFinished();
        out[QStringLiteral("error")] =
            QStringLiteral("the probe process failed: %1; stderr: %2")
                .arg(child.errorString(), QString::fromLocal8Bit(child.readAllStandardError()));
        return out;
    }
    const QList<QByteArray> lines = child.readAllStandardOutput().trimmed().split('\n');
    const QJsonDocument doc = QJsonDocument::fromJson(lines.value(lines.size() - 1));
    if (!doc.isObject()) {
        out[QStringLiteral("error")] = QStringLiteral("the probe printed no JSON (exit %1); stderr: %2")
                                           .arg(child.exitCode())
                                           .arg(QString::fromLocal8Bit(child.readAllStandardError()));
        return out;
    }
    return doc.object();
}

void benchOpen(const QString &path, const EngineParams &p, quint64 seed)
{
    struct Variant {
        const char *name;
        bool cold, readOnly;
    };
    for (const Variant v : {Variant{"warm_writer", false, false}, Variant{"warm_read_only", false, true},
                            Variant{"cold_writer", true, false}, Variant{"cold_read_only", true, true}}) {
        progress(QStringLiteral("open: %1").arg(QLatin1String(v.name)));
        if (!v.cold) warmPageCache(path);
        QJsonObject rec = scenarioRecord(QStringLiteral("open"));
        rec[QStringLiteral("variant")] = QLatin1String(v.name);
        QJsonObject params;
        params[QStringLiteral("items")] = double(p.largeItems);
        params[QStringLiteral("page_cache")] =
            v.cold ? QStringLiteral(
                         "cold: fdatasync + posix_fadvise(DONTNEED) on every file of the index just before open")
                   : QStringLiteral("warm: every file of the index read once just before open");
        params[QStringLiteral("mode")] = v.readOnly ? QStringLiteral("read-only") : QStringLiteral("writer");
        params[QStringLiteral("process")] = QStringLiteral("fresh child process; the index was closed by the parent");
        rec[QStringLiteral("params")] = params;
        const QJsonObject r = runProbe(path, p, seed, v.cold, v.readOnly);
        rec[QStringLiteral("results")] = r;
        if (!r.contains(QStringLiteral("error"))) {
            rec[QStringLiteral("targets")] =
                QJsonArray{target(QStringLiteral("open_ms"), QStringLiteral("<="), 100,
                                  r[QStringLiteral("open_ms")].toDouble(), QStringLiteral("ms")),
                           target(QStringLiteral("rss_growth_mib"), QStringLiteral("<="), 50,
                                  r[QStringLiteral("rss_growth_mib")].toDouble(), QStringLiteral("MiB"))};
        }
        emitJson(rec);
    }
}

void benchVerify(const QString &path)
{
    const qint64 bytes = folderBytes(path);
    struct Variant {
        const char *name;
        bool full, cold;
    };
    for (const Variant v : {Variant{"quick_warm", false, false}, Variant{"full_warm", true, false},
                            Variant{"quick_cold", false, true}, Variant{"full_cold", true, true}}) {
        progress(QStringLiteral("verify: %1").arg(QLatin1String(v.name)));
        if (v.cold)
            dropPageCache(path);
        else
            warmPageCache(path);
        QJsonObject rec = scenarioRecord(QStringLiteral("verify"));
        rec[QStringLiteral("variant")] = QLatin1String(v.name);
        QJsonObject params;
        params[QStringLiteral("full")] = v.full;
        params[QStringLiteral("page_cache")] = v.cold ? QStringLiteral("cold (posix_fadvise DONTNEED before)")
                                                      : QStringLiteral("warm (every file read once before)");
        params[QStringLiteral("index_bytes")] = double(bytes);
        params[QStringLiteral("resident_fraction_before")] = residentFraction(path);
        rec[QStringLiteral("params")] = params;
        VerifyOptions options;
        options.full = v.full;
        Stopwatch sw;
        const Result<VerifyReport> report = verifyIndex(path, options);
        const double s = sw.elapsedSeconds();
        rec[QStringLiteral("cpu")] = sw.cpuJson();
        QJsonObject results;
        results[QStringLiteral("wall_ms")] = s * 1000;
        if (!report.ok()) {
            results[QStringLiteral("error")] = errorJson(report.error());
        } else {
            const VerifyReport &vr = *report;
            results[QStringLiteral("bytes_checked")] = double(vr.bytesChecked);
            results[QStringLiteral("files_checked")] = vr.filesChecked;
            results[QStringLiteral("report_elapsed_ms")] = double(vr.elapsedMs);
            results[QStringLiteral("clean")] = vr.clean();
            results[QStringLiteral("problems")] = vr.problemCount();
            results[QStringLiteral("findings")] = double(vr.findings.size());
            if (!vr.findings.isEmpty())
                results[QStringLiteral("first_finding")] = QStringLiteral("%1 @%2: %3")
                                                               .arg(vr.findings.first().file)
                                                               .arg(vr.findings.first().offset)
                                                               .arg(vr.findings.first().message);
            const double gbps = double(vr.bytesChecked) / s / 1e9;
            results[QStringLiteral("checked_gb_per_s")] = gbps;
            results[QStringLiteral("index_gb_per_s")] = double(bytes) / s / 1e9;
            // Issue 5's targets: quick 5 GB/s (XXH3 of every block), full
            // 1.2 GB/s (SHA-256 with SHA-NI measured 1.41 GB/s here).
            rec[QStringLiteral("targets")] = QJsonArray{target(QStringLiteral("checked_gb_per_s"), QStringLiteral(">="),
                                                               v.full ? 1.2 : 5.0, gbps, QStringLiteral("GB/s"))};
            if (vr.liveItems >= 0) results[QStringLiteral("items_counted")] = double(vr.liveItems);
        }
        rec[QStringLiteral("results")] = results;
        emitJson(rec);
    }
    benchRowChecksums(path);
}

// What the per-row checksums of segment format 3 cost (docs/format.md, "Row
// checksums"): their share of the segment bytes, and the time to check every
// row against its checksum (what full verify adds) beside the time to check
// every block (what quick verify does), page cache warm.
void benchRowChecksums(const QString &path)
{
    QJsonObject rec = scenarioRecord(QStringLiteral("verify"));
    rec[QStringLiteral("variant")] = QStringLiteral("row_checksums");
    QJsonObject results;
    const Result<storage::Manifest> m = storage::Manifest::read(path + QStringLiteral("/MANIFEST"));
    if (!m.ok()) {
        results[QStringLiteral("error")] = errorJson(m.error());
        rec[QStringLiteral("results")] = results;
        emitJson(rec);
        return;
    }
    warmPageCache(path);
    qint64 segmentBytes = 0, rowSumBytes = 0, rows = 0, rowsWithSums = 0, mismatches = 0, badBlocks = 0;
    double blockSeconds = 0, rowSeconds = 0;
    for (const storage::SegmentEntry &e : m->segments) {
        const Result<std::shared_ptr<storage::Segment>> seg =
            storage::Segment::open(path + u'/' + e.file, e.id, m->schema.dimensions);
        if (!seg.ok()) {
            results[QStringLiteral("error")] = errorJson(seg.error());
            break;
        }
        const storage::Segment &s = **seg;
        segmentBytes += s.fileSize();
        rowSumBytes += s.layout().rowSumsLength;
        rows += s.rowCount();
        Stopwatch blocks;
        s.verifyAllBlocks([&](qint64, qint64) { ++badBlocks; });
        blockSeconds += blocks.elapsedSeconds();
        if (!s.hasRowChecksums()) continue;
        rowsWithSums += s.rowCount();
        Stopwatch each;
        for (qint64 r = 0; r < s.rowCount(); ++r)
            mismatches += !s.rowChecksumMatches(r);
        rowSeconds += each.elapsedSeconds();
    }
    QJsonObject params;
    params[QStringLiteral("dimensions")] = m->schema.dimensions;
    params[QStringLiteral("segments")] = double(m->segments.size());
    params[QStringLiteral("rows")] = double(rows);
    params[QStringLiteral("page_cache")] = QStringLiteral("warm (every file read once before)");
    rec[QStringLiteral("params")] = params;
    results[QStringLiteral("segment_bytes")] = double(segmentBytes);
    results[QStringLiteral("row_checksum_bytes")] = double(rowSumBytes);
    results[QStringLiteral("row_checksum_share_percent")] =
        segmentBytes ? 100.0 * double(rowSumBytes) / double(segmentBytes) : 0.0;
    results[QStringLiteral("rows_with_checksums")] = double(rowsWithSums);
    results[QStringLiteral("block_check_ms")] = blockSeconds * 1000;
    results[QStringLiteral("block_check_gb_per_s")] =
        blockSeconds > 0 ? double(segmentBytes) / blockSeconds / 1e9 : 0.0;
    results[QStringLiteral("row_check_ms")] = rowSeconds * 1000;
    results[QStringLiteral("row_check_gb_per_s")] = rowSeconds > 0 ? double(segmentBytes) / rowSeconds / 1e9 : 0.0;
    results[QStringLiteral("row_check_rows_per_s")] = rowSeconds > 0 ? double(rowsWithSums) / rowSeconds : 0.0;
    results[QStringLiteral("row_mismatches")] = double(mismatches);
    results[QStringLiteral("bad_blocks")] = double(badBlocks);
    rec[QStringLiteral("results")] = results;
    emitJson(rec);
}

// ---------------------------------------------------------------- the probe (child process)

int runOpenProbe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("path"), QStringLiteral("Index folder."), QStringLiteral("path")},
         {QStringLiteral("seed"), QStringLiteral("Seed the index was built with."), QStringLiteral("n")},
         {QStringLiteral("count"), QStringLiteral("Items it was built with."), QStringLiteral("n")},
         {QStringLiteral("gets"), QStringLiteral("Random get() calls after the first."), QStringLiteral("n")},
         {QStringLiteral("cold"), QStringLiteral("Drop the index from the page cache first.")},
         {QStringLiteral("read-only"), QStringLiteral("Open read-only.")}});
    parser.process(args);
    const QString path = parser.value(QStringLiteral("path"));
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong();
    const qint64 count = parser.value(QStringLiteral("count")).toLongLong();
    const int gets = parser.value(QStringLiteral("gets")).toInt();
    const bool cold = parser.isSet(QStringLiteral("cold"));

    QJsonObject out;
    // Everything that is not the engine's is prepared before the baseline.
    std::vector<QString> ids;
    quint64 pick = seed ^ 0xABCDEFull;
    for (int i = 0; i < gets; ++i)
        ids.push_back(itemId(seed, qint64(splitmix64(pick) % quint64(std::max<qint64>(count, 1)))));
    const QString firstId = itemId(seed, count / 2);
    std::vector<double> lat;
    lat.reserve(ids.size());
    OpenOptions options = benchOpenOptions();
    options.readOnly = parser.isSet(QStringLiteral("read-only"));
    (void)Index::exists(path); // loads the engine's code pages before the baseline

    out[QStringLiteral("resident_fraction_before_drop")] = residentFraction(path);
    if (cold) {
        out[QStringLiteral("files_dropped")] = dropPageCache(path);
        out[QStringLiteral("resident_fraction_at_open")] = residentFraction(path);
    }

    const MemStatus m0 = readMemStatus();
    const qint64 io0 = storageReadBytes();
    const CpuTimes c0 = cpuTimes();
    auto t0 = Clock::now();
    Result<std::shared_ptr<Index>> opened = Index::open(path, options);
    const double openMs = msSince(t0);
    const CpuTimes c1 = cpuTimes();
    const qint64 io1 = storageReadBytes();
    const MemStatus m1 = readMemStatus();
    out[QStringLiteral("open_ms")] = openMs;
    out[QStringLiteral("open_cpu_user_s")] = c1.user - c0.user;
    out[QStringLiteral("open_cpu_sys_s")] = c1.sys - c0.sys;
    out[QStringLiteral("open_major_faults")] = double(c1.majorFaults - c0.majorFaults);
    out[QStringLiteral("open_storage_read_kib")] = double(io1 - io0) / 1024.0;
    out[QStringLiteral("rss_growth_mib")] = double(m1.vmRssKiB - m0.vmRssKiB) / 1024.0;
    out[QStringLiteral("rss_anon_growth_mib")] = double(m1.rssAnonKiB - m0.rssAnonKiB) / 1024.0;
    out[QStringLiteral("rss_file_growth_mib")] = double(m1.rssFileKiB - m0.rssFileKiB) / 1024.0;
    out[QStringLiteral("vm_size_growth_mib")] = double(m1.vmSizeKiB - m0.vmSizeKiB) / 1024.0;
    out[QStringLiteral("mem_before_open")] = memStatusJson(m0);
    out[QStringLiteral("mem_after_open")] = memStatusJson(m1);
    if (!opened.ok()) {
        out[QStringLiteral("error")] = errorJson(opened.error());
        emitJson(out);
        return 1;
    }
    std::shared_ptr<Index> index = opened.takeValue();
    const OpenReport &report = index->openReport();
    out[QStringLiteral("replayed_frames")] = double(report.replayedFrames);
    out[QStringLiteral("tail_cut")] = report.tailCut;

    const CpuTimes c2 = cpuTimes();
    t0 = Clock::now();
    const Result<Item> first = index->get(firstId, true);
    out[QStringLiteral("first_get_ms")] = msSince(t0);
    const CpuTimes c3 = cpuTimes();
    out[QStringLiteral("first_get_major_faults")] = double(c3.majorFaults - c2.majorFaults);
    out[QStringLiteral("first_get_minor_faults")] = double(c3.minorFaults - c2.minorFaults);
    out[QStringLiteral("first_get_storage_read_kib")] = double(storageReadBytes() - io1) / 1024.0;
    out[QStringLiteral("first_get_ok")] = first.ok() && first->vector.size() > 0;
    if (!first.ok()) out[QStringLiteral("first_get_error")] = errorJson(first.error());
    const MemStatus m2 = readMemStatus();
    out[QStringLiteral("rss_growth_after_first_get_mib")] = double(m2.vmRssKiB - m0.vmRssKiB) / 1024.0;

    int missing = 0;
    for (const QString &id : ids) {
        const auto t = Clock::now();
        const Result<Item> item = index->get(id, true);
        lat.push_back(msSince(t));
        if (!item.ok()) ++missing;
    }
    out[QStringLiteral("random_gets")] = latencySummary(lat);
    out[QStringLiteral("random_get_failures")] = missing;
    const MemStatus m3 = readMemStatus();
    out[QStringLiteral("random_gets_storage_read_kib")] = double(storageReadBytes() - io1) / 1024.0;
    out[QStringLiteral("rss_growth_after_gets_mib")] = double(m3.vmRssKiB - m0.vmRssKiB) / 1024.0;

    t0 = Clock::now();
    out[QStringLiteral("count")] = double(index->count());
    out[QStringLiteral("count_ms")] = msSince(t0);
    const IndexStats stats = index->stats();
    out[QStringLiteral("segments")] = double(stats.segments);
    out[QStringLiteral("disk_bytes")] = double(stats.diskBytes);
    t0 = Clock::now();
    const Error closed = index->close();
    out[QStringLiteral("close_ms")] = msSince(t0);
    if (closed) out[QStringLiteral("close_error")] = errorJson(closed);
    emitJson(out);
    return 0;
}

} // namespace sextant::bench
