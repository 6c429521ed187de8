#pragma once
// An editor for the filter language (docs/filters.md): syntax colouring
// derived from the palette (readable light and dark), live validation with
// Filter::parse, and the position of a mistake marked with a wavy underline.
// Parsing is pure CPU on bounded text (Filter::kMaxTextBytes), so it runs on
// the GUI thread as the user types.

#include "sextant/FilterSyntax.h"

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

    // What Filter::parse found wrong, and what it expected there, in the
    // user's language, built from the fields of its FilterSyntax. A problem
    // or expectation the fields do not name (Other) keeps the engine's
    // English words.
    static QString translatedProblem(const FilterSyntax &why);
    static QString translatedExpected(const FilterSyntax &why);

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
