#pragma once
// What an index promises about its items: vector shape, metric, and the
// metadata fields it declares. Stored in the manifest; checked on every write.

#include "sextant/Api.h"
#include "sextant/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <span>

namespace sextant {

enum class Metric { Cosine, L2, Dot };
enum class FieldType { String, Number, Bool, StringList };
// How the HNSW graph holds each vector (docs/search.md, "Quantized graphs"):
// None keeps float32 copies; Sq8 keeps 8-bit codes (a scale per vector), walks
// the graph with integer kernels and reranks the candidates with the float
// vectors of the segments.
enum class Quantization { None, Sq8 };

SEXTANT_API QString metricName(Metric metric);
SEXTANT_API std::optional<Metric> metricFromName(const QString &name);
SEXTANT_API QString fieldTypeName(FieldType type);
SEXTANT_API std::optional<FieldType> fieldTypeFromName(const QString &name);
// "none", "sq8"; the inverse is case-insensitive and nullopt for anything else.
SEXTANT_API QString quantizationName(Quantization quantization);
SEXTANT_API std::optional<Quantization> quantizationFromName(const QString &name);

struct SEXTANT_API FieldSpec {
    QString name;
    FieldType type = FieldType::String;
    bool required = false;
    bool operator==(const FieldSpec &) const = default;
};

// HNSW parameters of an index (hnswlib's names): graph degree M and the
// candidate list size while building; efSearch is the default per query.
struct SEXTANT_API AnnParams {
    static constexpr int kMinM = 2, kMaxM = 128;
    static constexpr int kMinEf = 1, kMaxEf = 4096;
    int m = 16;
    int efConstruction = 200;
    int efSearch = 64;
    // The recall@10 the index keeps its search ef at (GraphStatus::tunedEf);
    // efSearch is the ef until that is measured.
    static constexpr double kMinTargetRecall = 0.5, kMaxTargetRecall = 0.999, kDefaultTargetRecall = 0.95;
    double targetRecall = kDefaultTargetRecall;
    // Fixed at create. New indexes quantize by default (docs/search.md,
    // "Quantized graphs", has the measurements); a manifest without the
    // member (every index made before it existed) means None.
    static constexpr Quantization kDefaultQuantization = Quantization::Sq8;
    Quantization quantization = kDefaultQuantization;
    bool operator==(const AnnParams &) const = default;
};

struct SEXTANT_API Schema {
    static constexpr int kMinDimensions = 1;
    static constexpr int kMaxDimensions = 8192;
    static constexpr int kMaxIdBytes = 512;
    static constexpr qint64 kDefaultMaxMetadataBytes = 1024 * 1024;

    int dimensions = 0;
    Metric metric = Metric::Cosine;
    QList<FieldSpec> fields;
    qint64 maxMetadataBytes = kDefaultMaxMetadataBytes;
    AnnParams ann;
    // The id of the embedder that turns text into this index's vectors
    // (sextant/Embedder.h), recorded when the index is made for documents. Text is
    // only ever embedded by that embedder, so vectors of two models never mix
    // in one index. Empty: the vectors come from elsewhere, and text queries
    // and document import are refused.
    QString embedder;
    static constexpr int kMaxEmbedderIdLength = 256;

    bool operator==(const Schema &) const = default;

    Error validateSelf() const;
    // Checks one item against the schema. `metadataJsonSize` is the size of
    // the compact serialisation, which the caller has already computed.
    Error validateVector(std::span<const float> vector) const;
    Error validateMetadata(const QJsonObject &metadata, qint64 metadataJsonSize) const;

    QJsonObject toJson() const;
    // Accepts the manifest's form and the user's `--schema` file, which may
    // leave out dimensions and metric (given on the command line instead).
    static Result<Schema> fromJson(const QJsonObject &json, bool requireShape = true);
};

// Ids are UTF-8 strings of 1..512 bytes without NUL characters.
SEXTANT_API Error validateId(const QString &id);
SEXTANT_API Error validateIdBytes(const QByteArray &utf8);

} // namespace sextant
