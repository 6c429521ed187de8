#include "sextant/Schema.h"
#include "core/JsonSyntax.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QSet>
#include <cmath>

namespace sextant {

QString metricName(Metric metric)
{
    switch (metric) {
    case Metric::Cosine: return QStringLiteral("cosine");
    case Metric::L2: return QStringLiteral("l2");
    case Metric::Dot: return QStringLiteral("dot");
    }
    return {};
}

QString quantizationName(Quantization quantization)
{
    switch (quantization) {
    case Quantization::None: return QStringLiteral("none");
    case Quantization::Sq8: return QStringLiteral("sq8");
    }
    return {};
}

std::optional<Quantization> quantizationFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"none") return Quantization::None;
    if (n == u"sq8") return Quantization::Sq8;
    return std::nullopt;
}

std::optional<Metric> metricFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"cosine") return Metric::Cosine;
    if (n == u"l2" || n == u"euclidean") return Metric::L2;
    if (n == u"dot" || n == u"ip") return Metric::Dot;
    return std::nullopt;
}

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::String: return QStringLiteral("string");
    case FieldType::Number: return QStringLiteral("number");
    case FieldType::Bool: return QStringLiteral("bool");
    case FieldType::StringList: return QStringLiteral("string[]");
    }
    return {};
}

std::optional<FieldType> fieldTypeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"string") return FieldType::String;
    if (n == u"number") return FieldType::Number;
    if (n == u"bool" || n == u"boolean") return FieldType::Bool;
    if (n == u"string[]" || n == u"stringlist" || n == u"string_list") return FieldType::StringList;
    return std::nullopt;
}

Error Schema::validateSelf() const
{
    if (dimensions < kMinDimensions || dimensions > kMaxDimensions)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("Dimensions must be between %1 and %2, not %3.")
                                                     .arg(kMinDimensions)
                                                     .arg(kMaxDimensions)
                                                     .arg(dimensions));
    if (maxMetadataBytes < 2 || maxMetadataBytes > 64 * 1024 * 1024)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The metadata size limit must be between 2 bytes and 64 MiB."));
    if (ann.m < AnnParams::kMinM || ann.m > AnnParams::kMaxM)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The HNSW parameter M must be between %1 and %2, not %3.")
                         .arg(AnnParams::kMinM)
                         .arg(AnnParams::kMaxM)
                         .arg(ann.m));
    if (ann.efConstruction < AnnParams::kMinEf || ann.efConstruction > AnnParams::kMaxEf)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("efConstruction must be between %1 and %2, not %3.")
                                                     .arg(AnnParams::kMinEf)
                                                     .arg(AnnParams::kMaxEf)
                                                     .arg(ann.efConstruction));
    if (ann.efSearch < AnnParams::kMinEf || ann.efSearch > AnnParams::kMaxEf)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("efSearch must be between %1 and %2, not %3.")
                                                     .arg(AnnParams::kMinEf)
                                                     .arg(AnnParams::kMaxEf)
                                                     .arg(ann.efSearch));
    if (!(ann.targetRecall >= AnnParams::kMinTargetRecall && ann.targetRecall <= AnnParams::kMaxTargetRecall))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The target recall must be between %1 and %2, not %3.")
                                                     .arg(AnnParams::kMinTargetRecall)
                                                     .arg(AnnParams::kMaxTargetRecall)
                                                     .arg(ann.targetRecall));
    if (embedder.size() > kMaxEmbedderIdLength)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The embedder id may be at most %1 characters.").arg(kMaxEmbedderIdLength));
    for (const QChar c : embedder)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("The embedder id must not contain control characters."));
    QSet<QString> seen;
    for (const FieldSpec &f : fields) {
        if (f.name.isEmpty())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("A schema field has an empty name."));
        if (seen.contains(f.name))
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("The schema declares the field \"%1\" twice.").arg(f.name));
        seen.insert(f.name);
    }
    return {};
}

