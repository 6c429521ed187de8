#pragma once
// The metadata fields a filter reads, extracted into columns so that a filter
// runs over many rows without parsing JSON again (docs/filters.md,
// "Columnar evaluation").
//
// Also home of the small JSON reader both the filter parser and the column
// builder use: it keeps the byte offset of every value and key (for filter
// error messages), bounds its nesting, and never allocates per value once
// its buffers have grown.

#include "sextant/FilterSyntax.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <string>
#include <vector>

namespace sextant {

namespace filterjson {

enum class Kind : quint8 { Null, False, True, Number, String, Array, Object };

struct Node {
    Kind kind = Kind::Null;
    bool keyInScratch = false;  // key bytes live in the document's scratch, not the text
    bool textInScratch = false; // same for a string value
    qint32 next = -1;           // next element or member of the same parent
    qint32 firstChild = -1;     // arrays and objects
    qint32 childCount = 0;
    quint32 offset = 0;    // byte offset of the value in the text
    quint32 keyOffset = 0; // members: byte offset of the key's opening quote
    quint32 keyBegin = 0, keyLength = 0;
    quint32 textBegin = 0, textLength = 0;
    double number = 0;
};

struct ParseFailure {
    qint64 offset = 0; // byte offset into the text
    FilterSyntax why;  // problemText "unexpected character 'x'", expectedText "',' or '}'"
};

class Document {
public:
    // Both refuse numbers beyond double's range (tiny ones read as 0).
    // Filter: nesting up to 64, unpaired \u surrogates are errors.
    // Metadata: nesting up to 1024 and unpaired surrogates read as '?', as
    // QJsonDocument reads them.
    enum class Mode { Filter, Metadata };
    static constexpr int kMaxFilterDepth = 64;
    static constexpr int kMaxMetadataDepth = 1024;

    // Replaces the content. Views returned later point into `text`, which
    // must outlive them, or into the document. On failure the document is
    // empty (root() == -1) and `failure` says where and why.
    bool parse(QByteArrayView text, Mode mode, ParseFailure *failure = nullptr);

    qint32 root() const { return m_nodes.empty() ? -1 : 0; }
    const Node &node(qint32 index) const { return m_nodes[size_t(index)]; }
    QByteArrayView string(const Node &n) const { return view(n.textInScratch, n.textBegin, n.textLength); }
    QByteArrayView key(const Node &n) const { return view(n.keyInScratch, n.keyBegin, n.keyLength); }

    // The last member of `object` named `key` (QJsonDocument keeps the last
    // of duplicate keys too), or -1.
    qint32 member(qint32 object, QByteArrayView key) const;
    // The value a dotted field path names, or -1 (docs/filters.md, "Field paths").
    qint32 resolve(qint32 object, QByteArrayView path) const;

private:
    friend class Reader;
    QByteArrayView view(bool inScratch, quint32 begin, quint32 length) const
    {
        return inScratch ? QByteArrayView(m_scratch.data() + begin, length)
                         : QByteArrayView(m_text.data() + begin, length);
    }

    QByteArrayView m_text;
    std::vector<Node> m_nodes;
    std::string m_scratch; // decoded strings that had escapes
};

} // namespace filterjson

// Interned UTF-8 strings of one column; codes start at 1 (0 means "not a string").
class StringDictionary {
public:
    quint32 intern(QByteArrayView text);
    quint32 find(QByteArrayView text) const; // 0 when absent
    QByteArrayView at(quint32 code) const
    {
        const quint64 begin = m_ends[code - 1];
        return QByteArrayView(m_bytes.data() + begin, qsizetype(m_ends[code] - begin));
    }
    quint32 size() const { return quint32(m_ends.size() - 1); }
    qint64 memoryBytes() const;

private:
    std::vector<char> m_bytes;
    std::vector<quint64> m_ends{0}; // code c spans [m_ends[c-1], m_ends[c])
    std::vector<quint64> m_slots;   // open addressing: 0 = empty, else hash << 32 | code
    void grow();
    size_t slotOf(QByteArrayView text, quint32 hash) const;
    static quint32 hashOf(QByteArrayView text);
};

// One field's values for rows 0..rowCount-1.
struct FilterColumn {
    enum Tag : quint8 { Missing, Null, False, True, Number, String, Array, Object };

    QString path;
    QByteArray pathUtf8;
    std::vector<quint8> tags;    // per row
    std::vector<double> numbers; // per row: the number, NaN for other tags; empty while no row holds a number
    std::vector<quint32> codes;  // per row: dictionary code, 0 for other tags; empty while no row holds a string
    StringDictionary dictionary;
    // Arrays: the rows holding one (ascending) and their elements, stored
    // like rows (tags Array/Object for nested containers).
    std::vector<quint32> arrayRows;
    std::vector<quint32> arrayEnds{0}; // elements of arrayRows[i]: [arrayEnds[i], arrayEnds[i+1])
    std::vector<quint8> elementTags;
    std::vector<double> elementNumbers;
    std::vector<quint32> elementCodes;

    qint64 rowCount() const { return qint64(tags.size()); }
    // Index into arrayRows of `row`'s array, or -1.
    qint64 arrayIndexOf(qint64 row) const;
    qint64 memoryBytes() const;
};

class FilterColumns {
public:
    FilterColumns() = default;
    explicit FilterColumns(const QStringList &fields);

    // Columns of `fields` for rows 0..rows-1, parsing each row's metadata once.
    static FilterColumns build(const QStringList &fields, qint64 rows,
                               const std::function<QByteArrayView(qint64 row)> &metadataOf);

    // Adds the next row. Metadata that is not a JSON object (or not JSON)
    // counts as {}: every field missing.
    void appendRow(QByteArrayView metadataJson);
    void reserve(qint64 rows);
    // Adds columns for the fields not yet held, reading rows 0..rowCount()-1.
    void addFields(const QStringList &fields, const std::function<QByteArrayView(qint64 row)> &metadataOf);

    qint64 rowCount() const { return m_rows; }
    bool hasField(const QString &path) const { return m_byPath.contains(path); }
    QStringList fieldNames() const;
    const FilterColumn *column(const QString &path) const;
    qint64 memoryBytes() const;

private:
    void addColumns(const QStringList &fields);
    qint32 parseRow(QByteArrayView metadataJson); // root object of m_document, or -1
    void appendValue(FilterColumn &column, qint32 node);

    std::vector<FilterColumn> m_columns;
    QHash<QString, int> m_byPath;
    qint64 m_rows = 0;
    filterjson::Document m_document; // reused between rows
};

} // namespace sextant
