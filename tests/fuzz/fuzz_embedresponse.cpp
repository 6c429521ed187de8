// Fuzz target: what an OpenAI-compatible embeddings server answers
// (embed/HttpEmbedder.h): parseEmbeddingResponse, and serverErrorMessage, which
// quotes a server's error body in messages. A server is untrusted input.
//
// Properties besides "no crash": an error has a message and one of the
// parser's three codes; an accepted answer has exactly the expected number
// of vectors, all of one length from 1 to 8,192, all finite; parsing again
// with that length as the expected dimension gives the same vectors, with
// one more it fails as DimensionMismatch; one more expected text always
// fails; a quoted server message is one line of at most 301 characters.

#include "FuzzSupport.h"

#include "embed/HttpEmbedder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace sextant;

namespace {

void checkError(const Error &error)
{
    if (error.message().isEmpty()) fuzzsupport::propertyFailed("an error without a message");
    switch (error.code()) {
    case ErrorCode::MalformedInput:
    case ErrorCode::DimensionMismatch:
    case ErrorCode::NonFiniteValue: return;
    default: fuzzsupport::propertyFailed("an error with a code the parser does not document");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));

    const QString quoted = embed::serverErrorMessage(body);
    if (quoted.size() > 301) fuzzsupport::propertyFailed("a quoted server message over 301 characters");
    for (const QChar c : quoted)
        if (c == u'\n' || c == u'\r' || c == u'\t')
            fuzzsupport::propertyFailed("a quoted server message over several lines");

    // The count the body claims, so that the checks behind the count are reached.
    qsizetype claimed = QJsonDocument::fromJson(body).object().value(QStringLiteral("data")).toArray().size();
    const int expected = int(qMin(claimed, qsizetype(100000)));

    Result<std::vector<QVector<float>>> r = embed::parseEmbeddingResponse(body, expected, 0);
    Result<std::vector<QVector<float>>> oneMore = embed::parseEmbeddingResponse(body, expected + 1, 0);
    if (oneMore.ok()) fuzzsupport::propertyFailed("accepted for two different counts of texts");
    checkError(oneMore.error());
    if (!r.ok()) {
        checkError(r.error());
        return 0;
    }
    if (r->size() != size_t(expected)) fuzzsupport::propertyFailed("the wrong number of vectors");
    if (expected == 0) return 0;
    const qsizetype dims = r->front().size();
    if (dims < 1 || dims > 8192) fuzzsupport::propertyFailed("a vector length outside 1 to 8192");
    for (const QVector<float> &v : *r) {
        if (v.size() != dims) fuzzsupport::propertyFailed("vectors of different lengths");
        for (float f : v)
            if (!std::isfinite(f)) fuzzsupport::propertyFailed("a non-finite element was accepted");
    }
    Result<std::vector<QVector<float>>> again = embed::parseEmbeddingResponse(body, expected, int(dims));
    if (!again.ok() || *again != *r) fuzzsupport::propertyFailed("the found dimension, given, changes the answer");
    Result<std::vector<QVector<float>>> longer = embed::parseEmbeddingResponse(body, expected, int(dims) + 1);
    if (longer.ok() || longer.error().code() != ErrorCode::DimensionMismatch)
        fuzzsupport::propertyFailed("another dimension than the vectors' was not refused as a mismatch");
    return 0;
}
