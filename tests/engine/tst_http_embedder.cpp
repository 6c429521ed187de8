// The OpenAI-compatible HTTP embedder against a scripted loopback server:
// the requests it sends, batching, ordering by "index", retries and when it
// gives up, the errors a user sees (never with the key in them), dimension
// learning, cancellation, probe(), and options from the environment. Every
// call runs on a worker thread, as the real callers do; nothing here
// measures time: retries are counted at the server.

#include "LoopbackHttpServer.h"
#include "embed/HttpEmbedder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QtConcurrent>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <thread>

using namespace sextant;
using namespace testsupport;

namespace {

const QString kKey = QStringLiteral("sk-test-5ecret-key-0123456789");
const QString kModel = QStringLiteral("nomic-embed-text");

// The server's embedding of a text: deterministic, distinct per text, and
// made of floats, so what the client reads back compares exactly.
QVector<float> vectorFor(const QString &text, int dimensions)
{
    uint seed = 17;
    for (const QChar c : text)
        seed = seed * 31 + c.unicode();
    QVector<float> v(dimensions);
    for (int i = 0; i < dimensions; ++i)
        v[i] = float(std::sin(double(seed % 1000) + i * 0.37));
    return v;
}

QStringList inputsOf(const HttpRequest &request)
{
    QStringList out;
    const QJsonArray input = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("input")).toArray();
    for (const QJsonValue &v : input)
        out << v.toString();
    return out;
}

struct EmbeddingsShape {
    int dimensions = 8;
    bool reversed = false; // list the items backwards, each with its right "index"
};

QByteArray embeddingsBody(const QStringList &inputs, EmbeddingsShape shape)
{
    QJsonArray data;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        QJsonArray numbers;
        for (float f : vectorFor(inputs[i], shape.dimensions))
            numbers.append(double(f));
        const QJsonObject item{{QStringLiteral("object"), QStringLiteral("embedding")},
                               {QStringLiteral("index"), int(i)},
                               {QStringLiteral("embedding"), numbers}};
        if (shape.reversed)
            data.prepend(item);
        else
            data.append(item);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                     {QStringLiteral("data"), data},
                                     {QStringLiteral("model"), kModel}})
        .toJson(QJsonDocument::Compact);
}

HttpScript embeddings(EmbeddingsShape shape = {})
{
    return
        [shape](const HttpRequest &request) { return HttpAnswer::json(200, embeddingsBody(inputsOf(request), shape)); };
}

HttpScript answer(HttpAnswer a)
{
    return [a](const HttpRequest &) { return a; };
}

HttpScript status(int code, QByteArray body = "{}", QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    HttpAnswer a = HttpAnswer::json(code, std::move(body));
    a.headers = std::move(headers);
    return answer(a);
}

QByteArray errorJson(const QString &message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("error"),
                                      QJsonObject{{QStringLiteral("message"), message},
                                                  {QStringLiteral("type"), QStringLiteral("invalid_request_error")}}}})
        .toJson(QJsonDocument::Compact);
}

using Vectors = std::vector<QVector<float>>;

// embed() on a QThreadPool thread, as the GUI and the CLI call it.
// A loopback port nothing listens on: one the system just gave out and took
// back (0 when it gave none).
quint16 unusedLocalPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

Result<Vectors> embedOnWorker(embed::HttpEmbedder &embedder, const QStringList &texts)
{
    return QtConcurrent::run([&embedder, texts] { return embedder.embed(texts); }).result();
}

QStringList numberedTexts(int n)
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out << QStringLiteral("text number %1").arg(i);
    return out;
}

} // namespace

class TestHttpEmbedder : public QObject {
    Q_OBJECT

private:
    embed::HttpEmbedderOptions optionsFor(const LoopbackHttpServer &server)
    {
        embed::HttpEmbedderOptions o;
        o.baseUrl = server.url(QStringLiteral("/v1"));
        o.model = kModel;
        o.initialBackoffMs = 1;
        o.timeoutMs = 5000;
        return o;
    }

