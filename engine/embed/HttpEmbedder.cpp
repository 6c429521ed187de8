#include "embed/HttpEmbedder.h"
#include "sextant/Schema.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <memory>

namespace sextant::embed {

namespace {

constexpr int kMaxBackoffMs = 30'000;
// A server that asks for a longer pause than this is better reported than
// waited for with the user watching a progress bar.
constexpr int kMaxRetryAfterMs = 60'000;
// How often a blocked call asks the cancel check: short enough that Cancel
// feels immediate, long enough to cost nothing.
constexpr int kCancelPollMs = 50;
constexpr int kMaxRetries = 100;

QString seconds(int ms)
{
    if (ms % 1000 == 0) return QStringLiteral("%1 s").arg(ms / 1000);
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

QString attemptsText(int attempts)
{
    return attempts == 1 ? QStringLiteral("1 attempt") : QStringLiteral("%1 attempts").arg(attempts);
}

// ": “message”" when the server said something, else nothing.
QString saying(const QString &serverMessage)
{
    return serverMessage.isEmpty() ? QString() : QStringLiteral(": \u201c%1\u201d").arg(serverMessage);
}

Error cancelledError() { return Error(ErrorCode::Cancelled, QStringLiteral("Embedding was cancelled.")); }

// Transport failures worth another try: the server may be starting up,
// restarting, or briefly unreachable.
bool isTransientNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError: return true;
    default: return false;
    }
}

// Failures below HTTP: no complete answer arrived, whatever the status line
// said (NetworkError values under 200 are connection and proxy errors).
bool isTransportError(QNetworkReply::NetworkError error) { return error != QNetworkReply::NoError && int(error) < 200; }

bool isRetryableStatus(int status)
{
    // 501 "Not Implemented" is how llama.cpp's server says embeddings are
    // off; asking again will not turn them on.
    return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501);
}

} // namespace

// What one request came back with.
struct HttpEmbedder::Attempt {
    enum class Outcome {
        Answered,     // a complete HTTP response, any status
        TimedOut,     // no complete answer within timeoutMs
        Cancelled,    // the cancel check said so
        TooLarge,     // the answer outgrew maxResponseBytes
        NetworkFailed // refused, closed, unreachable, TLS: see networkError
    };
    Outcome outcome = Outcome::NetworkFailed;
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
    QByteArray location;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
};

// One QNetworkAccessManager for the length of an embed() call, living on
// the calling thread: successive batches reuse its kept-alive connection.
class HttpEmbedder::Session {
public:
    explicit Session(const HttpEmbedder &owner) : m_owner(owner) { }

    Attempt post(const QNetworkRequest &request, const QByteArray &body)
    {
        const HttpEmbedderOptions &options = m_owner.m_options;
        Attempt attempt;
        std::unique_ptr<QNetworkReply> reply(m_manager.post(request, body));
        QEventLoop loop;
        bool timedOut = false, cancelled = false, tooLarge = false;

        auto stopWith = [&](bool &flag) {
            flag = true;
            reply->abort(); // emits finished(), which quits the loop
        };
        auto takeAvailable = [&] {
            if (attempt.body.size() + reply->bytesAvailable() > options.maxResponseBytes) {
                stopWith(tooLarge);
                return;
            }
            attempt.body += reply->readAll();
        };
        QObject::connect(reply.get(), &QNetworkReply::metaDataChanged, &loop, [&] {
            bool known = false;
            const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
            if (known && announced > options.maxResponseBytes) stopWith(tooLarge);
        });
        QObject::connect(reply.get(), &QIODevice::readyRead, &loop, takeAvailable);
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);

