#pragma once
// Turning text into vectors. Every embedder sits behind this interface and
// runs on the caller's thread, which is always a worker (never the GUI's).
// An index records the id() of the embedder that made its vectors and
// refuses text from another one.

#include "sextant/Api.h"
#include "sextant/Error.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <vector>

namespace sextant::embed {

class SEXTANT_API Embedder {
public:
    virtual ~Embedder() = default;
    // Names the model and everything that changes its vectors, e.g.
    // "sextant-hash-v1/384": two embedders with one id give the same vectors.
    virtual QString id() const = 0;
    virtual int dimensions() const = 0;
    // One vector per text, in order. Fails as a whole, naming the text.
    virtual Result<std::vector<QVector<float>>> embed(const QStringList &texts) = 0;
};

} // namespace sextant::embed
