#pragma once
// The hits of a text query (search::searchText) as a table: rank, the passage
// (one line around the first word of the query it contains, those words in
// bold by PassageDelegate), its document (title and uri), the passage's
// range in the document, the score, and its places in the two rankings
// (vector #, keyword #) that hybrid search fused.

#include "sextant/TextSearch.h"

#include <QAbstractTableModel>
#include <QRegularExpression>
#include <QStyledItemDelegate>

namespace sextant::ui {

class TextResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RankColumn, PassageColumn, DocumentColumn, RangeColumn, ScoreColumn, RanksColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        PassageHtmlRole, // the one-line passage with the query's words in <b>
    };

    explicit TextResultsModel(QObject *parent = nullptr);

    void setResult(const search::TextResult &result, const QString &queryText, search::TextSearchMode mode);
    void clear();
    const QList<search::TextHit> &hits() const { return m_hits; }
    search::TextSearchMode mode() const { return m_mode; }
    QString idAt(int row) const;
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The passage as one line starting a little before the first query word
    // it contains (with "…" where it was cut), at most `maxChars` long.
    static QString passageLine(const QString &passage, const QRegularExpression &words, int maxChars = 240);
    // A pattern matching the query's words (letters and digits, 2 or more),
    // case-insensitive, whole words; an invalid pattern when it has none.
    // Stop words ("at", "the", "der", "les", ...) are not highlighted,
    // unless the query has no other words.
    static QRegularExpression wordsPattern(const QString &queryText);
    static bool isStopWord(const QString &word);
    // `line` as HTML with the query's words in <b>.
    QString highlighted(const QString &line) const;

    // A hit's score as a share of the best hit's (1 for the best; scores
    // of every mode are "higher is better" and positive in practice).
    double shareOfBest(int row) const;
    // Hits below this share of the best are dimmed: a query with few
    // relevant passages shows where they end.
    static constexpr double kDimBelow = 0.5;
    // Hits below `minimum` (a share of the best, 0 shows all) are left out.
    void setMinimumShare(double minimum);
    double minimumShare() const { return m_minimumShare; }
    // Hits the minimum hides.
    int hiddenCount() const { return int(m_allHits.size() - m_hits.size()); }

private:
    void applyMinimum();

    QList<search::TextHit> m_allHits;
    QList<search::TextHit> m_hits;
    double m_best = 0;
    double m_minimumShare = 0;
    QRegularExpression m_words;
    search::TextSearchMode m_mode = search::TextSearchMode::Hybrid;
};

// Draws PassageHtmlRole as rich text on one line, clipped to the cell.
class PassageDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace sextant::ui
