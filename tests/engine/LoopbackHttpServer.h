#pragma once
// A scripted HTTP/1.1 server on 127.0.0.1 for testing network clients.
// It runs on a thread of its own, so a client may block the test's thread
// (or a worker) while the server answers. Each request is recorded and
// answered by the next script in the queue, or by the fallback once the
// queue is empty. Minimal on purpose: Content-Length bodies only (what Qt
// sends for a POST), keep-alive unless a script closes the connection.

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>

#include <functional>

namespace testsupport {

struct HttpRequest {
    QByteArray method;
    QByteArray path;                       // with the query, as sent
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
};

struct HttpAnswer {
    enum class Kind {
        Respond, // send status, headers and body
        Hang,    // read the request, never answer, keep the connection open
        Close,   // close the connection without answering
    };
    Kind kind = Kind::Respond;
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closeAfter = false; // "Connection: close" and close after the answer

    static HttpAnswer json(int status, QByteArray body)
    {
        HttpAnswer a;
        a.status = status;
        a.body = std::move(body);
        return a;
    }
    static HttpAnswer hang()
    {
        HttpAnswer a;
        a.kind = Kind::Hang;
        return a;
    }
    static HttpAnswer close()
    {
        HttpAnswer a;
        a.kind = Kind::Close;
        return a;
    }
};

using HttpScript = std::function<HttpAnswer(const HttpRequest &)>;

class LoopbackHttpServer {
public:
    explicit LoopbackHttpServer(HttpScript fallback) : m_fallback(std::move(fallback))
    {
        m_worker = new QObject;
        m_worker->moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            m_worker, [this] { listen(); }, Qt::BlockingQueuedConnection);
    }

    ~LoopbackHttpServer()
    {
        QMetaObject::invokeMethod(
            m_worker,
            [this] {
                const QObjectList children = m_worker->children();
                for (QObject *child : children)
                    child->disconnect(); // no "disconnected" handler during teardown
                qDeleteAll(children);
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        delete m_worker;
    }

    LoopbackHttpServer(const LoopbackHttpServer &) = delete;
    LoopbackHttpServer &operator=(const LoopbackHttpServer &) = delete;

    quint16 port() const { return m_port; }
    QUrl url(const QString &path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)); }

    // Answers for the next requests, in order; then the fallback again.
    void enqueue(QList<HttpScript> scripts)
    {
        QMutexLocker lock(&m_mutex);
        m_queue += std::move(scripts);
    }
    void setFallback(HttpScript fallback)
    {
        QMutexLocker lock(&m_mutex);
        m_fallback = std::move(fallback);
    }
    QList<HttpRequest> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }
    int requestCount() const
    {
        QMutexLocker lock(&m_mutex);
        return int(m_requests.size());
    }

private:
    void listen()
    {
        auto *server = new QTcpServer(m_worker);
        if (!server->listen(QHostAddress::LocalHost, 0)) qFatal("the loopback server cannot listen");
        m_port = server->serverPort();
        QObject::connect(server, &QTcpServer::newConnection, server, [this, server] {
            while (QTcpSocket *socket = server->nextPendingConnection()) {
                socket->setParent(m_worker);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                    m_buffers.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }

    // Answers every complete request in the socket's buffer.
    void serve(QTcpSocket *socket)
    {
        if (socket->property("hung").toBool()) {
            socket->readAll();
            return;
        }
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0) return;
            HttpRequest request;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length", "0").toLongLong();
            if (buffer.size() < headerEnd + 4 + length) return;
            request.body = buffer.mid(headerEnd + 4, length);
            buffer.remove(0, headerEnd + 4 + length);

            HttpScript script;
            {
                QMutexLocker lock(&m_mutex);
                m_requests.append(request);
                script = m_queue.isEmpty() ? m_fallback : m_queue.takeFirst();
            }
            const HttpAnswer answer = script(request);
            switch (answer.kind) {
            case HttpAnswer::Kind::Hang: socket->setProperty("hung", true); return;
            case HttpAnswer::Kind::Close:
                m_buffers.remove(socket);
                socket->close();
                return;
            case HttpAnswer::Kind::Respond: break;
            }
            QByteArray out = "HTTP/1.1 " + QByteArray::number(answer.status) + " Scripted\r\n";
            out += "Content-Type: application/json\r\n";
            out += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n";
            if (answer.closeAfter) out += "Connection: close\r\n";
            for (const auto &[name, value] : answer.headers)
                out += name + ": " + value + "\r\n";
            out += "\r\n" + answer.body;
            socket->write(out);
            if (answer.closeAfter) {
                m_buffers.remove(socket);
                socket->disconnectFromHost();
                return;
            }
        }
    }

    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread; parent of the server and its sockets
    quint16 m_port = 0;
    QHash<QTcpSocket *, QByteArray> m_buffers; // touched on m_thread only

    mutable QMutex m_mutex; // guards what follows
    HttpScript m_fallback;
    QList<HttpScript> m_queue;
    QList<HttpRequest> m_requests;
};

} // namespace testsupport
