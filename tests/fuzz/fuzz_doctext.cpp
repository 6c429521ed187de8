// Fuzz target: document text extraction (engine/include/sextant/DocumentText.h) for
// every type. The first byte picks the file name (and so the reader: plain
// text, Markdown, HTML, PDF through Poppler, code); the rest is the file.
// Properties: a document that reads has a title (at most 120 characters
// plus an ellipsis, never spanning lines), text within the limit and the
// type its name says; an error is a sentence.

#include "FuzzSupport.h"

#include "sextant/DocumentText.h"

using namespace sextant;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > fuzzsupport::kMaxInputBytes) return 0;
    static const char *const names[] = {"notes.txt", "guide.md", "page.html", "paper.pdf", "tool.py", "README"};
    static const char *const types[] = {"text", "markdown", "html", "pdf", "code", "text"};
    const int pick = data[0] % 6;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    documents::DocumentLimits limits;
    limits.maxTextChars = 256 * 1024;
    limits.maxPdfPages = 50;
    const Result<documents::DocumentText> doc =
        documents::extractDocumentText(bytes, QString::fromLatin1(names[pick]), limits);
    if (!doc.ok()) {
        if (doc.error().message().size() < 8) fuzzsupport::propertyFailed("an error without a sentence");
        return 0;
    }
    if (doc->type != QLatin1String(types[pick])) fuzzsupport::propertyFailed("the type is not the name's");
    if (doc->title.isEmpty()) fuzzsupport::propertyFailed("a document without a title");
    if (doc->title.size() > documents::kMaxTitleChars + 1 && doc->title != QLatin1String(names[pick]))
        fuzzsupport::propertyFailed("a title over the limit");
    if (doc->title.contains(u'\n')) fuzzsupport::propertyFailed("a title spanning lines");
    if (doc->text.size() > limits.maxTextChars) fuzzsupport::propertyFailed("text over the limit");
    return 0;
}
