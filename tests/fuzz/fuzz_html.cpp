// Fuzz target: the HTML visible-text tokenizer (engine/documents/HtmlText.h) and
// the character reference decoder. The input is taken as UTF-8 (invalid
// sequences become U+FFFD, as the document reader never passes them on).
// Properties: the text is never longer than the page (every break, space
// and character stands in for at least as many characters of markup or
// text); it neither starts nor ends with whitespace and never holds three
// newlines in a row outside <pre> (checked on pages without pre-like
// elements); the title is whitespace-collapsed; decoding references never
// lengthens text.

#include "FuzzSupport.h"

#include "documents/HtmlText.h"

using namespace sextant;

namespace {

// The whitespace the tokenizer collapses (other spaces are text to it).
bool isCollapsible(QChar c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f'; }

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QString page = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const documents::HtmlText out = documents::htmlVisibleText(page);
    if (out.text.size() > page.size()) fuzzsupport::propertyFailed("the visible text is longer than the page");
    if (out.title != out.title.simplified()) fuzzsupport::propertyFailed("the title is not whitespace-collapsed");
    const bool mayKeepWhitespace = page.contains(QLatin1String("<pre"), Qt::CaseInsensitive) ||
                                   page.contains(QLatin1String("<textarea"), Qt::CaseInsensitive) ||
                                   page.contains(QLatin1String("<listing"), Qt::CaseInsensitive) ||
                                   page.contains(QLatin1String("<plaintext"), Qt::CaseInsensitive);
    if (!mayKeepWhitespace && !out.text.isEmpty()) {
        if (isCollapsible(out.text.front())) fuzzsupport::propertyFailed("the text starts with whitespace");
        if (isCollapsible(out.text.back())) fuzzsupport::propertyFailed("the text ends with whitespace");
        if (out.text.contains(QLatin1String("\n\n\n"))) fuzzsupport::propertyFailed("three newlines in a row");
    }
    const QString decoded = documents::decodeHtmlEntities(page);
    if (decoded.size() > page.size()) fuzzsupport::propertyFailed("decoding references lengthened the text");
    return 0;
}
