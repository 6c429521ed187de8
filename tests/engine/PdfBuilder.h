#pragma once
// Minimal PDF files written by hand for the document tests: one Helvetica
// font, one content stream per page with a line of text per Tj, an Info
// dictionary, and an xref table whose offsets are computed from the bytes,
// so that Poppler reads them without reconstructing anything.

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace testsupport {

struct PdfSpec {
    QList<QStringList> pages; // lines of ASCII text per page (an empty page has no text)
    QByteArray title;         // Info /Title; none when empty
    bool encrypted = false;   // an /Encrypt dictionary whose password check fails
};

inline QByteArray pdfString(const QString &s)
{
    QByteArray out = s.toLatin1();
    out.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    return '(' + out + ')';
}

inline QByteArray buildPdf(const PdfSpec &spec)
{
    QList<QByteArray> objects; // object i + 1
    const int pageCount = int(spec.pages.size());
    // 1 catalog, 2 pages, 3 font, then page/content pairs, then info, encrypt.
    QByteArray kids;
    for (int p = 0; p < pageCount; ++p)
        kids += QByteArray::number(4 + 2 * p) + " 0 R ";
    objects << "<< /Type /Catalog /Pages 2 0 R >>";
    objects << "<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pageCount) + " >>";
    objects << "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    for (int p = 0; p < pageCount; ++p) {
        QByteArray content;
        if (!spec.pages[p].isEmpty()) {
            content = "BT /F1 14 Tf 72 720 Td 18 TL\n";
            for (const QString &line : spec.pages[p])
                content += pdfString(line) + " Tj T*\n";
            content += "ET\n";
        }
        objects << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + QByteArray::number(5 + 2 * p) +
                       " 0 R /Resources << /Font << /F1 3 0 R >> >> >>";
        objects << "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "endstream";
    }
    int infoObject = 0, encryptObject = 0;
    if (!spec.title.isEmpty()) {
        objects << "<< /Title " + pdfString(QString::fromLatin1(spec.title)) + " /Producer (tst_documents) >>";
        infoObject = int(objects.size());
    }
    if (spec.encrypted) {
        // RC4 40-bit with /O and /U that match no password: Poppler cannot
        // open it with the empty user password, so it is locked.
        const QByteArray junk(32, '\x5a');
        objects << "<< /Filter /Standard /V 1 /R 2 /O <" + junk.toHex() + "> /U <" + junk.toHex() + "> /P -44 >>";
        encryptObject = int(objects.size());
    }

    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype off : offsets)
        pdf += QByteArray::number(off).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R";
    if (infoObject) pdf += " /Info " + QByteArray::number(infoObject) + " 0 R";
    if (encryptObject)
        pdf += " /Encrypt " + QByteArray::number(encryptObject) +
               " 0 R /ID [<0123456789abcdef0123456789abcdef> "
               "<0123456789abcdef0123456789abcdef>]";
    pdf += " >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace testsupport
