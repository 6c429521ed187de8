#pragma once
// Shared by the vector file fuzz targets (npy, vecs, csv, langchain): reads
// a VectorSource to its end and checks what every source promises, whatever
// the input: errors and problems carry a sentence, every item has a valid
// id that is new in the source, a finite vector of the source's dimension,
// and batches never exceed what was asked for.

#include "FuzzSupport.h"

#include "sextant/Schema.h"
#include "sextant/VectorSource.h"

#include <QSet>

#include <cmath>

namespace fuzzsupport {

inline QList<sextant::Item> drainChecked(sextant::formats::VectorSource &source, int batch = 7)
{
    using namespace sextant;
    QList<Item> all;
    QSet<QString> ids;
    const int dimensions = source.shape().dimensions;
    for (int round = 0;; ++round) {
        Result<QList<Item>> items = source.next(batch);
        for (const formats::SourceProblem &p : source.takeProblems())
            if (p.message.isEmpty() || p.where.isEmpty()) propertyFailed("a problem without a place or a sentence");
        if (!items.ok()) {
            if (items.error().message().isEmpty()) propertyFailed("an error without a message");
            // An error is final.
            if (source.next(batch).ok()) propertyFailed("a source went on after an error");
            break;
        }
        if (items->isEmpty()) break;
        if (items->size() > batch) propertyFailed("a batch larger than asked for");
        for (const Item &item : *items) {
            if (!validateId(item.id).ok()) propertyFailed("an item with an invalid id");
            if (ids.contains(item.id)) propertyFailed("an id twice in one source");
            ids.insert(item.id);
            if (item.vector.size() != dimensions || dimensions < 1 || dimensions > Schema::kMaxDimensions)
                propertyFailed("an item whose vector does not have the source's dimension");
            for (float x : item.vector)
                if (!std::isfinite(x)) propertyFailed("a non-finite value in an item");
            all.append(item);
        }
        if (round > 1'000'000) propertyFailed("a source that never ends");
    }
    if (source.bytesDone() < 0 || source.bytesTotal() < 0) propertyFailed("negative progress");
    const qint64 announced = source.shape().items;
    if (announced >= 0 && all.size() > announced) propertyFailed("more items than the header announced");
    return all;
}

} // namespace fuzzsupport
