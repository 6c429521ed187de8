// Document text extraction (sextant/DocumentText.h): every type, the encodings a
// text file may come in, titles, the HTML tokenizer's rules, PDFs written by
// the test (valid, damaged, encrypted, without text), binary data and limits.

#include "sextant/DocumentText.h"
#include "documents/HtmlText.h"

#include "PdfBuilder.h"

#include <QCoreApplication>
#include <QtTest>

using namespace sextant;
using namespace sextant::documents;

namespace {

DocumentText extracted(const QByteArray &bytes, const QString &name, const DocumentLimits &limits = {})
{
    Result<DocumentText> r = extractDocumentText(bytes, name, limits);
    if (!r.ok()) qWarning("%s: %s", qPrintable(name), qPrintable(r.error().message()));
    return r.ok() ? r.takeValue()
                  : DocumentText{
                        QStringLiteral("<error>"), QStringLiteral("<error>"), documents::DocumentKind::PlainText, {}};
}

QString errorOf(const QByteArray &bytes, const QString &name, const DocumentLimits &limits = {})
{
    const Result<DocumentText> r = extractDocumentText(bytes, name, limits);
    return r.ok() ? QStringLiteral("<no error>") : r.error().message();
}

QString html(const char *markup) { return htmlVisibleText(QString::fromUtf8(markup)).text; }

} // namespace

class TestDocuments : public QObject {
    Q_OBJECT

private slots:
    void documentFileNames_data();
    void documentFileNames();
    void plainTextTitleIsTheFirstLine();
    void longFirstLineIsCutAtAWord();
    void markdownTitles_data();
    void markdownTitles();
    void codeIsTitledByItsFileName();
    void encodings_data();
    void encodings();
    void binaryAndInvalidTextIsRefused_data();
    void binaryAndInvalidTextIsRefused();
    void htmlSkipsWhatIsNotShown();
    void htmlEntities();
    void htmlBlocksBreakAndWhitespaceCollapses();
    void htmlPreKeepsItsWhitespace();
    void htmlTitleFallsBackToTheFirstH1();
    void htmlSurvivesBrokenMarkup();
    void htmlDocument();
    void pdfText();
    void pdfTitleFromFirstLineWithoutInfo();
    void pdfNeedsNoGuiApplication();
    void damagedPdfIsRefused();
    void encryptedPdfIsRefused();
    void pdfWithoutTextIsRefused();
    void pdfPageLimit();
    void fileSizeLimit();
    void textLimit();
    void emptyFileHasItsNameAsTitle();
};

void TestDocuments::documentFileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    const QList<QPair<const char *, const char *>> rows = {
        {"notes.txt", "text"},
        {"server.LOG", "text"},
        {"README", "text"},
        {"docs/LICENSE", "text"},
        {"guide.md", "markdown"},
        {"x.MDX", "markdown"},
        {"page.html", "html"},
        {"a.xhtml", "html"},
        {"paper.pdf", "pdf"},
        {"main.cpp", "code"},
        {"tool.PY", "code"},
        {"Makefile", "code"},
        {"CMakeLists.txt", "code"},
        {"config.yaml", "code"},
        {"data.json", ""},
        {"items.jsonl", ""},
        {".bashrc", ""},
        {"photo.jpg", ""},
        {"bundle.zip", ""},
        {"archive.tar.gz", ""},
        {"noextension", ""},
        {"", ""},
    };
    for (const auto &[name, type] : rows)
        QTest::newRow(name) << QString::fromUtf8(name) << QString::fromUtf8(type);
}

void TestDocuments::documentFileNames()
{
    QFETCH(QString, name);
    QFETCH(QString, type);
    QCOMPARE(documentTypeForFileName(name), type);
    QCOMPARE(isDocumentFileName(name), !type.isEmpty());
}

void TestDocuments::plainTextTitleIsTheFirstLine()
{
    const DocumentText d = extracted("\n\n   Quarterly   report  \r\nSecond line\r\n", QStringLiteral("r.txt"));
    QCOMPARE(d.type, QStringLiteral("text"));
    QCOMPARE(d.kind, documents::DocumentKind::PlainText);
    QCOMPARE(d.title, QStringLiteral("Quarterly report"));
    QCOMPARE(d.text, QStringLiteral("\n\n   Quarterly   report  \nSecond line\n")); // CRLF → LF, nothing else changed
}

