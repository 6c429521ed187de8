#include "documents/HtmlText.h"
#include "documents/TextEncoding.h"

#include <QSet>
#include <algorithm>

namespace sextant::documents {

namespace {

bool isAsciiLetter(QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }
bool isHtmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\f' || c == u'\r' || c == QChar(0xA0);
}

QSet<QString> nameSet(std::initializer_list<const char *> list)
{
    QSet<QString> set;
    for (const char *n : list)
        set.insert(QString::fromLatin1(n));
    return set;
}

// Elements that end a paragraph (a blank line before and after).
bool isParagraphElement(const QString &name)
{
    static const QSet<QString> set =
        nameSet({"p",          "div",    "section", "article", "header",  "footer",     "main", "aside",   "nav",
                 "blockquote", "pre",    "h1",      "h2",      "h3",      "h4",         "h5",   "h6",      "ul",
                 "ol",         "dl",     "table",   "form",    "figure",  "figcaption", "hr",   "address", "details",
                 "fieldset",   "center", "hgroup",  "menu",    "listing", "plaintext",  "body", "html"});
    return set.contains(name);
}

// Elements that end a line.
bool isLineElement(const QString &name)
{
    static const QSet<QString> set =
        nameSet({"br", "li", "tr", "dt", "dd", "option", "caption", "summary", "legend", "thead", "tbody", "tfoot"});
    return set.contains(name);
}

// Elements whose content is raw text up to their end tag: script and style
// are never shown; noscript is not with scripting on, which is what a
// reader sees; title is captured; textarea is shown as it is.
bool isRawTextElement(const QString &name)
{
    static const QSet<QString> set =
        nameSet({"script", "style", "noscript", "iframe", "noembed", "noframes", "xmp", "textarea", "title"});
    return set.contains(name);
}

// Elements whose whole subtree is not shown as text (nesting counted).
bool isHiddenSubtree(const QString &name)
{
    return name == QLatin1String("template") || name == QLatin1String("svg") || name == QLatin1String("math");
}

bool isPreformatted(const QString &name)
{
    return name == QLatin1String("pre") || name == QLatin1String("listing") || name == QLatin1String("plaintext");
}

// Collects visible text with the pending separator between runs, so that
// breaks and spaces never pile up and never lead or trail.
class TextSink {
public:
    void breakAt(int level) { m_pendingBreak = std::max(m_pendingBreak, level); }
    void space() { m_pendingSpace = true; }

    void addFlowing(QStringView s)
    {
        for (const QChar c : s) {
            if (isHtmlSpace(c)) {
                m_pendingSpace = true;
                continue;
            }
            flushSeparator();
            m_out.append(c);
        }
    }

    void addPreformatted(QStringView s)
    {
        if (s.isEmpty()) return;
        flushSeparator();
        m_out.append(s);
    }

    QString take() { return std::move(m_out); }

private:
    void flushSeparator()
    {
        if (!m_out.isEmpty()) {
            if (m_pendingBreak > 0) {
                while (m_out.endsWith(u' '))
                    m_out.chop(1);
                const int have = m_out.endsWith(QLatin1String("\n\n")) ? 2 : m_out.endsWith(u'\n') ? 1 : 0;
                for (int i = have; i < m_pendingBreak; ++i)
                    m_out.append(u'\n');
            } else if (m_pendingSpace && !m_out.endsWith(u'\n') && !m_out.endsWith(u' ')) {
                m_out.append(u' ');
            }
        }
        m_pendingBreak = 0;
        m_pendingSpace = false;
    }

    QString m_out;
    int m_pendingBreak = 0;
    bool m_pendingSpace = false;
};

class HtmlTextExtractor {
public:
    explicit HtmlTextExtractor(const QString &html) : m_html(html) { }

    HtmlText run()
    {
        const qsizetype n = m_html.size();
        qsizetype i = 0;
        while (i < n) {
            qsizetype lt = m_html.indexOf(u'<', i);
            if (lt < 0) lt = n;
            if (lt > i) text(QStringView(m_html).sliced(i, lt - i));
            if (lt >= n) break;
            i = markupAt(lt);
        }
        HtmlText out;
        out.title = m_title.simplified();
        if (out.title.isEmpty()) out.title = m_firstH1.simplified();
        out.text = m_sink.take();
        return out;
    }

private:
    // Handles the markup starting at m_html[at] == '<'; returns where text resumes.
    qsizetype markupAt(qsizetype at)
    {
        const qsizetype n = m_html.size();
        const QStringView rest = QStringView(m_html).sliced(at);
        if (rest.startsWith(QLatin1String("<!--"))) return after(m_html.indexOf(QLatin1String("-->"), at + 4), 3);
        if (rest.size() >= 2 && (rest[1] == u'!' || rest[1] == u'?')) return after(m_html.indexOf(u'>', at + 2), 1);
        if (rest.size() >= 3 && rest[1] == u'/' && isAsciiLetter(rest[2])) {
            const QString name = tagName(at + 2);
            endTag(name);
            return after(m_html.indexOf(u'>', at + 2), 1);
        }
        if (rest.size() >= 2 && isAsciiLetter(rest[1])) {
            const QString name = tagName(at + 1);
            bool selfClosing = false;
            const qsizetype end = endOfStartTag(at + 1 + name.size(), selfClosing);
            if (end >= n) return n; // a tag cut off by the end of the file shows nothing
            if (isRawTextElement(name)) return rawTextElement(name, end + 1);
            startTag(name, selfClosing);
            return end + 1;
        }
        text(u"<"); // a lone '<' is text
        return at + 1;
    }

