#include "PostgresDialogs.h"

#include "IndexSession.h"

#include "sextant/Index.h"
#include "sextant/Publish.h"
#include "sextant/Pull.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace sextant::ui {

namespace {

const QString kRecentKey = QStringLiteral("postgres/recentConnections");
constexpr int kMaxRecent = 10;

QString quoteValue(const QString &value)
{
    QString v = value;
    v.replace(u'\\', QStringLiteral("\\\\"));
    v.replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + v + u'\'';
}

QString number(qint64 n) { return QLocale().toString(n); }

} // namespace

// ---- the connection form

PostgresConnectionForm::PostgresConnectionForm(QWidget *parent) : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_host = new QComboBox(this);
    m_host->setObjectName(QStringLiteral("postgresHost"));
    m_host->setEditable(true);
    m_host->setInsertPolicy(QComboBox::NoInsert);
    m_host->lineEdit()->setPlaceholderText(QStringLiteral("localhost"));
    const QList<QVariant> recent = QSettings().value(kRecentKey).toList();
    for (const QVariant &entry : recent) {
        const QVariantMap m = entry.toMap();
        m_host->addItem(m.value(QStringLiteral("host")).toString(), m);
    }
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("postgresDatabase"));
    m_database->setPlaceholderText(QStringLiteral("postgres"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("postgresUser"));
    m_user->setPlaceholderText(qEnvironmentVariable("USER"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("postgresPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("From PGPASSWORD or ~/.pgpass when empty; never saved"));
    m_sslMode = new QComboBox(this);
    for (const char *mode : {"prefer", "require", "verify-full", "disable"})
        m_sslMode->addItem(QString::fromLatin1(mode));
    m_table = new QLineEdit(this);
    m_table->setObjectName(QStringLiteral("postgresTable"));
    m_table->setPlaceholderText(tr("items, or schema.items"));
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    auto *portLabel = new QLabel(tr("P&ort:"), this);
    portLabel->setBuddy(m_port);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    auto *hostLabel = new QLabel(tr("&Host:"), this);
    hostLabel->setBuddy(m_host);
    form->addRow(hostLabel, hostRow);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("SS&L mode:"), m_sslMode);
    form->addRow(tr("&Table:"), m_table);

    connect(m_host, &QComboBox::activated, this, &PostgresConnectionForm::recall);
    for (QLineEdit *edit : {m_host->lineEdit(), m_database, m_user, m_password, m_table})
        connect(edit, &QLineEdit::textChanged, this, &PostgresConnectionForm::changed);
    connect(m_port, &QSpinBox::valueChanged, this, &PostgresConnectionForm::changed);
    if (!recent.isEmpty()) recall(0);
}

void PostgresConnectionForm::recall(int which)
{
    const QVariantMap m = m_host->itemData(which).toMap();
    if (m.isEmpty()) return;
    m_host->setEditText(m.value(QStringLiteral("host")).toString());
    m_port->setValue(m.value(QStringLiteral("port"), 5432).toInt());
    m_database->setText(m.value(QStringLiteral("database")).toString());
    m_user->setText(m.value(QStringLiteral("user")).toString());
    m_sslMode->setCurrentText(m.value(QStringLiteral("sslmode"), QStringLiteral("prefer")).toString());
    if (m_table->text().isEmpty()) m_table->setText(m.value(QStringLiteral("table")).toString());
}

void PostgresConnectionForm::setConnection(const QString &host, int port, const QString &database, const QString &user)
{
    m_host->setEditText(host);
    m_port->setValue(port);
    m_database->setText(database);
    m_user->setText(user);
}

QString PostgresConnectionForm::conninfo() const
{
    QStringList parts;
    auto add = [&](const char *key, const QString &value) {
        if (!value.trimmed().isEmpty()) parts << QString::fromLatin1(key) + u'=' + quoteValue(value.trimmed());
    };
    add("host", m_host->currentText());
    parts << QStringLiteral("port=%1").arg(m_port->value());
    add("dbname", m_database->text());
    add("user", m_user->text());
    add("sslmode", m_sslMode->currentText());
    if (!m_password->text().isEmpty()) parts << QStringLiteral("password=") + quoteValue(m_password->text());
    return parts.join(u' ');
}

QString PostgresConnectionForm::table() const { return m_table->text().trimmed(); }
void PostgresConnectionForm::setTable(const QString &table) { m_table->setText(table); }
bool PostgresConnectionForm::isComplete() const { return !table().isEmpty(); }

void PostgresConnectionForm::remember() const
{
    QVariantMap entry{
        {QStringLiteral("host"), m_host->currentText().trimmed()},  {QStringLiteral("port"), m_port->value()},
        {QStringLiteral("database"), m_database->text().trimmed()}, {QStringLiteral("user"), m_user->text().trimmed()},
        {QStringLiteral("sslmode"), m_sslMode->currentText()},      {QStringLiteral("table"), table()}};
    QList<QVariant> recent = QSettings().value(kRecentKey).toList();
    for (qsizetype i = recent.size() - 1; i >= 0; --i) {
        const QVariantMap m = recent[i].toMap();
        if (m.value(QStringLiteral("host")) == entry.value(QStringLiteral("host")) &&
            m.value(QStringLiteral("port")) == entry.value(QStringLiteral("port")) &&
            m.value(QStringLiteral("database")) == entry.value(QStringLiteral("database")) &&
            m.value(QStringLiteral("user")) == entry.value(QStringLiteral("user")))
            recent.removeAt(i);
    }
    recent.prepend(entry);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
}

// ---- File ▸ Publish to PostgreSQL…

PublishDialog::PublishDialog(IndexSession *session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Publish %1 to PostgreSQL").arg(session->displayName()));
    setObjectName(QStringLiteral("publishDialog"));
    resize(680, 560);
    auto *layout = new QVBoxLayout(this);
    m_form = new PostgresConnectionForm(this);
    if (m_form->table().isEmpty()) m_form->setTable(session->displayName().toLower().replace(u'-', u'_'));
    layout->addWidget(m_form);
    m_create = new QCheckBox(tr("&Create the table (and the vector extension) when it is missing"), this);
    m_create->setChecked(true);
    m_upsert = new QCheckBox(tr("&Merge into a table that holds other rows (never delete rows)"), this);
    m_annIndex = new QComboBox(this);
    m_annIndex->addItem(tr("HNSW (the index's M and efConstruction)"), QStringLiteral("hnsw"));
    m_annIndex->addItem(tr("IVFFlat"), QStringLiteral("ivfflat"));
    m_annIndex->addItem(tr("None"), QStringLiteral("none"));
    auto *options = new QFormLayout;
    options->addRow(QString(), m_create);
    options->addRow(QString(), m_upsert);
    options->addRow(tr("&ANN index on the server:"), m_annIndex);
    layout->addLayout(options);
    m_plan = new QLabel(tr("Nothing is sent before you have seen the plan."), this);
    m_plan->setObjectName(QStringLiteral("publishPlan"));
    m_plan->setWordWrap(true);
    m_plan->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_plan);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("publishResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    m_query = new QPlainTextEdit(this);
    m_query->setObjectName(QStringLiteral("publishQuery"));
    m_query->setReadOnly(true);
    m_query->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_query->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_query->hide();
    layout->addWidget(m_query, 1);
    layout->addStretch();
    auto *buttons = new QDialogButtonBox(this);
    m_planButton = buttons->addButton(tr("&Show Plan"), QDialogButtonBox::ActionRole);
    m_planButton->setObjectName(QStringLiteral("publishPlanButton"));
    m_publishButton = buttons->addButton(tr("&Publish"), QDialogButtonBox::AcceptRole);
    m_publishButton->setObjectName(QStringLiteral("publishButton"));
    m_cancelButton = buttons->addButton(tr("Ca&ncel Publish"), QDialogButtonBox::ActionRole);
    m_cancelButton->hide();
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    m_planButton->setDefault(true);

    connect(m_form, &PostgresConnectionForm::changed, this, [this]() {
        m_planned = false;
        updateState();
    });
    for (QCheckBox *box : {m_create, m_upsert})
        connect(box, &QCheckBox::toggled, this, [this, box](bool on) {
            if (on) (box == m_create ? m_upsert : m_create)->setChecked(false);
            m_planned = false;
            updateState();
        });
    connect(m_annIndex, &QComboBox::currentIndexChanged, this, [this]() {
        m_planned = false;
        updateState();
    });
    connect(m_planButton, &QPushButton::clicked, this, &PublishDialog::makePlan);
    connect(m_publishButton, &QPushButton::clicked, this, &PublishDialog::publish);
    connect(m_cancelButton, &QPushButton::clicked, this, &PublishDialog::cancel);
    connect(m_closeButton, &QPushButton::clicked, this, &PublishDialog::reject);
    updateState();
}

PublishDialog::~PublishDialog()
{
    if (m_busy) {
        if (m_publisher) m_publisher->cancel();
        m_watcher.waitForFinished();
    }
}

void PublishDialog::updateState()
{
    m_form->setEnabled(!m_busy);
    m_create->setEnabled(!m_busy);
    m_upsert->setEnabled(!m_busy);
    m_annIndex->setEnabled(!m_busy);
    m_planButton->setEnabled(!m_busy && m_session && m_form->isComplete());
    m_publishButton->setEnabled(!m_busy && m_planned);
    m_publishButton->setDefault(m_planned);
    m_planButton->setDefault(!m_planned);
}

void PublishDialog::makePlan()
{
    if (m_busy || !m_session) return;
    postgres::PublishOptions options;
    options.conninfo = m_form->conninfo();
    options.table = m_form->table();
    options.mode = m_create->isChecked()   ? postgres::TableMode::Create
                   : m_upsert->isChecked() ? postgres::TableMode::Upsert
                                           : postgres::TableMode::Existing;
    options.annIndex = *postgres::annIndexKindFromName(m_annIndex->currentData().toString());
    m_publisher = std::make_shared<postgres::Publisher>(m_session->index(), options);
    m_busy = true;
    m_planned = false;
    m_plan->setText(tr("Connecting and comparing…"));
    m_result->clear();
    m_query->hide();
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancelButton->show();
    updateState();
    auto planText = std::make_shared<QString>();
    std::shared_ptr<postgres::Publisher> publisher = m_publisher;
    disconnect(&m_watcher, nullptr, this, nullptr);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &PublishDialog::planDone);
    m_watcher.setFuture(QtConcurrent::run([publisher]() -> QString {
        Result<postgres::PublishPlan> plan = publisher->plan();
        if (!plan.ok()) return QStringLiteral("!") + plan.error().message();
        QStringList lines;
        lines << PublishDialog::tr("Publish #%1 to %2 on %3.").arg(plan->publishNumber).arg(plan->table, plan->target);
        lines << plan->how;
        lines << PublishDialog::tr("%1 items: %2 to send, %3 to delete, %4 unchanged.")
                     .arg(number(plan->localItems), number(plan->upserts), number(plan->deletes),
                          number(plan->unchanged));
        if (!plan->annIndexSql.isEmpty()) lines << PublishDialog::tr("Then: %1").arg(plan->annIndexSql);
        for (const QString &note : plan->notes)
            lines << note;
        return lines.join(u'\n');
    }));
}

void PublishDialog::planDone()
{
    m_busy = false;
    m_progress->hide();
    m_cancelButton->hide();
    const QString text = m_watcher.result();
    if (text.startsWith(u'!')) {
        m_plan->setText(tr("No plan: %1").arg(text.mid(1)));
        m_planned = false;
    } else {
        m_plan->setText(text);
        m_planned = true;
        m_form->remember();
    }
    updateState();
    emit planReady();
}

void PublishDialog::publish()
{
    if (m_busy || !m_planned || !m_publisher) return;
    m_busy = true;
    m_planned = false;
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->show();
    m_cancelButton->show();
    m_cancelButton->setEnabled(true);
    m_result->setText(tr("Publishing…"));
    updateState();
    std::shared_ptr<postgres::Publisher> publisher = m_publisher;
    QPointer<QProgressBar> bar = m_progress;
    QPointer<QLabel> result = m_result;
    auto query = std::make_shared<QString>();
    disconnect(&m_watcher, nullptr, this, nullptr);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, [this, query]() {
        m_query->setPlainText(*query);
        publishDone();
    });
    m_watcher.setFuture(QtConcurrent::run([publisher, bar, result, query]() -> QString {
        QElapsedTimer timer;
        timer.start();
        Result<postgres::PublishSummary> summary = publisher->run([&](qint64 done, qint64 total, qint64 bytes) {
            const int value = total > 0 ? int(done * 1000 / total) : 1000;
            const double seconds = double(timer.elapsed()) / 1000.0;
            const QString text = PublishDialog::tr("%1 of %2 changes sent, %3 MB/s")
                                     .arg(number(done), number(total))
                                     .arg(seconds > 0 ? double(bytes) / 1e6 / seconds : 0.0, 0, 'f', 2);
            QMetaObject::invokeMethod(qApp, [bar, result, value, text]() {
                if (bar) bar->setValue(value);
                if (result) result->setText(text);
            });
            return true;
        });
        if (!summary.ok()) return QStringLiteral("!") + summary.error().message();
        *query = summary->exampleQuery;
        QString text = PublishDialog::tr("Published: %1 rows sent, %2 deleted in %3 batches, %4 MB in %5 s.")
                           .arg(number(summary->upserted), number(summary->deleted), number(summary->batches))
                           .arg(double(summary->bytes) / 1e6, 0, 'f', 1)
                           .arg(summary->seconds, 0, 'f', 1);
        if (summary->annIndexCreated) text += u' ' + PublishDialog::tr("The ANN index was created.");
        if (!summary->exampleQuery.isEmpty())
            text += u' ' + PublishDialog::tr("Run this query on the server for the ten rows nearest to one item:");
        return text;
    }));
}