Error Schema::validateVector(std::span<const float> vector) const
{
    if (vector.size() != size_t(dimensions))
        return Error(ErrorCode::DimensionMismatch,
                     QStringLiteral("The vector has %1 dimensions, but this index holds %2-dimensional vectors.")
                         .arg(vector.size())
                         .arg(dimensions));
    for (size_t i = 0; i < vector.size(); ++i) {
        if (!std::isfinite(vector[i]))
            return Error(ErrorCode::NonFiniteValue,
                         QStringLiteral("The vector holds a value that is not a finite number (%1) at position %2.")
                             .arg(std::isnan(vector[i]) ? QStringLiteral("NaN") : QStringLiteral("infinity"))
                             .arg(i));
    }
    return {};
}

static bool valueHasType(const QJsonValue &v, FieldType type)
{
    switch (type) {
    case FieldType::String: return v.isString();
    case FieldType::Number: return v.isDouble();
    case FieldType::Bool: return v.isBool();
    case FieldType::StringList: {
        if (!v.isArray()) return false;
        const QJsonArray a = v.toArray();
        for (const QJsonValue &e : a)
            if (!e.isString()) return false;
        return true;
    }
    }
    return false;
}

Error Schema::validateMetadata(const QJsonObject &metadata, qint64 metadataJsonSize) const
{
    if (metadataJsonSize > maxMetadataBytes)
        return Error(ErrorCode::MetadataTooLarge,
                     QStringLiteral("The metadata is %1 bytes; this index accepts at most %2 bytes per item.")
                         .arg(metadataJsonSize)
                         .arg(maxMetadataBytes));
    // Nesting N takes at least 2N bytes ("{[[...]]}"), so small metadata
    // needs no walk.
    if (metadataJsonSize < 0 || metadataJsonSize >= 2 * kMaxMetadataNesting) {
        const int nesting = jsonNesting(metadata);
        if (nesting > kMaxMetadataNesting)
            return Error(ErrorCode::MalformedInput,
                         QStringLiteral("The metadata nests objects and arrays %1 deep; at most %2 levels are allowed.")
                             .arg(nesting)
                             .arg(kMaxMetadataNesting));
    }
    for (const FieldSpec &f : fields) {
        const auto it = metadata.constFind(f.name);
        if (it == metadata.constEnd() || it->isNull() || it->isUndefined()) {
            if (f.required)
                return Error(
                    ErrorCode::SchemaViolation,
                    QStringLiteral("The metadata field \"%1\" is required by the schema but missing.").arg(f.name));
            continue;
        }
        if (!valueHasType(*it, f.type))
            return Error(ErrorCode::SchemaViolation,
                         QStringLiteral("The metadata field \"%1\" must be a %2.").arg(f.name, fieldTypeName(f.type)));
    }
    return {};
}

QJsonObject Schema::toJson() const
{
    QJsonArray fieldArray;
    for (const FieldSpec &f : fields)
        fieldArray.append(QJsonObject{{QStringLiteral("name"), f.name},
                                      {QStringLiteral("type"), fieldTypeName(f.type)},
                                      {QStringLiteral("required"), f.required}});
    QJsonObject json{{QStringLiteral("dimensions"), dimensions},
                     {QStringLiteral("metric"), metricName(metric)},
                     {QStringLiteral("fields"), fieldArray},
                     {QStringLiteral("maxMetadataBytes"), double(maxMetadataBytes)},
                     {QStringLiteral("ann"), QJsonObject{{QStringLiteral("M"), ann.m},
                                                         {QStringLiteral("efConstruction"), ann.efConstruction},
                                                         {QStringLiteral("efSearch"), ann.efSearch}}}};
    // Written only when it is not the default, so that the schema of an
    // index that never set it reads as it always did.
    if (ann.targetRecall != AnnParams::kDefaultTargetRecall) {
        QJsonObject a = json.value(QStringLiteral("ann")).toObject();
        a.insert(QStringLiteral("targetRecall"), ann.targetRecall);
        json.insert(QStringLiteral("ann"), a);
    }
    // Only when quantized: such a manifest is format 2 (storage/Manifest.cpp),
    // so that a Sextant from before quantized graphs refuses it as newer.
    if (ann.quantization != Quantization::None) {
        QJsonObject a = json.value(QStringLiteral("ann")).toObject();
        a.insert(QStringLiteral("quantization"), quantizationName(ann.quantization));
        json.insert(QStringLiteral("ann"), a);
    }
    if (!embedder.isEmpty()) json.insert(QStringLiteral("embedder"), embedder);
    return json;
}

