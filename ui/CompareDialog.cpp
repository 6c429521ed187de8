#include "CompareDialog.h"

#include "AsyncTask.h"

#include "ErrorText.h"
#include "IndexSession.h"
#include "ProgressRow.h"
#include "TaskMonitor.h"

#include "sextant/Index.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace sextant::ui {

namespace {

// Distinct, light colours for the shared hits (one per shared item, the same on both sides).
QColor sharedColour(int i, bool dark)
{
    QColor c = QColor::fromHsv((i * 47) % 360, dark ? 120 : 70, dark ? 110 : 250);
    return c;
}

QString number(double x, int decimals = 2)
{
    return std::isnan(x) ? QStringLiteral("–") : QLocale().toString(x, 'f', decimals);
}

} // namespace

QString CompareDialog::queryLabel(const explore::CompareQuery &query)
{
    switch (query.kind) {
    case explore::CompareQuery::Kind::Text: return query.text;
    case explore::CompareQuery::Kind::Item: return tr("similar to %1").arg(query.text);
    case explore::CompareQuery::Kind::Vector:
        return tr("a vector of %n dimension(s)", nullptr, int(query.vector.size()));
    }
    return {};
}

CompareDialog::CompareDialog(IndexSession *session, const QList<IndexSession *> &others,
                             std::optional<explore::CompareQuery> query, int k, QWidget *parent)
    : QDialog(parent), m_session(session), m_formQuery(std::move(query))
{
    setWindowTitle(tr("Compare %1 with Another Index").arg(session->displayName()));
    setObjectName(QStringLiteral("compareDialog"));
    for (IndexSession *s : others)
        m_others.append(s);

    m_otherCombo = new QComboBox(this);
    m_otherCombo->setObjectName(QStringLiteral("otherIndexCombo"));
    for (IndexSession *s : others) {
        m_otherCombo->addItem(s->displayName());
        m_otherCombo->setItemData(m_otherCombo->count() - 1, s->path(), Qt::ToolTipRole);
    }
    m_useForm = new QRadioButton(m_formQuery ? tr("The query in the form: %1").arg(queryLabel(*m_formQuery).left(80))
                                             : tr("The query in the form (there is none yet)"),
                                 this);
    m_useForm->setEnabled(m_formQuery.has_value());
    m_useSample = new QRadioButton(tr("Items sampled from this index, each as \"similar to\":"), this);
    m_useFile = new QRadioButton(tr("A file of queries (one a line: text, a JSON vector or {\"id\": …}):"), this);
    m_sample = new QSpinBox(this);
    m_sample->setRange(1, 100000);
    m_sample->setValue(50);
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("queryFileEdit"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this]() {
        const QString path = QFileDialog::getOpenFileName(this, tr("Query File"));
        if (!path.isEmpty()) useQueryFile(path);
    });
    (m_formQuery ? m_useForm : m_useSample)->setChecked(true);
    m_k = new QSpinBox(this);
    m_k->setRange(1, 1000);
    m_k->setValue(std::clamp(k, 1, 1000));
    m_compareButton = new QPushButton(tr("Compare"), this);
    m_compareButton->setObjectName(QStringLiteral("runCompareButton"));
    m_compareButton->setDefault(true);
    connect(m_compareButton, &QPushButton::clicked, this, &CompareDialog::compare);

    const ProgressRow progress = makeProgressRow(this, tr("Cancel"));
    m_progressRow = progress.row;
    m_progressLabel = progress.label;
    m_progress = progress.bar;
    connect(progress.cancel, &QPushButton::clicked, this, &CompareDialog::cancel);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_queries = new QListWidget(this);
    m_queries->setObjectName(QStringLiteral("compareQueries"));
    m_queries->setMinimumWidth(240);
    connect(m_queries, &QListWidget::currentRowChanged, this, &CompareDialog::showQuery);
    m_leftTitle = new QLabel(tr("<b>%1</b>").arg(session->displayName().toHtmlEscaped()), this);
    m_rightTitle = new QLabel(this);
    m_queryStats = new QLabel(this);
    m_queryStats->setObjectName(QStringLiteral("queryStats"));
    m_queryStats->setTextFormat(Qt::PlainText);
    auto makeTable = [this](const QString &name) {
        auto *t = new QTableWidget(0, 4, this);
        t->setObjectName(name);
        t->setHorizontalHeaderLabels({tr("Rank"), tr("Item"), tr("Score"), tr("Rank in the other")});
        t->verticalHeader()->hide();
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->setSelectionMode(QAbstractItemView::SingleSelection);
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->horizontalHeader()->setStretchLastSection(true);
        return t;
    };
    m_left = makeTable(QStringLiteral("compareLeft"));
    m_right = makeTable(QStringLiteral("compareRight"));
    // Selecting a shared hit selects it on the other side too.
    auto link = [this](QTableWidget *from, QTableWidget *to) {
        connect(from, &QTableWidget::currentCellChanged, this, [from, to](int row) {
            const QTableWidgetItem *other = from->item(row, 3);
            const int rank = other ? other->data(Qt::UserRole).toInt() : 0;
            const QSignalBlocker block(to);
            if (rank > 0)
                to->selectRow(rank - 1);
            else
                to->clearSelection();
        });
    };
    link(m_left, m_right);
    link(m_right, m_left);

    auto *form = new QFormLayout;
    form->addRow(tr("Compare with:"), m_otherCombo);
    auto *sources = new QVBoxLayout;
    sources->addWidget(m_useForm);
    auto *sampleRow = new QHBoxLayout;
    sampleRow->addWidget(m_useSample);
    sampleRow->addWidget(m_sample);
    sampleRow->addStretch();
    sources->addLayout(sampleRow);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_useFile);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    sources->addLayout(fileRow);
    form->addRow(tr("Queries:"), sources);
    auto *kRow = new QHBoxLayout;
    kRow->addWidget(m_k);
    kRow->addStretch();
    kRow->addWidget(m_compareButton);
    form->addRow(tr("Results per query (k):"), kRow);

    auto *lists = new QWidget(this);
    {
        auto *l = new QHBoxLayout(lists);
        l->setContentsMargins(0, 0, 0, 0);
        auto *a = new QVBoxLayout;
        a->addWidget(m_leftTitle);
        a->addWidget(m_left, 1);
        auto *b = new QVBoxLayout;
        b->addWidget(m_rightTitle);
        b->addWidget(m_right, 1);
        l->addLayout(a, 1);
        l->addLayout(b, 1);
    }
    auto *right = new QWidget(this);
    {
        auto *l = new QVBoxLayout(right);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(m_queryStats);
        l->addWidget(lists, 1);
    }
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_queries);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto *buttons = new QDialogButtonBox(this);
    auto *closeButton = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progressRow);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(1100, 700);
    if (others.isEmpty())
        m_summary->setText(tr("Open another index (File ▸ Open Index…) to compare this one with it."));
    updateState();
}

