#include "sextant/VectorImport.h"

#include <QElapsedTimer>
#include <QSet>

namespace sextant::formats {

namespace {

class VectorImporter {
public:
    VectorImporter(Index &index, VectorSource &source, const VectorImportOptions &options,
                   const std::function<bool(const documents::ImportProgress &)> &progress)
        : m_index(index), m_source(source), m_options(options), m_progress(progress)
    {
    }

    VectorImportSummary run()
    {
        QElapsedTimer timer;
        timer.start();
        if (m_index.isReadOnly()) {
            m_summary.error =
                Error(ErrorCode::ReadOnly,
                      QStringLiteral("The index is open read-only; nothing can be imported into it here."));
            return m_summary;
        }
        const int batchSize = std::clamp(m_options.batchSize, 1, 100000);
        for (;;) {
            if (!reportProgress()) break;
            Result<QList<Item>> batch = m_source.next(batchSize);
            takeSourceProblems();
            if (!batch.ok()) {
                m_summary.error = batch.error();
                break;
            }
            if (batch->isEmpty()) break;
            m_summary.read += batch->size();
            if (Error e = writeBatch(std::move(*batch))) {
                m_summary.error = e;
                break;
            }
        }
        m_summary.seconds = double(timer.nsecsElapsed()) / 1e9;
        return m_summary;
    }

private:
    bool reportProgress()
    {
        if (!m_progress) return true;
        documents::ImportProgress p;
        p.doneBytes = m_source.bytesDone();
        p.totalBytes = m_source.bytesTotal();
        p.itemsWritten = m_summary.written;
        if (!m_progress(p)) {
            m_summary.cancelled = true;
            return false;
        }
        return true;
    }

    void problem(SourceProblem p)
    {
        if (m_options.onProblem) m_options.onProblem(p);
        if (m_summary.problems.size() < m_options.maxProblems) m_summary.problems.append(std::move(p));
    }

    void takeSourceProblems()
    {
        for (SourceProblem &p : m_source.takeProblems()) {
            ++m_summary.unreadable;
            problem(std::move(p));
        }
    }

    // Checks each item the way the index will, so that one bad item is
    // reported and left out instead of failing its whole batch.
    Error writeBatch(QList<Item> items)
    {
        QList<WriteOp> ops;
        ops.reserve(items.size());
        QSet<QString> inBatch;
        for (Item &item : items) {
            WriteOp op = m_options.upsert ? WriteOp::upsert(std::move(item)) : WriteOp::insert(std::move(item));
            Error e = m_index.validate(op);
            if (!e && inBatch.contains(op.item.id))
                e = Error(ErrorCode::DuplicateId,
                          QStringLiteral("The id appears twice in the source; the first one was kept."));
            if (!e && !m_options.upsert && m_index.contains(op.item.id))
                e = Error(
                    ErrorCode::AlreadyExists,
                    QStringLiteral("An item with this id is already in the index (import with upsert to replace it)."));
            if (e) {
                ++m_summary.rejected;
                problem(SourceProblem{QString(), op.item.id, e.message()});
                continue;
            }
            inBatch.insert(op.item.id);
            ops.append(std::move(op));
        }
        if (ops.isEmpty()) return {};
        const qsizetype n = ops.size();
        QFuture<WriteResult> future = m_index.write(std::move(ops), Priority::Bulk);
        future.waitForFinished();
        const WriteResult result = future.result();
        if (result.error) return result.error;
        m_summary.written += n;
        return {};
    }

    Index &m_index;
    VectorSource &m_source;
    const VectorImportOptions &m_options;
    const std::function<bool(const documents::ImportProgress &)> &m_progress;
    VectorImportSummary m_summary;
};

} // namespace

VectorImportSummary importVectors(Index &index, VectorSource &source, const VectorImportOptions &options,
                                  const std::function<bool(const documents::ImportProgress &)> &progress)
{
    VectorImporter importer(index, source, options, progress);
    return importer.run();
}

Schema schemaForSource(const SourceShape &shape)
{
    Schema schema;
    schema.dimensions = shape.dimensions;
    schema.metric = shape.metric.value_or(Metric::Cosine);
    return schema;
}

} // namespace sextant::formats