void PublishDialog::publishDone()
{
    m_busy = false;
    m_cancelButton->hide();
    const QString text = m_watcher.result();
    const bool failed = text.startsWith(u'!');
    m_progress->setValue(failed ? m_progress->value() : 1000);
    m_result->setText(failed ? tr("Not finished: %1").arg(text.mid(1)) : text);
    m_query->setVisible(!failed && !m_query->toPlainText().isEmpty());
    updateState();
    emit finished();
}

void PublishDialog::cancel()
{
    if (!m_busy || !m_publisher) return;
    m_publisher->cancel();
    m_cancelButton->setEnabled(false);
}

void PublishDialog::reject()
{
    if (m_busy) {
        cancel();
        return;
    }
    QDialog::reject();
}

QString PublishDialog::planText() const { return m_plan->text(); }
QString PublishDialog::resultText() const { return m_result->text(); }
QString PublishDialog::queryText() const { return m_query->toPlainText(); }

// ---- File ▸ Open from PostgreSQL…

OpenFromPostgresDialog::OpenFromPostgresDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Open from PostgreSQL"));
    setObjectName(QStringLiteral("openFromPostgresDialog"));
    resize(640, 440);
    auto *layout = new QVBoxLayout(this);
    m_form = new PostgresConnectionForm(this);
    layout->addWidget(m_form);
    auto *options = new QFormLayout;
    m_where = new QLineEdit(this);
    m_where->setObjectName(QStringLiteral("postgresWhere"));
    m_where->setPlaceholderText(tr("Optional SQL condition, e.g. metadata->>'lang' = 'en'"));
    options->addRow(tr("Only &rows where:"), m_where);
    auto *destRow = new QHBoxLayout;
    m_destination = new QLineEdit(this);
    m_destination->setObjectName(QStringLiteral("postgresDestination"));
    auto *choose = new QPushButton(tr("Choose…"), this);
    destRow->addWidget(m_destination, 1);
    destRow->addWidget(choose);
    auto *destLabel = new QLabel(tr("New &index folder:"), this);
    destLabel->setBuddy(m_destination);
    options->addRow(destLabel, destRow);
    layout->addLayout(options);
    auto *note = new QLabel(tr("The rows are read in a read-only transaction, a page at a time, into a new local "
                               "index: id, vector, metadata, and text and uri when the table has them."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("pullResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    layout->addStretch();
    auto *buttons = new QDialogButtonBox(this);
    m_pullButton = buttons->addButton(tr("O&pen"), QDialogButtonBox::AcceptRole);
    m_pullButton->setObjectName(QStringLiteral("pullButton"));
    m_pullButton->setDefault(true);
    m_cancelButton = buttons->addButton(tr("Ca&ncel Reading"), QDialogButtonBox::ActionRole);
    m_cancelButton->hide();
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);

    auto suggest = [this]() {
        const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        const QString table = m_form->table().isEmpty() ? QStringLiteral("table") : m_form->table();
        setDestination(QDir(base).filePath(QStringLiteral("postgres-") + table));
    };
    suggest();
    connect(m_form, &PostgresConnectionForm::changed, this, [this, suggest]() {
        if (!m_destination->isModified()) suggest();
        updateState();
    });
    connect(m_destination, &QLineEdit::textChanged, this, &OpenFromPostgresDialog::updateState);
    connect(choose, &QPushButton::clicked, this, &OpenFromPostgresDialog::chooseDestination);
    connect(m_pullButton, &QPushButton::clicked, this, &OpenFromPostgresDialog::pull);
    connect(m_cancelButton, &QPushButton::clicked, this, &OpenFromPostgresDialog::cancel);
    connect(m_closeButton, &QPushButton::clicked, this, &OpenFromPostgresDialog::reject);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &OpenFromPostgresDialog::pullDone);
    updateState();
}

