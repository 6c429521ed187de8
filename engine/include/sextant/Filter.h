#pragma once
// Metadata filters in the Mongo/Pinecone/Vectra JSON language: parsed once
// (with the position of any error), evaluated by a reference evaluator on
// JSON objects or, inside the engine, fast over FilterColumns into a Bitmap
// (index/FilterColumns.h, index/Bitmap.h: private, so only declared here).
//
// The grammar, the typed semantics and the differences from Vectra are in
// docs/filters.md; tests/engine/tst_filter.cpp checks them.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/FilterSyntax.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace sextant {

struct FilterTree; // Filter.cpp
class Bitmap;
class FilterColumns;

class Filter {
public:
    static constexpr qint64 kMaxTextBytes = 1024 * 1024;
    static constexpr int kMaxDepth = 64; // nested objects and arrays (filterjson::Document::kMaxFilterDepth)

    // The empty filter: matches everything.
    SEXTANT_API Filter();

    // Empty or whitespace-only text is the empty filter. Anything not in the
    // language is an Error(MalformedInput) whose source() is Filter and whose
    // offset(), line() and column() say where; `syntax` (when given) gets
    // what is wrong there and what was expected, as fields.
    SEXTANT_API static Result<Filter> parse(QByteArrayView json, FilterSyntax *syntax = nullptr);

    SEXTANT_API bool isEmpty() const;       // matches everything
    SEXTANT_API QStringList fields() const; // distinct field paths referenced, sorted
    // Normalised text (docs/filters.md, "Canonical form"): filters that mean
    // the same tree give the same bytes; parse(canonical()) gives it back.
    SEXTANT_API QByteArray canonical() const;

    // Reference evaluator.
    SEXTANT_API bool matches(const QJsonObject &metadata) const;
    // Metadata that is not a JSON object (or not JSON) counts as {}.
    SEXTANT_API bool matchesJson(QByteArrayView compactJson) const;

    // Columnar evaluation, for the engine only (not exported): `columns`
    // must hold every field in fields() (canEvaluate); a field it lacks
    // reads as missing in every row.
    bool canEvaluate(const FilterColumns &columns) const;
    void evaluate(const FilterColumns &columns, Bitmap &out) const; // out is resized to columns.rowCount()
    bool matchesRow(const FilterColumns &columns, qint64 row) const;

private:
    explicit Filter(std::shared_ptr<const FilterTree> tree);
    std::shared_ptr<const FilterTree> m_tree;
};

} // namespace sextant