        QTimer deadline;
        deadline.setSingleShot(true);
        QObject::connect(&deadline, &QTimer::timeout, &loop, [&] { stopWith(timedOut); });
        deadline.start(options.timeoutMs);
        QTimer cancelPoll;
        if (m_owner.m_cancelled) {
            QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
                if (m_owner.isCancelled()) stopWith(cancelled);
            });
            cancelPoll.start(kCancelPollMs);
        }
        // quit() before exec() would be lost, so only wait for what is pending.
        if (!reply->isFinished()) loop.exec(QEventLoop::ExcludeUserInputEvents);
        deadline.stop();
        cancelPoll.stop();
        QObject::disconnect(reply.get(), nullptr, &loop, nullptr);

        auto ended = [&](Attempt::Outcome outcome) {
            attempt.outcome = outcome;
            return attempt;
        };
        if (cancelled) return ended(Attempt::Outcome::Cancelled);
        if (tooLarge) return ended(Attempt::Outcome::TooLarge);
        if (timedOut) return ended(Attempt::Outcome::TimedOut);
        takeAvailable();
        if (tooLarge) return ended(Attempt::Outcome::TooLarge);

        attempt.networkError = reply->error();
        attempt.networkErrorText = reply->errorString();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid() && !isTransportError(attempt.networkError)) {
            attempt.outcome = Attempt::Outcome::Answered;
            attempt.status = status.toInt();
            attempt.retryAfter = reply->rawHeader("Retry-After").trimmed();
            attempt.location = reply->rawHeader("Location");
        } else {
            attempt.outcome = Attempt::Outcome::NetworkFailed;
        }
        return attempt;
    }

private:
    const HttpEmbedder &m_owner;
    QNetworkAccessManager m_manager;
};

HttpEmbedder::HttpEmbedder(HttpEmbedderOptions options)
    : m_options(std::move(options)), m_dimensions(m_options.dimensions)
{
    m_endpoint = m_options.baseUrl;
    QString path = m_endpoint.path();
    if (!path.endsWith(QLatin1StringView("/embeddings"))) {
        while (path.endsWith(u'/'))
            path.chop(1);
        path += QLatin1StringView("/embeddings");
    }
    m_endpoint.setPath(path);
}

QString HttpEmbedder::id() const
{
    return QStringLiteral("openai-compatible:%1/%2").arg(m_options.model).arg(dimensions());
}

int HttpEmbedder::dimensions() const { return m_dimensions.load(); }

void HttpEmbedder::setCancelCheck(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }

bool HttpEmbedder::isCancelled() const { return m_cancelled && m_cancelled(); }

QString HttpEmbedder::shownUrl() const { return m_endpoint.toDisplayString(QUrl::RemoveUserInfo); }

QString HttpEmbedder::redact(QString text) const
{
    // A very short "key" would blot out ordinary words; it is no secret worth that.
    if (m_options.apiKey.size() >= 6) text.replace(m_options.apiKey, QStringLiteral("[API key]"));
    return text;
}

Error HttpEmbedder::redacted(const Error &error) const
{
    // Every error embed() returns names this server (docs/errors.md).
    Error e = error.rephrased(redact(error.message()));
    e.withServer(shownUrl(), error.httpStatus());
    return e;
}

Error HttpEmbedder::checkOptions() const
{
    const QUrl &url = m_options.baseUrl;
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https")) ||
        url.host().isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The embedding server's base URL \u201c%1\u201d is not an http or https URL; "
                                    "it looks like http://localhost:11434/v1.")
                         .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    if (m_options.model.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("No embedding model is named; set one (SEXTANT_EMBED_MODEL)."));
    if (m_options.batchSize < 1 || m_options.batchSize > kMaxBatchSize)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The batch size is %1; it must be 1 to %2 texts.")
                                                     .arg(m_options.batchSize)
                                                     .arg(kMaxBatchSize));
    if (m_options.dimensions < 0 || m_options.dimensions > Schema::kMaxDimensions)
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("The expected dimension is %1; it must be 1 to %2, or 0 to learn it from the server.")
                .arg(m_options.dimensions)
                .arg(Schema::kMaxDimensions));
    if (m_options.timeoutMs < 1 || m_options.maxRetries < 0 || m_options.maxRetries > kMaxRetries ||
        m_options.initialBackoffMs < 0 || m_options.maxResponseBytes < 1)
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("The timeout must be positive, the retries 0 to %1, the backoff not negative and the "
                           "response limit positive.")
                .arg(kMaxRetries));
    return {};
}

