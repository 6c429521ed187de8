#include "storage/Manifest.h"

#include "storage/Binary.h"
#include "base/Checksums.h"
#include "base/FileIo.h"
#include "storage/Wal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cmath>

namespace sextant::storage {

const FileRecord *Manifest::fileRecord(const QString &name) const
{
    for (const FileRecord &f : files)
        if (f.name == name) return &f;
    return nullptr;
}

QStringList Manifest::inconsistencies() const
{
    QStringList out;
    QSet<uint64_t> ids;
    QSet<QString> names;
    uint64_t maxId = 0;
    for (const SegmentEntry &s : segments) {
        if (ids.contains(s.id)) out << QStringLiteral("segment id %1 appears more than once").arg(s.id);
        ids.insert(s.id);
        maxId = std::max(maxId, s.id);
        if (s.file != segment::fileName(s.id))
            out << QStringLiteral("segment %1 names the file %2; its file is %3")
                       .arg(s.id)
                       .arg(s.file, segment::fileName(s.id));
        if (names.contains(s.file)) out << QStringLiteral("the segment file %1 is named twice").arg(s.file);
        names.insert(s.file);
        if (!s.deletionFile.isEmpty()) {
            const QString prefix = QStringLiteral("del-%1-").arg(s.id, 8, 10, QLatin1Char('0'));
            if (!s.deletionFile.startsWith(prefix) || !s.deletionFile.endsWith(QLatin1String(".sxd")))
                out << QStringLiteral("segment %1 names the deletion file %2, which belongs to another segment")
                           .arg(s.id)
                           .arg(s.deletionFile);
            if (names.contains(s.deletionFile))
                out << QStringLiteral("the deletion file %1 is named twice").arg(s.deletionFile);
            names.insert(s.deletionFile);
        }
    }
    if (!segments.isEmpty() && nextSegmentId <= maxId)
        out << QStringLiteral("nextSegmentId is %1, but segment %2 is in use: the next checkpoint would take the name "
                              "of a live segment")
                   .arg(nextSegmentId)
                   .arg(maxId);
    if (nextSegmentId == 0) out << QStringLiteral("nextSegmentId is 0; segment ids start at 1");
    if (walFile != wal::fileName(checkpointLsn + 1))
        out << QStringLiteral("the log after checkpoint %1 is named %2; it should be %3")
                   .arg(checkpointLsn)
                   .arg(walFile, wal::fileName(checkpointLsn + 1));
    QSet<QString> listed;
    for (const FileRecord &f : files) {
        if (listed.contains(f.name)) out << QStringLiteral("the file %1 is listed twice").arg(f.name);
        listed.insert(f.name);
    }
    return out;
}

QByteArray Manifest::encode() const
{
    QJsonArray segs;
    for (const SegmentEntry &s : segments) {
        QJsonObject o{{QStringLiteral("id"), double(s.id)},
                      {QStringLiteral("file"), s.file},
                      {QStringLiteral("rows"), double(s.rows)},
                      {QStringLiteral("deletedRows"), double(s.deletedRows)}};
        if (!s.deletionFile.isEmpty()) o.insert(QStringLiteral("deletionFile"), s.deletionFile);
        segs.append(o);
    }
    QJsonArray fileArray;
    for (const FileRecord &f : files)
        fileArray.append(QJsonObject{{QStringLiteral("name"), f.name},
                                     {QStringLiteral("size"), double(f.size)},
                                     {QStringLiteral("sha256"), f.sha256}});
    const uint32_t version =
        schema.ann.quantization == Quantization::None ? manifest::kFirstVersion : manifest::kQuantizedVersion;
    QJsonObject body{
        {QStringLiteral("format"), int(version)},
        {QStringLiteral("generation"), double(generation)},
        {QStringLiteral("schema"), schema.toJson()},
        {QStringLiteral("durability"), durabilityName(durability)},
        {QStringLiteral("checkpointLsn"), double(checkpointLsn)},
        {QStringLiteral("walFile"), walFile},
        {QStringLiteral("nextSegmentId"), double(nextSegmentId)},
        {QStringLiteral("liveItems"), double(liveItems)},
        {QStringLiteral("segments"), segs},
        {QStringLiteral("files"), fileArray},
        {QStringLiteral("created"), created.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("checkpointed"), checkpointed.toUTC().toString(Qt::ISODateWithMs)},
    };
    if (graph)
        body.insert(QStringLiteral("graph"), QJsonObject{{QStringLiteral("file"), graph->file},
                                                         {QStringLiteral("number"), double(graph->number)},
                                                         {QStringLiteral("items"), double(graph->items)},
                                                         {QStringLiteral("labels"), double(graph->labels)}});
    if (tuning)
        body.insert(QStringLiteral("tuning"), QJsonObject{{QStringLiteral("ef"), tuning->ef},
                                                          {QStringLiteral("recall"), tuning->recall},
                                                          {QStringLiteral("items"), double(tuning->items)}});
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Indented);
    QByteArray out;
    out.append(manifest::kMagic, 8);
    appendU32(out, version);
    appendU32(out, uint32_t(json.size()));
    appendU64(out, base::xxh3(json));
    out.append(json);
    return out;
}

