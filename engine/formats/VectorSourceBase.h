#pragma once
// What every VectorSource shares: the batch loop, the problem list, the
// error that stops a source for good, the look-ahead that makes the
// dimension known at open, and the checks every item passes (a valid id
// that is new in the source, a finite vector of the source's dimension).
// Internal to engine/io.

#include "formats/RowChunkReader.h"
#include "sextant/VectorSource.h"

#include <QFile>
#include <QSet>

#include <optional>

#include <span>

namespace sextant::formats {

class VectorSourceBase : public VectorSource {
public:
    Result<QList<Item>> next(int max) final;
    QList<SourceProblem> takeProblems() final;

protected:
    enum class Step { Item, Skipped, End };
    // Reads one record into `item`. Item: `item` is good and passed the
    // checks below as the format needs; Skipped: a problem was recorded;
    // End: nothing more; an Error stops the source.
    virtual Result<Step> readOne(Item &item) = 0;

    // Reads ahead to the first good item (kept for the first next()), so
    // that shape().dimensions is known right after open. An Error here is
    // the open's error.
    Error readAhead();

    void addProblem(const QString &where, const QString &itemId, const QString &message, qint64 column = 0);

    // Each records a problem and returns false when the item must be skipped.
    // Call acceptId last: it remembers the id, which must then not be skipped.
    bool acceptId(const QString &id, const QString &where); // valid, and not seen before in this source
    bool acceptDimensions(qsizetype size, const QString &where, const QString &id);
    bool acceptFinite(std::span<const float> vector, const QString &where, const QString &id);

    int m_dimensions = 0; // of the first good item, or set by a header
    // A source of text lines sets the line it reads: problems recorded meanwhile carry it.
    qint64 m_problemLine = 0;

private:
    QList<SourceProblem> m_problems;
    QSet<QString> m_seenIds;
    std::optional<Item> m_pending;
    bool m_ended = false;
    Error m_error;
};

// The sources of fixed-size rows without ids (.npy, .fvecs, .bvecs): one
// file read in chunks of rows; item ids are the prefix and the row number.
class RowFileSource : public VectorSourceBase {
public:
    SourceShape shape() const override;
    qint64 bytesDone() const override { return m_reader ? m_reader->bytesDone() : 0; }
    qint64 bytesTotal() const override { return m_total; }

protected:
    RowFileSource(const QString &path, const SourceOptions &options);
    // Every id the rows will get is valid when the longest one is.
    Error checkIdsFor(qint64 rows) const;

    QFile m_file;
    QString m_prefix;
    qint64 m_total = 0; // the file's size
    qint64 m_rows = 0;
    QStringList m_notes;
    std::optional<RowChunkReader> m_reader;
    QVector<float> m_vector;
};

// Opens a source's file for reading; the error names it (NotFound or Io).
Error openSourceFile(QFile &file);

// Index of the first NaN or infinity in `vector`, or -1.
qsizetype firstNonFinite(std::span<const float> vector);

// "NaN", "infinite" for messages.
QString describeNonFinite(float value);

} // namespace sextant::formats
