#include "TextResultsModel.h"

#include "Format.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDir>
#include <QFontMetrics>
#include <QPainter>
#include <QSet>
#include <QTextDocument>
#include <QUrl>

namespace sextant::ui {

TextResultsModel::TextResultsModel(QObject *parent) : QAbstractTableModel(parent) { }

QRegularExpression TextResultsModel::wordsPattern(const QString &queryText)
{
    static const QRegularExpression splitter(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QStringList words;
    QStringList stop;
    for (const QString &w : queryText.split(splitter, Qt::SkipEmptyParts)) {
        if (w.size() < 2 || words.contains(QRegularExpression::escape(w), Qt::CaseInsensitive)) continue;
        (isStopWord(w) ? stop : words) << QRegularExpression::escape(w);
    }
    if (words.isEmpty()) words = stop;                                   // a query of stop words only: show them
    if (words.isEmpty()) return QRegularExpression(QStringLiteral("(")); // invalid: matches nothing
    // Longest first, so that "index" wins over "in" at one place.
    std::sort(words.begin(), words.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return QRegularExpression(QStringLiteral("(?<![\\p{L}\\p{N}])(%1)(?![\\p{L}\\p{N}])").arg(words.join(u'|')),
                              QRegularExpression::CaseInsensitiveOption |
                                  QRegularExpression::UseUnicodePropertiesOption);
}

bool TextResultsModel::isStopWord(const QString &word)
{
    // The commonest short words of the three languages the GUI speaks: they
    // match almost every passage, so marking them says nothing.
    static const QSet<QString> words = [] {
        QSet<QString> set;
        const char *list[] = {
            // English
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "he", "her", "his", "how",
            "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "them", "they", "this", "to",
            "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "you", "do", "does",
            "did", "not", "no", "but", "if", "so", "than", "then", "there", "these", "those", "can", "i", "me", "my",
            "our", "your", "about", "into", "over", "under",
            // German
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder",
            "ist", "sind", "war", "im", "in", "an", "am", "auf", "aus", "bei", "mit", "von", "vom", "zu", "zum", "zur",
            "für", "nicht", "es", "er", "sie", "wir", "ich", "du", "wie", "was", "wer", "wo", "wann", "warum", "auch",
            "als", "dass", "sich", "noch", "nur", "so",
            // French
            "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "est", "sont", "au", "aux", "en", "dans",
            "par", "pour", "sur", "avec", "sans", "que", "qui", "quoi", "ne", "pas", "il", "elle", "ils", "elles",
            "nous", "vous", "je", "tu", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "comment",
            "pourquoi", "quand", "où"};
        for (const char *w : list)
            set.insert(QString::fromUtf8(w));
        return set;
    }();
    return words.contains(word.toLower());
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
            if (space < 0)
                start = 0; // the passage's first word: show it whole
            else if (m.capturedStart() - space < 2 * kLeadIn)
                start = space + 1;
        }
    }
    QString shown = line.mid(start, maxChars);
    if (start > 0) shown.prepend(QChar(0x2026));
    if (start + maxChars < line.size()) shown.append(QChar(0x2026));
    return shown;
}

void TextResultsModel::setResult(const search::TextResult &result, const QString &queryText,
                                 search::TextSearchMode mode)
{
    beginResetModel();
    m_allHits = result.hits;
    m_best = 0;
    for (const search::TextHit &h : std::as_const(m_allHits))
        m_best = std::max(m_best, double(h.score));
    m_words = wordsPattern(queryText);
    m_mode = mode;
    applyMinimum();
    endResetModel();
}

void TextResultsModel::clear()
{
    beginResetModel();
    m_allHits.clear();
    m_hits.clear();
    m_best = 0;
    endResetModel();
}

void TextResultsModel::applyMinimum()
{
    m_hits.clear();
    for (const search::TextHit &h : std::as_const(m_allHits))
        if (m_minimumShare <= 0 || m_best <= 0 || double(h.score) / m_best >= m_minimumShare) m_hits.append(h);
}

void TextResultsModel::setMinimumShare(double minimum)
{
    if (minimum == m_minimumShare) return;
    beginResetModel();
    m_minimumShare = minimum;
    applyMinimum();
    endResetModel();
}

double TextResultsModel::shareOfBest(int row) const
{
    if (row < 0 || row >= m_hits.size() || m_best <= 0) return 1;
    return std::max(0.0, double(m_hits[row].score) / m_best);
}

QString TextResultsModel::idAt(int row) const { return row >= 0 && row < m_hits.size() ? m_hits[row].id : QString(); }

int TextResultsModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_hits.size(); ++i)
        if (m_hits[i].id == id) return int(i);
    return -1;
}

