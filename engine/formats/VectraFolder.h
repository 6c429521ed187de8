#pragma once
// Reading a Vectra LocalIndex folder (index.json with
// version, metadata_config.indexed and items of id, metadata, vector, norm,
// and an optional metadataFile holding the item's full metadata). Every
// item that cannot be taken is reported with the reason; the rest are
// returned. Norms are recomputed, never trusted (old Vectra kept stale ones).

#include "sextant/Error.h"
#include "sextant/Item.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sextant::formats {

struct VectraProblem {
    QString itemId;       // empty when not about one item
    qsizetype index = -1; // position in index.json's items
    QString message;
};

struct VectraFolder {
    int dimensions = 0;
    QStringList indexedKeys;        // metadata_config.indexed
    QList<Item> items;              // full metadata (the metadataFile's when there is one)
    QList<qsizetype> itemPositions; // for each item, its position in index.json's items
    QList<VectraProblem> problems;
    bool hasProtobufIndex = false; // index.pb is there too (not read)
    int metadataFilesRead = 0;
};

struct VectraLimits {
    qint64 maxIndexBytes = 2ll * 1024 * 1024 * 1024; // index.json
    qint64 maxMetadataFileBytes = 16 * 1024 * 1024;  // each <uuid>.json
    int maxJsonDepth = 512;                          // arrays and objects nested in index.json
};

// True when the folder looks like a Vectra LocalIndex (index.json or index.pb).
bool isVectraFolder(const QString &folder);

Result<VectraFolder> readVectraFolder(const QString &folder, const VectraLimits &limits = {});

// Writes items as a Vectra LocalIndex that Vectra 0.15 opens: index.json
// (version 1, each item's L2 norm) and, when `indexedKeys` is not empty, a
// <uuid>.json with the full metadata for every item that has other keys.
// The folder must not hold an index.json yet; index.json is written under a
// temporary name and renamed, so a failed export leaves none.
Error writeVectraFolder(const QString &folder, const QList<Item> &items, const QStringList &indexedKeys = {});

} // namespace sextant::formats