void TestDocuments::longFirstLineIsCutAtAWord()
{
    QByteArray line;
    for (int i = 0; i < 40; ++i)
        line += "word" + QByteArray::number(i) + ' ';
    const DocumentText d = extracted(line + "\nrest", QStringLiteral("long.txt"));
    QVERIFY(d.title.size() <= kMaxTitleChars);
    QVERIFY(d.title.endsWith(QChar(0x2026)));
    const QString kept = d.title.chopped(1);
    QVERIFY(QString::fromLatin1(line).startsWith(kept));
    QCOMPARE(QString::fromLatin1(line).at(kept.size()), u' '); // cut before a space, not inside a word
}

void TestDocuments::markdownTitles_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("bodyStart");
    QTest::newRow("atx") << QByteArray("intro text\n\n## Install ##\nsteps") << QStringLiteral("Install")
                         << QStringLiteral("intro");
    QTest::newRow("front matter") << QByteArray("---\nlayout: post\ntitle: \"Hello: world\"\n---\n# Other\nbody")
                                  << QStringLiteral("Hello: world") << QStringLiteral("# Other");
    QTest::newRow("toml front matter") << QByteArray("+++\ntitle = 'Hugo page'\n+++\ntext")
                                       << QStringLiteral("Hugo page") << QStringLiteral("text");
    QTest::newRow("front matter without title")
        << QByteArray("---\ntags: [a]\n---\n# Heading\n") << QStringLiteral("Heading") << QStringLiteral("# Heading");
    QTest::newRow("setext") << QByteArray("Big Title\n=========\n\ntext") << QStringLiteral("Big Title")
                            << QStringLiteral("Big");
    QTest::newRow("heading in code fence skipped")
        << QByteArray("```\n# not a title\n```\n\n# Real\n") << QStringLiteral("Real") << QStringLiteral("```");
    QTest::newRow("hashtag is no heading")
        << QByteArray("#hashtag line\nmore") << QStringLiteral("m.md") << QStringLiteral("#hashtag");
    QTest::newRow("unclosed front matter is text")
        << QByteArray("---\ntitle: x\n") << QStringLiteral("m.md") << QStringLiteral("---");
}

void TestDocuments::markdownTitles()
{
    QFETCH(QByteArray, markdown);
    QFETCH(QString, title);
    QFETCH(QString, bodyStart);
    const DocumentText d = extracted(markdown, QStringLiteral("m.md"));
    QCOMPARE(d.kind, documents::DocumentKind::Markdown);
    QCOMPARE(d.type, QStringLiteral("markdown"));
    QCOMPARE(d.title, title);
    QVERIFY2(d.text.startsWith(bodyStart), qPrintable(d.text));
}

void TestDocuments::codeIsTitledByItsFileName()
{
    const DocumentText d =
        extracted("// A comment first line\nint main() { return 0; }\n", QStringLiteral("src/main.cpp"));
    QCOMPARE(d.kind, documents::DocumentKind::Code);
    QCOMPARE(d.type, QStringLiteral("code"));
    QCOMPARE(d.title, QStringLiteral("main.cpp"));
    QVERIFY(d.text.contains(QLatin1String("int main()")));
}

void TestDocuments::encodings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    const QString cafe = QStringLiteral("Caf\u00e9 \u20ac 5 \u6771\u4eac");
    QTest::newRow("utf-8") << cafe.toUtf8() << cafe;
    QTest::newRow("utf-8 with BOM") << QByteArray("\xEF\xBB\xBF") + cafe.toUtf8() << cafe;
    QByteArray le("\xFF\xFE"), be("\xFE\xFF");
    for (const QChar c : cafe) {
        le += char(c.unicode() & 0xFF);
        le += char(c.unicode() >> 8);
        be += char(c.unicode() >> 8);
        be += char(c.unicode() & 0xFF);
    }
    QTest::newRow("utf-16 le") << le << cafe;
    QTest::newRow("utf-16 be") << be << cafe;
    QTest::newRow("windows-1252") << QByteArray("Caf\xE9 \x80 5 \x93quoted\x94")
                                  << QStringLiteral("Caf\u00e9 \u20ac 5 \u201cquoted\u201d");
    QTest::newRow("latin-1") << QByteArray("Stra\xDF"
                                           "e \xFC"
                                           "ber")
                             << QStringLiteral("Stra\u00dfe \u00fcber");
    QTest::newRow("dos end of file") << QByteArray("old file\r\n\x1A") << QStringLiteral("old file\n");
    QTest::newRow("ansi colours in a log")
        << QByteArray("\x1b[31merror\x1b[0m\tx\f") << QStringLiteral("\x1b[31merror\x1b[0m\tx\f");
}

void TestDocuments::encodings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QCOMPARE(extracted(bytes, QStringLiteral("e.txt")).text, text);
}

