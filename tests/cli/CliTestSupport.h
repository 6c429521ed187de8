#pragma once
// Shared by the suites that run the real sextant-cli through QProcess.

#include "sextant/JsonLines.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

namespace clitest {

using namespace sextant;

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QList<QByteArray> outLines() const
    {
        QList<QByteArray> lines = out.split('\n');
        if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
        return lines;
    }
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

inline Run runCli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(SEXTANT_CLI_PATH), arguments);
    if (!process.waitForStarted()) return {};
    if (!input.isEmpty()) process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

inline QByteArray line(const QString &id, const QVector<float> &vector, const QJsonObject &metadata = {})
{
    return formats::itemToJsonLine(Item{id, vector, metadata}) + '\n';
}

inline quint32 bitsOf(float f)
{
    quint32 bits;
    std::memcpy(&bits, &f, sizeof bits);
    return bits;
}

inline QString describe(const Run &run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out.left(2000)), QString::fromUtf8(run.err.left(2000)));
}

inline bool everyLineIsJsonObject(const QByteArray &out)
{
    const QList<QByteArray> lines = out.split('\n');
    int objects = 0;
    for (const QByteArray &text : lines) {
        if (text.isEmpty()) continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) return false;
        ++objects;
    }
    return objects > 0;
}

#define CHECK_EXIT(run, expected) QVERIFY2((run).exitCode == (expected), qPrintable(clitest::describe(run)))

// Index folders in one temporary directory, and the commands the tests use
// to look at them.
class CliFixture {
protected:
    QTemporaryDir m_dir;
    int m_counter = 0;

    // A fresh index folder with `dims` dimensions.
    QString createIndex(int dims = 3, const QStringList &extra = {})
    {
        const QString path = m_dir.filePath(QStringLiteral("index-%1").arg(++m_counter));
        const Run run = runCli(
            QStringList{QStringLiteral("create"), path, QStringLiteral("--dims"), QString::number(dims)} + extra);
        if (run.exitCode != 0) qWarning("create failed: %s", qPrintable(describe(run)));
        return path;
    }

    qint64 count(const QString &path)
    {
        const Run run = runCli({QStringLiteral("count"), path, QStringLiteral("--json")});
        return run.exitCode == 0 ? qint64(run.json().value(QStringLiteral("count")).toDouble()) : -1;
    }

    QByteArray exportAll(const QString &path)
    {
        const Run run = runCli({QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("jsonl")});
        return run.exitCode == 0 ? run.out : QByteArray("export failed");
    }
};

} // namespace clitest