QString TextResultsModel::highlighted(const QString &line) const
{
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

int TextResultsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_hits.size()); }

int TextResultsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TextResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size()) return {};
    const search::TextHit &h = m_hits[index.row()];
    if (role == IdRole) return h.id;
    // Hits far below the best are dimmed: where the relevant ones end.
    if (role == Qt::ForegroundRole)
        return shareOfBest(index.row()) < kDimBelow ? QVariant(QApplication::palette().color(QPalette::PlaceholderText))
                                                    : QVariant();
    const QString passage = h.passage.isEmpty() ? h.metadata.value(QStringLiteral("text")).toString() : h.passage;
    switch (index.column()) {
    case RankColumn:
        if (role == Qt::DisplayRole) return index.row() + 1;
        if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case PassageColumn:
        if (role == Qt::DisplayRole) return passageLine(passage, m_words);
        if (role == PassageHtmlRole) return highlighted(passageLine(passage, m_words));
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
        if (role == Qt::ToolTipRole)
            return where.isEmpty() ? tr("Item %1").arg(h.id) : tr("%1\nItem %2").arg(where, h.id);
        break;
    }
    case RangeColumn:
        if (role == Qt::DisplayRole && h.start >= 0) return tr("%1–%2").arg(formatCount(h.start), formatCount(h.end));
        if (role == Qt::ToolTipRole && h.start >= 0)
            return tr("Characters %1 to %2 of the document's text").arg(formatCount(h.start), formatCount(h.end));
        if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ScoreColumn:
        if (role == Qt::DisplayRole) {
            // The score, and for all but the best its share of the best's:
            // the gap shows where relevance ends.
            const QString score = QLocale().toString(h.score, 'f', 4);
            if (index.row() == 0 || m_best <= 0) return score;
            return tr("%1 (%2 %)").arg(score, QLocale().toString(100.0 * shareOfBest(index.row()), 'f', 0));
        }
        if (role == Qt::ToolTipRole) {
            QString what;
            switch (m_mode) {
            case search::TextSearchMode::Hybrid:
                what = tr("Reciprocal-rank fusion of the two rankings (1 / (60 + rank) each)");
                break;
            case search::TextSearchMode::Vector: what = tr("Similarity of the passage's vector to the query's"); break;
            case search::TextSearchMode::Keyword: what = tr("BM25 score of the passage for the query's words"); break;
            }
            return what + QLatin1Char('\n') +
                   tr("%1 % of the best hit's score; hits under %2 % are dimmed.")
                       .arg(QLocale().toString(100.0 * shareOfBest(index.row()), 'f', 0))
                       .arg(int(kDimBelow * 100));
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
            lines << (h.vectorRank > 0
                          ? tr("Meaning: #%1, similarity %2").arg(h.vectorRank).arg(formatScore(h.vectorScore))
                          : tr("Meaning: not among the candidates"));
            lines << (h.keywordRank > 0 ? tr("Keywords: #%1, BM25 %2")
                                              .arg(h.keywordRank)
                                              .arg(QLocale().toString(h.keywordScore, 'f', 2))
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
    // Too long for the cell: cut at a word that fits and end with "…"
    // (measured with the bold font, so the bold words fit too).
    const auto *model = qobject_cast<const TextResultsModel *>(index.model());
    if (model && doc.idealWidth() > textRect.width()) {
        QFont bold = opt.font;
        bold.setBold(true);
        const QString line = index.data(Qt::DisplayRole).toString();
        QString cut = QFontMetrics(bold).elidedText(line, Qt::ElideRight, textRect.width());
        if (cut.endsWith(QChar(0x2026))) cut.chop(1);
        const qsizetype space = cut.lastIndexOf(u' ');
        if (space > cut.size() / 2) cut.truncate(space);
        doc.setHtml(model->highlighted(cut.trimmed() + QChar(0x2026)));
    }
    QAbstractTextDocumentLayout::PaintContext ctx;
    const bool selected = opt.state & QStyle::State_Selected;
    const QVariant dim = index.data(Qt::ForegroundRole);
    ctx.palette.setColor(QPalette::Text, selected        ? opt.palette.color(QPalette::HighlightedText)
                                         : dim.isValid() ? dim.value<QColor>()
                                                         : opt.palette.color(QPalette::Text));
    painter->save();
    painter->setClipRect(textRect);
    const qreal y = textRect.top() + (textRect.height() - doc.size().height()) / 2;
    painter->translate(textRect.left(), y);
    doc.documentLayout()->draw(painter, ctx);
    painter->restore();
}

} // namespace sextant::ui