void TestDocuments::binaryAndInvalidTextIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    QTest::newRow("nul") << QByteArray("hello world\0binary", 18) << QStringLiteral("not text: binary data at byte 11");
    QTest::newRow("control byte") << QByteArray("ab\x01"
                                                "cd")
                                  << QStringLiteral("not text: binary data at byte 2");
    QTest::newRow("png header") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                                << QStringLiteral("not text: binary data at byte 6");
    QTest::newRow("utf-16 without bom") << QByteArray("h\0i\0", 4) << QStringLiteral("not text: binary data at byte 1");
    QTest::newRow("nul in utf-16") << QByteArray("\xFF\xFEh\0\0\0", 6)
                                   << QStringLiteral("not text: binary data at byte 4");
    QTest::newRow("byte windows-1252 leaves undefined")
        << QByteArray("caf\xE9 \x81") << QStringLiteral("not valid UTF-8 or UTF-16 text");
    QTest::newRow("bom says utf-8 but is not") << QByteArray("\xEF\xBB\xBF"
                                                             "caf\xE9")
                                               << QStringLiteral("not valid UTF-8 or UTF-16 text");
    QTest::newRow("odd utf-16") << QByteArray("\xFF\xFEh\0i", 5) << QStringLiteral("not valid UTF-8 or UTF-16 text");
    QTest::newRow("unpaired surrogate") << QByteArray("\xFF\xFEh\0\x00\xD8h\0", 8)
                                        << QStringLiteral("not valid UTF-8 or UTF-16 text");
}

void TestDocuments::binaryAndInvalidTextIsRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    for (const QString &name :
         {QStringLiteral("x.txt"), QStringLiteral("x.md"), QStringLiteral("x.html"), QStringLiteral("x.c")})
        QCOMPARE(errorOf(bytes, name), error);
}

void TestDocuments::htmlSkipsWhatIsNotShown()
{
    const QString t = html("<html><head><title>T</title><style>p{color:red}</style><meta charset=utf-8>"
                           "<script>var hidden = '</scr' + 'ipt>';</script>head text</head>"
                           "<body><p>Visible one</p><script type=module>if (a < b) alert(1)</script>"
                           "<noscript>Enable JavaScript</noscript><template><p>Later</p></template>"
                           "<svg viewBox='0 0 1 1'><title>Icon</title><text>svg text</text></svg>"
                           "<!-- a comment <p>not shown</p> --><p>Visible two</p></body></html>");
    QCOMPARE(t, QStringLiteral("Visible one\n\nVisible two"));
}

void TestDocuments::htmlEntities()
{
    QCOMPARE(decodeHtmlEntities(u"a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;"),
             QStringLiteral("a & b <c> \"d\" 'e'"));
    QCOMPARE(decodeHtmlEntities(u"caf&eacute; &Auml;&yuml; &euro;5 &mdash; &hellip; &copy;"),
             QStringLiteral("caf\u00e9 \u00c4\u00ff \u20ac5 \u2014 \u2026 \u00a9"));
    QCOMPARE(decodeHtmlEntities(u"&#233;&#xE9;&#XE9;&#x1F600;&#65"), QStringLiteral("\u00e9\u00e9\u00e9\U0001F600A"));
    QCOMPARE(decodeHtmlEntities(u"&#0;&#xD800;&#x110000;&#99999999999;&#150;"),
             QStringLiteral("\ufffd\ufffd\ufffd\ufffd\u2013"));
    QCOMPARE(decodeHtmlEntities(u"&bogus; &amp &; &#; &#x; AT&T"), QStringLiteral("&bogus; &amp &; &#; &#x; AT&T"));
    QCOMPARE(decodeHtmlEntities(u"&alpha;&omega;&Omega;"), QStringLiteral("\u03b1\u03c9\u03a9"));
    QCOMPARE(html("<p>Fish &amp; chips&nbsp;today &lt;b&gt;</p>"), QStringLiteral("Fish & chips today <b>"));
}

void TestDocuments::htmlBlocksBreakAndWhitespaceCollapses()
{
    QCOMPARE(html("<h1>  Title\n  here </h1>\n<p>One\n\n   two\tthree</p><p>Next<br>line</p>"
                  "<ul><li>a</li><li>b</li></ul><table><tr><td>c1</td><td>c2</td></tr><tr><td>d1</td></tr></table>"
                  "<div>x<span>y</span> <b>z</b></div>"),
             QStringLiteral("Title here\n\nOne two three\n\nNext\nline\n\na\nb\n\nc1 c2\nd1\n\nxy z"));
}