QByteArray HttpEmbedder::requestBody(const QStringList &batch) const
{
    QJsonObject request{{QStringLiteral("model"), m_options.model},
                        {QStringLiteral("input"), QJsonArray::fromStringList(batch)}};
    if (m_options.sendDimensions && m_options.dimensions > 0)
        request.insert(QStringLiteral("dimensions"), m_options.dimensions);
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

int HttpEmbedder::backoffMs(int retry, const Attempt &attempt) const
{
    if (const int asked = retryAfterMs(attempt.retryAfter, QDateTime::currentDateTimeUtc()); asked >= 0) return asked;
    qint64 ms = m_options.initialBackoffMs;
    for (int i = 0; i < retry && ms < kMaxBackoffMs; ++i)
        ms *= 2;
    ms = qMin(ms, qint64(kMaxBackoffMs));
    // Half fixed, half random: clients that failed together do not all come back together.
    const qint64 half = ms / 2;
    return int(half + qint64(QRandomGenerator::global()->bounded(quint32(ms - half + 1))));
}

bool HttpEmbedder::waitUnlessCancelled(int ms) const
{
    QDeadlineTimer until(ms);
    while (!until.hasExpired()) {
        if (isCancelled()) return false;
        QThread::msleep(quint64(qMin(qint64(kCancelPollMs), qMax(qint64(1), until.remainingTime()))));
    }
    return !isCancelled();
}

int retryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty()) return -1;
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber) return seconds < 0 ? -1 : int(qMin(seconds, qint64(kMaxRetryAfterMs / 1000)) * 1000);
    // The other form RFC 9110 allows, an HTTP date, always ends in "GMT",
    // which Qt's RFC 2822 parser does not read as a zone.
    QString date = QString::fromLatin1(text.left(64));
    if (date.endsWith(QLatin1StringView(" GMT"))) date = date.chopped(4) + QLatin1StringView(" +0000");
    const QDateTime at = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!at.isValid()) return -1;
    return int(qBound(qint64(0), now.msecsTo(at), qint64(kMaxRetryAfterMs)));
}

Error HttpEmbedder::errorForHttpStatus(const Attempt &attempt, int batchSize) const
{
    const QString url = shownUrl();
    const int status = attempt.status;
    const QString said = saying(serverErrorMessage(attempt.body));
    if (status == 401 || status == 403) {
        if (m_options.apiKey.isEmpty())
            return Error(ErrorCode::AccessDenied,
                         QStringLiteral("The server at %1 wants an API key (HTTP %2)%3. Set SEXTANT_EMBED_API_KEY "
                                        "(or OPENAI_API_KEY) to your key.")
                             .arg(url)
                             .arg(status)
                             .arg(said));
        return Error(ErrorCode::AccessDenied,
                     QStringLiteral("The server at %1 refused the API key (HTTP %2)%3. Set SEXTANT_EMBED_API_KEY "
                                    "(or OPENAI_API_KEY) to a key it accepts, with access to the model \u201c%4\u201d.")
                         .arg(url)
                         .arg(status)
                         .arg(said, m_options.model));
    }
    if (status == 404)
        return Error(
            ErrorCode::NotFound,
            QStringLiteral("The server at %1 has no such endpoint or model (HTTP 404)%2. Check that the base URL "
                           "ends with /v1 (for Ollama http://localhost:11434/v1) and that the model \u201c%3\u201d "
                           "is pulled or served there.")
                .arg(url, said, m_options.model));
    if (status == 501)
        return Error(ErrorCode::NotFound,
                     QStringLiteral("The server at %1 does not offer embeddings (HTTP 501)%2. llama.cpp's server needs "
                                    "--embeddings; other servers must load an embedding model.")
                         .arg(url, said));
    if (status == 413)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The server at %1 refused a batch of %2 texts as too large (HTTP 413)%3. Lower the "
                                    "batch size (SEXTANT_EMBED_BATCH_SIZE) or the chunk size.")
                         .arg(url)
                         .arg(batchSize)
                         .arg(said));
    if (status >= 300 && status < 400)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The server at %1 redirects (HTTP %2) to \u201c%3\u201d. Sextant does not follow "
                                    "redirects, which could carry the API key elsewhere; set the base URL "
                                    "(SEXTANT_EMBED_URL) to the address the server names.")
                         .arg(url)
                         .arg(status)
                         .arg(QString::fromUtf8(attempt.location.left(300))));
    if (status >= 400 && status < 500)
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("The server at %1 rejected the request (HTTP %2)%3. Check the model name "
                           "\u201c%4\u201d, and that every text fits the model's context (smaller chunks help).")
                .arg(url)
                .arg(status)
                .arg(said, m_options.model));
    return Error(ErrorCode::Network,
                 QStringLiteral("The server at %1 answered HTTP %2, which is not an answer to an embeddings request%3.")
                     .arg(url)
                     .arg(status)
                     .arg(said));
}

