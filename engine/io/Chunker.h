#pragma once
// Cutting a document's text into overlapping chunks for embedding. Breaks
// fall where the document's own structure allows (headings, paragraphs,
// lines, sentences, words, in that order of preference), and the overlap is
// real: each chunk repeats at least `overlap` characters of the one before
// it, starting on a word (Vectra's overlap option does nothing).

#include <QList>
#include <QString>
#include <QStringList>

namespace sextant {

enum class DocumentKind { PlainText, Markdown, Html, Code };

struct ChunkOptions {
    int size = 1000;  // at most this many characters (UTF-16 code units) per chunk
    int overlap = 100; // at least this many shared with the chunk before (0: none); at most size / 4
    DocumentKind kind = DocumentKind::PlainText;
};

struct Chunk {
    qsizetype start = 0; // in UTF-16 code units of the document's text
    qsizetype end = 0;   // exclusive
    QString text;        // text.mid(start, end - start)
};

// The separators tried for a break, best first.
QStringList chunkSeparators(DocumentKind kind);

// Chunks covering the whole text, in order. Options out of range are
// clamped (size at least 50, overlap at most size / 4).
QList<Chunk> chunkText(const QString &text, ChunkOptions options);

} // namespace sextant