void TestDocuments::htmlPreKeepsItsWhitespace()
{
    QCOMPARE(html("<p>Before</p><pre>\n  int  x;\n\n  return &lt;x&gt;;\n</pre><p>After   it</p>"),
             QStringLiteral("Before\n\n  int  x;\n\n  return <x>;\n\nAfter it"));
}

void TestDocuments::htmlTitleFallsBackToTheFirstH1()
{
    HtmlText h =
        htmlVisibleText(QStringLiteral("<body><h2>Sub</h2><h1>The <em>real</em> &amp; title</h1><h1>Second</h1>"));
    QCOMPARE(h.title, QStringLiteral("The real & title"));
    h = htmlVisibleText(QStringLiteral("<title>\n  Page &amp; co\n</title><h1>Heading</h1>"));
    QCOMPARE(h.title, QStringLiteral("Page & co"));
    h = htmlVisibleText(QStringLiteral("<p>no title</p>"));
    QCOMPARE(h.title, QString());
    QCOMPARE(extracted("<p>no title</p>", QStringLiteral("page.htm")).title, QStringLiteral("page.htm"));
}

void TestDocuments::htmlSurvivesBrokenMarkup()
{
    QCOMPARE(html("a < b and c<d"), QStringLiteral("a < b and c")); // "<d" opens a tag cut off by the end
    QCOMPARE(html("<a href=\"x>y\" title='q>'>link</a> text"), QStringLiteral("link text"));
    QCOMPARE(html("<p>open <script>never closed"), QStringLiteral("open"));
    QCOMPARE(html("<!-- unclosed comment"), QString());
    QCOMPARE(html("</p></div>text</svg></template>still<p>shown"),
             QStringLiteral("textstill\n\nshown")); // stray ends hide nothing
    QCOMPARE(html("<textarea>keep  &amp; <b>this</b></textarea>"), QStringLiteral("keep  & <b>this</b>"));
    QCOMPARE(html("<![CDATA[x]]>y<?php echo 1 ?>z"), QStringLiteral("yz"));
    // Deep nesting costs nothing: the tokenizer keeps counters, not a stack.
    QByteArray deep;
    for (int i = 0; i < 100000; ++i)
        deep += "<div><svg>";
    deep += "hidden";
    for (int i = 0; i < 100000; ++i)
        deep += "</svg></div>";
    deep += "shown";
    QCOMPARE(html(deep.constData()), QStringLiteral("shown"));
}

void TestDocuments::htmlDocument()
{
    const DocumentText d = extracted("<!DOCTYPE html>\r\n<html><head><title>Caf&eacute;</title></head>"
                                     "<body><h1>Menu</h1><p>Coffee</p></body></html>",
                                     QStringLiteral("menu.html"));
    QCOMPARE(d.kind, documents::DocumentKind::Html);
    QCOMPARE(d.type, QStringLiteral("html"));
    QCOMPARE(d.title, QStringLiteral("Caf\u00e9"));
    QCOMPARE(d.text, QStringLiteral("Menu\n\nCoffee"));
}

void TestDocuments::pdfText()
{
    testsupport::PdfSpec spec;
    spec.pages = {{QStringLiteral("First page heading"), QStringLiteral("Some (text) here")},
                  {QStringLiteral("Second page")}};
    spec.title = "A Handmade PDF";
    const DocumentText d = extracted(testsupport::buildPdf(spec), QStringLiteral("paper.pdf"));
    QCOMPARE(d.type, QStringLiteral("pdf"));
    QCOMPARE(d.kind, documents::DocumentKind::PlainText);
    QCOMPARE(d.title, QStringLiteral("A Handmade PDF"));
    QCOMPARE(d.text, QStringLiteral("First page heading\nSome (text) here\n\nSecond page"));
}

void TestDocuments::pdfTitleFromFirstLineWithoutInfo()
{
    testsupport::PdfSpec spec;
    spec.pages = {{}, {QStringLiteral("Opening line"), QStringLiteral("more")}};
    const DocumentText d = extracted(testsupport::buildPdf(spec), QStringLiteral("x.pdf"));
    QCOMPARE(d.title, QStringLiteral("Opening line"));
    QCOMPARE(d.text, QStringLiteral("Opening line\nmore"));
}

void TestDocuments::pdfNeedsNoGuiApplication()
{
    // The engine tests, the CLI and import workers run without a GUI application.
    QVERIFY(QCoreApplication::instance());
    QVERIFY(!QCoreApplication::instance()->inherits("QGuiApplication"));
    pdfText();
}

