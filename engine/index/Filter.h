#pragma once
// Metadata filters in the Mongo/Pinecone/Vectra JSON language: parsed once
// (with the position of any error), evaluated by a reference evaluator on
// JSON objects or, fast, over FilterColumns into a Bitmap.
//
// The grammar, the typed semantics and the differences from Vectra are in
// docs/filters.md; tests/engine/tst_filter.cpp checks them.

#include "core/Error.h"
#include "index/Bitmap.h"
#include "index/FilterColumns.h"
#include "index/FilterSyntax.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace sextant {

struct FilterTree; // Filter.cpp

class Filter {
public:
    static constexpr qint64 kMaxTextBytes = 1024 * 1024;
    static constexpr int kMaxDepth = filterjson::Document::kMaxFilterDepth; // nested objects and arrays

    // The empty filter: matches everything.
    Filter();

    // Empty or whitespace-only text is the empty filter. Anything not in the
    // language is an Error(MalformedInput) whose source() is Filter and whose
    // offset(), line() and column() say where; `syntax` (when given) gets
    // what is wrong there and what was expected, as fields.
    static Result<Filter> parse(QByteArrayView json, FilterSyntax *syntax = nullptr);

    bool isEmpty() const;       // matches everything
    QStringList fields() const; // distinct field paths referenced, sorted
    // Normalised text (docs/filters.md, "Canonical form"): filters that mean
    // the same tree give the same bytes; parse(canonical()) gives it back.
    QByteArray canonical() const;

    // Reference evaluator.
    bool matches(const QJsonObject &metadata) const;
    // Metadata that is not a JSON object (or not JSON) counts as {}.
    bool matchesJson(QByteArrayView compactJson) const;

    // Columnar evaluation: `columns` must hold every field in fields()
    // (canEvaluate); a field it lacks reads as missing in every row.
    bool canEvaluate(const FilterColumns &columns) const;
    void evaluate(const FilterColumns &columns, Bitmap &out) const; // out is resized to columns.rowCount()
    bool matchesRow(const FilterColumns &columns, qint64 row) const;

private:
    explicit Filter(std::shared_ptr<const FilterTree> tree);
    std::shared_ptr<const FilterTree> m_tree;
};

} // namespace sextant
