#include "io/Chunker.h"

#include <algorithm>

namespace sextant {

QStringList chunkSeparators(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Markdown:
        return {QStringLiteral("\n# "), QStringLiteral("\n## "), QStringLiteral("\n### "), QStringLiteral("\n```"),
                QStringLiteral("\n\n"), QStringLiteral("\n"), QStringLiteral(". "), QStringLiteral("? "),
                QStringLiteral("! "), QStringLiteral(" ")};
    case DocumentKind::Code:
        return {QStringLiteral("\n\n\n"), QStringLiteral("\nclass "), QStringLiteral("\nstruct "), QStringLiteral("\ndef "),
                QStringLiteral("\nfn "), QStringLiteral("\nfunction "), QStringLiteral("\n\n"), QStringLiteral("\n"),
                QStringLiteral(" ")};
    case DocumentKind::Html: // its visible text, with block elements as blank lines
    case DocumentKind::PlainText:
        break;
    }
    return {QStringLiteral("\n\n"), QStringLiteral("\n"), QStringLiteral(". "), QStringLiteral("? "), QStringLiteral("! "),
            QStringLiteral("; "), QStringLiteral(", "), QStringLiteral(" ")};
}

namespace {

bool isSpace(QChar c) { return c.isSpace(); }

// Where a chunk that may end no later than `limit` should end: after the
// best separator in its second half, else at `limit`.
qsizetype breakBefore(const QString &text, qsizetype start, qsizetype limit, const QStringList &separators)
{
    const qsizetype earliest = start + (limit - start) / 2;
    for (const QString &sep : separators) {
        // A separator that starts with a newline breaks before the newline's
        // successor (a heading starts the next chunk); others after themselves.
        const qsizetype at = text.lastIndexOf(sep, limit - sep.size());
        if (at < earliest || at <= start) continue;
        const qsizetype end = sep.startsWith(u'\n') ? at + 1 : at + sep.size();
        if (end > start && end <= limit) return end;
    }
    return limit;
}

} // namespace

QList<Chunk> chunkText(const QString &text, ChunkOptions options)
{
    options.size = std::max(options.size, 50);
    options.overlap = std::clamp(options.overlap, 0, options.size / 4);
    const QStringList separators = chunkSeparators(options.kind);
    QList<Chunk> out;
    const qsizetype n = text.size();
    qsizetype start = 0;
    while (start < n && isSpace(text[start])) ++start;
    while (start < n) {
        const qsizetype limit = std::min(n, start + options.size);
        const qsizetype end = limit == n ? n : breakBefore(text, start, limit, separators);
        out.append(Chunk{start, end, text.mid(start, end - start)});
        if (end >= n) break;
        // The next chunk starts `overlap` before this one's end, moved back to
        // the start of a word so the repeat is whole words (at least overlap).
        // A word longer than half the overlap is cut instead, so that every
        // chunk moves on by at least an eighth of the size.
        qsizetype next = end - options.overlap;
        const qsizetype floor = std::max(start + 1, end - options.overlap - options.overlap / 2);
        if (options.overlap > 0) {
            qsizetype word = next;
            while (word > floor && !isSpace(text[word - 1])) --word;
            if (word > floor || (word == floor && isSpace(text[word - 1]))) next = word;
        } else {
            next = end;
        }
        next = std::max(next, start + 1);
        while (next < n && isSpace(text[next])) ++next;
        start = next;
    }
    return out;
}

} // namespace sextant
