#pragma once
// The title of a Markdown document, and its body without front matter.

#include <QString>

namespace sextant::documents {

struct MarkdownParts {
    QString title; // front matter's title, else the first heading (ATX or setext); may be empty
    QString body;  // the text without the front matter block
};

// `text` has '\n' line ends. Front matter is a YAML block between "---"
// lines (or TOML between "+++") at the very start; its "title" key names
// the document. Headings inside fenced code blocks do not count.
MarkdownParts splitMarkdown(const QString &text);

} // namespace sextant::documents
