#include "FilterEdit.h"

#include "sextant/Filter.h"

#include <QEvent>
#include <QFontDatabase>
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

namespace {

QString kindWords(FilterSyntax::Kind kind)
{
    switch (kind) {
    case FilterSyntax::Kind::None: break;
    case FilterSyntax::Kind::Null: return QStringLiteral("null");
    case FilterSyntax::Kind::Bool: return FilterEdit::tr("a bool");
    case FilterSyntax::Kind::Number: return FilterEdit::tr("a number");
    case FilterSyntax::Kind::String: return FilterEdit::tr("a string");
    case FilterSyntax::Kind::Array: return FilterEdit::tr("an array");
    case FilterSyntax::Kind::Object: return FilterEdit::tr("an object");
    }
    return {};
}

} // namespace

QString FilterEdit::translatedProblem(const FilterSyntax &why)
{
    using Problem = FilterSyntax::Problem;
    QString text;
    switch (why.problem) {
    case Problem::Other: return why.problemText; // free-form detail stays as the engine wrote it
    case Problem::UnexpectedEnd: text = tr("unexpected end of text"); break;
    case Problem::UnexpectedCharacter: text = tr("unexpected character '%1'").arg(why.subject); break;
    case Problem::UnexpectedByte: text = tr("unexpected byte %1").arg(why.subject); break;
    case Problem::UnterminatedString: text = tr("unterminated string"); break;
    case Problem::LeadingZero: text = tr("number with a leading zero"); break;
    case Problem::NumberOutOfRange: text = tr("number out of range"); break;
    case Problem::DuplicateKey: text = tr("duplicate key \"%1\"").arg(why.subject); break;
    case Problem::UnknownOperator: text = tr("unknown operator \"%1\"").arg(why.subject); break;
    case Problem::EmptyFieldName: text = tr("empty field name"); break;
    case Problem::EmptyCondition: text = tr("empty condition on field \"%1\"").arg(why.field); break;
    case Problem::NestedKey:
        text = tr("nested key \"%1\" in the condition on field \"%2\"").arg(why.subject, why.field);
        break;
    case Problem::ValueOfField: text = tr("%1 as the value of field \"%2\"").arg(kindWords(why.kind), why.field); break;
    case Problem::OperandOf: text = tr("%1 as the operand of %2").arg(kindWords(why.kind), why.subject); break;
    }
    return why.afterEnd ? tr("%1 after the end of the filter").arg(text) : text;
}

QString FilterEdit::translatedExpected(const FilterSyntax &why)
{
    using Expected = FilterSyntax::Expected;
    switch (why.expected) {
    case Expected::Other: return why.expectedText;
    case Expected::Value: return tr("a value");
    case Expected::Colon: return tr("':'");
    case Expected::CommaOrBrace: return tr("',' or '}'");
    case Expected::CommaOrBracket: return tr("',' or ']'");
    case Expected::FieldName: return tr("a field name");
    case Expected::FilterObject: return tr("a filter object {...}");
    case Expected::AndOrOrField: return tr("$and, $or or a field name");
    case Expected::Scalar: return tr("a string, number or bool");
    case Expected::NumberOrString: return tr("a number or string");
    case Expected::TrueOrFalse: return tr("true or false");
    case Expected::EachKeyOnce: return tr("each key at most once in an object");
    case Expected::AtLeastOneFilterObject: return tr("at least one filter object");
    case Expected::FilterObjectArray: return tr("an array of filter objects");
    case Expected::Operator: return tr("one of %1").arg(FilterSyntax::operatorList());
    case Expected::AnOperator: return tr("an operator, one of %1").arg(FilterSyntax::operatorList());
    case Expected::OperatorOrNestedPath:
        return tr("one of %1 (write \"%2\" to reach a nested field)")
            .arg(FilterSyntax::operatorList(), why.field + QLatin1Char('.') + why.subject);
    }
    return why.expectedText;
}

void FilterEdit::validate()
{
    const QString text = toPlainText();
    const QByteArray utf8 = text.toUtf8();
    FilterSyntax why;
    const Result<Filter> parsed = Filter::parse(utf8, &why);
    const bool valid = parsed.ok();
    QString message;
    int position = -1;
    if (!valid) {
        const Error &e = parsed.error();
        if (e.offset() >= 0) {
            // The engine counts bytes; the editor counts UTF-16 code units.
            position = int(QString::fromUtf8(utf8.left(e.offset())).size());
            const QString problem = translatedProblem(why);
            const QString expected = translatedExpected(why);
            message =
                expected.isEmpty()
                    ? tr("Line %1, column %2: %3").arg(e.line()).arg(e.column()).arg(problem)
                    : tr("Line %1, column %2: %3; expected %4").arg(e.line()).arg(e.column()).arg(problem, expected);
        } else {
            message = e.message();
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
