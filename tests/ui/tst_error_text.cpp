// ErrorText: every error a user can meet in the GUI gets a headline that
// says what happened and advice that says what to do, and keeps the
// engine's sentence (path, numbers) as its second line. Errors are made by
// the engine where that is cheap (a real lock, a real wrong-length vector,
// Error::fromErrno as the storage layer calls it), else with the fields the
// engine sets (docs/errors.md). The kind of problem comes from the fields
// only: a sentence that merely looks like another kind changes nothing.

#include "ErrorText.h"
#include "UiTestSupport.h"
#include "sextant/EmbedderChoice.h"

#include <QtTest>
#include <cerrno>

using namespace sextant;
using namespace sextant::ui;

Q_DECLARE_METATYPE(sextant::ui::UserProblem)
Q_DECLARE_METATYPE(sextant::ui::ErrorContext)
Q_DECLARE_METATYPE(sextant::Error)

class TestErrorText : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void eachProblemHasItsWords_data()
    {
        QTest::addColumn<Error>("error");
        QTest::addColumn<ErrorContext>("context");
        QTest::addColumn<UserProblem>("problem");
        QTest::addColumn<QString>("headline"); // a part of the headline
        QTest::addColumn<QString>("advice");   // a part of the advice

        const QString path = QStringLiteral("/data/notes/wal-000001.log");
        QTest::newRow("disk full") << Error::fromErrno(ENOSPC, QStringLiteral("write to"), path) << ErrorContext::Write
                                   << UserProblem::DiskFull << QStringLiteral("The disk is full.")
                                   << QStringLiteral("Free some space");
        QTest::newRow("quota") << Error::fromErrno(EDQUOT, QStringLiteral("write to"), path) << ErrorContext::Write
                               << UserProblem::DiskFull << QStringLiteral("The disk is full.")
                               << QStringLiteral("Free some space");
        QTest::newRow("read-only file system")
            << Error::fromErrno(EROFS, QStringLiteral("open"), path) << ErrorContext::Open
            << UserProblem::ReadOnlyFileSystem << QStringLiteral("mounted read-only")
            << QStringLiteral("Open the index read-only");
        QTest::newRow("permission") << Error::fromErrno(EACCES, QStringLiteral("open"), path) << ErrorContext::Create
                                    << UserProblem::NoPermission << QStringLiteral("not allowed")
                                    << QStringLiteral("permissions");
        QTest::newRow("other io") << Error::fromErrno(EIO, QStringLiteral("read"), path) << ErrorContext::General
                                  << UserProblem::IoFailure << QStringLiteral("refused to read or write")
                                  << QStringLiteral("Full Verify");
        QTest::newRow("damaged") << Error(
                                        ErrorCode::Corruption,
                                        QStringLiteral("Segment %1 is damaged: block 3 fails its checksum.").arg(path),
                                        path)
                                 << ErrorContext::Open << UserProblem::Damaged << QStringLiteral("The index is damaged")
                                 << QStringLiteral("Plan Repair");
        Schema fourDimensions;
        fourDimensions.dimensions = 4;
        QTest::newRow("wrong dimension") << fourDimensions.validateVector(std::vector<float>{1, 2, 3})
                                         << ErrorContext::Query << UserProblem::WrongDimension
                                         << QStringLiteral("wrong number of dimensions")
                                         << QStringLiteral("as many numbers");
        QTest::newRow("embedder unreachable")
            << Error(ErrorCode::Network,
                     QStringLiteral("Could not connect to http://localhost:11434/v1/embeddings: the "
                                    "connection was refused (3 attempts). Is the server running, and "
                                    "listening on that host and port?"))
            << ErrorContext::Import << UserProblem::EmbedderUnreachable << QStringLiteral("could not be reached")
            << QStringLiteral("SEXTANT_EMBED_URL");
        QTest::newRow("embedder access denied")
            << Error(ErrorCode::AccessDenied,
                     QStringLiteral("The server at https://api.example/v1/embeddings refused the "
                                    "API key (HTTP 401). Set SEXTANT_EMBED_API_KEY (or "
                                    "OPENAI_API_KEY) to a key it accepts."))
            << ErrorContext::Import << UserProblem::EmbedderAccessDenied << QStringLiteral("refused access")
            << QStringLiteral("SEXTANT_EMBED_API_KEY");
        QTest::newRow("embedder model not found")
            << Error(ErrorCode::NotFound,
                     QStringLiteral("The server at http://localhost:11434/v1/embeddings has no such "
                                    "endpoint or model (HTTP 404). Check that the base URL ends "
                                    "with /v1 and that the model \u201cnomic\u201d is pulled."))
                   .withServer(QStringLiteral("http://localhost:11434/v1/embeddings"), 404)
            << ErrorContext::Query << UserProblem::EmbedderModelNotFound << QStringLiteral("does not offer that model")
            << QStringLiteral("SEXTANT_EMBED_MODEL");
        QTest::newRow("embedder wrong dimensions")
            << Error(ErrorCode::DimensionMismatch,
                     QStringLiteral("The server at http://localhost:11434/v1/embeddings "
                                    "returned 768-dimensional vectors for the model "
                                    "\u201cnomic\u201d, but this index holds 384-dimensional ones."))
                   .withServer(QStringLiteral("http://localhost:11434/v1/embeddings"), 200)
            << ErrorContext::Import << UserProblem::EmbedderWrongDimensions << QStringLiteral("do not fit this index")
            << QStringLiteral("made with");
        QTest::newRow("embedder refuses the request")
            << Error(ErrorCode::InvalidArgument, QStringLiteral("The server refused the request."))
                   .withServer(QStringLiteral("http://localhost:11434/v1/embeddings"), 400)
            << ErrorContext::Query << UserProblem::EmbedderModelNotFound << QStringLiteral("does not offer that model")
            << QStringLiteral("SEXTANT_EMBED_MODEL");
        // Sentences that look like other kinds: only the fields count.
        QTest::newRow("a sentence naming a server")
            << Error(ErrorCode::NotFound, QStringLiteral("The server at the door has no item \u201cdoc-7\u201d."))
            << ErrorContext::General << UserProblem::NotFound << QStringLiteral("could not find")
            << QStringLiteral("moved, renamed or deleted");
        QTest::newRow("a sentence starting with Filter")
            << Error(ErrorCode::MalformedInput, QStringLiteral("Filter: the word in a CSV header."))
            << ErrorContext::Import << UserProblem::MalformedInput << QStringLiteral("could not be read")
            << QStringLiteral("Nothing was changed");
        QTest::newRow("a sentence quoting strerror")
            << Error(ErrorCode::Io, QStringLiteral("The copy said: No space left on device")) << ErrorContext::Write
            << UserProblem::IoFailure << QStringLiteral("refused to read or write") << QStringLiteral("Full Verify");
        QTest::newRow("read-only index") << Error(ErrorCode::ReadOnly, QStringLiteral("The index is open read-only."))
                                         << ErrorContext::Write << UserProblem::ReadOnlyIndex
                                         << QStringLiteral("open read-only") << QStringLiteral("Open for Writing");
        QTest::newRow("not an index") << Error(ErrorCode::NotFound,
                                               QStringLiteral("The folder %1 holds no index.").arg(path), path)
                                      << ErrorContext::Open << UserProblem::NotAnIndex
                                      << QStringLiteral("no Sextant index") << QStringLiteral("MANIFEST");
        QTest::newRow("no such folder") << Error(ErrorCode::NotFound,
                                                 QStringLiteral("The folder %1 does not exist.").arg(path), path)
                                               .withSystemError(ENOENT)
                                        << ErrorContext::Open << UserProblem::FolderMissing
                                        << QStringLiteral("does not exist")
                                        << QStringLiteral("moved, renamed or deleted");
        QTest::newRow("not found") << Error(ErrorCode::NotFound,
                                            QStringLiteral("No item has the id \u201cdoc-7\u201d."))
                                   << ErrorContext::General << UserProblem::NotFound << QStringLiteral("could not find")
                                   << QStringLiteral("moved, renamed or deleted");
        QTest::newRow("no such file") << Error::fromErrno(ENOENT, QStringLiteral("open"), path) << ErrorContext::Import
                                      << UserProblem::NotFound << QStringLiteral("could not find")
                                      << QStringLiteral("check the path");
        QTest::newRow("malformed input") << Error(ErrorCode::MalformedInput,
                                                  QStringLiteral("line 12: unexpected end of JSON"))
                                         << ErrorContext::Import << UserProblem::MalformedInput
                                         << QStringLiteral("could not be read")
                                         << QStringLiteral("Nothing was changed");
        QTest::newRow("malformed filter")
            << Error(ErrorCode::MalformedInput,
                     QStringLiteral("Filter: unknown operator \"$foo\" at character 8 (line 1, column 9)"))
                   .withSource(ErrorSource::Filter)
                   .withPosition(8, 1, 9)
            << ErrorContext::Query << UserProblem::MalformedFilter << QStringLiteral("filter is not valid")
            << QStringLiteral("docs/filters.md");
        QTest::newRow("unsupported") << Error(ErrorCode::UnsupportedFormat, QStringLiteral("The PDF is encrypted."))
                                     << ErrorContext::Import << UserProblem::UnsupportedFormat
                                     << QStringLiteral("cannot read this format") << QStringLiteral("convert it");
        QTest::newRow("cancelled") << Error(ErrorCode::Cancelled, QStringLiteral("Cancelled.")) << ErrorContext::Import
                                   << UserProblem::Cancelled << QStringLiteral("Cancelled.")
                                   << QStringLiteral("start again");
        QTest::newRow("already exists")
            << Error(
                   ErrorCode::AlreadyExists,
                   QStringLiteral("The folder %1 is not empty; choose an empty or new folder for the index.").arg(path),
                   path)
            << ErrorContext::Create << UserProblem::AlreadyExists << QStringLiteral("already exists")
            << QStringLiteral("empty or new folder");
        QTest::newRow("invalid input")
            << Error(ErrorCode::NonFiniteValue,
                     QStringLiteral("The vector holds a value that is not a finite number (nan) at position 2."))
            << ErrorContext::Write << UserProblem::InvalidInput << QStringLiteral("refused")
            << QStringLiteral("what to correct");
        QTest::newRow("closed") << Error(ErrorCode::Closed, QStringLiteral("The index is closed."))
                                << ErrorContext::Query << UserProblem::Closed << QStringLiteral("has been closed")
                                << QStringLiteral("Open it again");
        QTest::newRow("not ready") << Error(ErrorCode::NotReady, QStringLiteral("The graph is not ready."))
                                   << ErrorContext::Query << UserProblem::NotReady
                                   << QStringLiteral("still being built") << QStringLiteral("exactly");
    }

    void eachProblemHasItsWords()
    {
        QFETCH(Error, error);
        QFETCH(ErrorContext, context);
        QFETCH(UserProblem, problem);
        QFETCH(QString, headline);
        QFETCH(QString, advice);
        const UserMessage u = userMessage(error, context);
        QCOMPARE(u.problem, problem);
        QVERIFY2(u.headline.contains(headline), qPrintable(u.headline));
        QVERIFY2(u.advice.contains(advice), qPrintable(u.advice));
        if (problem == UserProblem::NotAnIndex || problem == UserProblem::FolderMissing) {
            // The engine's sentence only repeats it (issue 18 §15): said once;
            // whoever shows it names the folder.
            QCOMPARE(u.text(), u.headline + QLatin1Char(' ') + u.advice);
            QCOMPARE(userMessageText(error, context), u.text());
            return;
        }
        // The engine's sentence (with its path and numbers) is the second line.
        const QStringList lines = u.text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], u.headline + QLatin1Char(' ') + u.advice);
        QCOMPARE(lines[1], error.toString());
        if (!error.path().isEmpty()) QVERIFY(lines[1].contains(error.path()));
        QCOMPARE(userMessageText(error, context), u.text());
    }

    void aLockNamesItsHolder()
    {
        // A real lock: this process holds the index, a second writer is refused.
        test::TempDir dir;
        const QString path = dir.filePath(QStringLiteral("locked"));
        OpenOptions options;
        options.applicationName = QStringLiteral("tst_error_text");
        Result<std::shared_ptr<Index>> first = Index::create(path, test::testSchema(), Durability::Off, options);
        QVERIFY2(first.ok(), qPrintable(first.error().toString()));
        Result<std::shared_ptr<Index>> second = Index::open(path, options);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code(), ErrorCode::Locked);
        const UserMessage u = userMessage(second.error(), ErrorContext::Open);
        QCOMPARE(u.problem, UserProblem::Locked);
        const QString holder = QStringLiteral("tst_error_text (pid %1").arg(QCoreApplication::applicationPid());
        QVERIFY2(u.headline.startsWith(holder), qPrintable(u.headline));
        QVERIFY2(u.headline.endsWith(QStringLiteral("is writing to this index.")), qPrintable(u.headline));
        QVERIFY(u.advice.contains(QStringLiteral("read-only")));
        // The holder comes from the error's fields, not its sentence.
        Error reworded = second.error().rephrased(QStringLiteral("Locked."));
        QVERIFY2(userMessage(reworded, ErrorContext::Open).headline.startsWith(holder), qPrintable(u.headline));
        // A holder the caller knows wins over the fields.
        QVERIFY(userMessage(second.error(), ErrorContext::Open, QStringLiteral("sextant-cli (pid 4242 on host)"))
                    .headline.startsWith(QStringLiteral("sextant-cli (pid 4242 on host) is writing")));
        // Without a holder in the fields: the general words, whatever the sentence says.
        QCOMPARE(userMessage(Error(ErrorCode::Locked,
                                   QStringLiteral("The index is open for writing by someone (pid 1). Close it there.")),
                             ErrorContext::Open)
                     .headline,
                 QStringLiteral("Another program is writing to this index."));
        (*first)->close();
    }

    void aRealEmbedderMismatchIsTheEmbeddersProblem()
    {
        Result<std::unique_ptr<embed::Embedder>> embedder = embed::embedderFromSpec(QStringLiteral("hash"));
        QVERIFY(embedder.ok());
        Schema schema;
        schema.dimensions = 768;
        schema.metric = Metric::Cosine;
        schema.embedder = (*embedder)->id();
        const Error e = embed::checkEmbedderMatches(schema, **embedder);
        QCOMPARE(e.code(), ErrorCode::DimensionMismatch);
        QCOMPARE(userMessage(e, ErrorContext::Import).problem, UserProblem::EmbedderWrongDimensions);
    }

    void noErrorSaysNothing()
    {
        const UserMessage u = userMessage(Error(), ErrorContext::General);
        QCOMPARE(u.problem, UserProblem::None);
        QVERIFY(u.text().isEmpty());
    }

    void aDetailThatRepeatsTheHeadlineIsNotShownTwice()
    {
        // "Cancelled." from the engine adds nothing to the headline's "Cancelled."
        const UserMessage u = userMessage(Error(ErrorCode::Cancelled, QString()), ErrorContext::Import);
        QVERIFY(!u.text().contains(QLatin1Char('\n')));
    }
};

QTEST_MAIN(TestErrorText)
#include "tst_error_text.moc"
