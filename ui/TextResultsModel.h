#pragma once
// The hits of a text query (io::searchText) as a table: rank, the passage
// (one line around the first word of the query it contains, those words in
// bold by PassageDelegate), its document (title and uri), the passage's
// range in the document, the score, and its places in the two rankings
// (vector #, keyword #) that hybrid search fused.

#include "io/TextSearch.h"

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

    void setResult(const io::TextResult &result, const QString &queryText, io::TextSearchMode mode);
    void clear();
    const QList<io::TextHit> &hits() const { return m_hits; }
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
    static QRegularExpression wordsPattern(const QString &queryText);

private:
    QList<io::TextHit> m_hits;
    QRegularExpression m_words;
    io::TextSearchMode m_mode = io::TextSearchMode::Hybrid;
};

// Draws PassageHtmlRole as rich text on one line, clipped to the cell.
class PassageDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace sextant::ui
