// File ▸ Publish to PostgreSQL… and File ▸ Open from PostgreSQL… against the
// PGlite server: the plan before anything is sent, the publish on a worker
// with the query to run, and a pull into a new index. With
// SEXTANT_SCREENSHOT_DIR set it also saves the dialogs as PNGs, and with
// SEXTANT_TEST_LANGUAGE=de|fr it shows them translated.

#include "PgliteServer.h"
#include "PostgresDialogs.h"
#include "IndexSession.h"

#include "sextant/Index.h"
#include "sextant/Connection.h"

#include <QApplication>
#include <QDirIterator>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace sextant;
using namespace sextant::ui;

class TestPostgresGui : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<pgtest::PgliteServer> m_server;
    QString m_shots;
    QString m_suffix;

    void shoot(QWidget *widget, const QString &name)
    {
        if (m_shots.isEmpty()) return;
        QDir().mkpath(m_shots);
        QTest::qWait(200); // let the layout take in the new texts
        QVERIFY(widget->grab().save(QDir(m_shots).filePath(name + m_suffix + QStringLiteral(".png"))));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("PGPASSWORD", pgtest::kPassword.toUtf8());
        m_shots = qEnvironmentVariable("SEXTANT_SCREENSHOT_DIR");
        const QString language = qEnvironmentVariable("SEXTANT_TEST_LANGUAGE");
        if (!language.isEmpty()) {
            auto *translator = new QTranslator(qApp);
            QVERIFY(translator->load(QStringLiteral(SEXTANT_QM_DIR "/sextant_") + language + QStringLiteral(".qm")));
            qApp->installTranslator(translator);
            m_suffix = u'-' + language;
        }
        m_server = std::make_unique<pgtest::PgliteServer>();
        const QString problem = m_server->start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void cleanupTestCase()
    {
        IndexSession::waitForClosing();
        m_server.reset();
    }

    void publishShowsThePlanThenPublishesAndShowsTheQuery()
    {
        Schema schema;
        schema.dimensions = 8;
        auto created = Index::create(m_dir.filePath(QStringLiteral("gui-items")), schema);
        QVERIFY(created.ok());
        QRandomGenerator random(4);
        QList<WriteOp> ops;
        for (int i = 0; i < 120; ++i) {
            QVector<float> v(8);
            for (float &x : v)
                x = float(random.generateDouble());
            ops.append(WriteOp::insert(Item{QStringLiteral("i%1").arg(i), v, QJsonObject{{QStringLiteral("n"), i}}}));
        }
        QVERIFY(!(*created)->write(ops).result().error);
        auto session = new IndexSession(*created, std::nullopt, this);

        PublishDialog dialog(session);
        dialog.form()->setConnection(QStringLiteral("127.0.0.1"), m_server->port(), QStringLiteral("postgres"),
                                     QStringLiteral("postgres"));
        dialog.form()->setTable(QStringLiteral("gui_items"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *publishButton = dialog.findChild<QPushButton *>(QStringLiteral("publishButton"));
        QVERIFY(!publishButton->isEnabled()); // nothing is sent before the plan
        shoot(&dialog, QStringLiteral("postgres-publish-form"));

        QSignalSpy planned(&dialog, &PublishDialog::planReady);
        dialog.makePlan();
        QVERIFY(planned.wait(60000));
        QVERIFY2(dialog.planText().contains(u"120"), qPrintable(dialog.planText()));
        QVERIFY(publishButton->isEnabled());
        // Nothing on the server yet.
        QCOMPARE(pgScalar(QStringLiteral("SELECT to_regclass('gui_items') IS NULL")), QStringLiteral("t"));
        shoot(&dialog, QStringLiteral("postgres-publish-plan"));

        QSignalSpy finished(&dialog, &PublishDialog::finished);
        dialog.publish();
        QVERIFY(finished.wait(120000));
        QVERIFY2(dialog.queryText().contains(u"ORDER BY embedding <=>"), qPrintable(dialog.resultText()));
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM gui_items")), QStringLiteral("120"));
        shoot(&dialog, QStringLiteral("postgres-publish-done"));

        // The host is remembered, the password never.
        PostgresConnectionForm again;
        QVERIFY2(again.conninfo().contains(QStringLiteral("port=%1").arg(m_server->port())),
                 qPrintable(again.conninfo()));
        QVERIFY(!again.conninfo().contains(u"password"));
        QFile settings(m_dir.filePath(QStringLiteral("config")));
        QDirIterator it(m_dir.filePath(QStringLiteral("config")), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(!f.readAll().contains(pgtest::kPassword.toUtf8()));
        }
    }

    void cancelLeavesAResumablePublish()
    {
        Schema schema;
        schema.dimensions = 4;
        auto created = Index::create(m_dir.filePath(QStringLiteral("gui-cancel")), schema);
        QVERIFY(created.ok());
        QList<WriteOp> ops;
        for (int i = 0; i < 3000; ++i)
            ops.append(WriteOp::insert(Item{QStringLiteral("c%1").arg(i), QVector<float>{float(i), 1, 2, 3}, {}}));
        QVERIFY(!(*created)->write(ops).result().error);
        auto session = new IndexSession(*created, std::nullopt, this);
        PublishDialog dialog(session);
        dialog.form()->setConnection(QStringLiteral("127.0.0.1"), m_server->port(), QStringLiteral("postgres"),
                                     QStringLiteral("postgres"));
        dialog.form()->setTable(QStringLiteral("gui_cancel"));
        QSignalSpy planned(&dialog, &PublishDialog::planReady);
        dialog.makePlan();
        QVERIFY(planned.wait(60000));
        QSignalSpy finished(&dialog, &PublishDialog::finished);
        dialog.publish();
        dialog.cancel();
        QVERIFY(finished.wait(120000));
        QVERIFY2(dialog.resultText().contains(u"cancelled") && dialog.resultText().contains(u"resumes"),
                 qPrintable(dialog.resultText()));
        QVERIFY(!dialog.isBusy());
        QCOMPARE(pgScalar(QStringLiteral("SELECT state FROM sextant_publish WHERE table_name = 'gui_cancel'")),
                 QStringLiteral("in progress"));
        // Planning again shows a resume, and publishing completes it.
        dialog.makePlan();
        QVERIFY(planned.wait(60000));
        QVERIFY2(dialog.planText().contains(u"Resuming"), qPrintable(dialog.planText()));
        dialog.publish();
        QVERIFY(finished.wait(300000));
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM gui_cancel")), QStringLiteral("3000"));
    }

    void openFromPostgresPullsIntoANewIndex()
    {
        OpenFromPostgresDialog dialog;
        dialog.form()->setConnection(QStringLiteral("127.0.0.1"), m_server->port(), QStringLiteral("postgres"),
                                     QStringLiteral("postgres"));
        dialog.form()->setTable(QStringLiteral("gui_items"));
        const QString path = m_dir.filePath(QStringLiteral("pulled"));
        dialog.setDestination(path);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        shoot(&dialog, QStringLiteral("postgres-open-form"));
        QSignalSpy ready(&dialog, &OpenFromPostgresDialog::indexReady);
        QSignalSpy finished(&dialog, &OpenFromPostgresDialog::finished);
        dialog.pull();
        QVERIFY(finished.wait(120000));
        QCOMPARE(ready.count(), 1);
        QCOMPARE(ready.first().first().toString(), path);
        shoot(&dialog, QStringLiteral("postgres-open-done"));
        auto index = Index::open(path);
        QVERIFY(index.ok());
        QCOMPARE((*index)->count(), 120);

        // A table that is not there: a sentence, no index.
        OpenFromPostgresDialog missing;
        missing.form()->setConnection(QStringLiteral("127.0.0.1"), m_server->port(), QStringLiteral("postgres"),
                                      QStringLiteral("postgres"));
        missing.form()->setTable(QStringLiteral("no_such_table"));
        missing.setDestination(m_dir.filePath(QStringLiteral("missing")));
        QSignalSpy done(&missing, &OpenFromPostgresDialog::finished);
        missing.pull();
        QVERIFY(done.wait(60000));
        QVERIFY2(missing.resultText().contains(u"no_such_table"), qPrintable(missing.resultText()));
        QVERIFY(!Index::exists(m_dir.filePath(QStringLiteral("missing"))));
    }

private:
    QString pgScalar(const QString &sql)
    {
        auto c = postgres::Connection::open(m_server->conninfo());
        if (!c.ok()) return c.error().message();
        auto rows = (*c)->exec(sql);
        return rows.ok() && rows->count() ? rows->text(0, 0) : QString();
    }
};

QTEST_MAIN(TestPostgresGui)
#include "tst_postgres_gui.moc"
