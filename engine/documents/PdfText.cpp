#include "documents/PdfText.h"
#include "documents/TextEncoding.h"

#include <poppler-qt6.h>

#include <QRectF>
#include <QVariant>
#include <mutex>

namespace sextant::documents {

namespace {

// Poppler reports why it failed through a process-wide callback, called on
// the thread that made the call; each thread keeps its first message so
// that the error can say what was wrong ("Invalid XRef entry", ...), and
// nothing is printed to stderr.
thread_local QString t_firstPopplerMessage;

void keepPopplerMessage(const QString &message, const QVariant &)
{
    if (t_firstPopplerMessage.isEmpty()) t_firstPopplerMessage = message.trimmed();
}

void routePopplerMessages()
{
    static std::once_flag once;
    std::call_once(once, [] { Poppler::setDebugErrorFunction(keepPopplerMessage, QVariant()); });
}

Error unreadable(const QString &why)
{
    return Error(ErrorCode::MalformedInput, QStringLiteral("the PDF could not be read: %1").arg(why));
}

} // namespace

Result<PdfText> extractPdfText(const QByteArray &bytes, const DocumentLimits &limits)
{
    routePopplerMessages();
    t_firstPopplerMessage.clear();
    if (!bytes.startsWith("%PDF-") && !bytes.left(1024).contains("%PDF-"))
        return unreadable(QStringLiteral("it does not start like a PDF (no %PDF- header)"));
    const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(bytes);
    if (!doc) {
        const QString why =
            t_firstPopplerMessage.isEmpty() ? QStringLiteral("it is damaged or not a PDF") : t_firstPopplerMessage;
        return unreadable(why);
    }
    if (doc->isLocked()) return Error(ErrorCode::UnsupportedFormat, QStringLiteral("the PDF is encrypted"));

    PdfText out;
    out.pages = doc->numPages();
    if (out.pages > limits.maxPdfPages)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("too many pages (%1; the limit is %2)").arg(out.pages).arg(limits.maxPdfPages));
    out.title = doc->info(QStringLiteral("Title")).simplified();
    bool anyText = false;
    for (int i = 0; i < out.pages; ++i) {
        const std::unique_ptr<Poppler::Page> page = doc->page(i);
        if (!page) continue; // a damaged page object: the others may still read
        const QString pageText = normalizeLineEnds(page->text(QRectF())).trimmed();
        if (pageText.isEmpty()) continue;
        if (anyText) out.text += QStringLiteral("\n\n");
        out.text += pageText;
        anyText = true;
        if (out.text.size() > limits.maxTextChars)
            return Error(ErrorCode::MalformedInput,
                         QStringLiteral("too much text (%1 characters by page %2; the limit is %3)")
                             .arg(out.text.size())
                             .arg(i + 1)
                             .arg(limits.maxTextChars));
    }
    if (!anyText) return Error(ErrorCode::MalformedInput, QStringLiteral("the PDF has no text layer (scanned pages?)"));
    return out;
}

} // namespace sextant::documents
