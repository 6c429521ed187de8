#pragma once
// Cutting a document's text into overlapping chunks for embedding. Breaks
// fall where the document's own structure allows (headings, paragraphs,
// lines, sentences, words, in that order of preference), and the overlap is
// real: each chunk repeats at least `overlap` characters of the one before
// it, starting on a word (Vectra's overlap option does nothing).

#include "sextant/Api.h"
#include <QList>
#include <QString>
#include <QStringList>

namespace sextant::documents {

enum class DocumentKind { PlainText, Markdown, Html, Code };

// What a chunk's size and overlap count. Tokens are the words (runs of
// letters and digits) and the single other non-space characters, as the
// built-in embedder splits text: close to, but not the same as, a model's
// subword tokens (one of those is a word or part of one).
enum class ChunkUnit { Characters, Tokens };

struct SEXTANT_API ChunkOptions {
    int size = 1000;   // at most this many units (characters: UTF-16 code units) per chunk
    int overlap = 100; // at least this many shared with the chunk before (0: none); at most size / 4
    DocumentKind kind = DocumentKind::PlainText;
    ChunkUnit unit = ChunkUnit::Characters;
};

struct SEXTANT_API Chunk {
    qsizetype start = 0; // in UTF-16 code units of the document's text
    qsizetype end = 0;   // exclusive
    QString text;        // text.mid(start, end - start)
};

// The separators tried for a break, best first.
SEXTANT_API QStringList chunkSeparators(DocumentKind kind);

// Chunks covering the whole text, in order. Options out of range are
// clamped (size at least 50 characters or 10 tokens, overlap at most size / 4).
SEXTANT_API QList<Chunk> chunkText(const QString &text, ChunkOptions options);

} // namespace sextant::documents
