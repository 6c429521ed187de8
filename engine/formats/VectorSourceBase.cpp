#include "formats/VectorSourceBase.h"

#include <cmath>

namespace sextant::formats {

qsizetype firstNonFinite(std::span<const float> vector)
{
    for (size_t i = 0; i < vector.size(); ++i)
        if (!std::isfinite(vector[i])) return qsizetype(i);
    return -1;
}

QString describeNonFinite(float value)
{
    return std::isnan(value) ? QStringLiteral("NaN") : QStringLiteral("infinite");
}

Result<QList<Item>> VectorSourceBase::next(int max)
{
    if (max < 1)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("next() needs a batch size of at least 1, not %1.").arg(max));
    if (m_error) return m_error;
    QList<Item> batch;
    if (m_pending) {
        batch.append(std::move(*m_pending));
        m_pending.reset();
    }
    while (batch.size() < max && !m_ended) {
        Item item;
        Result<Step> step = readOne(item);
        if (!step.ok()) {
            // The items read before the error are still good; the caller
            // gets them now and the error on the next call.
            m_error = step.error();
            if (batch.isEmpty()) return m_error;
            return batch;
        }
        if (*step == Step::End)
            m_ended = true;
        else if (*step == Step::Item)
            batch.append(std::move(item));
    }
    return batch;
}

Error VectorSourceBase::readAhead()
{
    for (;;) {
        Item item;
        Result<Step> step = readOne(item);
        if (!step.ok()) return step.error();
        if (*step == Step::End) {
            m_ended = true;
            return {};
        }
        if (*step == Step::Item) {
            m_pending = std::move(item);
            return {};
        }
    }
}

QList<SourceProblem> VectorSourceBase::takeProblems() { return std::exchange(m_problems, {}); }

void VectorSourceBase::addProblem(const QString &where, const QString &itemId, const QString &message, qint64 column)
{
    m_problems.append(SourceProblem{where, itemId, message, m_problemLine, column});
}

bool VectorSourceBase::acceptId(const QString &id, const QString &where)
{
    if (Error e = validateId(id)) {
        addProblem(where, id, e.message());
        return false;
    }
    if (m_seenIds.contains(id)) {
        addProblem(where, id,
                   QStringLiteral("The id \"%1\" appeared before in this file; the first one is kept.").arg(id));
        return false;
    }
    m_seenIds.insert(id);
    return true;
}

bool VectorSourceBase::acceptDimensions(qsizetype size, const QString &where, const QString &id)
{
    if (size < Schema::kMinDimensions || size > Schema::kMaxDimensions) {
        addProblem(where, id,
                   QStringLiteral("The vector has %1 numbers; an index holds vectors of %2 to %3.")
                       .arg(size)
                       .arg(Schema::kMinDimensions)
                       .arg(Schema::kMaxDimensions));
        return false;
    }
    if (m_dimensions == 0) m_dimensions = int(size);
    if (size != m_dimensions) {
        addProblem(
            where, id,
            QStringLiteral("The vector has %1 numbers; the file's first vector has %2.").arg(size).arg(m_dimensions));
        return false;
    }
    return true;
}

bool VectorSourceBase::acceptFinite(std::span<const float> vector, const QString &where, const QString &id)
{
    const qsizetype bad = firstNonFinite(vector);
    if (bad < 0) return true;
    addProblem(where, id,
               QStringLiteral("Element %1 of the vector is %2; vectors must hold finite numbers.")
                   .arg(bad)
                   .arg(describeNonFinite(vector[size_t(bad)])));
    return false;
}

Error openSourceFile(QFile &file)
{
    if (file.open(QIODevice::ReadOnly)) return {};
    return Error(file.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                 QStringLiteral("Could not open %1: %2").arg(file.fileName(), file.errorString()), file.fileName());
}

RowFileSource::RowFileSource(const QString &path, const SourceOptions &options)
    : m_file(path), m_prefix(generatedIdPrefix(path, options))
{
}

SourceShape RowFileSource::shape() const
{
    SourceShape shape;
    shape.dimensions = m_dimensions;
    shape.items = m_rows;
    shape.notes = m_notes;
    return shape;
}

Error RowFileSource::checkIdsFor(qint64 rows) const
{
    if (Error e = validateId(m_prefix + QString::number(std::max<qint64>(rows - 1, 0))))
        return Error(ErrorCode::InvalidId,
                     QStringLiteral("The ids made for %1 are not valid: %2").arg(m_file.fileName(), e.message()),
                     m_file.fileName());
    return {};
}

} // namespace sextant::formats
