#pragma once
// The visible text of an HTML page, by a tolerant tokenizer of our own: one
// pass, no recursion, no tree, so hostile nesting costs nothing. What a
// browser would not show is left out (<script>, <style>, <noscript>,
// <template>, <svg>, <head> except <title>, comments); block elements
// become line or paragraph breaks; whitespace collapses except in <pre>;
// character references are decoded. Malformed markup never fails: it
// degrades to text, as in a browser.

#include <QString>

namespace sextant::documents {

struct HtmlText {
    QString title; // <title>, else the first <h1>; whitespace collapsed; may be empty
    QString text;  // paragraphs separated by blank lines, lines by '\n'
};

HtmlText htmlVisibleText(const QString &html);

// Decodes character references (&amp; &eacute; &#233; &#xE9;) in text.
// Unknown names stay as written; invalid code points become U+FFFD.
QString decodeHtmlEntities(QStringView text);

} // namespace sextant::documents
