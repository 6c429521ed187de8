#include "sextant/DocumentText.h"
#include "documents/HtmlText.h"
#include "documents/MarkdownTitle.h"
#include "documents/PdfText.h"
#include "documents/TextEncoding.h"

#include <QFileInfo>
#include <QHash>
#include <QMimeDatabase>

namespace sextant::documents {

namespace {

QHash<QString, QString> typeTable(std::initializer_list<const char *> keys, const char *type,
                                  QHash<QString, QString> table = {})
{
    for (const char *k : keys)
        table.insert(QString::fromLatin1(k), QString::fromLatin1(type));
    return table;
}

// Extensions (lower case) → type. JSON and JSON Lines are left out on
// purpose: in a folder of documents they are mostly data (exports, vector
// files, lock files), whose text embeds as noise.
const QHash<QString, QString> &typeByExtension()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t = typeTable({"txt", "text", "log", "rst", "adoc", "asciidoc", "org"}, "text");
        t = typeTable({"md", "markdown", "mdx", "mkd"}, "markdown", t);
        t = typeTable({"html", "htm", "xhtml"}, "html", t);
        t = typeTable({"pdf"}, "pdf", t);
        t = typeTable({"c",    "cc",  "cpp",  "cxx",   "c++",    "h",      "hh",      "hpp", "hxx",    "py",   "pyi",
                       "js",   "mjs", "cjs",  "ts",    "tsx",    "jsx",    "java",    "go",  "rs",     "rb",   "sh",
                       "bash", "zsh", "fish", "cs",    "kt",     "kts",    "swift",   "php", "sql",    "lua",  "scala",
                       "hs",   "ml",  "mli",  "r",     "m",      "mm",     "pl",      "pm",  "toml",   "yaml", "yml",
                       "ini",  "cfg", "conf", "cmake", "gradle", "groovy", "dart",    "ex",  "exs",    "erl",  "clj",
                       "el",   "vim", "ps1",  "bat",   "fs",     "proto",  "graphql", "css", "scss",   "less", "qml",
                       "pro",  "pri", "mk",   "jl",    "nim",    "zig",    "f90",     "vue", "svelte", "tf"},
                      "code", t);
        return t;
    }();
    return table;
}

// Whole file names (lower case) that are documents whatever their extension.
const QHash<QString, QString> &typeByName()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t =
            typeTable({"readme", "license", "licence", "copying", "authors", "changelog", "changes", "news", "install",
                       "todo", "notice", "contributing", "contributors", "history", "thanks", "maintainers"},
                      "text");
        t = typeTable({"makefile", "gnumakefile", "cmakelists.txt", "dockerfile", "containerfile", "rakefile",
                       "gemfile", "meson.build", "jenkinsfile", "vagrantfile", "procfile", "justfile"},
                      "code", t);
        return t;
    }();
    return table;
}

DocumentKind kindOfType(const QString &type)
{
    if (type == QLatin1String("markdown")) return DocumentKind::Markdown;
    if (type == QLatin1String("html")) return DocumentKind::Html;
    if (type == QLatin1String("code")) return DocumentKind::Code;
    return DocumentKind::PlainText;
}

Error tooMuchText(qsizetype chars, qint64 limit)
{
    return Error(ErrorCode::MalformedInput,
                 QStringLiteral("too much text (%1 characters; the limit is %2)").arg(chars).arg(limit));
}

QString baseName(const QString &fileName) { return QFileInfo(fileName).fileName(); }

} // namespace

QString documentTypeForFileName(const QString &fileName)
{
    const QString name = baseName(fileName).toLower();
    if (name.isEmpty()) return {};
    if (const auto it = typeByName().constFind(name); it != typeByName().constEnd()) return *it;
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot <= 0) return {}; // no extension, or a hidden file such as .bashrc
    return typeByExtension().value(name.mid(dot + 1));
}

bool isDocumentFileName(const QString &fileName) { return !documentTypeForFileName(fileName).isEmpty(); }

