#include "FilterEdit.h"

#include "sextant/Filter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextBlock>

namespace sextant::ui {

namespace {

// Blends two colours: t = 0 gives a, 1 gives b.
QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

bool isDark(const QPalette &palette) { return palette.color(QPalette::Base).lightness() < 128; }

} // namespace

// Colours the filter language token by token. JSON strings cannot span lines
// (control characters are not allowed in them), so each block is lexed on
// its own and no state crosses lines.
class FilterHighlighter : public QSyntaxHighlighter {
public:
    explicit FilterHighlighter(QTextDocument *document) : QSyntaxHighlighter(document) { }

    void setPalette(const QPalette &palette)
    {
        const bool dark = isDark(palette);
        const QColor text = palette.color(QPalette::Text);
        const QColor base = palette.color(QPalette::Base);
        // Hues fixed, lightness chosen for the background: dark text on a
        // light base, light text on a dark base, so contrast holds in both.
        auto hue = [dark](int h, int s) { return QColor::fromHsl(h, s, dark ? 175 : 80); };
        m_key = format(hue(215, 160), false);
        m_operator = format(hue(290, 140), true);
        m_string = format(hue(120, 150), false);
        m_number = format(hue(28, 200), false);
        m_literal = format(hue(0, 160), true);
        m_bracket = format(mix(text, base, 0.35), true);
        m_error = format(palette.color(QPalette::PlaceholderText), false);
        rehighlight();
    }

protected:
    void highlightBlock(const QString &line) override
    {
        const qsizetype n = line.size();
        qsizetype i = 0;
        while (i < n) {
            const QChar c = line[i];
            if (c == QLatin1Char('"')) {
                qsizetype j = i + 1;
                while (j < n && line[j] != QLatin1Char('"'))
                    j += line[j] == QLatin1Char('\\') ? 2 : 1;
                j = qMin(j + 1, n);
                qsizetype k = j; // a string followed by ':' is a key
                while (k < n && line[k].isSpace())
                    ++k;
                const bool key = k < n && line[k] == QLatin1Char(':');
                const bool op = j - i > 1 && line[i + 1] == QLatin1Char('$');
                setFormat(int(i), int(j - i), op ? m_operator : key ? m_key : m_string);
                i = j;
            } else if (c.isDigit() || c == QLatin1Char('-')) {
                qsizetype j = i + 1;
                while (j < n && (line[j].isDigit() || QStringView(u".eE+-").contains(line[j])))
                    ++j;
                setFormat(int(i), int(j - i), m_number);
                i = j;
            } else if (c.isLetter()) {
                qsizetype j = i;
                while (j < n && line[j].isLetterOrNumber())
                    ++j;
                const QStringView word = QStringView(line).mid(i, j - i);
                const bool literal = word == u"true" || word == u"false" || word == u"null";
                setFormat(int(i), int(j - i), literal ? m_literal : m_error);
                i = j;
            } else {
                if (QStringView(u"{}[]").contains(c)) setFormat(int(i), 1, m_bracket);
                ++i;
            }
        }
    }

private:
    static QTextCharFormat format(const QColor &colour, bool bold)
    {
        QTextCharFormat f;
        f.setForeground(colour);
        if (bold) f.setFontWeight(QFont::Bold);
        return f;
    }

