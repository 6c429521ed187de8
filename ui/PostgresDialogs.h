#pragma once
// File ▸ Publish to PostgreSQL… and File ▸ Open from PostgreSQL…
// (docs/postgres.md). A connection form that remembers hosts, databases,
// users and tables (QSettings "postgres/…"), never passwords; the plan
// before anything is sent; the work on a worker thread with progress and
// Cancel; the result with the SQL query to run on the server.

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace sextant::postgres {
class Publisher;
class Puller;
}

namespace sextant::ui {

class IndexSession;

// Host, port, database, user, password (not remembered), SSL mode and table.
class PostgresConnectionForm : public QWidget {
    Q_OBJECT
public:
    explicit PostgresConnectionForm(QWidget *parent = nullptr);
    // A libpq key=value string; the password only when one was typed.
    QString conninfo() const;
    QString table() const;
    void setTable(const QString &table);
    void setConnection(const QString &host, int port, const QString &database, const QString &user);
    bool isComplete() const;
    void remember() const; // the hosts, never the password
    QLineEdit *tableEdit() const { return m_table; }

signals:
    void changed();

private:
    void recall(int which);
    QComboBox *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_sslMode;
    QLineEdit *m_table;
};

class PublishDialog : public QDialog {
    Q_OBJECT
public:
    explicit PublishDialog(IndexSession *session, QWidget *parent = nullptr);
    ~PublishDialog() override;
    PostgresConnectionForm *form() const { return m_form; }
    QString planText() const;
    QString resultText() const;
    QString queryText() const;
    bool isBusy() const { return m_busy; }

public slots:
    void makePlan();
    void publish();
    void cancel();

signals:
    void planReady();
    void finished();

protected:
    void reject() override;

private:
    void updateState();
    void planDone();
    void publishDone();

    QPointer<IndexSession> m_session;
    PostgresConnectionForm *m_form;
    QCheckBox *m_create;
    QCheckBox *m_upsert;
    QComboBox *m_annIndex;
    QLabel *m_plan;
    QProgressBar *m_progress;
    QLabel *m_result;
    QPlainTextEdit *m_query;
    QPushButton *m_planButton;
    QPushButton *m_publishButton;
    QPushButton *m_cancelButton;
    QPushButton *m_closeButton;
    std::shared_ptr<postgres::Publisher> m_publisher;
    QFutureWatcher<QString> m_watcher; // a sentence when it failed, empty when it worked
    bool m_busy = false;
    bool m_planned = false;
};

class OpenFromPostgresDialog : public QDialog {
    Q_OBJECT
public:
    explicit OpenFromPostgresDialog(QWidget *parent = nullptr);
    ~OpenFromPostgresDialog() override;
    PostgresConnectionForm *form() const { return m_form; }
    void setDestination(const QString &folder);
    QString resultText() const;
    bool isBusy() const { return m_busy; }

public slots:
    void pull();
    void cancel();

signals:
    // The new index is complete and closed: open it.
    void indexReady(const QString &path);
    void finished();

protected:
    void reject() override;

private:
    void updateState();
    void pullDone();
    void chooseDestination();

    PostgresConnectionForm *m_form;
    QLineEdit *m_where;
    QLineEdit *m_destination;
    QProgressBar *m_progress;
    QLabel *m_result;
    QPushButton *m_pullButton;
    QPushButton *m_cancelButton;
    QPushButton *m_closeButton;
    std::shared_ptr<postgres::Puller> m_puller;
    QFutureWatcher<QString> m_watcher;
    QString m_path;
    bool m_busy = false;
};

} // namespace sextant::ui
