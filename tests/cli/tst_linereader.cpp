// The line reader under insert and import: lines across buffer refills,
// oversized lines skipped without losing the next one, a last line without
// a newline, and pipes that deliver a line at a time.

#include "LineReader.h"

#include <QTemporaryFile>
#include <QTest>

#include <unistd.h>

using namespace sextant::cli;

namespace {

struct ReadLine {
    LineReader::Status status;
    qint64 number;
    QByteArray text;
};

QList<ReadLine> readAll(LineReader &reader)
{
    QList<ReadLine> lines;
    for (;;) {
        QByteArrayView text;
        const LineReader::Status status = reader.next(text);
        if (status == LineReader::Status::End || status == LineReader::Status::Failed) return lines;
        lines.append(
            {status, reader.lineNumber(), status == LineReader::Status::Line ? text.toByteArray() : QByteArray()});
    }
}

} // namespace

class TestLineReader : public QObject {
    Q_OBJECT

private slots:
    void splitsLinesAcrossRefills()
    {
        // Lines of every length around the 1 MiB read size.
        QTemporaryFile file;
        QVERIFY(file.open());
        QList<QByteArray> written;
        for (int i = 0; i < 40; ++i) {
            QByteArray line(70000 + i * 1237, char('a' + i % 26));
            written.append(line);
            file.write(line + '\n');
        }
        file.write("last line without newline");
        written.append("last line without newline");
        file.flush();
        QVERIFY(file.seek(0));

        LineReader reader(int(file.handle()));
        const QList<ReadLine> lines = readAll(reader);
        QCOMPARE(lines.size(), written.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QCOMPARE(lines[i].status, LineReader::Status::Line);
            QCOMPARE(lines[i].number, i + 1);
            QCOMPARE(lines[i].text, written[i]);
        }
        QVERIFY(reader.error().ok());
    }

    void skipsLinesLongerThanTheLimitAndGoesOn()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write("short\n");
        file.write(QByteArray(3 * 1024 * 1024, 'x') + '\n'); // spans several refills
        file.write("after\n");
        file.write(QByteArray(5000, 'y')); // too long and unterminated
        file.flush();
        QVERIFY(file.seek(0));

        LineReader reader(int(file.handle()), 4096);
        const QList<ReadLine> lines = readAll(reader);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0].text, QByteArray("short"));
        QCOMPARE(lines[1].status, LineReader::Status::TooLong);
        QCOMPARE(lines[1].number, 2);
        QCOMPARE(lines[2].status, LineReader::Status::Line);
        QCOMPARE(lines[2].text, QByteArray("after"));
        QCOMPARE(lines[2].number, 3);
        QCOMPARE(lines[3].status, LineReader::Status::TooLong);
        QCOMPARE(lines[3].number, 4);
    }

    void keepsEmptyLinesAndCarriageReturns()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write("a\r\n\n\nb\n");
        file.flush();
        QVERIFY(file.seek(0));
        LineReader reader(int(file.handle()));
        const QList<ReadLine> lines = readAll(reader);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0].text, QByteArray("a\r"));
        QCOMPARE(lines[1].text, QByteArray());
        QCOMPARE(lines[3].text, QByteArray("b"));
        QCOMPARE(lines[3].number, 4);
    }

    void pipesDeliverEachLineWithoutWaitingForMore()
    {
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        LineReader reader(fds[0]);
        QVERIFY(!reader.hasBufferedLine());
        QCOMPARE(::write(fds[1], "one\ntw", 6), ssize_t(6));
        QByteArrayView text;
        // The writer is still open: this must return "one", not wait to fill a buffer.
        QCOMPARE(reader.next(text), LineReader::Status::Line);
        QCOMPARE(text.toByteArray(), QByteArray("one"));
        QVERIFY(!reader.hasBufferedLine()); // "tw" is not a line yet
        QCOMPARE(::write(fds[1], "o\n", 2), ssize_t(2));
        QCOMPARE(reader.next(text), LineReader::Status::Line);
        QCOMPARE(text.toByteArray(), QByteArray("two"));
        ::close(fds[1]);
        QCOMPARE(reader.next(text), LineReader::Status::End);
        QVERIFY(reader.hasBufferedLine()); // at the end nothing can block
        ::close(fds[0]);
    }

    void reportsReadErrors()
    {
        LineReader reader(-1);
        QByteArrayView text;
        QCOMPARE(reader.next(text), LineReader::Status::Failed);
        QCOMPARE(reader.error().code(), sextant::ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestLineReader)
#include "tst_linereader.moc"