static Error malformed(const QString &what)
{
    return Error(ErrorCode::MalformedInput, QStringLiteral("Invalid schema: %1").arg(what));
}

Result<Schema> Schema::fromJson(const QJsonObject &json, bool requireShape)
{
    Schema s;
    const QJsonValue dims = json.value(QStringLiteral("dimensions"));
    if (dims.isDouble()) {
        const double d = dims.toDouble();
        if (d != std::floor(d) || d < kMinDimensions || d > kMaxDimensions)
            return malformed(QStringLiteral("\"dimensions\" must be a whole number between %1 and %2.")
                                 .arg(kMinDimensions)
                                 .arg(kMaxDimensions));
        s.dimensions = int(d);
    } else if (!dims.isUndefined() || requireShape) {
        return malformed(QStringLiteral("\"dimensions\" must be a number."));
    }
    const QJsonValue metric = json.value(QStringLiteral("metric"));
    if (metric.isString()) {
        const auto m = metricFromName(metric.toString());
        if (!m)
            return malformed(QStringLiteral("unknown metric \"%1\" (use cosine, l2 or dot).").arg(metric.toString()));
        s.metric = *m;
    } else if (!metric.isUndefined() || requireShape) {
        return malformed(QStringLiteral("\"metric\" must be one of cosine, l2, dot."));
    }
    const QJsonValue maxMeta = json.value(QStringLiteral("maxMetadataBytes"));
    if (maxMeta.isDouble()) {
        const double m = maxMeta.toDouble();
        if (m != std::floor(m) || m < 2 || m > 64.0 * 1024 * 1024)
            return malformed(QStringLiteral("\"maxMetadataBytes\" must be a whole number between 2 and 67108864."));
        s.maxMetadataBytes = qint64(m);
    } else if (!maxMeta.isUndefined()) {
        return malformed(QStringLiteral("\"maxMetadataBytes\" must be a number."));
    }

    const QJsonValue embedder = json.value(QStringLiteral("embedder"));
    if (embedder.isString()) {
        s.embedder = embedder.toString();
    } else if (!embedder.isUndefined() && !embedder.isNull()) {
        return malformed(QStringLiteral("\"embedder\" must be a string."));
    }

    // In a manifest (requireShape) an absent quantization is the format-1
    // meaning, float vectors; in the user's schema file it is the default.
    if (requireShape) s.ann.quantization = Quantization::None;
    const QJsonValue ann = json.value(QStringLiteral("ann"));
    if (ann.isObject()) {
        const QJsonObject a = ann.toObject();
        auto whole = [&](const char *key, int lo, int hi, int *out) -> Error {
            const QJsonValue v = a.value(QLatin1String(key));
            if (v.isUndefined()) return {};
            const double d = v.toDouble(-1);
            if (!v.isDouble() || d != std::floor(d) || d < lo || d > hi)
                return malformed(QStringLiteral("\"ann.%1\" must be a whole number between %2 and %3.")
                                     .arg(QLatin1String(key))
                                     .arg(lo)
                                     .arg(hi));
            *out = int(d);
            return {};
        };
        if (Error e = whole("M", AnnParams::kMinM, AnnParams::kMaxM, &s.ann.m)) return e;
        if (Error e = whole("efConstruction", AnnParams::kMinEf, AnnParams::kMaxEf, &s.ann.efConstruction)) return e;
        if (Error e = whole("efSearch", AnnParams::kMinEf, AnnParams::kMaxEf, &s.ann.efSearch)) return e;
        // Optional: indexes made before it existed keep the default.
        const QJsonValue target = a.value(QStringLiteral("targetRecall"));
        if (!target.isUndefined()) {
            const double t = target.toDouble(-1);
            if (!target.isDouble() || !(t >= AnnParams::kMinTargetRecall && t <= AnnParams::kMaxTargetRecall))
                return malformed(QStringLiteral("\"ann.targetRecall\" must be a number between %1 and %2.")
                                     .arg(AnnParams::kMinTargetRecall)
                                     .arg(AnnParams::kMaxTargetRecall));
            s.ann.targetRecall = t;
        }
        const QJsonValue quantization = a.value(QStringLiteral("quantization"));
        if (!quantization.isUndefined()) {
            const auto q = quantization.isString() ? quantizationFromName(quantization.toString()) : std::nullopt;
            if (!q)
                return malformed(
                    quantization.isString()
                        ? QStringLiteral("unknown quantization \"%1\" (use none or sq8).").arg(quantization.toString())
                        : QStringLiteral("\"ann.quantization\" must be a string: none or sq8."));
            s.ann.quantization = *q;
        }
    } else if (!ann.isUndefined()) {
        return malformed(QStringLiteral("\"ann\" must be an object like {\"M\": 16, \"efConstruction\": 200}."));
    }

    const QJsonValue fields = json.value(QStringLiteral("fields"));
    auto parseField = [&](const QString &name, const QJsonValue &spec) -> Error {
        FieldSpec f;
        f.name = name;
        QString typeName;
        if (spec.isString()) {
            typeName = spec.toString();
        } else if (spec.isObject()) {
            const QJsonObject o = spec.toObject();
            typeName = o.value(QStringLiteral("type")).toString();
            const QJsonValue req = o.value(QStringLiteral("required"));
            if (!req.isUndefined() && !req.isBool())
                return malformed(QStringLiteral("\"required\" of field \"%1\" must be true or false.").arg(name));
            f.required = req.toBool(false);
        } else {
            return malformed(QStringLiteral("field \"%1\" needs a type.").arg(name));
        }
        const auto type = fieldTypeFromName(typeName);
        if (!type)
            return malformed(
                QStringLiteral("field \"%1\" has unknown type \"%2\" (use string, number, bool or string[]).")
                    .arg(name, typeName));
        f.type = *type;
        s.fields.append(f);
        return {};
    };
    if (fields.isArray()) {
        for (const QJsonValue &v : fields.toArray()) {
            if (!v.isObject()) return malformed(QStringLiteral("each entry of \"fields\" must be an object."));
            const QString name = v.toObject().value(QStringLiteral("name")).toString();
            if (name.isEmpty()) return malformed(QStringLiteral("a field has no \"name\"."));
            if (Error e = parseField(name, v)) return e;
        }
    } else if (fields.isObject()) {
        const QJsonObject o = fields.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (Error e = parseField(it.key(), it.value())) return e;
    } else if (!fields.isUndefined() && !fields.isNull()) {
        return malformed(QStringLiteral("\"fields\" must be a list or an object."));
    }
    if (requireShape)
        if (Error e = s.validateSelf()) return e;
    return s;
}

Error validateIdBytes(const QByteArray &utf8)
{
    if (utf8.isEmpty()) return Error(ErrorCode::InvalidId, QStringLiteral("An item id must not be empty."));
    if (utf8.size() > Schema::kMaxIdBytes)
        return Error(ErrorCode::InvalidId,
                     QStringLiteral("An item id may be at most %1 bytes of UTF-8; this one is %2 bytes.")
                         .arg(Schema::kMaxIdBytes)
                         .arg(utf8.size()));
    if (utf8.contains('\0'))
        return Error(ErrorCode::InvalidId, QStringLiteral("An item id must not contain a NUL character."));
    return {};
}

Error validateId(const QString &id)
{
    if (!id.isEmpty() && !id.isValidUtf16())
        return Error(ErrorCode::InvalidId, QStringLiteral("An item id must be valid Unicode text."));
    return validateIdBytes(id.toUtf8());
}

} // namespace sextant