CompareDialog::~CompareDialog()
{
    if (m_running) m_future.cancel();
}

void CompareDialog::setOther(int i) { m_otherCombo->setCurrentIndex(i); }

void CompareDialog::useSample(int n)
{
    m_sample->setValue(n);
    m_useSample->setChecked(true);
}

void CompareDialog::useQueryFile(const QString &path)
{
    m_file->setText(path);
    m_useFile->setChecked(true);
}

QString CompareDialog::summaryText() const { return m_summary->text(); }

void CompareDialog::updateState() { m_compareButton->setEnabled(!m_running && m_otherCombo->count() > 0); }

void CompareDialog::compare()
{
    const int which = m_otherCombo->currentIndex();
    if (which < 0 || which >= m_others.size() || !m_others[which]) return;
    std::shared_ptr<Index> a = m_session->index(), b = m_others[which]->index();
    explore::CompareOptions options;
    options.k = m_k->value();
    enum class From {
        Form,
        Sample,
        File
    } from = m_useForm->isChecked()     ? From::Form
             : m_useSample->isChecked() ? From::Sample
                                        : From::File;
    const std::optional<explore::CompareQuery> formQuery = m_formQuery;
    const int sample = m_sample->value();
    const QString file = m_file->text();
    if (m_running) m_future.cancel();
    const quint64 serial = ++m_serial;
    m_running = true;
    m_rightTitle->setText(tr("<b>%1</b>").arg(m_others[which]->displayName().toHtmlEscaped()));
    // The file is read on the worker too: the GUI thread never touches the disk.
    m_future = QtConcurrent::run([a, b, options, from, formQuery, sample,
                                  file](QPromise<Result<explore::ComparisonReport>> &promise) {
        promise.setProgressRange(0, 1000);
        explore::Task task;
        task.cancelled = [&promise] { return promise.isCanceled(); };
        int last = -1;
        task.progress = [&](const QString &phase, qint64 done, qint64 total) {
            if (phase != u"queries" || total <= 0) return;
            const int value = int(1000.0 * double(done) / double(total));
            if (value <= last) return;
            last = value;
            promise.setProgressValueAndText(value, CompareDialog::tr("Query %1 of %2").arg(done).arg(total));
        };
        QList<explore::CompareQuery> queries;
        int skipped = 0;
        if (from == From::Form) {
            explore::CompareQuery q = *formQuery;
            if (q.kind == explore::CompareQuery::Kind::Item) {
                // The form names an id: match it by its key (uri and range for document chunks).
                Result<Item> item = a->get(q.text, false);
                if (!item.ok()) {
                    promise.addResult(Result<explore::ComparisonReport>(item.error()));
                    return;
                }
                q.text = explore::itemKey(q.text, item->metadata);
            }
            queries.append(q);
        } else if (from == From::Sample) {
            Result<QList<explore::CompareQuery>> sampled =
                explore::sampleItemQueries(*a, *b, sample, 1, task, &skipped);
            if (!sampled.ok()) {
                promise.addResult(Result<explore::ComparisonReport>(sampled.error()));
                return;
            }
            queries = sampled.takeValue();
        } else {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                promise.addResult(Result<explore::ComparisonReport>(
                    Error(ErrorCode::Io, CompareDialog::tr("Cannot read %1: %2").arg(file, f.errorString()), file)));
                return;
            }
            Result<QList<explore::CompareQuery>> parsed = explore::parseQueryFile(f.readAll());
            if (!parsed.ok()) {
                promise.addResult(Result<explore::ComparisonReport>(parsed.error()));
                return;
            }
            queries = parsed.takeValue();
        }
        Result<explore::ComparisonReport> report = explore::compareIndexes(*a, *b, queries, options, task);
        if (report.ok()) report->skipped = skipped;
        if (!promise.isCanceled()) promise.addResult(std::move(report));
    });
    TaskMonitor::trackGlobal(tr("Comparing two indexes"), QFuture<void>(m_future));
    auto *watcher =
        whenFinished(this, m_future, [this, serial](const QFuture<Result<explore::ComparisonReport>> &finished) {
            onFinished(serial, finished);
        });
    showProgress(watcher, this, m_progress, m_progressLabel, [this, serial] { return serial == m_serial; });
    m_progress->setValue(0);
    m_progressLabel->setText(tr("Preparing the queries"));
    m_progressRow->show();
    updateState();
}

