#pragma once
// Text of a PDF through Poppler (Qt 6). The only file that includes
// Poppler, which drags Qt Gui in: kept behind this plain interface so the
// rest of the engine stays Core-only. Text extraction works in a
// QCoreApplication (no fonts are rendered).

#include "sextant/Error.h"
#include "sextant/DocumentText.h"

#include <QByteArray>
#include <QString>

namespace sextant::documents {

struct PdfText {
    QString title; // the Info dictionary's Title, else empty
    QString text;  // each page's text, pages separated by a blank line
    int pages = 0;
};

// Errors (MalformedInput, UnsupportedFormat when encrypted): "the PDF could
// not be read: ...", "the PDF is encrypted", "the PDF has no text layer
// (scanned pages?)", "too many pages (N; the limit is M)", "too much text (N characters by page P; the limit is M)" (reading
// stops at the page that crosses the limit).
Result<PdfText> extractPdfText(const QByteArray &bytes, const DocumentLimits &limits);

} // namespace sextant::documents