    // Checks an error's code and that its message names what it must and
    // never the API key.
    static bool failsWith(const Error &error, ErrorCode code, const QStringList &mentions)
    {
        bool good = true;
        if (error.code() != code) {
            qWarning("code %s, expected %s: %s", qPrintable(error.codeName()), qPrintable(errorCodeName(code)),
                     qPrintable(error.message()));
            good = false;
        }
        for (const QString &m : mentions)
            if (!error.message().contains(m)) {
                qWarning("\"%s\" is not in: %s", qPrintable(m), qPrintable(error.message()));
                good = false;
            }
        if (error.message().contains(kKey) || error.path().contains(kKey)) {
            qWarning("the message shows the API key: %s", qPrintable(error.message()));
            good = false;
        }
        return good;
    }
    template <typename T>
    static bool failsWith(const Result<T> &result, ErrorCode code, const QStringList &mentions)
    {
        if (result.ok()) {
            qWarning("succeeded, expected %s", qPrintable(errorCodeName(code)));
            return false;
        }
        return failsWith(result.error(), code, mentions);
    }

private slots:
    void embedsInBatchesInOrder()
    {
        LoopbackHttpServer server(embeddings());
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.batchSize = 2;
        embed::HttpEmbedder embedder(o);
        const QStringList texts = numberedTexts(5);
        Result<Vectors> r = embedOnWorker(embedder, texts);
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(r->size(), size_t(5));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(r->at(size_t(i)), vectorFor(texts[i], 8));

        const QList<HttpRequest> requests = server.requests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(inputsOf(requests[0]), texts.mid(0, 2));
        QCOMPARE(inputsOf(requests[1]), texts.mid(2, 2));
        QCOMPARE(inputsOf(requests[2]), texts.mid(4, 1));
        for (const HttpRequest &request : requests) {
            QCOMPARE(request.method, QByteArray("POST"));
            QCOMPARE(request.path, QByteArray("/v1/embeddings"));
            QVERIFY(request.headers.value("content-type").startsWith("application/json"));
            QVERIFY(!request.headers.contains("authorization"));
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            QCOMPARE(body.value(QStringLiteral("model")).toString(), kModel);
            QVERIFY(!body.contains(QStringLiteral("dimensions")));
        }
        QCOMPARE(embedder.dimensions(), 8);
    }

    void emptyInputSendsNothing()
    {
        LoopbackHttpServer server(embeddings());
        embed::HttpEmbedder embedder(optionsFor(server));
        Result<Vectors> r = embedOnWorker(embedder, {});
        QVERIFY(r.ok());
        QVERIFY(r->empty());
        QCOMPARE(server.requestCount(), 0);
    }

    void sendsTheKeyAsBearerToken()
    {
        LoopbackHttpServer server(embeddings());
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.apiKey = kKey;
        embed::HttpEmbedder embedder(o);
        QVERIFY(embedOnWorker(embedder, {QStringLiteral("hello")}).ok());
        QCOMPARE(server.requests().value(0).headers.value("authorization"), "Bearer " + kKey.toUtf8());
    }

    void sendsDimensionsOnlyWhenAsked()
    {
        LoopbackHttpServer server(embeddings({.dimensions = 4}));
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.dimensions = 4;
        embed::HttpEmbedder expectingOnly(o);
        QVERIFY(embedOnWorker(expectingOnly, {QStringLiteral("a")}).ok());
        o.sendDimensions = true;
        embed::HttpEmbedder asking(o);
        QVERIFY(embedOnWorker(asking, {QStringLiteral("a")}).ok());

        const QList<HttpRequest> requests = server.requests();
        QCOMPARE(requests.size(), 2);
        QVERIFY(!QJsonDocument::fromJson(requests[0].body).object().contains(QStringLiteral("dimensions")));
        QCOMPARE(QJsonDocument::fromJson(requests[1].body).object().value(QStringLiteral("dimensions")).toInt(), 4);
    }

    void endpointFromBaseUrl_data()
    {
        QTest::addColumn<QString>("basePath");
        QTest::newRow("v1") << QStringLiteral("/v1");
        QTest::newRow("trailing slash") << QStringLiteral("/v1/");
        QTest::newRow("full endpoint") << QStringLiteral("/v1/embeddings");
    }
    void endpointFromBaseUrl()
    {
        QFETCH(QString, basePath);
        LoopbackHttpServer server(embeddings());
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.baseUrl = server.url(basePath);
        embed::HttpEmbedder embedder(o);
        QVERIFY(embedOnWorker(embedder, {QStringLiteral("a")}).ok());
        QCOMPARE(server.requests().value(0).path, QByteArray("/v1/embeddings"));
    }

    void ordersByIndexWhenTheServerReorders()
    {
        LoopbackHttpServer server(embeddings({.reversed = true}));
        embed::HttpEmbedder embedder(optionsFor(server));
        const QStringList texts = numberedTexts(6);
        Result<Vectors> r = embedOnWorker(embedder, texts);
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        for (int i = 0; i < 6; ++i)
            QCOMPARE(r->at(size_t(i)), vectorFor(texts[i], 8));
    }