void TestDocuments::damagedPdfIsRefused()
{
    testsupport::PdfSpec spec;
    spec.pages = {{QStringLiteral("text")}};
    const QByteArray good = testsupport::buildPdf(spec);
    QVERIFY(errorOf("%PDF-1.4\ngarbage garbage\n%%EOF\n", QStringLiteral("g.pdf"))
                .startsWith(QLatin1String("the PDF could not be read: ")));
    QCOMPARE(errorOf("not a pdf at all", QStringLiteral("n.pdf")),
             QStringLiteral("the PDF could not be read: it does not start like a PDF (no %PDF- header)"));
    // Every truncation either reads (Poppler rebuilds the xref) or gives the
    // sentence; none crashes.
    for (qsizetype cut = 9; cut < good.size(); cut += 7) {
        const Result<DocumentText> r = extractDocumentText(good.left(cut), QStringLiteral("t.pdf"));
        if (!r.ok())
            QVERIFY2(r.error().message().startsWith(QLatin1String("the PDF ")), qPrintable(r.error().message()));
    }
}

void TestDocuments::encryptedPdfIsRefused()
{
    testsupport::PdfSpec spec;
    spec.pages = {{QStringLiteral("secret")}};
    spec.encrypted = true;
    const Result<DocumentText> r = extractDocumentText(testsupport::buildPdf(spec), QStringLiteral("locked.pdf"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message(), QStringLiteral("the PDF is encrypted"));
    QCOMPARE(r.error().code(), ErrorCode::UnsupportedFormat);
}

void TestDocuments::pdfWithoutTextIsRefused()
{
    testsupport::PdfSpec spec;
    spec.pages = {{}, {}};
    QCOMPARE(errorOf(testsupport::buildPdf(spec), QStringLiteral("scan.pdf")),
             QStringLiteral("the PDF has no text layer (scanned pages?)"));
}

void TestDocuments::pdfPageLimit()
{
    testsupport::PdfSpec spec;
    for (int i = 0; i < 4; ++i)
        spec.pages << QStringList{QStringLiteral("page %1").arg(i)};
    DocumentLimits limits;
    limits.maxPdfPages = 3;
    QCOMPARE(errorOf(testsupport::buildPdf(spec), QStringLiteral("p.pdf"), limits),
             QStringLiteral("too many pages (4; the limit is 3)"));
    limits.maxPdfPages = 4;
    QCOMPARE(extracted(testsupport::buildPdf(spec), QStringLiteral("p.pdf"), limits).text.count(QLatin1String("page ")),
             4);
}

void TestDocuments::fileSizeLimit()
{
    DocumentLimits limits;
    limits.maxFileBytes = 64ll << 20;
    QByteArray big(70 << 20, 'a');
    QCOMPARE(errorOf(big, QStringLiteral("big.txt"), limits), QStringLiteral("too large (70 MB; the limit is 64 MB)"));
    big.resize((64 << 20) + 1);
    QCOMPARE(errorOf(big, QStringLiteral("big.txt"), limits),
             QStringLiteral("too large (67108865 bytes; the limit is 67108864 bytes)"));
    limits.maxFileBytes = 10;
    QCOMPARE(errorOf("12345678901", QStringLiteral("x.pdf"), limits),
             QStringLiteral("too large (11 bytes; the limit is 10 bytes)"));
    QCOMPARE(extracted("1234567890", QStringLiteral("x.txt"), limits).text, QStringLiteral("1234567890"));
}

void TestDocuments::textLimit()
{
    DocumentLimits limits;
    limits.maxTextChars = 5;
    QCOMPARE(errorOf("123456", QStringLiteral("x.txt"), limits),
             QStringLiteral("too much text (6 characters; the limit is 5)"));
    QCOMPARE(extracted("<p>12345</p><script>lots of script</script>", QStringLiteral("x.html"), limits).text,
             QStringLiteral("12345"));
    testsupport::PdfSpec spec;
    spec.pages = {{QStringLiteral("abc")}, {QStringLiteral("defghij")}, {QStringLiteral("never read")}};
    limits.maxTextChars = 8;
    QCOMPARE(errorOf(testsupport::buildPdf(spec), QStringLiteral("x.pdf"), limits),
             QStringLiteral("too much text (12 characters by page 2; the limit is 8)"));
}

void TestDocuments::emptyFileHasItsNameAsTitle()
{
    const DocumentText d = extracted(QByteArray(), QStringLiteral("dir/empty.txt"));
    QCOMPARE(d.title, QStringLiteral("empty.txt"));
    QCOMPARE(d.text, QString());
}

QTEST_GUILESS_MAIN(TestDocuments)
#include "tst_documents.moc"