Error HttpEmbedder::errorForGivingUp(const Attempt &attempt, int attempts) const
{
    const QString url = shownUrl();
    const QString tries = attemptsText(attempts);
    switch (attempt.outcome) {
    case Attempt::Outcome::TimedOut:
        return Error(
            ErrorCode::Network,
            QStringLiteral("The server at %1 did not answer within %2 (%3). It may be overloaded or still loading "
                           "the model; try again, or lower the batch size (SEXTANT_EMBED_BATCH_SIZE) so that "
                           "each request takes less time.")
                .arg(url, seconds(m_options.timeoutMs), tries));
    case Attempt::Outcome::Answered:
        if (attempt.status == 429)
            return Error(
                ErrorCode::Network,
                QStringLiteral("The server at %1 kept answering HTTP 429, too many requests (%2)%3. Wait and try "
                               "again, or lower the batch size; a hosted service may need a higher rate limit "
                               "or more credit.")
                    .arg(url, tries, saying(serverErrorMessage(attempt.body))));
        return Error(ErrorCode::Network,
                     QStringLiteral("The server at %1 kept failing with HTTP %2 (%3)%4. Check the server's log: it may "
                                    "be overloaded, out of memory or still loading the model.")
                         .arg(url)
                         .arg(attempt.status)
                         .arg(tries, saying(serverErrorMessage(attempt.body))));
    case Attempt::Outcome::NetworkFailed: break;
    case Attempt::Outcome::Cancelled: return cancelledError();
    case Attempt::Outcome::TooLarge:
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("The server at %1 sent an answer over the limit of %2 bytes. Lower the batch size.")
                         .arg(url)
                         .arg(m_options.maxResponseBytes));
    }
    switch (attempt.networkError) {
    case QNetworkReply::ConnectionRefusedError:
        return Error(ErrorCode::Network,
                     QStringLiteral("Could not connect to %1: the connection was refused (%2). Is the server running, "
                                    "and listening on that host and port?")
                         .arg(url, tries));
    case QNetworkReply::RemoteHostClosedError:
        return Error(ErrorCode::Network,
                     QStringLiteral("The server at %1 closed the connection without a complete answer (%2). Check the "
                                    "server's log; it may have crashed or run out of memory.")
                         .arg(url, tries));
    case QNetworkReply::HostNotFoundError:
        return Error(ErrorCode::Network,
                     QStringLiteral("The host of %1 was not found. Check the base URL (SEXTANT_EMBED_URL).").arg(url));
    default: break;
    }
    if (attempt.networkError >= QNetworkReply::SslHandshakeFailedError &&
        attempt.networkError < QNetworkReply::ProxyConnectionRefusedError)
        return Error(ErrorCode::Network,
                     QStringLiteral("The secure connection to %1 failed: %2. Check http versus https in the base URL, "
                                    "and the server's certificate.")
                         .arg(url, attempt.networkErrorText));
    return Error(ErrorCode::Network,
                 QStringLiteral("The request to %1 failed (%2): %3.").arg(url, tries, attempt.networkErrorText));
}