namespace {
// Integers in the manifest are JSON numbers; all of ours stay below 2^53.
bool readCount(const QJsonObject &o, const char *key, uint64_t *out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble()) return false;
    const double d = v.toDouble();
    if (d < 0 || d != std::floor(d) || d > 9007199254740992.0) return false;
    *out = uint64_t(d);
    return true;
}

bool isPlainFileName(const QString &name)
{
    return !name.isEmpty() && !name.contains(u'/') && !name.contains(u'\\') && name != u"." && name != u".." &&
           !name.contains(QChar(0));
}
} // namespace

Result<Manifest> Manifest::decode(const QByteArray &bytes, const QString &path)
{
    auto bad = [&](const QString &why) {
        return Error(ErrorCode::Corruption, QStringLiteral("The manifest %1 is damaged: %2").arg(path, why), path);
    };
    if (bytes.size() < manifest::kEnvelopeSize) return bad(QStringLiteral("it is too short"));
    if (std::memcmp(bytes.constData(), manifest::kMagic, 8) != 0)
        return bad(QStringLiteral("it does not start with the manifest magic"));
    // The version is believed only once the checksum holds, so that a
    // damaged version field reads as damage, not as a newer format. Every
    // version keeps this 24-byte envelope (docs/format.md).
    const uint32_t version = getU32(bytes.constData() + 8);
    const qint64 len = getU32(bytes.constData() + 12);
    if (len != bytes.size() - manifest::kEnvelopeSize)
        return bad(QStringLiteral("its length field does not match its size"));
    const char *body = bytes.constData() + manifest::kEnvelopeSize;
    if (base::xxh3(body, size_t(len)) != getU64(bytes.constData() + 16))
        return bad(QStringLiteral("checksum mismatch"));
    auto newer = [&](uint64_t format) {
        return Error(ErrorCode::UnsupportedFormat,
                     QStringLiteral("The index was made by a newer Sextant (format %1): its manifest %2 is in a format "
                                    "this version (which reads format %3) does not know. Open it with a newer Sextant; "
                                    "nothing was changed.")
                         .arg(format)
                         .arg(path)
                         .arg(manifest::kVersion),
                     path);
    };
    if (version > manifest::kVersion) return newer(version);
    if (version < manifest::kFirstVersion)
        return Error(
            ErrorCode::UnsupportedFormat,
            QStringLiteral("The manifest %1 has format version %2, which no released Sextant wrote; this version "
                           "reads version %3.")
                .arg(path)
                .arg(version)
                .arg(manifest::kVersion),
            path);

    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(body, int(len)), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return bad(QStringLiteral("its body is not a JSON object"));
    const QJsonObject o = doc.object();
    Manifest m;
    uint64_t format = 0;
    if (readCount(o, "format", &format) && format > manifest::kVersion) return newer(format);
    if (format != version) return bad(QStringLiteral("unknown body format"));
    uint64_t live = 0;
    if (!readCount(o, "generation", &m.generation) || !readCount(o, "checkpointLsn", &m.checkpointLsn) ||
        !readCount(o, "nextSegmentId", &m.nextSegmentId) || !readCount(o, "liveItems", &live))
        return bad(QStringLiteral("a counter is missing or not a whole number"));
    m.liveItems = qint64(live);
    Result<Schema> schema = Schema::fromJson(o.value(QStringLiteral("schema")).toObject(), true);
    if (!schema.ok()) return bad(schema.error().message());
    m.schema = *schema;
    // Format 1 predates quantized graphs: a format-1 manifest that names one
    // was not written by Sextant.
    if (version < manifest::kQuantizedVersion && m.schema.ann.quantization != Quantization::None)
        return bad(QStringLiteral("a format-1 manifest names a quantization"));
    const auto durability = durabilityFromName(o.value(QStringLiteral("durability")).toString());
    if (!durability) return bad(QStringLiteral("unknown durability"));
    m.durability = *durability;
    m.walFile = o.value(QStringLiteral("walFile")).toString();
    if (!isPlainFileName(m.walFile)) return bad(QStringLiteral("the WAL file name is invalid"));
    for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        FileRecord r;
        uint64_t size = 0;
        r.name = f.value(QStringLiteral("name")).toString();
        r.sha256 = f.value(QStringLiteral("sha256")).toString();
        if (!isPlainFileName(r.name) || !readCount(f, "size", &size) || r.sha256.size() != 64)
            return bad(QStringLiteral("a file entry is malformed"));
        r.size = qint64(size);
        m.files.append(r);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("segments")).toArray()) {
        const QJsonObject s = v.toObject();
        SegmentEntry e;
        uint64_t rows = 0, deleted = 0;
        e.file = s.value(QStringLiteral("file")).toString();
        e.deletionFile = s.value(QStringLiteral("deletionFile")).toString();
        if (!readCount(s, "id", &e.id) || !readCount(s, "rows", &rows) || !readCount(s, "deletedRows", &deleted) ||
            !isPlainFileName(e.file) || deleted > rows ||
            (!e.deletionFile.isEmpty() && !isPlainFileName(e.deletionFile)))
            return bad(QStringLiteral("a segment entry is malformed"));
        if (!m.fileRecord(e.file) || (!e.deletionFile.isEmpty() && !m.fileRecord(e.deletionFile)))
            return bad(QStringLiteral("segment %1 names a file the file list does not hold").arg(e.id));
        e.rows = qint64(rows);
        e.deletedRows = qint64(deleted);
        m.segments.append(e);
    }
    if (o.contains(QStringLiteral("graph"))) {
        const QJsonObject g = o.value(QStringLiteral("graph")).toObject();
        GraphEntry e;
        uint64_t items = 0, labels = 0;
        e.file = g.value(QStringLiteral("file")).toString();
        if (!isPlainFileName(e.file) || !readCount(g, "number", &e.number) || !readCount(g, "items", &items) ||
            !readCount(g, "labels", &labels) || items > labels)
            return bad(QStringLiteral("the graph entry is malformed"));
        if (!m.fileRecord(e.file)) return bad(QStringLiteral("the graph names a file the file list does not hold"));
        e.items = qint64(items);
        e.labels = qint64(labels);
        m.graph = e;
    }
    if (o.contains(QStringLiteral("tuning"))) {
        // Derived data: a malformed entry is damage like any other field.
        const QJsonObject t = o.value(QStringLiteral("tuning")).toObject();
        uint64_t ef = 0, items = 0;
        const QJsonValue recall = t.value(QStringLiteral("recall"));
        if (!readCount(t, "ef", &ef) || ef < uint64_t(AnnParams::kMinEf) || ef > uint64_t(AnnParams::kMaxEf) ||
            !readCount(t, "items", &items) || !recall.isDouble() || !(recall.toDouble() >= 0 && recall.toDouble() <= 1))
            return bad(QStringLiteral("the tuning entry is malformed"));
        m.tuning = TuningEntry{int(ef), recall.toDouble(), qint64(items)};
    }
    m.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    m.checkpointed = QDateTime::fromString(o.value(QStringLiteral("checkpointed")).toString(), Qt::ISODateWithMs);
    return m;
}

Result<Manifest> Manifest::read(const QString &path)
{
    Result<QByteArray> bytes = base::readWholeFile(path, manifest::kMaxBodyBytes + manifest::kEnvelopeSize);
    if (!bytes.ok()) return bytes.error();
    return decode(*bytes, path);
}

Error publishManifest(const QString &dir, const Manifest &next, const QByteArray &currentBytes, bool sync)
{
    if (!currentBytes.isEmpty())
        if (Error e = base::saveFileAtomically(dir + u'/' + manifest::previousName(), currentBytes, sync)) return e;
    return base::saveFileAtomically(dir + u'/' + manifest::currentName(), next.encode(), sync);
}

} // namespace sextant::storage
