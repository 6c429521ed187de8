#pragma once
// An editor for the filter language (docs/filters.md): syntax colouring
// derived from the palette (readable light and dark), live validation with
// Filter::parse, and the position of a mistake marked with a wavy underline.
// Parsing is pure CPU on bounded text (Filter::kMaxTextBytes), so it runs on
// the GUI thread as the user types.

#include <QPlainTextEdit>

namespace sextant::ui {

class FilterHighlighter;

class FilterEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit FilterEdit(QWidget *parent = nullptr);

    // Blank text is valid (it matches everything).
    bool isValid() const { return m_valid; }
    // The text as UTF-8, for QueryRequest::filter and Index::listIds; empty
    // when blank. Meaningful only while isValid().
    QByteArray filterJson() const;
    void setFilterJson(const QByteArray &json);

    // "Line 2, column 7: unknown operator ...; expected ..."; empty when valid.
    QString errorMessage() const { return m_errorMessage; }
    // The character index (in toPlainText()) of the mistake; -1 when valid.
    int errorPosition() const { return m_errorPosition; }

    QSize sizeHint() const override;

    // Splits an engine filter error ("Filter: <what> at character <offset>
    // (line <l>, column <c>); expected <...>") into its parts. Returns false
    // when the message has another shape.
    struct ParsedError {
        qint64 byteOffset = -1;
        int line = 0, column = 0;
        QString problem, expected;
    };
    static bool parseErrorMessage(const QString &message, ParsedError *out);
    // The engine's problem and expectation in the user's language, for the
    // shapes the filter parser produces ("unexpected character 'x'",
    // "unknown operator \"$regex\"", "',' or '}'", ...); anything else is
    // returned as it is.
    static QString translatedProblem(const QString &problem);
    static QString translatedExpected(const QString &expected);

signals:
    void validityChanged(bool valid);
    void errorChanged(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void validate();
    void markError();

    FilterHighlighter *m_highlighter;
    bool m_valid = true;
    QString m_errorMessage;
    int m_errorPosition = -1;
};

} // namespace sextant::ui
