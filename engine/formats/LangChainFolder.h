#pragma once
// LangChain.js HNSWLib store folders (HNSWLib.save): args.json (space,
// numDimensions), docstore.json (the documents by hnswlib label) and
// hnswlib.index (the hnswlib graph with the vectors). Each live element of
// hnswlib.index becomes an item whose id is its label in decimal, whose
// metadata is the document's metadata plus "text" (its pageContent)
// (docs/vector-files.md).

#include "sextant/VectorSource.h"

#include <QHash>
#include <QJsonObject>

namespace sextant::formats {

// True when the folder holds hnswlib.index and args.json.
bool isLangChainFolder(const QString &folder);

struct LangChainArgs {
    Metric metric = Metric::Cosine;
    QString space; // as written: "cosine", "ip" or "l2"
    int dimensions = 0;
};
// args.json's content: {"space": "cosine"|"ip"|"l2", "numDimensions": N, ...}.
Result<LangChainArgs> parseLangChainArgs(const QJsonDocument &document);

struct LangChainDocument {
    QString pageContent;
    QJsonObject metadata;
};
struct LangChainDocstore {
    QHash<quint64, LangChainDocument> documents; // by hnswlib label
    QList<SourceProblem> problems;               // entries that could not be used
};
// docstore.json's content: an array of [label, {pageContent, metadata}]
// pairs (what LangChain.js writes), or an object {label: {...}} (what early
// versions wrote). Labels are decimal strings (numbers are accepted too).
// Entries that cannot be used become problems; only a document of another
// shape altogether is an error.
Result<LangChainDocstore> parseLangChainDocstore(const QJsonDocument &document);

Result<std::unique_ptr<VectorSource>> openLangChainSource(const QString &folder, const SourceOptions &options);

} // namespace sextant::formats
