#include "documents/MarkdownTitle.h"

#include <QStringList>

namespace sextant::documents {

namespace {

QString unquoted(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front())
        value = value.mid(1, value.size() - 2);
    return value.trimmed();
}

// The value of `title: x` (YAML) or `title = "x"` (TOML) on one line.
QString titleFromFrontMatterLine(const QString &line, QChar assign)
{
    const qsizetype at = line.indexOf(assign);
    if (at < 0 || line.left(at).trimmed().compare(QLatin1String("title"), Qt::CaseInsensitive) != 0) return {};
    return unquoted(line.mid(at + 1));
}

// Splits off a front matter block; returns false when the text has none.
bool takeFrontMatter(const QString &text, MarkdownParts &parts)
{
    const QString fence = text.startsWith(QLatin1String("---\n"))   ? QStringLiteral("---")
                          : text.startsWith(QLatin1String("+++\n")) ? QStringLiteral("+++")
                                                                    : QString();
    if (fence.isEmpty()) return false;
    const QChar assign = fence == QLatin1String("+++") ? u'=' : u':';
    qsizetype start = fence.size() + 1;
    QString title;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0) end = text.size();
        const QString line = text.mid(start, end - start);
        const QString trimmed = line.trimmed();
        if (trimmed == fence || (fence == QLatin1String("---") && trimmed == QLatin1String("..."))) {
            parts.title = title;
            parts.body = text.mid(std::min(end + 1, text.size()));
            return true;
        }
        if (title.isEmpty()) title = titleFromFrontMatterLine(line, assign);
        start = end + 1;
    }
    return false; // never closed: an ordinary thematic break, not front matter
}

bool isFence(const QString &trimmed)
{
    return trimmed.startsWith(QLatin1String("```")) || trimmed.startsWith(QLatin1String("~~~"));
}

// "# Title #" → "Title"; empty when the line is no ATX heading.
QString atxHeading(const QString &line)
{
    qsizetype i = 0;
    while (i < line.size() && i < 3 && line[i] == u' ')
        ++i;
    const qsizetype hashes = i;
    while (i < line.size() && line[i] == u'#')
        ++i;
    const qsizetype level = i - hashes;
    if (level < 1 || level > 6) return {};
    if (i < line.size() && line[i] != u' ' && line[i] != u'\t') return {};
    QString content = line.mid(i).trimmed();
    while (content.endsWith(u'#'))
        content.chop(1); // closing sequence
    return content.trimmed();
}

bool isSetextUnderline(const QString &trimmed)
{
    if (trimmed.isEmpty()) return false;
    const QChar c = trimmed[0];
    if (c != u'=' && c != u'-') return false;
    for (const QChar x : trimmed)
        if (x != c) return false;
    return true;
}

QString firstHeading(const QString &body)
{
    const QStringList lines = body.split(u'\n');
    bool inFence = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString trimmed = lines[i].trimmed();
        if (isFence(trimmed)) {
            inFence = !inFence;
            continue;
        }
        if (inFence || trimmed.isEmpty()) continue;
        if (const QString atx = atxHeading(lines[i]); !atx.isEmpty()) return atx;
        // A paragraph line under a line of = or - (setext). Indented four
        // spaces it is code, and a list item is not a heading.
        const bool indentedCode = lines[i].startsWith(QLatin1String("    ")) || lines[i].startsWith(u'\t');
        if (!indentedCode && i + 1 < lines.size() && isSetextUnderline(lines[i + 1].trimmed()) &&
            !trimmed.startsWith(u'-') && !trimmed.startsWith(u'*'))
            return trimmed;
    }
    return {};
}

} // namespace

MarkdownParts splitMarkdown(const QString &text)
{
    MarkdownParts parts;
    if (!takeFrontMatter(text, parts)) parts.body = text;
    if (parts.title.isEmpty()) parts.title = firstHeading(parts.body);
    return parts;
}

} // namespace sextant::documents