    qsizetype after(qsizetype found, qsizetype length) const { return found < 0 ? m_html.size() : found + length; }

    QString tagName(qsizetype from) const
    {
        qsizetype i = from;
        while (i < m_html.size() && !isHtmlSpace(m_html[i]) && m_html[i] != u'/' && m_html[i] != u'>')
            ++i;
        return m_html.sliced(from, i - from).toLower();
    }

    // The '>' closing a start tag, skipping quoted attribute values (a '>'
    // in href="a>b" does not end the tag); m_html.size() when there is none.
    qsizetype endOfStartTag(qsizetype from, bool &selfClosing) const
    {
        QChar quote;
        QChar previous;
        for (qsizetype i = from; i < m_html.size(); ++i) {
            const QChar c = m_html[i];
            if (!quote.isNull()) {
                if (c == quote) quote = QChar();
                continue;
            }
            if ((c == u'"' || c == u'\'') && previous == u'=') {
                quote = c;
            } else if (c == u'>') {
                selfClosing = previous == u'/';
                return i;
            }
            if (!isHtmlSpace(c)) previous = c;
        }
        return m_html.size();
    }

    // The content of a raw text element runs to "</name" followed by a
    // space, '/' or '>'; returns where text resumes after its end tag.
    qsizetype rawTextElement(const QString &name, qsizetype contentStart)
    {
        const QString closing = QStringLiteral("</") + name;
        qsizetype end = contentStart;
        for (;;) {
            end = m_html.indexOf(closing, end, Qt::CaseInsensitive);
            if (end < 0) {
                end = m_html.size();
                break;
            }
            const qsizetype next = end + closing.size();
            if (next >= m_html.size() || isHtmlSpace(m_html[next]) || m_html[next] == u'/' || m_html[next] == u'>')
                break;
            end = next;
        }
        const QStringView content = QStringView(m_html).sliced(contentStart, end - contentStart);
        if (m_hiddenDepth == 0) {
            if (name == QLatin1String("title") && !m_sawTitle) {
                m_sawTitle = true;
                m_title = decodeHtmlEntities(content);
            } else if (name == QLatin1String("textarea") && !m_inHead) {
                m_sink.breakAt(1);
                m_sink.addPreformatted(decodeHtmlEntities(content));
                m_sink.breakAt(1);
            }
        }
        return end >= m_html.size() ? end : after(m_html.indexOf(u'>', end), 1);
    }

    void startTag(const QString &name, bool selfClosing)
    {
        if (isHiddenSubtree(name)) {
            if (!selfClosing) ++m_hiddenDepth;
            return;
        }
        if (m_hiddenDepth > 0) return;
        if (name == QLatin1String("head")) m_inHead = true;
        if (name == QLatin1String("body")) m_inHead = false;
        if (isPreformatted(name) && !selfClosing) {
            ++m_preDepth;
            m_preJustOpened = true;
        }
        if (name == QLatin1String("h1") && !selfClosing) ++m_h1Depth;
        block(name);
    }

    void endTag(const QString &name)
    {
        if (isHiddenSubtree(name)) {
            if (m_hiddenDepth > 0) --m_hiddenDepth;
            return;
        }
        if (m_hiddenDepth > 0) return;
        if (name == QLatin1String("head")) m_inHead = false;
        if (isPreformatted(name) && m_preDepth > 0) --m_preDepth;
        if (name == QLatin1String("h1") && m_h1Depth > 0) {
            --m_h1Depth;
            if (m_h1Depth == 0 && m_firstH1.trimmed().isEmpty()) m_firstH1 = m_h1Text;
            m_h1Text.clear();
        }
        block(name);
    }

    void block(const QString &name)
    {
        if (isParagraphElement(name)) {
            m_sink.breakAt(2);
        } else if (isLineElement(name)) {
            m_sink.breakAt(1);
        } else if (name == QLatin1String("td") || name == QLatin1String("th")) {
            m_sink.space(); // cells of a row stay on its line
        }
    }

    void text(QStringView raw)
    {
        if (m_hiddenDepth > 0 || m_inHead) return;
        QString decoded = decodeHtmlEntities(raw);
        if (m_h1Depth > 0) m_h1Text += decoded;
        if (m_preDepth > 0) {
            // A newline right after <pre> is not content (the HTML parsing rules).
            if (m_preJustOpened && decoded.startsWith(u'\n')) decoded.remove(0, 1);
            m_preJustOpened = false;
            m_sink.addPreformatted(decoded);
        } else {
            m_sink.addFlowing(decoded);
        }
    }

    const QString &m_html;
    TextSink m_sink;
    QString m_title;
    QString m_firstH1;
    QString m_h1Text;
    bool m_sawTitle = false;
    bool m_inHead = false;
    bool m_preJustOpened = false;
    int m_hiddenDepth = 0;
    int m_preDepth = 0;
    int m_h1Depth = 0;
};

} // namespace

HtmlText htmlVisibleText(const QString &html)
{
    const QString normalized = normalizeLineEnds(html);
    return HtmlTextExtractor(normalized).run();
}

} // namespace sextant::documents
