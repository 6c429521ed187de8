#include "sextant/Export.h"

#include "sextant/JsonLines.h"
#include "sextant/NumpyFile.h"
#include "formats/VectraFolder.h"

namespace sextant::formats {

namespace {

constexpr int kPage = 1000;

Error cancelledError() { return Error(ErrorCode::Cancelled, QStringLiteral("The export was cancelled.")); }

Error writeAll(QIODevice &out, const QByteArray &bytes)
{
    if (out.write(bytes) != bytes.size())
        return Error(ErrorCode::Io, QStringLiteral("Could not write the export: %1").arg(out.errorString()));
    return {};
}

// Calls `visit` for every item in id order, a page at a time.
Error forEachItem(const Index &index, bool withVectors, const ExportProgress &progress,
                  const std::function<Error(const Item &)> &visit)
{
    const qint64 total = index.count();
    qint64 done = 0;
    QString after;
    do {
        Result<ListPage> page = index.list(after, kPage, withVectors);
        if (!page.ok()) return page.error();
        for (const Item &item : page->items)
            if (Error e = visit(item)) return e;
        done += page->items.size();
        if (progress && !progress(done, std::max(total, done))) return cancelledError();
        after = page->nextAfter;
    } while (!after.isEmpty());
    return {};
}

} // namespace

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::JsonLines: return QStringLiteral("jsonl");
    case ExportFormat::Vectra: return QStringLiteral("vectra");
    case ExportFormat::Npy: return QStringLiteral("npy");
    case ExportFormat::Archive: return QStringLiteral("archive");
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"jsonl" || n == u"ndjson") return ExportFormat::JsonLines;
    if (n == u"vectra") return ExportFormat::Vectra;
    if (n == u"npy") return ExportFormat::Npy;
    if (n == u"archive" || n == u"backup") return ExportFormat::Archive;
    return std::nullopt;
}

bool exportFormatIsStream(ExportFormat format)
{
    return format == ExportFormat::JsonLines || format == ExportFormat::Npy;
}

Result<ExportSummary> exportJsonLines(const Index &index, QIODevice &out, const ExportProgress &progress)
{
    ExportSummary summary;
    QByteArray buffer;
    Error e = forEachItem(index, true, progress, [&](const Item &item) -> Error {
        appendJsonLine(buffer, item);
        ++summary.items;
        if (buffer.size() >= (1 << 20)) {
            summary.bytes += buffer.size();
            if (Error w = writeAll(out, buffer)) return w;
            buffer.clear();
        }
        return {};
    });
    if (e) return e;
    summary.bytes += buffer.size();
    if (Error w = writeAll(out, buffer)) return w;
    return summary;
}

Result<ExportSummary> exportNpy(const Index &index, QIODevice &out, QIODevice *ids, const ExportProgress &progress)
{
    // The header names the row count, so it is taken first; an index that
    // gains or loses items while it is exported fails the export instead of
    // writing an array whose header lies.
    const qint64 rows = index.count();
    NpyWriter writer(&out, rows, index.schema().dimensions);
    ExportSummary summary;
    QByteArray idLines;
    Error e = forEachItem(index, true, progress, [&](const Item &item) -> Error {
        if (summary.items == rows)
            return Error(ErrorCode::Cancelled,
                         QStringLiteral("The index gained items while it was exported; export it again."));
        if (Error w = writer.append(std::span<const float>(item.vector.constData(), size_t(item.vector.size()))))
            return w;
        ++summary.items;
        if (ids) {
            idLines += item.id.toUtf8();
            idLines += '\n';
            if (idLines.size() >= (1 << 20)) {
                if (Error w = writeAll(*ids, idLines)) return w;
                idLines.clear();
            }
        }
        return {};
    });
    if (e) return e;
    if (summary.items != rows)
        return Error(ErrorCode::Cancelled,
                     QStringLiteral("The index lost items while it was exported; export it again."));
    if (Error w = writer.finish()) return w;
    if (ids)
        if (Error w = writeAll(*ids, idLines)) return w;
    summary.bytes =
        NpyWriter::header(rows, index.schema().dimensions).size() + rows * qint64(index.schema().dimensions) * 4;
    return summary;
}

Result<ExportSummary> exportVectra(const Index &index, const QString &folder, const ExportProgress &progress)
{
    QList<Item> items;
    items.reserve(index.count());
    Error e = forEachItem(index, true, progress, [&](const Item &item) -> Error {
        items.append(item);
        return {};
    });
    if (e) return e;
    QStringList indexed;
    for (const FieldSpec &field : index.schema().fields)
        indexed << field.name;
    if (Error w = writeVectraFolder(folder, items, indexed)) return w;
    ExportSummary summary;
    summary.items = items.size();
    summary.destination = folder;
    if (index.schema().metric != Metric::Cosine)
        summary.notes << QStringLiteral(
                             "Vectra ranks by cosine similarity; this index uses %1, so Vectra's order may differ.")
                             .arg(metricName(index.schema().metric));
    return summary;
}

} // namespace sextant::formats
