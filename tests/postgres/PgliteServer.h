#pragma once
// Starts the PGlite test server (tools/pglite/server.mjs, installed by
// tools/install-pglite.sh into PGLITE_DIR) on a free loopback port, and
// stops it. The server asks for a password, so every test also goes through
// libpq's password handshake.

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTest>

#include <csignal>

namespace pgtest {

inline const QString kPassword = QStringLiteral("sextant-test-secret");

class PgliteServer {
public:
    explicit PgliteServer(QString dataDir = {}) : m_dataDir(std::move(dataDir)) { }
    ~PgliteServer() { stop(); }

    // Empty on success, else why it did not start.
    QString start()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty()) return QStringLiteral("node is not installed");
        const QString script = QStringLiteral(PGLITE_DIR "/server.mjs");
        if (!QFile::exists(QStringLiteral(PGLITE_DIR "/node_modules/@electric-sql/pglite-socket/package.json")))
            return QStringLiteral("the PGlite server is not installed in " PGLITE_DIR " (tools/install-pglite.sh)");
        QStringList args{script, QStringLiteral("--password"), kPassword, QStringLiteral("--port"),
                         QStringLiteral("0")};
        if (!m_dataDir.isEmpty()) args << QStringLiteral("--data") << m_dataDir;
        m_process.setWorkingDirectory(QStringLiteral(PGLITE_DIR));
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(node, args);
        if (!m_process.waitForStarted(10000)) return QStringLiteral("node did not start: ") + m_process.errorString();
        QElapsedTimer timer;
        timer.start();
        QByteArray out;
        while (timer.elapsed() < 90000) {
            m_process.waitForReadyRead(500);
            out += m_process.readAllStandardOutput();
            const qsizetype at = out.indexOf("listening ");
            if (at >= 0 && out.indexOf('\n', at) > at) {
                m_port = out.mid(at + 10, out.indexOf('\n', at) - at - 10).trimmed().toInt();
                return m_port > 0 ? QString() : QStringLiteral("no port in: ") + QString::fromUtf8(out);
            }
            if (m_process.state() != QProcess::Running)
                return QStringLiteral("the server stopped: ") +
                       QString::fromUtf8(out + m_process.readAllStandardError());
        }
        return QStringLiteral("the server did not start in 90 s");
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning) return;
        m_process.terminate(); // SIGTERM: the script closes the database cleanly
        if (!m_process.waitForFinished(30000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    int port() const { return m_port; }
    QString conninfo(const QString &password = kPassword) const
    {
        return QStringLiteral("host=127.0.0.1 port=%1 user=postgres dbname=postgres sslmode=disable password=%2")
            .arg(m_port)
            .arg(password);
    }
    // Without the password: for the CLI, which gets it from PGPASSWORD.
    QString conninfoWithoutPassword() const
    {
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres?sslmode=disable").arg(m_port);
    }

private:
    QString m_dataDir;
    QProcess m_process;
    int m_port = 0;
};

} // namespace pgtest
