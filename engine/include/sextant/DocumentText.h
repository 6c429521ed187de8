#pragma once
// The text and title of one document (plain text, Markdown, HTML, PDF,
// source code), for chunking and embedding. Documents are untrusted input:
// every reader has limits, and a file that is not what its name says gets a
// sentence saying so, never a crash. docs/documents.md describes the rules.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Chunker.h"

#include <QByteArray>
#include <QString>

namespace sextant::documents {

struct SEXTANT_API DocumentLimits {
    qint64 maxFileBytes = 64ll << 20;
    qint64 maxTextChars = 32ll << 20; // UTF-16 code units of extracted text
    int maxPdfPages = 5000;
};

struct SEXTANT_API DocumentText {
    QString title;
    QString text;
    DocumentKind kind = DocumentKind::PlainText;
    QString type; // "text", "markdown", "html", "pdf", "code"
};

// Which files are documents, by name (extension; also well-known names like
// README, LICENSE, Makefile). Case does not matter.
SEXTANT_API bool isDocumentFileName(const QString &fileName);

// The type isDocumentFileName's rules give a name ("text", "markdown",
// "html", "pdf", "code"), or an empty string when it is no document.
SEXTANT_API QString documentTypeForFileName(const QString &fileName);

// The type of a file the user named explicitly whose name says nothing
// (README.Debian, GPL-3, Apache-2.0, a file without extension): decided by
// content, as editors do. The shared MIME database's sniffing (PDF, HTML,
// Markdown, text) and, for what it calls unknown data, the text checks of
// decodeDocumentBytes. An Error(MalformedInput) says what the content is
// instead: "not a document: the content is a ELF executable
// (application/x-executable)", "not text: binary data at byte 1234".
SEXTANT_API Result<QString> documentTypeForContent(const QByteArray &bytes);

// Text and title of one document. Errors (MalformedInput, or InvalidArgument
// for the limits) are sentences: "too large (70 MB; the limit is 64 MB)",
// "not text: binary data at byte 1234", "not valid UTF-8 or UTF-16 text",
// "the PDF could not be read: ...", "the PDF is encrypted", "the PDF has no
// text layer (scanned pages?)".
// `type` (as documentTypeForContent gives it) overrides what the name says.
SEXTANT_API Result<DocumentText> extractDocumentText(const QByteArray &bytes, const QString &fileName,
                                                     const DocumentLimits &limits = {}, const QString &type = {});

// Titles: at most this many characters (a longer line is cut at a word).
constexpr int kMaxTitleChars = 120;
// The first non-empty line of `text`, trimmed and shortened to kMaxTitleChars.
SEXTANT_API QString firstLineTitle(const QString &text);
// "too large (70 MB; the limit is 64 MB)"
SEXTANT_API QString tooLargeMessage(qint64 size, qint64 limit);

} // namespace sextant::documents