    void retriesTransientStatuses_data()
    {
        QTest::addColumn<QList<int>>("failures");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::newRow("429 with Retry-After") << QList<int>{429} << QByteArray("0");
        QTest::newRow("429 without Retry-After") << QList<int>{429, 429} << QByteArray();
        QTest::newRow("429 with a Retry-After date in the past")
            << QList<int>{429} << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT");
        QTest::newRow("500 then 503") << QList<int>{500, 503} << QByteArray();
        QTest::newRow("502, 504, 408") << QList<int>{502, 504, 408} << QByteArray();
    }
    void retriesTransientStatuses()
    {
        QFETCH(QList<int>, failures);
        QFETCH(QByteArray, retryAfter);
        LoopbackHttpServer server(embeddings());
        QList<HttpScript> script;
        for (int code : failures) {
            QList<std::pair<QByteArray, QByteArray>> headers;
            if (!retryAfter.isEmpty()) headers.append({"Retry-After", retryAfter});
            script << status(code, errorJson(QStringLiteral("busy")), headers);
        }
        server.enqueue(script);
        embed::HttpEmbedder embedder(optionsFor(server));
        Result<Vectors> r = embedOnWorker(embedder, {QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(r->at(1), vectorFor(QStringLiteral("b"), 8));
        QCOMPARE(server.requestCount(), failures.size() + 1);
        for (const HttpRequest &request : server.requests())
            QCOMPARE(inputsOf(request), QStringList({"a", "b"}));
    }

    void givesUpAfterMaxRetries_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("said");
        QTest::newRow("429") << 429 << QStringLiteral("too many requests");
        QTest::newRow("503") << 503 << QStringLiteral("HTTP 503");
        QTest::newRow("500") << 500 << QStringLiteral("HTTP 500");
    }
    void givesUpAfterMaxRetries()
    {
        QFETCH(int, code);
        QFETCH(QString, said);
        LoopbackHttpServer server(status(code, errorJson(QStringLiteral("model is loading"))));
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.maxRetries = 3;
        o.apiKey = kKey;
        embed::HttpEmbedder embedder(o);
        Result<Vectors> r = embedOnWorker(embedder, {QStringLiteral("a")});
        QVERIFY(failsWith(r, ErrorCode::Network,
                          {said, QString::number(code), QStringLiteral("4 attempts"),
                           QStringLiteral("model is loading"), embedder.endpoint().toString()}));
        QCOMPARE(server.requestCount(), 4);
        QCOMPARE(r.error().codeName(), QStringLiteral("network_error"));
    }

    void noRetriesWhenTheyAreOff()
    {
        LoopbackHttpServer server(status(503));
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.maxRetries = 0;
        embed::HttpEmbedder embedder(o);
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::Network,
                          {QStringLiteral("1 attempt")}));
        QCOMPARE(server.requestCount(), 1);
    }

    void quotaExhaustionIsNotRetried()
    {
        LoopbackHttpServer server(status(
            429,
            R"({"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","code":"insufficient_quota"}})"));
        embed::HttpEmbedder embedder(optionsFor(server));
        QVERIFY(failsWith(
            embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::AccessDenied,
            {QStringLiteral("429"), QStringLiteral("You exceeded your current quota."), QStringLiteral("billing")}));
        QCOMPARE(server.requestCount(), 1);
    }

    void refusedKeyIsNeitherRetriedNorShown()
    {
        // Some servers quote the key they refused; it must not reach the user.
        LoopbackHttpServer server(status(401, errorJson(QStringLiteral("Incorrect API key provided: ") + kKey)));
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.apiKey = kKey;
        embed::HttpEmbedder embedder(o);
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::AccessDenied,
                          {QStringLiteral("401"), QStringLiteral("SEXTANT_EMBED_API_KEY"),
                           QStringLiteral("Incorrect API key provided"), embedder.endpoint().toString()}));
        QCOMPARE(server.requestCount(), 1);

        server.setFallback(status(403, "{}"));
        const Error refused = embedder.probe();
        QVERIFY(failsWith(refused, ErrorCode::AccessDenied, {QStringLiteral("403")}));
        QCOMPARE(refused.codeName(), QStringLiteral("access_denied"));
    }

    void missingKeyAsksForOne()
    {
        LoopbackHttpServer server(status(401, errorJson(QStringLiteral("You didn't provide an API key."))));
        embed::HttpEmbedder embedder(optionsFor(server));
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::AccessDenied,
                          {QStringLiteral("wants an API key"), QStringLiteral("SEXTANT_EMBED_API_KEY")}));
    }

    void notFoundExplainsUrlAndModel()
    {
        LoopbackHttpServer server(
            status(404, errorJson(QStringLiteral("model \"nomic-embed-text\" not found, try pulling it first"))));
        embed::HttpEmbedder embedder(optionsFor(server));
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::NotFound,
                          {QStringLiteral("404"), QStringLiteral("/v1"), kModel, QStringLiteral("try pulling it first"),
                           embedder.endpoint().toString()}));
        QCOMPARE(server.requestCount(), 1);

        // Ollama's answer to a path it does not serve is plain text.
        server.setFallback(status(404, "404 page not found"));
        QVERIFY(failsWith(embedder.probe(), ErrorCode::NotFound, {QStringLiteral("404 page not found")}));
    }

    // The GUI words embedder errors from these fields (docs/errors.md), never from the sentence.
    void errorsNameTheServerAndItsStatus()
    {
        LoopbackHttpServer server(status(404, errorJson(QStringLiteral("model not found"))));
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.batchSize = 1;
        embed::HttpEmbedder embedder(o);
        const QString url = embedder.endpoint().toDisplayString(QUrl::RemoveUserInfo);
        const Result<Vectors> one = embedOnWorker(embedder, {QStringLiteral("a")});
        QVERIFY(!one.ok());
        QCOMPARE(one.error().source(), ErrorSource::Embedder);
        QCOMPARE(one.error().serverUrl(), url);
        QCOMPARE(one.error().httpStatus(), 404);
        // A failure in a later batch ("Texts 1 to 1 of 2: ...") keeps them.
        const Result<Vectors> two = embedOnWorker(embedder, {QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY(!two.ok());
        QCOMPARE(two.error().httpStatus(), 404);
        QCOMPARE(two.error().serverUrl(), url);
        server.setFallback(status(401, "{}"));
        QCOMPARE(embedder.probe().httpStatus(), 401);
        QCOMPARE(embedder.probe().code(), ErrorCode::AccessDenied);
    }

    void noAnswerHasNoStatus()
    {
        const quint16 freePort = unusedLocalPort();
        QVERIFY(freePort != 0);
        embed::HttpEmbedderOptions o;
        o.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(freePort));
        o.model = kModel;
        o.maxRetries = 0;
        embed::HttpEmbedder embedder(o);
        const Error e = embedder.probe();
        QCOMPARE(e.code(), ErrorCode::Network);
        QCOMPARE(e.source(), ErrorSource::Embedder);
        QCOMPARE(e.httpStatus(), 0);
        QCOMPARE(e.serverUrl(), QStringLiteral("http://127.0.0.1:%1/v1/embeddings").arg(freePort));
    }

    void clientErrorsCarryTheServersMessage()
    {
        LoopbackHttpServer server(status(400, errorJson(QStringLiteral("input is too long for context length 2048"))));
        embed::HttpEmbedder embedder(optionsFor(server));
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::InvalidArgument,
                          {QStringLiteral("400"), QStringLiteral("input is too long for context length 2048")}));

        // FastAPI servers (vLLM) list validation errors under "detail".
        server.setFallback(status(422, R"({"detail":[{"loc":["body","input"],"msg":"field required"}]})"));
        QVERIFY(failsWith(embedder.probe(), ErrorCode::InvalidArgument,
                          {QStringLiteral("422"), QStringLiteral("field required")}));
        QCOMPARE(server.requestCount(), 2);
    }

    void tooLargeBatchSuggestsASmallerOne()
    {
        LoopbackHttpServer server(status(413, "request entity too large"));
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.batchSize = 3;
        embed::HttpEmbedder embedder(o);
        QVERIFY(failsWith(
            embedOnWorker(embedder, numberedTexts(3)), ErrorCode::InvalidArgument,
            {QStringLiteral("413"), QStringLiteral("batch of 3 texts"), QStringLiteral("SEXTANT_EMBED_BATCH_SIZE")}));
        QCOMPARE(server.requestCount(), 1);
    }

    void embeddingsTurnedOffIsNotRetried()
    {
        LoopbackHttpServer server(status(501, errorJson(QStringLiteral("This server does not support embeddings."))));
        embed::HttpEmbedder embedder(optionsFor(server));
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::NotFound,
                          {QStringLiteral("501"), QStringLiteral("--embeddings")}));
        QCOMPARE(server.requestCount(), 1);
    }

    void redirectsAreNotFollowed()
    {
        LoopbackHttpServer server(status(307, "", {{"Location", "http://elsewhere.example/v1/embeddings"}}));
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.apiKey = kKey;
        embed::HttpEmbedder embedder(o);
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::InvalidArgument,
                          {QStringLiteral("307"), QStringLiteral("http://elsewhere.example/v1/embeddings")}));
        QCOMPARE(server.requestCount(), 1);
    }

    void timeoutIsRetriedThenReported()
    {
        LoopbackHttpServer server(answer(HttpAnswer::hang()));
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.timeoutMs = 200;
        o.maxRetries = 1;
        embed::HttpEmbedder embedder(o);
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::Network,
                          {QStringLiteral("did not answer within 0.2 s"), QStringLiteral("2 attempts"),
                           embedder.endpoint().toString()}));
        QCOMPARE(server.requestCount(), 2);

        server.enqueue({answer(HttpAnswer::hang()), embeddings()});
        Result<Vectors> r = embedOnWorker(embedder, {QStringLiteral("b")});
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(r->front(), vectorFor(QStringLiteral("b"), 8));
    }

    void closedConnectionIsRetried()
    {
        LoopbackHttpServer server(embeddings());
        server.enqueue({answer(HttpAnswer::close())});
        embed::HttpEmbedder embedder(optionsFor(server));
        Result<Vectors> r = embedOnWorker(embedder, {QStringLiteral("a")});
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(r->front(), vectorFor(QStringLiteral("a"), 8));
        QCOMPARE(server.requestCount(), 2);

        server.setFallback(answer(HttpAnswer::close()));
        QVERIFY(failsWith(embedder.probe(), ErrorCode::Network, {QStringLiteral("closed the connection")}));
        // Qt may resend a request on a reused connection by itself, so the
        // server can see more than the embedder's own attempts, never fewer.
        QVERIFY(server.requestCount() >= 2 + 6);
    }

    void connectionRefusedAsksWhetherTheServerRuns()
    {
        const quint16 freePort = unusedLocalPort();
        QVERIFY(freePort != 0);
        embed::HttpEmbedderOptions o;
        o.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(freePort));
        o.model = kModel;
        o.apiKey = kKey;
        o.maxRetries = 2;
        o.initialBackoffMs = 1;
        embed::HttpEmbedder embedder(o);
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::Network,
                          {QStringLiteral("refused"), QStringLiteral("Is the server running"),
                           QStringLiteral("3 attempts"), QStringLiteral("127.0.0.1:%1/v1/embeddings").arg(freePort)}));
    }

    void wrongDimensionAgainstTheIndex()
    {
        LoopbackHttpServer server(embeddings({.dimensions = 16}));
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.dimensions = 8;
        embed::HttpEmbedder embedder(o);
        QCOMPARE(embedder.id(), QStringLiteral("openai-compatible:nomic-embed-text/8"));
        QVERIFY(
            failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::DimensionMismatch,
                      {QStringLiteral("16-dimensional"), QStringLiteral("this index holds 8-dimensional"), kModel}));
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(embedder.dimensions(), 8);
    }

    void learnsTheDimensionOnceAndHoldsIt()
    {
        LoopbackHttpServer server(embeddings({.dimensions = 12}));
        embed::HttpEmbedder embedder(optionsFor(server));
        QCOMPARE(embedder.dimensions(), 0);
        QCOMPARE(embedder.id(), QStringLiteral("openai-compatible:nomic-embed-text/0"));
        QVERIFY(embedder.probe().ok());
        QCOMPARE(embedder.dimensions(), 12);
        QCOMPARE(embedder.id(), QStringLiteral("openai-compatible:nomic-embed-text/12"));
        QCOMPARE(inputsOf(server.requests().value(0)).size(), 1);

        server.setFallback(embeddings({.dimensions = 10}));
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::DimensionMismatch,
                          {QStringLiteral("10-dimensional"), QStringLiteral("first answer had 12-dimensional")}));
        QCOMPARE(embedder.dimensions(), 12);
    }

    void badAnswersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("mention");
        QTest::newRow("html") << QByteArray("<html><body>It works!</body></html>") << ErrorCode::MalformedInput
                              << QStringLiteral("not JSON");
        QTest::newRow("empty") << QByteArray() << ErrorCode::MalformedInput << QStringLiteral("empty");
        QTest::newRow("one for two") << embeddingsBody({QStringLiteral("a")}, {}) << ErrorCode::MalformedInput
                                     << QStringLiteral("1 embeddings for 2 texts");
        QTest::newRow("beyond float") << QByteArray(
                                             R"({"data":[{"index":0,"embedding":[1e39]},{"index":1,"embedding":[1]}]})")
                                      << ErrorCode::NonFiniteValue << QStringLiteral("finite");
        QTest::newRow("mixed lengths") << QByteArray(
                                              R"({"data":[{"index":0,"embedding":[1,2]},{"index":1,"embedding":[1]}]})")
                                       << ErrorCode::DimensionMismatch << QStringLiteral("differ in length");
    }
    void badAnswersAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(ErrorCode, code);
        QFETCH(QString, mention);
        LoopbackHttpServer server(status(200, body));
        embed::HttpEmbedder embedder(optionsFor(server));
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a"), QStringLiteral("b")}), code,
                          {mention, embedder.endpoint().toString()}));
        QCOMPARE(server.requestCount(), 1); // a server that answers nonsense answers it again
        QCOMPARE(embedder.dimensions(), 0);
    }

    void answerOverTheLimitIsRefused()
    {
        LoopbackHttpServer server(embeddings({.dimensions = 64}));
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.maxResponseBytes = 500;
        embed::HttpEmbedder embedder(o);
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::MalformedInput,
                          {QStringLiteral("over the limit of 500 bytes")}));
        QCOMPARE(server.requestCount(), 1);
    }

    void failedBatchIsNamed()
    {
        LoopbackHttpServer server(embeddings());
        server.enqueue({embeddings(), status(400, errorJson(QStringLiteral("bad text")))});
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.batchSize = 2;
        embed::HttpEmbedder embedder(o);
        QVERIFY(failsWith(embedOnWorker(embedder, numberedTexts(5)), ErrorCode::InvalidArgument,
                          {QStringLiteral("Texts 3 to 4 of 5"), QStringLiteral("bad text")}));
        QCOMPARE(server.requestCount(), 2); // the third batch is not sent
    }

    void cancelWhileWaitingForTheAnswer()
    {
        LoopbackHttpServer server(answer(HttpAnswer::hang()));
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.timeoutMs = 30000; // were cancel ignored, this would end as a timeout, not as Cancelled
        o.maxRetries = 0;
        embed::HttpEmbedder embedder(o);
        embedder.setCancelCheck([&server] { return server.requestCount() > 0; });
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::Cancelled, {}));
        QCOMPARE(server.requestCount(), 1);
    }

    void cancelDuringBackoff()
    {
        // Cancelled once the server has answered, so (but for a rare race
        // with the 50 ms poll) the call is in its 60 s pause when it asks.
        std::atomic<bool> answered{false};
        LoopbackHttpServer server([&answered](const HttpRequest &) {
            HttpAnswer a = HttpAnswer::json(503, "{}");
            a.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", "60"));
            answered = true;
            return a;
        });
        embed::HttpEmbedder embedder(optionsFor(server));
        embedder.setCancelCheck([&answered] { return answered.load(); });
        QFuture<Result<Vectors>> call =
            QtConcurrent::run([&embedder] { return embedder.embed({QStringLiteral("a")}); });
        const auto outlive = qScopeGuard([&call] { call.waitForFinished(); }); // the call uses embedder and server
        // The one bound on time in this suite, and a loose one: a pause that
        // ignored the cancel check would take the whole 60 s.
        QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), 20000);
        QVERIFY(failsWith(call.result(), ErrorCode::Cancelled, {}));
        QCOMPARE(server.requestCount(), 1);
    }

    void cancelBeforeTheFirstRequest()
    {
        LoopbackHttpServer server(embeddings());
        embed::HttpEmbedder embedder(optionsFor(server));
        embedder.setCancelCheck([] { return true; });
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::Cancelled, {}));
        QCOMPARE(server.requestCount(), 0);
    }

    void cancelBetweenBatches()
    {
        LoopbackHttpServer server(embeddings());
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.batchSize = 1;
        embed::HttpEmbedder embedder(o);
        std::atomic<int> answered{0};
        server.setFallback([&answered](const HttpRequest &request) {
            ++answered;
            return HttpAnswer::json(200, embeddingsBody(inputsOf(request), {}));
        });
        embedder.setCancelCheck([&answered] { return answered.load() >= 2; });
        QVERIFY(failsWith(embedOnWorker(embedder, numberedTexts(5)), ErrorCode::Cancelled, {}));
        QCOMPARE(server.requestCount(), 2);
    }

    void worksOnAPlainThread()
    {
        LoopbackHttpServer server(embeddings());
        embed::HttpEmbedderOptions o = optionsFor(server);
        o.batchSize = 2;
        embed::HttpEmbedder embedder(o);
        std::optional<Result<Vectors>> r;
        std::thread thread([&] { r.emplace(embedder.embed(numberedTexts(3))); });
        thread.join();
        QVERIFY2(r->ok(), qPrintable(r->error().message()));
        QCOMPARE((*r)->at(2), vectorFor(QStringLiteral("text number 2"), 8));
        QCOMPARE(server.requestCount(), 2);
    }

    void invalidOptionsSendNothing_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("batchSize");
        QTest::addColumn<int>("dimensions");
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/v1") << kModel << 8 << 0;
        QTest::newRow("no host") << QStringLiteral("http:///v1") << kModel << 8 << 0;
        QTest::newRow("no model") << QString() << QString() << 8 << 0;
        QTest::newRow("batch 0") << QString() << kModel << 0 << 0;
        QTest::newRow("batch 2049") << QString() << kModel << 2049 << 0;
        QTest::newRow("dimensions 8193") << QString() << kModel << 8 << 8193;
    }
    void invalidOptionsSendNothing()
    {
        QFETCH(QString, url);
        QFETCH(QString, model);
        QFETCH(int, batchSize);
        QFETCH(int, dimensions);
        LoopbackHttpServer server(embeddings());
        embed::HttpEmbedderOptions o = optionsFor(server);
        if (!url.isEmpty()) o.baseUrl = QUrl(url);
        o.model = model;
        o.batchSize = batchSize;
        o.dimensions = dimensions;
        embed::HttpEmbedder embedder(o);
        QVERIFY(failsWith(embedOnWorker(embedder, {QStringLiteral("a")}), ErrorCode::InvalidArgument, {}));
        QCOMPARE(server.requestCount(), 0);
    }

    void optionsFromTheEnvironment()
    {
        const char *const names[] = {"SEXTANT_EMBED_URL",       "SEXTANT_EMBED_MODEL", "SEXTANT_EMBED_DIMENSIONS",
                                     "SEXTANT_EMBED_API_KEY",   "OPENAI_API_KEY",      "SEXTANT_EMBED_SEND_DIMENSIONS",
                                     "SEXTANT_EMBED_BATCH_SIZE"};
        for (const char *name : names)
            qunsetenv(name);

        auto failsNaming = [](const char *variable) {
            Result<embed::HttpEmbedderOptions> r = embed::httpEmbedderOptionsFromEnvironment();
            return !r.ok() && r.error().code() == ErrorCode::InvalidArgument &&
                   r.error().message().contains(QLatin1StringView(variable));
        };
        QVERIFY(failsNaming("SEXTANT_EMBED_URL"));
        qputenv("SEXTANT_EMBED_URL", "localhost:11434");
        QVERIFY(failsNaming("SEXTANT_EMBED_URL"));
        qputenv("SEXTANT_EMBED_URL", "http://localhost:11434/v1");
        QVERIFY(failsNaming("SEXTANT_EMBED_MODEL"));
        qputenv("SEXTANT_EMBED_MODEL", "nomic-embed-text");

        Result<embed::HttpEmbedderOptions> r = embed::httpEmbedderOptionsFromEnvironment();
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(r->baseUrl, QUrl(QStringLiteral("http://localhost:11434/v1")));
        QCOMPARE(r->model, kModel);
        QCOMPARE(r->dimensions, 0);
        QVERIFY(r->apiKey.isEmpty());
        QVERIFY(!r->sendDimensions);
        QCOMPARE(r->batchSize, embed::HttpEmbedderOptions().batchSize);

        qputenv("OPENAI_API_KEY", "sk-openai");
        QCOMPARE(embed::httpEmbedderOptionsFromEnvironment()->apiKey, QStringLiteral("sk-openai"));
        qputenv("SEXTANT_EMBED_API_KEY", "sk-sextant");
        QCOMPARE(embed::httpEmbedderOptionsFromEnvironment()->apiKey, QStringLiteral("sk-sextant"));

        qputenv("SEXTANT_EMBED_SEND_DIMENSIONS", "1");
        QVERIFY(failsNaming("SEXTANT_EMBED_DIMENSIONS"));
        for (const char *bad : {"0", "-3", "lots", "8193"}) {
            qputenv("SEXTANT_EMBED_DIMENSIONS", bad);
            QVERIFY2(failsNaming("SEXTANT_EMBED_DIMENSIONS"), bad);
        }
        qputenv("SEXTANT_EMBED_DIMENSIONS", "256");
        qputenv("SEXTANT_EMBED_BATCH_SIZE", "16");
        r = embed::httpEmbedderOptionsFromEnvironment();
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(r->dimensions, 256);
        QVERIFY(r->sendDimensions);
        QCOMPARE(r->batchSize, 16);
        qputenv("SEXTANT_EMBED_BATCH_SIZE", "0");
        QVERIFY(failsNaming("SEXTANT_EMBED_BATCH_SIZE"));
        qputenv("SEXTANT_EMBED_BATCH_SIZE", "16");
        qputenv("SEXTANT_EMBED_SEND_DIMENSIONS", "maybe");
        QVERIFY(failsNaming("SEXTANT_EMBED_SEND_DIMENSIONS"));

        for (const char *name : names)
            qunsetenv(name);
    }

    // The parser on its own, for what the loopback tests do not reach.
    void parserChecksEveryField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("expected");
        QTest::addColumn<int>("dimensions");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("mention");
        const auto ok = ErrorCode::None;
        const auto bad = ErrorCode::MalformedInput;
        QTest::newRow("in order, no index")
            << QByteArray(R"({"data":[{"embedding":[1,2]},{"embedding":[3,4]}]})") << 2 << 2 << ok << QString();
        QTest::newRow("reordered") << QByteArray(
                                          R"({"data":[{"index":1,"embedding":[3,4]},{"index":0,"embedding":[1,2]}]})")
                                   << 2 << 0 << ok << QString();
        QTest::newRow("zero texts") << QByteArray(R"({"data":[]})") << 0 << 0 << ok << QString();
        QTest::newRow("array root") << QByteArray("[1,2]") << 1 << 0 << bad << QStringLiteral("not an object");
        QTest::newRow("no data") << QByteArray(R"({"object":"list"})") << 1 << 0 << bad
                                 << QStringLiteral("no \"data\"");
        QTest::newRow("error in 200") << QByteArray(R"({"error":{"message":"overloaded"}})") << 1 << 0 << bad
                                      << QStringLiteral("overloaded");
        QTest::newRow("item not object") << QByteArray(R"({"data":[[1,2]]})") << 1 << 0 << bad
                                         << QStringLiteral("data[0] is not an object");
        QTest::newRow("no embedding") << QByteArray(R"({"data":[{"index":0}]})") << 1 << 0 << bad
                                      << QStringLiteral("no \"embedding\"");
        QTest::newRow("base64") << QByteArray(R"({"data":[{"index":0,"embedding":"AACAPw=="}]})") << 1 << 0 << bad
                                << QStringLiteral("base64");
        QTest::newRow("empty embedding") << QByteArray(R"({"data":[{"index":0,"embedding":[]}]})") << 1 << 0 << bad
                                         << QStringLiteral("empty");
        QTest::newRow("string element") << QByteArray(R"({"data":[{"index":0,"embedding":[1,"2"]}]})") << 1 << 0 << bad
                                        << QStringLiteral("Element 1");
        QTest::newRow("null element") << QByteArray(R"({"data":[{"index":0,"embedding":[null]}]})") << 1 << 0 << bad
                                      << QStringLiteral("not a number");
        QTest::newRow("negative beyond float") << QByteArray(R"({"data":[{"embedding":[-4e38]}]})") << 1 << 0
                                               << ErrorCode::NonFiniteValue << QStringLiteral("finite");
        QTest::newRow("duplicate index") << QByteArray(
                                                R"({"data":[{"index":0,"embedding":[1]},{"index":0,"embedding":[2]}]})")
                                         << 2 << 0 << bad << QStringLiteral("Two embeddings have the index 0");
        QTest::newRow("index too big") << QByteArray(R"({"data":[{"index":1,"embedding":[1]}]})") << 1 << 0 << bad
                                       << QStringLiteral("whole number from 0 to 0");
        QTest::newRow("index negative") << QByteArray(R"({"data":[{"index":-1,"embedding":[1]}]})") << 1 << 0 << bad
                                        << QStringLiteral("index");
        QTest::newRow("index fraction") << QByteArray(R"({"data":[{"index":0.5,"embedding":[1]}]})") << 1 << 0 << bad
                                        << QStringLiteral("index");
        QTest::newRow("index string") << QByteArray(R"({"data":[{"index":"0","embedding":[1]}]})") << 1 << 0 << bad
                                      << QStringLiteral("index");
        QTest::newRow("index huge") << QByteArray(R"({"data":[{"index":1e300,"embedding":[1]}]})") << 1 << 0 << bad
                                    << QStringLiteral("index");
        QTest::newRow("some indexed") << QByteArray(R"({"data":[{"index":0,"embedding":[1]},{"embedding":[2]}]})") << 2
                                      << 0 << bad << QStringLiteral("others do not");
        QTest::newRow("wrong dimension") << QByteArray(R"({"data":[{"embedding":[1,2,3]}]})") << 1 << 2
                                         << ErrorCode::DimensionMismatch << QStringLiteral("3 dimensions, 2 expected");
        QTest::newRow("too few") << QByteArray(R"({"data":[{"embedding":[1]}]})") << 3 << 0 << bad
                                 << QStringLiteral("1 embeddings for 3 texts");
        QTest::newRow("truncated") << QByteArray(R"({"data":[{"embedding":[1,)") << 1 << 0 << bad
                                   << QStringLiteral("not JSON");
        QByteArray huge = R"({"data":[{"embedding":[)";
        for (int i = 0; i < 8193; ++i)
            huge += i ? ",0" : "0";
        huge += "]}]}";
        QTest::newRow("over 8192 dimensions")
            << huge << 1 << 0 << ErrorCode::DimensionMismatch << QStringLiteral("at most 8192");
    }
    void parserChecksEveryField()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, expected);
        QFETCH(int, dimensions);
        QFETCH(ErrorCode, code);
        QFETCH(QString, mention);
        Result<Vectors> r = embed::parseEmbeddingResponse(body, expected, dimensions);
        if (code == ErrorCode::None) {
            QVERIFY2(r.ok(), qPrintable(r.error().message()));
            QCOMPARE(r->size(), size_t(expected));
            if (expected == 2) {
                QCOMPARE(r->at(0), QVector<float>({1, 2}));
                QCOMPARE(r->at(1), QVector<float>({3, 4}));
            }
            return;
        }
        QVERIFY(failsWith(r, code, {mention}));
    }

    void serverMessagesAreFoundAndTidied_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("openai") << errorJson(QStringLiteral("bad model")) << QStringLiteral("bad model");
        QTest::newRow("ollama native") << QByteArray(R"({"error":"model not found"})")
                                       << QStringLiteral("model not found");
        QTest::newRow("message") << QByteArray(R"({"message":"nope"})") << QStringLiteral("nope");
        QTest::newRow("detail string") << QByteArray(R"({"detail":"Not Found"})") << QStringLiteral("Not Found");
        QTest::newRow("plain text") << QByteArray("404 page not found\n") << QStringLiteral("404 page not found");
        QTest::newRow("html") << QByteArray("<html><h1>502 Bad Gateway</h1></html>") << QString();
        QTest::newRow("binary") << QByteArray("\x01\x02\x03", 3) << QString();
        QTest::newRow("whitespace") << QByteArray(R"({"error":{"message":"line one\n\n   line\ttwo"}})")
                                    << QStringLiteral("line one line two");
        QTest::newRow("no message") << QByteArray(R"({"error":{"code":5}})") << QString();
    }
    void serverMessagesAreFoundAndTidied()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QCOMPARE(embed::serverErrorMessage(body), message);
    }

    void retryAfterIsRead_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("ms");
        QTest::newRow("absent") << QByteArray() << -1;
        QTest::newRow("seconds") << QByteArray("7") << 7000;
        QTest::newRow("zero") << QByteArray(" 0 ") << 0;
        QTest::newRow("capped") << QByteArray("3600") << 60000;
        QTest::newRow("huge") << QByteArray("99999999999999999") << 60000;
        QTest::newRow("negative") << QByteArray("-5") << -1;
        QTest::newRow("date ahead") << QByteArray("Wed, 21 Oct 2015 07:28:30 GMT") << 30000;
        QTest::newRow("date past") << QByteArray("Wed, 21 Oct 2015 07:27:00 GMT") << 0;
        QTest::newRow("date far ahead") << QByteArray("Thu, 22 Oct 2015 07:28:00 GMT") << 60000;
        QTest::newRow("garbage") << QByteArray("soon") << -1;
    }
    void retryAfterIsRead()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, ms);
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 28), Qt::UTC);
        QCOMPARE(embed::retryAfterMs(value, now), ms);
    }

    void longServerMessagesAreCut()
    {
        const QString message = embed::serverErrorMessage(errorJson(QString(5000, u'x')));
        QVERIFY(message.size() <= 301);
        QVERIFY(message.startsWith(QStringLiteral("xxxx")));
    }
};

QTEST_GUILESS_MAIN(TestHttpEmbedder)
#include "tst_http_embedder.moc"