Result<std::vector<QVector<float>>> HttpEmbedder::embedBatch(Session &session, const QStringList &batch)
{
    QNetworkRequest request(m_endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    if (!m_options.apiKey.isEmpty()) request.setRawHeader("Authorization", "Bearer " + m_options.apiKey.toUtf8());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    const QByteArray body = requestBody(batch);

    for (int attemptNumber = 1;; ++attemptNumber) {
        if (isCancelled()) return cancelledError();
        const Attempt attempt = session.post(request, body);
        if (attempt.outcome == Attempt::Outcome::Cancelled) return cancelledError();
        // The server's last HTTP status goes with any error about its answer.
        const auto answered = [&](Error e) {
            return e.withServer(shownUrl(), attempt.outcome == Attempt::Outcome::Answered ? attempt.status : 0);
        };

        if (attempt.outcome == Attempt::Outcome::Answered && attempt.status >= 200 && attempt.status < 300) {
            Result<std::vector<QVector<float>>> vectors = vectorsFrom(attempt, int(batch.size()));
            if (!vectors.ok()) return answered(vectors.error());
            return vectors;
        }

        if (attempt.outcome == Attempt::Outcome::Answered) {
            // OpenAI answers 429 also when the account is out of credit; that does not pass.
            if (attempt.status == 429 && attempt.body.contains("insufficient_quota"))
                return answered(Error(ErrorCode::AccessDenied,
                                      QStringLiteral("The server at %1 refused the request for lack of credit (HTTP "
                                                     "429)%2. Check the account's plan and billing.")
                                          .arg(shownUrl(), saying(serverErrorMessage(attempt.body)))));
            if (!isRetryableStatus(attempt.status)) return answered(errorForHttpStatus(attempt, int(batch.size())));
        }
        const bool transient =
            attempt.outcome == Attempt::Outcome::Answered || attempt.outcome == Attempt::Outcome::TimedOut ||
            (attempt.outcome == Attempt::Outcome::NetworkFailed && isTransientNetworkError(attempt.networkError));
        if (!transient || attemptNumber > m_options.maxRetries)
            return answered(errorForGivingUp(attempt, attemptNumber));
        if (!waitUnlessCancelled(backoffMs(attemptNumber - 1, attempt))) return cancelledError();
    }
}

Result<std::vector<QVector<float>>> HttpEmbedder::vectorsFrom(const Attempt &attempt, int count)
{
    Result<std::vector<QVector<float>>> parsed = parseEmbeddingResponse(attempt.body, count, 0);
    if (!parsed.ok())
        return Error(
            parsed.error().code(),
            QStringLiteral("The server at %1 did not answer with embeddings: %2 Check that the base URL points "
                           "at an OpenAI-compatible API (it usually ends with /v1).")
                .arg(shownUrl(), parsed.error().message()));
    const int got = int(parsed->front().size());
    int expected = m_dimensions.load();
    // The first answer fixes the dimension for the embedder's life.
    if (expected == 0 && m_dimensions.compare_exchange_strong(expected, got)) return parsed;
    if (got != expected) {
        const QString holds = m_options.dimensions > 0
                                  ? QStringLiteral("this index holds %1-dimensional ones").arg(expected)
                                  : QStringLiteral("its first answer had %1-dimensional ones").arg(expected);
        return Error(
            ErrorCode::DimensionMismatch,
            QStringLiteral("The server at %1 returned %2-dimensional vectors for the model \u201c%3\u201d, but %4. "
                           "Use the model the index was made with, or make a new index for this one.")
                .arg(shownUrl())
                .arg(got)
                .arg(m_options.model, holds));
    }
    return parsed;
}

Result<std::vector<QVector<float>>> HttpEmbedder::embed(const QStringList &texts)
{
    if (Error e = checkOptions()) return redacted(e);
    if (texts.isEmpty()) return std::vector<QVector<float>>{};
    if (isCancelled()) return cancelledError();

    Session session(*this);
    std::vector<QVector<float>> out;
    out.reserve(size_t(texts.size()));
    const qsizetype batchSize = m_options.batchSize;
    for (qsizetype first = 0; first < texts.size(); first += batchSize) {
        const QStringList batch = texts.mid(first, batchSize);
        Result<std::vector<QVector<float>>> vectors = embedBatch(session, batch);
        if (!vectors.ok()) {
            if (texts.size() <= batchSize || vectors.error().code() == ErrorCode::Cancelled)
                return redacted(vectors.error());
            return redacted(vectors.error().rephrased(QStringLiteral("Texts %1 to %2 of %3: %4")
                                                          .arg(first + 1)
                                                          .arg(first + batch.size())
                                                          .arg(texts.size())
                                                          .arg(vectors.error().message())));
        }
        for (QVector<float> &v : *vectors)
            out.push_back(std::move(v));
    }
    return out;
}

Error HttpEmbedder::probe()
{
    Result<std::vector<QVector<float>>> one = embed({QStringLiteral("Sextant checks the connection.")});
    return one.ok() ? Error() : one.error();
}

Result<HttpEmbedderOptions> httpEmbedderOptionsFromEnvironment(const QString &model)
{
    HttpEmbedderOptions options;
    const QString url = qEnvironmentVariable("SEXTANT_EMBED_URL").trimmed();
    if (url.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("SEXTANT_EMBED_URL is not set. Set it to the server's OpenAI-compatible base URL, "
                                    "e.g. http://localhost:11434/v1 for Ollama or https://api.openai.com/v1."));
    options.baseUrl = QUrl(url, QUrl::StrictMode);
    const QString scheme = options.baseUrl.scheme();
    if (!options.baseUrl.isValid() || options.baseUrl.host().isEmpty() ||
        (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https")))
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("SEXTANT_EMBED_URL (\u201c%1\u201d) is not an http or https URL; it looks like "
                                    "http://localhost:11434/v1.")
                         .arg(options.baseUrl.isValid() ? options.baseUrl.toDisplayString(QUrl::RemoveUserInfo)
                                                        : url.left(200)));

    options.model = model.isEmpty() ? qEnvironmentVariable("SEXTANT_EMBED_MODEL").trimmed() : model;
    if (options.model.isEmpty())
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("SEXTANT_EMBED_MODEL is not set. Set it to the embedding model's name as the server "
                           "knows it, e.g. nomic-embed-text (Ollama) or text-embedding-3-small (OpenAI)."));

    auto readInt = [](const char *name, int min, int max, int *into) -> Error {
        const QString text = qEnvironmentVariable(name).trimmed();
        if (text.isEmpty()) return {};
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok || value < min || value > max)
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 is \u201c%2\u201d; it must be a whole number from %3 to %4.")
                             .arg(QLatin1StringView(name), text.left(40))
                             .arg(min)
                             .arg(max));
        *into = value;
        return {};
    };
    if (Error e = readInt("SEXTANT_EMBED_DIMENSIONS", 1, Schema::kMaxDimensions, &options.dimensions)) return e;
    if (Error e = readInt("SEXTANT_EMBED_BATCH_SIZE", 1, HttpEmbedder::kMaxBatchSize, &options.batchSize)) return e;

    const QString send = qEnvironmentVariable("SEXTANT_EMBED_SEND_DIMENSIONS").trimmed().toLower();
    if (send == QLatin1StringView("1") || send == QLatin1StringView("true") || send == QLatin1StringView("yes")) {
        if (options.dimensions == 0)
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("SEXTANT_EMBED_SEND_DIMENSIONS is set but SEXTANT_EMBED_DIMENSIONS is not; set "
                                        "the number of dimensions to ask the server for."));
        options.sendDimensions = true;
    } else if (!send.isEmpty() && send != QLatin1StringView("0") && send != QLatin1StringView("false") &&
               send != QLatin1StringView("no")) {
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("SEXTANT_EMBED_SEND_DIMENSIONS is \u201c%1\u201d; it must be 1 or 0.").arg(send.left(40)));
    }

    options.apiKey = qEnvironmentVariable("SEXTANT_EMBED_API_KEY").trimmed();
    if (options.apiKey.isEmpty()) options.apiKey = qEnvironmentVariable("OPENAI_API_KEY").trimmed();
    return options;
}

} // namespace sextant::embed
