#include "TextResultsModel.h"

#include "Format.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDir>
#include <QPainter>
#include <QTextDocument>
#include <QUrl>

namespace sextant::ui {

TextResultsModel::TextResultsModel(QObject *parent) : QAbstractTableModel(parent) {}

QRegularExpression TextResultsModel::wordsPattern(const QString &queryText)
{
    static const QRegularExpression splitter(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QStringList words;
    for (const QString &w : queryText.split(splitter, Qt::SkipEmptyParts))
        if (w.size() >= 2 && !words.contains(w, Qt::CaseInsensitive)) words << QRegularExpression::escape(w);
    if (words.isEmpty()) return QRegularExpression(QStringLiteral("(")); // invalid: matches nothing
    // Longest first, so that "index" wins over "in" at one place.
    std::sort(words.begin(), words.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return QRegularExpression(QStringLiteral("(?<![\\p{L}\\p{N}])(%1)(?![\\p{L}\\p{N}])").arg(words.join(u'|')),
                              QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
}

QString TextResultsModel::passageLine(const QString &passage, const QRegularExpression &words, int maxChars)
{
    QString line = passage.simplified();
    qsizetype start = 0;
    if (words.isValid()) {
        const QRegularExpressionMatch m = words.match(line);
        // A few words of lead-in, so that the match is in sight in a
        // narrow column.
        constexpr qsizetype kLeadIn = 24;
        if (m.hasMatch() && m.capturedStart() > kLeadIn) {
            start = m.capturedStart() - kLeadIn;
            // Start on a word.
            const qsizetype space = line.lastIndexOf(u' ', start);
            if (space < 0) start = 0; // the passage's first word: show it whole
            else if (m.capturedStart() - space < 2 * kLeadIn) start = space + 1;
        }
    }
    QString shown = line.mid(start, maxChars);
    if (start > 0) shown.prepend(QChar(0x2026));
    if (start + maxChars < line.size()) shown.append(QChar(0x2026));
    return shown;
}

void TextResultsModel::setResult(const io::TextResult &result, const QString &queryText, io::TextSearchMode mode)
{
    beginResetModel();
    m_hits = result.hits;
    m_words = wordsPattern(queryText);
    m_mode = mode;
    endResetModel();
}

void TextResultsModel::clear()
{
    beginResetModel();
    m_hits.clear();
    endResetModel();
}

QString TextResultsModel::idAt(int row) const { return row >= 0 && row < m_hits.size() ? m_hits[row].id : QString(); }

int TextResultsModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_hits.size(); ++i)
        if (m_hits[i].id == id) return int(i);
    return -1;
}

int TextResultsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_hits.size()); }

int TextResultsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TextResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size()) return {};
    const io::TextHit &h = m_hits[index.row()];
    if (role == IdRole) return h.id;
    const QString passage = h.passage.isEmpty() ? h.metadata.value(QStringLiteral("text")).toString() : h.passage;
    switch (index.column()) {
    case RankColumn:
        if (role == Qt::DisplayRole) return index.row() + 1;
        if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case PassageColumn:
        if (role == Qt::DisplayRole) return passageLine(passage, m_words);
        if (role == PassageHtmlRole) {
            const QString line = passageLine(passage, m_words);
            if (!m_words.isValid()) return line.toHtmlEscaped();
            QString html;
            qsizetype at = 0;
            for (auto it = m_words.globalMatch(line); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                html += line.mid(at, m.capturedStart() - at).toHtmlEscaped();
                html += QStringLiteral("<b>") + m.captured().toHtmlEscaped() + QStringLiteral("</b>");
                at = m.capturedEnd();
            }
            html += line.mid(at).toHtmlEscaped();
            return html;
        }
        if (role == Qt::ToolTipRole) {
            QString text = passage.left(1500);
            if (passage.size() > 1500) text += QChar(0x2026);
            return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(text.toHtmlEscaped());
        }
        break;
    case DocumentColumn: {
        QString where = h.uri;
        const QUrl url(h.uri);
        if (url.isLocalFile()) where = QDir::toNativeSeparators(url.toLocalFile());
        if (role == Qt::DisplayRole) {
            // The title and the file's name; the tooltip has the whole path.
            if (h.uri.isEmpty()) return h.title.isEmpty() ? h.id : h.title;
            const QString name = where.section(QRegularExpression(QStringLiteral("[/\\\\]")), -1);
            return h.title.isEmpty() || h.title == name ? name : tr("%1 — %2").arg(h.title, name);
        }
        if (role == Qt::ToolTipRole) return where.isEmpty() ? tr("Item %1").arg(h.id) : tr("%1\nItem %2").arg(where, h.id);
        break;
    }
    case RangeColumn:
        if (role == Qt::DisplayRole && h.start >= 0)
            return tr("%1–%2").arg(formatCount(h.start), formatCount(h.end));
        if (role == Qt::ToolTipRole && h.start >= 0)
            return tr("Characters %1 to %2 of the document's text").arg(formatCount(h.start), formatCount(h.end));
        if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ScoreColumn:
        if (role == Qt::DisplayRole) return QLocale().toString(h.score, 'f', 4);
        if (role == Qt::ToolTipRole) {
            switch (m_mode) {
            case io::TextSearchMode::Hybrid: return tr("Reciprocal-rank fusion of the two rankings (1 / (60 + rank) each)");
            case io::TextSearchMode::Vector: return tr("Similarity of the passage's vector to the query's");
            case io::TextSearchMode::Keyword: return tr("BM25 score of the passage for the query's words");
            }
        }
        if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RanksColumn:
        if (role == Qt::DisplayRole) {
            QStringList parts;
            parts << (h.vectorRank > 0 ? tr("vector #%1").arg(h.vectorRank) : tr("vector –"));
            parts << (h.keywordRank > 0 ? tr("keyword #%1").arg(h.keywordRank) : tr("keyword –"));
            return parts.join(QStringLiteral(" · "));
        }
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            lines << (h.vectorRank > 0 ? tr("Meaning: #%1, similarity %2").arg(h.vectorRank).arg(formatScore(h.vectorScore))
                                       : tr("Meaning: not among the candidates"));
            lines << (h.keywordRank > 0
                          ? tr("Keywords: #%1, BM25 %2").arg(h.keywordRank).arg(QLocale().toString(h.keywordScore, 'f', 2))
                          : tr("Keywords: not among the candidates"));
            return lines.join(u'\n');
        }
        break;
    default: break;
    }
    return {};
}

QVariant TextResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case RankColumn: return tr("#");
    case PassageColumn: return tr("Passage");
    case DocumentColumn: return tr("Document");
    case RangeColumn: return tr("Range");
    case ScoreColumn: return tr("Score");
    case RanksColumn: return tr("Ranks");
    default: return {};
    }
}

void PassageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString html = index.data(TextResultsModel::PassageHtmlRole).toString();
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    QTextDocument doc;
    doc.setDocumentMargin(0);
    doc.setDefaultFont(opt.font);
    doc.setHtml(html);
    QAbstractTextDocumentLayout::PaintContext ctx;
    const bool selected = opt.state & QStyle::State_Selected;
    ctx.palette.setColor(QPalette::Text, opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->save();
    painter->setClipRect(textRect);
    const qreal y = textRect.top() + (textRect.height() - doc.size().height()) / 2;
    painter->translate(textRect.left(), y);
    doc.documentLayout()->draw(painter, ctx);
    painter->restore();
}

} // namespace sextant::ui