void CompareDialog::cancel()
{
    if (m_running) m_future.cancel();
}

void CompareDialog::onFinished(quint64 serial, QFuture<Result<explore::ComparisonReport>> future)
{
    if (serial != m_serial) return;
    m_running = false;
    m_progressRow->hide();
    updateState();
    if (future.isCanceled() || future.resultCount() == 0) {
        m_summary->setText(tr("Cancelled."));
        emit comparisonFinished();
        return;
    }
    Result<explore::ComparisonReport> report = future.takeResult();
    if (!report.ok()) {
        m_summary->setText(tr("The indexes could not be compared: %1").arg(userMessageText(report.error())));
        emit comparisonFinished();
        return;
    }
    m_report = report.takeValue();
    QString text = tr("Mean overlap@%1: %2 over %Ln query(s); mean rank correlation of the shared hits: %3.", nullptr,
                      int(m_report->queries.size()))
                       .arg(m_report->k)
                       .arg(number(m_report->meanOverlap))
                       .arg(number(m_report->meanRankCorrelation));
    if (m_report->skipped > 0)
        text += QLatin1Char(' ') +
                tr("%Ln sampled item(s) are not in the other index and were left out.", nullptr, m_report->skipped);
    m_summary->setText(text);
    const QSignalBlocker block(m_queries);
    m_queries->clear();
    for (const explore::QueryComparison &c : m_report->queries)
        m_queries->addItem(tr("%1 · %2").arg(number(c.overlap), queryLabel(c.query).left(120)));
    m_queries->setCurrentRow(0);
    showQuery(0);
    emit comparisonFinished();
}

void CompareDialog::showQuery(int i)
{
    if (!m_report || i < 0 || i >= m_report->queries.size()) return;
    const explore::QueryComparison &c = m_report->queries[i];
    fillTable(m_left, c.a, c.b);
    fillTable(m_right, c.b, c.a);
    m_queryStats->setText(tr("%1 — overlap@%2 %3 (%4 shared), rank correlation %5")
                              .arg(queryLabel(c.query).left(120))
                              .arg(m_report->k)
                              .arg(number(c.overlap))
                              .arg(c.shared)
                              .arg(number(c.rankCorrelation)));
}

void CompareDialog::fillTable(QTableWidget *table, const QList<explore::ComparedHit> &hits,
                              const QList<explore::ComparedHit> &other)
{
    Q_UNUSED(other);
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    table->setRowCount(int(hits.size()));
    // Colour shared hits by their rank on the left side, so that one item has one colour on both sides.
    const bool isLeft = table == m_left;
    for (int r = 0; r < hits.size(); ++r) {
        const explore::ComparedHit &h = hits[r];
        auto *rank = new QTableWidgetItem(QString::number(r + 1));
        auto *id = new QTableWidgetItem(h.id);
        id->setToolTip(h.key);
        auto *score = new QTableWidgetItem(QLocale().toString(double(h.score), 'f', 4));
        auto *linked =
            new QTableWidgetItem(h.otherRank ? QStringLiteral("↔ %1").arg(h.otherRank) : QStringLiteral("—"));
        linked->setData(Qt::UserRole, h.otherRank);
        QList<QTableWidgetItem *> cells{rank, id, score, linked};
        if (h.otherRank) {
            const QColor c = sharedColour(isLeft ? r : h.otherRank - 1, dark);
            for (QTableWidgetItem *cell : cells)
                cell->setBackground(c);
        }
        for (int col = 0; col < 4; ++col)
            table->setItem(r, col, cells[col]);
    }
    table->resizeColumnsToContents();
}

} // namespace sextant::ui