OpenFromPostgresDialog::~OpenFromPostgresDialog()
{
    if (m_busy) {
        if (m_puller) m_puller->cancel();
        m_watcher.waitForFinished();
    }
}

void OpenFromPostgresDialog::setDestination(const QString &folder)
{
    m_destination->setText(QDir::toNativeSeparators(folder));
}

void OpenFromPostgresDialog::chooseDestination()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New Index Folder"), m_destination->text(), QString(),
                                                      nullptr, QFileDialog::ShowDirsOnly);
    if (!path.isEmpty()) {
        setDestination(path);
        m_destination->setModified(true);
    }
}

void OpenFromPostgresDialog::updateState()
{
    m_form->setEnabled(!m_busy);
    m_where->setEnabled(!m_busy);
    m_destination->setEnabled(!m_busy);
    m_pullButton->setEnabled(!m_busy && m_form->isComplete() && !m_destination->text().trimmed().isEmpty());
}

void OpenFromPostgresDialog::pull()
{
    if (m_busy) return;
    m_path = QDir::fromNativeSeparators(m_destination->text().trimmed());
    if (Index::exists(m_path) || (QFileInfo(m_path).isDir() && !QDir(m_path).isEmpty())) {
        m_result->setText(tr("%1 is not empty; choose a new folder.").arg(QDir::toNativeSeparators(m_path)));
        return;
    }
    postgres::PullOptions options;
    options.conninfo = m_form->conninfo();
    options.table = m_form->table();
    options.where = m_where->text();
    m_puller = std::make_shared<postgres::Puller>(options);
    m_busy = true;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancelButton->show();
    m_cancelButton->setEnabled(true);
    m_result->setText(tr("Connecting…"));
    updateState();
    std::shared_ptr<postgres::Puller> puller = m_puller;
    QPointer<QProgressBar> bar = m_progress;
    QPointer<QLabel> result = m_result;
    const QString path = m_path;
    m_watcher.setFuture(QtConcurrent::run([puller, bar, result, path]() -> QString {
        Result<postgres::PullSource> source = puller->inspect();
        if (!source.ok()) return QStringLiteral("!") + source.error().message();
        Schema schema;
        schema.dimensions = source->dimensions;
        schema.metric = source->metric.value_or(Metric::Cosine);
        Result<std::shared_ptr<Index>> index = Index::create(path, schema);
        if (!index.ok()) return QStringLiteral("!") + index.error().message();
        QElapsedTimer timer;
        timer.start();
        Result<postgres::PullSummary> summary = puller->run(**index, [&](qint64 items, qint64 total, qint64 bytes) {
            const double seconds = double(timer.elapsed()) / 1000.0;
            const QString text = OpenFromPostgresDialog::tr("%1 rows read, %2 MB/s")
                                     .arg(number(items))
                                     .arg(seconds > 0 ? double(bytes) / 1e6 / seconds : 0.0, 0, 'f', 2);
            const int value = total > 0 ? int(std::min<qint64>(items * 1000 / total, 1000)) : -1;
            QMetaObject::invokeMethod(qApp, [bar, result, value, text]() {
                if (bar && value >= 0) {
                    bar->setRange(0, 1000);
                    bar->setValue(value);
                }
                if (result) result->setText(text);
            });
            return true;
        });
        const Error closed = (*index)->close();
        if (!summary.ok()) return QStringLiteral("!") + summary.error().message();
        if (closed) return QStringLiteral("!") + closed.message();
        return OpenFromPostgresDialog::tr("Read %1 rows of %2 (%3 dimensions, %4) into %5.")
            .arg(number(summary->items), summary->source.table)
            .arg(summary->source.dimensions)
            .arg(metricName(schema.metric), QDir::toNativeSeparators(path));
    }));
}

void OpenFromPostgresDialog::pullDone()
{
    m_busy = false;
    m_progress->hide();
    m_cancelButton->hide();
    const QString text = m_watcher.result();
    const bool failed = text.startsWith(u'!');
    m_result->setText(failed ? tr("Not opened: %1").arg(text.mid(1)) : text);
    updateState();
    if (!failed) {
        m_form->remember();
        emit indexReady(m_path);
    }
    emit finished();
}

void OpenFromPostgresDialog::cancel()
{
    if (!m_busy || !m_puller) return;
    m_puller->cancel();
    m_cancelButton->setEnabled(false);
}

void OpenFromPostgresDialog::reject()
{
    if (m_busy) {
        cancel();
        return;
    }
    QDialog::reject();
}

QString OpenFromPostgresDialog::resultText() const { return m_result->text(); }

} // namespace sextant::ui
