#pragma once
// One reader interface over every file of vectors Sextant imports: JSON
// Lines, CSV/TSV, NumPy .npy, .fvecs/.bvecs, Vectra folders and LangChain.js
// HNSWLib folders. The import pipeline pulls items in batches from a
// VectorSource and never needs to know the format (docs/vector-files.md).
//
// Every source treats its input as untrusted: sizes are checked against the
// file before anything is allocated or read, whole-file reads are bounded,
// and a record that cannot be read is reported with its position and
// skipped instead of stopping the import.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Item.h"
#include "sextant/Schema.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace sextant::formats {

enum class SourceFormat { Auto, Vectra, LangChain, JsonLines, Csv, Npy, Fvecs, Bvecs };

// "auto", "vectra", "langchain", "jsonl", "csv", "npy", "fvecs", "bvecs".
SEXTANT_API QString sourceFormatName(SourceFormat format);
// Exactly the names above (case-sensitive, as typed on a command line).
SEXTANT_API std::optional<SourceFormat> sourceFormatFromName(const QString &name);
// What a path holds, from folder contents (index.json/index.pb -> Vectra;
// hnswlib.index+args.json -> LangChain), magic bytes (\x93NUMPY) and the
// extension (.jsonl/.ndjson, .csv/.tsv, .npy, .fvecs, .bvecs). A file named
// index.json or hnswlib.index in such a folder stands for its folder. Auto
// when unknown.
SEXTANT_API SourceFormat detectSourceFormat(const QString &path);

struct SEXTANT_API SourceProblem {
    QString where;     // "line 12", "row 7", "items[3]", "label 42"
    QString itemId;    // when known
    QString message;   // a sentence
    qint64 line = 0;   // the text line (JSON Lines), 1-based; 0 when the source has none
    qint64 column = 0; // the byte column in that line (a JSON Lines parse error), 1-based; 0 when none
};

struct SEXTANT_API SourceShape {
    int dimensions = 0; // known once the source is open (first record for JSON Lines/CSV)
    std::optional<Metric>
        metric;              // Vectra: Cosine; LangChain: from args.json (cosine, ip -> Dot, l2 -> L2); others: none
    qint64 items = -1;       // when the header tells (npy, fvecs by size, Vectra, LangChain); -1 unknown
    QStringList indexedKeys; // Vectra's metadata_config.indexed
    QStringList notes;       // sentences for the user (e.g. "index.pb is present and was not read")
};

struct SEXTANT_API SourceOptions {
    qint64 maxFileBytes = 8ll << 30; // any single file read whole (JSON files); streams are not limited by this
    qint64 maxJsonBytes = 2ll << 30; // index.json, docstore.json
    int maxJsonDepth = 64;
    // The longest line of JSON Lines and the longest record of CSV (quoted
    // fields may span lines); longer is an error that stops the source.
    qint64 maxLineBytes = 256ll << 20;
    // Files without ids (npy, fvecs, bvecs, CSV without an id column): item
    // ids are idPrefix + row number from 0. Empty means "<file's complete
    // base name>:" e.g. "sift_base:0".
    QString idPrefix;
};

class SEXTANT_API VectorSource {
public:
    virtual ~VectorSource() = default;
    virtual SourceFormat format() const = 0;
    virtual SourceShape shape() const = 0;
    // The next up to `max` items in file order; an empty list at the end. An
    // item that cannot be read (bad number, NaN, wrong length, duplicate id
    // within the source) becomes a problem and is skipped; an Error means
    // the source cannot go on (I/O error, broken header, limit exceeded).
    // After an Error every later call returns the same Error. `max` < 1 is
    // an InvalidArgument error (an empty list would read as the end).
    virtual Result<QList<Item>> next(int max) = 0;
    virtual QList<SourceProblem> takeProblems() = 0; // problems since the last call
    virtual qint64 bytesDone() const = 0;            // for progress
    virtual qint64 bytesTotal() const = 0;
};

SEXTANT_API Result<std::unique_ptr<VectorSource>>
openVectorSource(const QString &path, SourceFormat format = SourceFormat::Auto, const SourceOptions &options = {});

// The prefix of generated ids for a file (options.idPrefix, or the file's
// complete base name and a colon).
SEXTANT_API QString generatedIdPrefix(const QString &path, const SourceOptions &options);

} // namespace sextant::formats