    QTextCharFormat m_key, m_operator, m_string, m_number, m_literal, m_bracket, m_error;
};

FilterEdit::FilterEdit(QWidget *parent) : QPlainTextEdit(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setPlaceholderText(tr("Filter (optional), e.g. {\"genre\": \"jazz\", \"year\": {\"$gte\": 1960}}"));
    m_highlighter = new FilterHighlighter(document());
    m_highlighter->setPalette(palette());
    connect(this, &QPlainTextEdit::textChanged, this, &FilterEdit::validate);
}

QByteArray FilterEdit::filterJson() const
{
    const QString text = toPlainText();
    if (text.trimmed().isEmpty()) return {};
    return text.toUtf8();
}

void FilterEdit::setFilterJson(const QByteArray &json) { setPlainText(QString::fromUtf8(json)); }

QSize FilterEdit::sizeHint() const
{
    const QSize base = QPlainTextEdit::sizeHint();
    return QSize(base.width(), fontMetrics().lineSpacing() * 4 + 2 * frameWidth() + 8);
}

bool FilterEdit::parseErrorMessage(const QString &message, ParsedError *out)
{
    static const QRegularExpression re(
        QStringLiteral("^Filter: (.*) at character (\\d+) \\(line (\\d+), column (\\d+)\\)(?:; expected (.*))?$"),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = re.match(message);
    if (!m.hasMatch()) return false;
    out->problem = m.captured(1);
    out->byteOffset = m.captured(2).toLongLong();
    out->line = m.captured(3).toInt();
    out->column = m.captured(4).toInt();
    out->expected = m.captured(5);
    return true;
}

namespace {

QString kindWords(const QString &kind)
{
    if (kind == QLatin1String("null")) return QStringLiteral("null");
    if (kind == QLatin1String("a bool")) return FilterEdit::tr("a bool");
    if (kind == QLatin1String("a number")) return FilterEdit::tr("a number");
    if (kind == QLatin1String("a string")) return FilterEdit::tr("a string");
    if (kind == QLatin1String("an array")) return FilterEdit::tr("an array");
    if (kind == QLatin1String("an object")) return FilterEdit::tr("an object");
    return kind;
}

} // namespace

QString FilterEdit::translatedProblem(const QString &problem)
{
    static const QRegularExpression unexpectedChar(QStringLiteral("^unexpected character '(.)'$"));
    static const QRegularExpression unexpectedByte(QStringLiteral("^unexpected byte (0x[0-9a-f]{2})$"));
    static const QRegularExpression unknownOperator(QStringLiteral("^unknown operator \"(.*)\"$"));
    static const QRegularExpression duplicateKey(QStringLiteral("^duplicate key \"(.*)\"$"));
    static const QRegularExpression afterEnd(QStringLiteral("^(.*) after the end of the JSON value$"));
    static const QRegularExpression emptyCondition(QStringLiteral("^empty condition on field \"(.*)\"$"));
    static const QRegularExpression nestedKey(
        QStringLiteral("^nested key \"(.*)\" in the condition on field \"(.*)\"$"));
    static const QRegularExpression valueOfField(
        QStringLiteral("^(null|a bool|a number|a string|an array|an object) as the value of field \"(.*)\"$"));
    static const QRegularExpression operandOf(
        QStringLiteral("^(null|a bool|a number|a string|an array|an object) as the operand of (\\$\\w+)$"));
    QRegularExpressionMatch m;
    if (problem == QLatin1String("unexpected end of text")) return tr("unexpected end of text");
    if ((m = unexpectedChar.match(problem)).hasMatch()) return tr("unexpected character '%1'").arg(m.captured(1));
    if ((m = unexpectedByte.match(problem)).hasMatch()) return tr("unexpected byte %1").arg(m.captured(1));
    if ((m = unknownOperator.match(problem)).hasMatch()) return tr("unknown operator \"%1\"").arg(m.captured(1));
    if ((m = duplicateKey.match(problem)).hasMatch()) return tr("duplicate key \"%1\"").arg(m.captured(1));
    if ((m = afterEnd.match(problem)).hasMatch())
        return tr("%1 after the end of the filter").arg(translatedProblem(m.captured(1)));
    if ((m = emptyCondition.match(problem)).hasMatch()) return tr("empty condition on field \"%1\"").arg(m.captured(1));
    if ((m = nestedKey.match(problem)).hasMatch())
        return tr("nested key \"%1\" in the condition on field \"%2\"").arg(m.captured(1), m.captured(2));
    if ((m = valueOfField.match(problem)).hasMatch())
        return tr("%1 as the value of field \"%2\"").arg(kindWords(m.captured(1)), m.captured(2));
    if ((m = operandOf.match(problem)).hasMatch())
        return tr("%1 as the operand of %2").arg(kindWords(m.captured(1)), m.captured(2));
    if (problem == QLatin1String("empty field name")) return tr("empty field name");
    if (problem == QLatin1String("unterminated string")) return tr("unterminated string");
    if (problem == QLatin1String("number with a leading zero")) return tr("number with a leading zero");
    if (problem == QLatin1String("number out of range")) return tr("number out of range");
    return problem; // free-form detail stays as the engine wrote it
}

QString FilterEdit::translatedExpected(const QString &expected)
{
    if (expected == QLatin1String("a value")) return tr("a value");
    if (expected == QLatin1String("':'")) return tr("':'");
    if (expected == QLatin1String("',' or '}'")) return tr("',' or '}'");
    if (expected == QLatin1String("',' or ']'")) return tr("',' or ']'");
    if (expected == QLatin1String("a field name")) return tr("a field name");
    if (expected == QLatin1String("a filter object {...}")) return tr("a filter object {...}");
    if (expected == QLatin1String("$and, $or or a field name")) return tr("$and, $or or a field name");
    if (expected == QLatin1String("a string, number or bool")) return tr("a string, number or bool");
    if (expected == QLatin1String("a number or string")) return tr("a number or string");
    if (expected == QLatin1String("true or false")) return tr("true or false");
    if (expected == QLatin1String("each key at most once in an object"))
        return tr("each key at most once in an object");
    if (expected == QLatin1String("at least one filter object")) return tr("at least one filter object");
    if (expected == QLatin1String("an array of filter objects")) return tr("an array of filter objects");
    if (expected.startsWith(QLatin1String("one of $eq"))) return tr("one of %1").arg(expected.mid(7));
    return expected;
}

void FilterEdit::validate()
{
    const QString text = toPlainText();
    const QByteArray utf8 = text.toUtf8();
    const Result<Filter> parsed = Filter::parse(utf8);
    const bool valid = parsed.ok();
    QString message;
    int position = -1;
    if (!valid) {
        ParsedError e;
        if (parseErrorMessage(parsed.error().message(), &e)) {
            // The engine counts bytes; the editor counts UTF-16 code units.
            position = int(QString::fromUtf8(utf8.left(qMax<qint64>(0, e.byteOffset))).size());
            const QString problem = translatedProblem(e.problem);
            message = e.expected.isEmpty() ? tr("Line %1, column %2: %3").arg(e.line).arg(e.column).arg(problem)
                                           : tr("Line %1, column %2: %3; expected %4")
                                                 .arg(e.line)
                                                 .arg(e.column)
                                                 .arg(problem, translatedExpected(e.expected));
        } else {
            message = parsed.error().message();
        }
    }
    const bool validityChanged_ = valid != m_valid;
    const bool messageChanged = message != m_errorMessage;
    m_valid = valid;
    m_errorMessage = message;
    m_errorPosition = position;
    setToolTip(message);
    markError();
    if (messageChanged) emit errorChanged(message);
    if (validityChanged_) emit validityChanged(valid);
}

void FilterEdit::markError()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_errorPosition >= 0) {
        const int length = document()->characterCount() - 1; // without the final paragraph separator
        QTextCursor cursor(document());
        // At the end of the text (an unfinished filter) mark the last character.
        const int at = qBound(0, m_errorPosition >= length ? length - 1 : m_errorPosition, qMax(0, length - 1));
        cursor.setPosition(at);
        cursor.setPosition(qMin(at + 1, length), QTextCursor::KeepAnchor);
        QTextEdit::ExtraSelection s;
        s.cursor = cursor;
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(isDark(palette()) ? QColor(255, 110, 110) : QColor(200, 0, 0));
        s.format.setBackground(isDark(palette()) ? QColor(120, 30, 30) : QColor(255, 220, 220));
        selections.append(s);
    }
    setExtraSelections(selections);
}

void FilterEdit::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        markError();
    }
}

} // namespace sextant::ui
