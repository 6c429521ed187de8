#pragma once
// An embedder that asks a server speaking OpenAI's embeddings API: OpenAI
// itself, Ollama, LM Studio, vLLM, llama.cpp's server (docs/embedders.md,
// "OpenAI-compatible servers"). It sends `POST {baseUrl}/embeddings` with
// `{"model": M, "input": [texts...]}` in batches, retries what is worth
// retrying, and checks every answer before a vector leaves it: a server is
// untrusted input like any file.
//
// embed() blocks. It runs its own QNetworkAccessManager and QEventLoop for
// the length of the call, so it works on any worker thread (a QThreadPool
// thread, a plain std::thread) with no event loop running; never call it on
// the GUI thread. Two threads may call embed() on one HttpEmbedder at once.

#include "sextant/Embedder.h"

#include <QByteArray>
#include <QDateTime>
#include <QUrl>

#include <atomic>
#include <functional>

namespace sextant::embed {

struct HttpEmbedderOptions {
    QUrl baseUrl; // e.g. http://localhost:11434/v1 ("/embeddings" is appended unless the path ends with it)
    QString model;
    QString apiKey;     // empty: no Authorization header
    int dimensions = 0; // expected; 0 = learn from the first response (then fixed)
    bool sendDimensions =
        false;             // send "dimensions" (only when dimensions > 0): for models that can shorten their vectors
    int batchSize = 64;    // texts per request
    int timeoutMs = 60000; // per request, from sending to the last byte of the answer
    int maxRetries = 5;    // on 429, 5xx (not 501), 408, timeouts and connection errors
    int initialBackoffMs =
        500; // doubled each retry (with jitter), capped at 30 s; Retry-After honoured, capped at 60 s
    qint64 maxResponseBytes = 256ll << 20;
};

// Reads the options from the environment:
//   SEXTANT_EMBED_URL              base URL (required)
//   SEXTANT_EMBED_MODEL            model name (required)
//   SEXTANT_EMBED_DIMENSIONS       expected dimensions (optional, 1 to 8192)
//   SEXTANT_EMBED_API_KEY          key (optional; falls back to OPENAI_API_KEY)
//   SEXTANT_EMBED_SEND_DIMENSIONS  1/true/yes: also ask the server for that many dimensions
//   SEXTANT_EMBED_BATCH_SIZE       texts per request (optional, 1 to 2048)
// A missing or invalid variable gives ErrorCode::InvalidArgument naming it.
// `model`, when not empty, stands in for SEXTANT_EMBED_MODEL (an index names its own model).
Result<HttpEmbedderOptions> httpEmbedderOptionsFromEnvironment(const QString &model = {});

class HttpEmbedder final : public Embedder {
public:
    // Batches of up to this many texts: OpenAI's own limit per request.
    static constexpr int kMaxBatchSize = 2048;

    explicit HttpEmbedder(HttpEmbedderOptions options);

    // "openai-compatible:<model>/<dimensions>", dimensions 0 until known.
    QString id() const override;
    int dimensions() const override;
    Result<std::vector<QVector<float>>> embed(const QStringList &texts) override;

    // Asks the server for one embedding, to learn the dimension and check
    // the URL, the model and the key. Fails as embed() does.
    Error probe();

    // Polled between attempts, while waiting for an answer and during
    // backoff; returning true ends the call with ErrorCode::Cancelled. Set
    // it before calling embed(); it is called on embed()'s thread.
    void setCancelCheck(std::function<bool()> cancelled);

    // The endpoint requests go to: baseUrl with "/embeddings" appended.
    QUrl endpoint() const { return m_endpoint; }

private:
    struct Attempt;
    class Session;

    // Sends one batch, retrying; vectors in the order of `batch`.
    Result<std::vector<QVector<float>>> embedBatch(Session &session, const QStringList &batch);
    // Parses a 2xx answer and holds its dimension to the expected (or learned) one.
    Result<std::vector<QVector<float>>> vectorsFrom(const Attempt &attempt, int count);
    Error checkOptions() const;
    QByteArray requestBody(const QStringList &batch) const;
    Error errorForHttpStatus(const Attempt &attempt, int batchSize) const;
    Error errorForGivingUp(const Attempt &attempt, int attempts) const;
    int backoffMs(int retry, const Attempt &attempt) const;
    bool waitUnlessCancelled(int ms) const;
    bool isCancelled() const;
    // URL for messages: never user info (a password or key can hide there).
    QString shownUrl() const;
    // Replaces the API key, should a server echo it, before a message leaves.
    QString redact(QString text) const;
    Error redacted(const Error &error) const;

    HttpEmbedderOptions m_options;
    QUrl m_endpoint;
    std::atomic<int> m_dimensions;
    std::function<bool()> m_cancelled;
};

// The response parser on its own, for tests and fuzzing: `expected` texts,
// `dimensions` 0 = any but all equal. The vectors come in the order of each
// item's "index" (servers may reorder), or in array order when no item has
// one. Errors: MalformedInput (not the protocol, wrong count, bad indexes),
// DimensionMismatch, NonFiniteValue.
Result<std::vector<QVector<float>>> parseEmbeddingResponse(const QByteArray &body, int expected, int dimensions);

// The pause a Retry-After header value asks for, in milliseconds, at most
// 60 s: whole seconds, or an HTTP date (in the past: 0). -1 when the value
// is empty or neither.
int retryAfterMs(const QByteArray &value, const QDateTime &now);

// The human part of an error body, as servers write it: {"error":{"message":
// ...}}, {"error": "..."}, {"message": ...}, {"detail": ...}, or short plain
// text; whitespace collapsed, at most 300 characters. Empty when none.
QString serverErrorMessage(const QByteArray &body);

} // namespace sextant::embed