QString tooLargeMessage(qint64 size, qint64 limit)
{
    QString have = sizeText(size), max = sizeText(limit);
    if (have == max) { // 64.0 MB over a 64 MB limit says nothing: give bytes
        have = QStringLiteral("%1 bytes").arg(size);
        max = QStringLiteral("%1 bytes").arg(limit);
    }
    return QStringLiteral("too large (%1; the limit is %2)").arg(have, max);
}

QString firstLineTitle(const QString &text)
{
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0) end = text.size();
        const QString line = text.mid(start, std::min<qsizetype>(end - start, 4 * kMaxTitleChars)).simplified();
        if (!line.isEmpty()) {
            if (line.size() <= kMaxTitleChars) return line;
            // Cut at the last space that leaves room for the ellipsis.
            qsizetype cut = line.lastIndexOf(u' ', kMaxTitleChars - 1);
            if (cut < kMaxTitleChars / 2) cut = kMaxTitleChars - 1;
            return line.left(cut) + QChar(0x2026);
        }
        start = end + 1;
    }
    return {};
}

Result<QString> documentTypeForContent(const QByteArray &bytes)
{
    const QMimeDatabase mimes;
    // By content only: the name has already said nothing (or something wrong).
    const QMimeType mime = mimes.mimeTypeForData(bytes);
    const auto is = [&](const char *name) { return mime.inherits(QLatin1String(name)); };
    if (is("application/pdf")) return QStringLiteral("pdf");
    if (is("text/html") || is("application/xhtml+xml")) return QStringLiteral("html");
    if (is("text/markdown")) return QStringLiteral("markdown");
    // Unknown data and anything text-like get the text checks: sniffing
    // sees a few bytes, the checks every byte.
    if (mime.isDefault() || is("text/plain")) {
        if (bytes.isEmpty()) return QStringLiteral("text");
        Result<QString> decoded = decodeDocumentBytes(bytes);
        if (!decoded.ok()) return decoded.error();
        return QStringLiteral("text");
    }
    return Error(ErrorCode::MalformedInput,
                 QStringLiteral("not a document: the content is %1 (%2), not text, Markdown, HTML or PDF")
                     .arg(mime.comment(), mime.name()));
}

Result<DocumentText> extractDocumentText(const QByteArray &bytes, const QString &fileName, const DocumentLimits &limits,
                                         const QString &type)
{
    if (bytes.size() > limits.maxFileBytes)
        return Error(ErrorCode::MalformedInput, tooLargeMessage(bytes.size(), limits.maxFileBytes));
    DocumentText doc;
    doc.type = type.isEmpty() ? documentTypeForFileName(fileName) : type;
    if (doc.type.isEmpty()) doc.type = QStringLiteral("text"); // asked to read it anyway: as plain text
    doc.kind = kindOfType(doc.type);
    const QString name = baseName(fileName);

    if (doc.type == QLatin1String("pdf")) {
        Result<PdfText> pdf = extractPdfText(bytes, limits);
        if (!pdf.ok()) return pdf.error();
        doc.text = std::move(pdf->text);
        doc.title = firstLineTitle(pdf->title);
        if (doc.title.isEmpty()) doc.title = firstLineTitle(doc.text);
        if (doc.title.isEmpty()) doc.title = name;
        return doc;
    }

    Result<QString> decoded = decodeDocumentBytes(bytes);
    if (!decoded.ok()) return decoded.error();
    QString text = normalizeLineEnds(decoded.takeValue());

    if (doc.type == QLatin1String("html")) {
        HtmlText html = htmlVisibleText(text);
        doc.text = std::move(html.text);
        doc.title = firstLineTitle(html.title);
    } else if (doc.type == QLatin1String("markdown")) {
        MarkdownParts md = splitMarkdown(text);
        doc.text = std::move(md.body);
        doc.title = firstLineTitle(md.title);
    } else if (doc.type == QLatin1String("code")) {
        doc.text = std::move(text);
    } else {
        doc.text = std::move(text);
        doc.title = firstLineTitle(doc.text);
    }
    if (doc.text.size() > limits.maxTextChars) return tooMuchText(doc.text.size(), limits.maxTextChars);
    if (doc.title.isEmpty()) doc.title = name;
    return doc;
}

} // namespace sextant::documents
