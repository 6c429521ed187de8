// Fuzz target: the metadata filter language (engine/include/sextant/Filter.h).
//
// Input: the filter text, optionally followed by a NUL byte and metadata
// rows separated by NUL bytes. The filter is parsed; when it parses, its
// canonical form must parse back to itself, and the four evaluators
// (docs/filters.md, "Evaluation") must agree on every row: the rows the
// input brings and a fixed set that covers every JSON type.

#include "FuzzSupport.h"

#include "sextant/Filter.h"
#include "index/Bitmap.h"
#include "index/FilterColumns.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace sextant;

namespace {

constexpr int kMaxInputRows = 16;

const char *const kFixedRows[] = {
    "{}",
    R"({"a":1,"b":"x","c":true,"d":null})",
    R"({"a":-0.5,"b":["x","y",3,null,{"k":1}],"c":false})",
    R"({"a":"1","price":12.5,"tags":["sale","new"],"year":2011})",
    R"({"a":{"b":{"c":2}},"a.b":{"c":3},"lang":"en"})",
    R"({"a":[],"b":{},"category":"books","inStock":true,"title":"\u00e9t\u00e9"})",
    R"({"a":1e300,"b":-1e-300,"x":[1,2,3],"y":[[1],[2]]})",
    R"({"$a":1,"":2,"a":[true,false],"b":"B","c":"é"})",
};

QList<QByteArray> split(const QByteArray &bytes, QByteArray *filter)
{
    QList<QByteArray> rows;
    const qsizetype nul = bytes.indexOf('\0');
    if (nul < 0) {
        *filter = bytes;
        return rows;
    }
    *filter = bytes.left(nul);
    for (const QByteArray &row : bytes.mid(nul + 1).split('\0')) {
        if (rows.size() == kMaxInputRows) break;
        rows.append(row);
    }
    return rows;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    QByteArray text;
    const QList<QByteArray> inputRows = split(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), &text);

    const Result<Filter> parsed = Filter::parse(text);
    if (!parsed.ok()) {
        if (parsed.error().code() != ErrorCode::MalformedInput || parsed.error().message().isEmpty())
            fuzzsupport::propertyFailed("a filter refused without a MalformedInput error and a message");
        // The metadata reader still gets the rows.
        FilterColumns columns = FilterColumns::build({QStringLiteral("a"), QStringLiteral("a.b")}, inputRows.size(),
                                                     [&](qint64 r) { return QByteArrayView(inputRows[r]); });
        return 0;
    }
    const Filter &filter = *parsed;

    const QByteArray canonical = filter.canonical();
    const Result<Filter> reparsed = Filter::parse(canonical);
    if (!reparsed.ok()) fuzzsupport::propertyFailed("the canonical form does not parse");
    if (reparsed->canonical() != canonical) fuzzsupport::propertyFailed("the canonical form is not stable");

    // Metadata as the engine stores it: compact JSON written by QJsonDocument
    // (anything that is not an object counts as {}).
    QList<QJsonObject> objects;
    QList<QByteArray> compact;
    QList<QByteArray> raw;
    for (const char *row : kFixedRows)
        raw.append(QByteArray(row));
    raw.append(inputRows);
    for (const QByteArray &r : raw) {
        const QJsonDocument doc = QJsonDocument::fromJson(r);
        const QJsonObject o = doc.isObject() ? doc.object() : QJsonObject();
        objects.append(o);
        compact.append(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }

    const QStringList fields = filter.fields();
    const FilterColumns columns =
        FilterColumns::build(fields, compact.size(), [&](qint64 r) { return QByteArrayView(compact[r]); });
    if (!filter.canEvaluate(columns)) fuzzsupport::propertyFailed("columns built from fields() cannot evaluate");
    Bitmap bits;
    filter.evaluate(columns, bits);
    if (bits.size() != compact.size()) fuzzsupport::propertyFailed("the bitmap has another size");
    for (qsizetype r = 0; r < compact.size(); ++r) {
        const bool reference = filter.matches(objects[r]);
        if (filter.matchesJson(compact[r]) != reference)
            fuzzsupport::propertyFailed("matchesJson disagrees with matches");
        if (filter.matchesRow(columns, r) != reference)
            fuzzsupport::propertyFailed("matchesRow disagrees with matches");
        if (bits.test(r) != reference) fuzzsupport::propertyFailed("evaluate disagrees with matches");
        if (reparsed->matches(objects[r]) != reference)
            fuzzsupport::propertyFailed("the canonical form matches otherwise");
    }

    // The raw rows through the filter's own reader, row by row: the JSON
    // and the columnar paths read the same text the same way.
    FilterColumns rawColumns(fields);
    for (const QByteArray &r : raw)
        rawColumns.appendRow(r);
    Bitmap rawBits;
    filter.evaluate(rawColumns, rawBits);
    for (qsizetype r = 0; r < raw.size(); ++r) {
        const bool viaJson = filter.matchesJson(raw[r]);
        if (filter.matchesRow(rawColumns, r) != viaJson || rawBits.test(r) != viaJson)
            fuzzsupport::propertyFailed("the columnar path reads raw metadata otherwise than matchesJson");
    }
    return 0;
}
