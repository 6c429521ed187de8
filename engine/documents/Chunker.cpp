#include "sextant/Chunker.h"

#include <algorithm>

namespace sextant::documents {

QStringList chunkSeparators(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Markdown:
        return {QStringLiteral("\n# "), QStringLiteral("\n## "), QStringLiteral("\n### "), QStringLiteral("\n```"),
                QStringLiteral("\n\n"), QStringLiteral("\n"),    QStringLiteral(". "),     QStringLiteral("? "),
                QStringLiteral("! "),   QStringLiteral(" ")};
    case DocumentKind::Code:
        return {QStringLiteral("\n\n\n"), QStringLiteral("\nclass "), QStringLiteral("\nstruct "),
                QStringLiteral("\ndef "), QStringLiteral("\nfn "),    QStringLiteral("\nfunction "),
                QStringLiteral("\n\n"),   QStringLiteral("\n"),       QStringLiteral(" ")};
    case DocumentKind::Html: // its visible text, with block elements as blank lines
    case DocumentKind::PlainText: break;
    }
    return {QStringLiteral("\n\n"), QStringLiteral("\n"), QStringLiteral(". "), QStringLiteral("? "),
            QStringLiteral("! "),   QStringLiteral("; "), QStringLiteral(", "), QStringLiteral(" ")};
}

namespace {

bool isSpace(QChar c) { return c.isSpace(); }

// Where a chunk that may end no later than `limit` should end: after the
// best separator in its second half, else at `limit`.
qsizetype breakBefore(const QString &text, qsizetype start, qsizetype limit, const QStringList &separators)
{
    const qsizetype earliest = start + (limit - start) / 2;
    // Only the second half is searched: a search of the whole text before
    // `limit` cost each chunk a scan back to the text's start when a
    // separator was missing, quadratic in a large document.
    const QStringView window = QStringView(text).sliced(earliest, limit - earliest);
    for (const QString &sep : separators) {
        // A separator that starts with a newline breaks before the newline's
        // successor (a heading starts the next chunk); others after themselves.
        const qsizetype found = window.lastIndexOf(sep);
        if (found < 0) continue;
        const qsizetype at = earliest + found;
        if (at <= start) continue;
        const qsizetype end = sep.startsWith(u'\n') ? at + 1 : at + sep.size();
        if (end > start && end <= limit) return end;
    }
    return limit;
}

// Where chunks may end and start, in the caller's unit.
class Measure {
public:
    Measure(const QString &text, ChunkUnit unit) : m_text(text), m_unit(unit)
    {
        if (unit != ChunkUnit::Tokens) return;
        const qsizetype n = text.size();
        for (qsizetype i = 0; i < n;) {
            if (text[i].isSpace()) {
                ++i;
                continue;
            }
            m_tokenStarts.push_back(i);
            if (text[i].isLetterOrNumber()) {
                while (i < n && text[i].isLetterOrNumber())
                    ++i;
            } else {
                ++i;
            }
        }
    }
    // The furthest end of a chunk starting at `start` that holds `size` units.
    qsizetype limit(qsizetype start, int size) const
    {
        const qsizetype n = m_text.size();
        if (m_unit == ChunkUnit::Characters) return std::min(n, start + size);
        const size_t first = firstTokenAtOrAfter(start);
        const size_t stop = first + size_t(size);
        return stop < m_tokenStarts.size() ? m_tokenStarts[stop] : n;
    }
    // Where the next chunk starts so that it repeats `overlap` units before `end`.
    qsizetype back(qsizetype end, int overlap) const
    {
        if (m_unit == ChunkUnit::Characters) return end - overlap;
        const size_t atEnd = firstTokenAtOrAfter(end);
        return atEnd >= size_t(overlap) ? m_tokenStarts[atEnd - size_t(overlap)] : 0;
    }

private:
    size_t firstTokenAtOrAfter(qsizetype pos) const
    {
        return size_t(std::lower_bound(m_tokenStarts.begin(), m_tokenStarts.end(), pos) - m_tokenStarts.begin());
    }
    const QString &m_text;
    ChunkUnit m_unit;
    std::vector<qsizetype> m_tokenStarts;
};

} // namespace

QList<Chunk> chunkText(const QString &text, ChunkOptions options)
{
    options.size = std::max(options.size, options.unit == ChunkUnit::Tokens ? 10 : 50);
    options.overlap = std::clamp(options.overlap, 0, options.size / 4);
    const QStringList separators = chunkSeparators(options.kind);
    const Measure measure(text, options.unit);
    QList<Chunk> out;
    const qsizetype n = text.size();
    qsizetype start = 0;
    while (start < n && isSpace(text[start]))
        ++start;
    while (start < n) {
        const qsizetype limit = std::max(start + 1, measure.limit(start, options.size));
        const qsizetype end = limit == n ? n : breakBefore(text, start, limit, separators);
        out.append(Chunk{start, end, text.mid(start, end - start)});
        if (end >= n) break;
        // The next chunk starts `overlap` before this one's end, moved back to
        // the start of a word so the repeat is whole words (at least overlap).
        // A word longer than half the overlap is cut instead, so that every
        // chunk moves on (in characters, by at least an eighth of the size).
        qsizetype next = measure.back(end, options.overlap);
        const qsizetype overlapChars = end - next;
        const qsizetype floor = std::max(start + 1, end - overlapChars - overlapChars / 2);
        if (options.overlap > 0) {
            qsizetype word = next;
            while (word > floor && !isSpace(text[word - 1]))
                --word;
            if (word > floor || (word == floor && isSpace(text[word - 1]))) next = word;
        } else {
            next = end;
        }
        next = std::max(next, start + 1);
        while (next < n && isSpace(text[next]))
            ++next;
        start = next;
    }
    return out;
}

} // namespace sextant::documents
