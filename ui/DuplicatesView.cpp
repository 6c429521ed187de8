#include "DuplicatesView.h"

#include "AsyncTask.h"

#include "ErrorText.h"
#include "FilterEdit.h"
#include "Format.h"
#include "IndexSession.h"
#include "ItemCommands.h"
#include "ProgressRow.h"
#include "TaskMonitor.h"

#include "sextant/Index.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace sextant::ui {

namespace {

constexpr int kMaxColumns = 8;
constexpr int kMaxDiffWords = 3000;

QString phaseText(const QString &phase, qint64 done, qint64 total)
{
    if (phase == u"graph") return DuplicatesView::tr("Waiting for the neighbour graph");
    if (phase == u"ids") return DuplicatesView::tr("Listing the items");
    if (phase == u"check") return DuplicatesView::tr("Checking %1 of %2 candidates exactly").arg(done).arg(total);
    return DuplicatesView::tr("Neighbours of %1 of %2 items").arg(done).arg(total);
}

QFuture<DuplicatesOutcome> startSearch(std::shared_ptr<Index> index, explore::DuplicateOptions options)
{
    return QtConcurrent::run([index, options](QPromise<DuplicatesOutcome> &promise) {
        promise.setProgressRange(0, 1000);
        explore::Task task;
        task.cancelled = [&promise] { return promise.isCanceled(); };
        int last = -1;
        task.progress = [&](const QString &phase, qint64 done, qint64 total) {
            const double f = total > 0 ? double(done) / double(total) : 0;
            int value = phase == u"graph"   ? int(50 * f)
                        : phase == u"ids"   ? 50 + int(50 * f)
                        : phase == u"check" ? 900 + int(100 * f)
                                            : 100 + int(800 * f);
            value = std::max(value, last + 1);
            if (value > 1000) return;
            last = value;
            promise.setProgressValueAndText(value, phaseText(phase, done, total));
        };
        DuplicatesOutcome out;
        Result<explore::DuplicateReport> report = explore::findNearDuplicates(*index, options, task);
        if (promise.isCanceled()) return;
        if (!report.ok()) {
            out.error = report.error();
            promise.addResult(std::move(out));
            return;
        }
        out.report = report.takeValue();
        // Metadata of the members, and the columns: the schema's fields, then the commonest keys.
        QHash<QString, int> keyCount;
        for (const explore::DuplicateGroup &g : out.report.groups)
            for (const QString &id : g.ids) {
                if (promise.isCanceled()) return;
                Result<Item> item = index->get(id, false);
                if (!item.ok()) continue;
                for (auto it = item->metadata.begin(); it != item->metadata.end(); ++it)
                    ++keyCount[it.key()];
                out.metadata.insert(id, item->metadata);
            }
        for (const FieldSpec &f : index->schema().fields)
            if (out.columns.size() < kMaxColumns) out.columns.append(f.name);
        QList<std::pair<int, QString>> common;
        for (auto it = keyCount.cbegin(); it != keyCount.cend(); ++it)
            if (!out.columns.contains(it.key()) && it.key() != u"text") common.append({-it.value(), it.key()});
        std::sort(common.begin(), common.end());
        for (const auto &[count, key] : common)
            if (out.columns.size() < kMaxColumns) out.columns.append(key);
        promise.addResult(std::move(out));
    });
}

// What a member shows beside another: its passage when it has one, else its metadata.
QString passageOf(const QJsonObject &metadata)
{
    const QJsonValue text = metadata.value(QStringLiteral("text"));
    if (text.isString()) return text.toString();
    return QString::fromUtf8(QJsonDocument(metadata).toJson(QJsonDocument::Indented));
}

} // namespace

DuplicatesView::DuplicatesView(IndexSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    m_model = new DuplicatesModel(this);
    m_thresholdLabel = new QLabel(this);
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setObjectName(QStringLiteral("thresholdSpin"));
    m_threshold->setDecimals(4);
    m_threshold->setSingleStep(0.005);
    m_thresholdLabel->setBuddy(m_threshold);
    m_filter = new FilterEdit(this);
    m_filter->setObjectName(QStringLiteral("duplicatesFilter"));
    m_filter->setPlaceholderText(tr("Optional filter, e.g. {\"lang\": \"en\"}"));
    m_filter->setMaximumHeight(m_threshold->sizeHint().height() * 2);
    m_findButton = new QPushButton(tr("Find Duplicates"), this);
    m_findButton->setObjectName(QStringLiteral("findButton"));
    m_findButton->setToolTip(
        tr("Look at every item's nearest neighbours in the graph and group the items at least this similar"));
    connect(m_findButton, &QPushButton::clicked, this, &DuplicatesView::find);
    connect(m_filter, &FilterEdit::validityChanged, this, [this](bool) { updateButtons(); });

    const ProgressRow progress = makeProgressRow(this, tr("Cancel"));
    m_progressRow = progress.row;
    m_progressLabel = progress.label;
    m_progress = progress.bar;
    connect(progress.cancel, &QPushButton::clicked, this, &DuplicatesView::cancel);

    m_summary = new QLabel(tr("Find groups of items that are near-copies of each other: the same passage imported "
                              "twice, a re-scraped page."),
                           this);
    m_summary->setObjectName(QStringLiteral("duplicatesSummary"));
    m_summary->setWordWrap(true);

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("groupsView"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const auto [g, i] = m_model->position(current);
        if (g >= 0 && i >= 0) m_session->setCurrentItem(m_model->group(g).members[i].id);
        showComparison();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this]() {
        m_tree->expandAll();
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_tree->resizeColumnToContents(c);
        showComparison();
    });
    connect(m_model, &DuplicatesModel::checkedChanged, this, &DuplicatesView::updateButtons);

    auto *texts = new QWidget(this);
    m_leftTitle = new QLabel(texts);
    m_rightTitle = new QLabel(texts);
    m_left = new QTextBrowser(texts);
    m_left->setObjectName(QStringLiteral("leftText"));
    m_right = new QTextBrowser(texts);
    m_right->setObjectName(QStringLiteral("rightText"));
    {
        auto *grid = new QHBoxLayout(texts);
        grid->setContentsMargins(0, 0, 0, 0);
        auto *l = new QVBoxLayout;
        l->addWidget(m_leftTitle);
        l->addWidget(m_left, 1);
        auto *r = new QVBoxLayout;
        r->addWidget(m_rightTitle);
        r->addWidget(m_right, 1);
        grid->addLayout(l, 1);
        grid->addLayout(r, 1);
    }
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(texts);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    m_keepCombo = new QComboBox(this);
    m_keepCombo->setObjectName(QStringLiteral("keepCombo"));
    m_keepCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_keepButton = new QPushButton(tr("Keep One per Group"), this);
    m_keepButton->setObjectName(QStringLiteral("keepButton"));
    m_keepButton->setToolTip(tr("Check every item of every group except the one to keep"));
    connect(m_keepButton, &QPushButton::clicked, this, &DuplicatesView::keepOnePerGroup);
    m_deleteButton = new QPushButton(tr("Delete Checked"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_deleteButton->setToolTip(tr("Delete the checked items as one batch (Edit ▸ Undo puts them back)"));
    connect(m_deleteButton, &QPushButton::clicked, this, &DuplicatesView::deleteChecked);

    auto *top = new QHBoxLayout;
    top->addWidget(m_thresholdLabel);
    top->addWidget(m_threshold);
    auto *filterLabel = new QLabel(tr("Filter:"), this);
    filterLabel->setBuddy(m_filter);
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    top->addWidget(m_findButton);
    auto *bottom = new QHBoxLayout;
    auto *keepLabel = new QLabel(tr("Keep:"), this);
    keepLabel->setBuddy(m_keepCombo);
    bottom->addWidget(keepLabel);
    bottom->addWidget(m_keepCombo);
    bottom->addWidget(m_keepButton);
    bottom->addStretch(1);
    bottom->addWidget(m_deleteButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_progressRow);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);

    updateThresholdRange();
    connect(m_session, &IndexSession::contentChanged, this, [this]() {
        if (m_found && !m_searching && m_session->undoStack()->index() >= 0)
            m_summary->setText(summary() + QLatin1Char(' ') +
                               tr("(The index has changed since: Find Duplicates again to update.)"));
    });
    updateButtons();
    showComparison();
}

DuplicatesView::~DuplicatesView()
{
    if (m_searching) m_future.cancel();
}

void DuplicatesView::updateThresholdRange()
{
    const Metric metric = m_session->index()->schema().metric;
    switch (metric) {
    case Metric::Cosine:
        m_thresholdLabel->setText(tr("Similarity at least:"));
        m_threshold->setRange(-1.0, 1.0);
        m_threshold->setValue(0.98);
        m_threshold->setToolTip(tr("Cosine similarity: 1 for the same direction; 0.98 catches near-copies"));
        break;
    case Metric::Dot:
        m_thresholdLabel->setText(tr("Inner product at least:"));
        m_threshold->setRange(-1e9, 1e9);
        m_threshold->setValue(0.98);
        m_threshold->setToolTip(tr("The inner product of two items; it depends on the vectors' lengths"));
        break;
    case Metric::L2:
        m_thresholdLabel->setText(tr("Distance at most:"));
        m_threshold->setRange(0.0, 1e9);
        m_threshold->setValue(0.05);
        m_threshold->setToolTip(tr("Euclidean distance: 0 for identical vectors"));
        break;
    }
}

double DuplicatesView::threshold() const { return m_threshold->value(); }
void DuplicatesView::setThreshold(double value) { m_threshold->setValue(value); }
void DuplicatesView::setFilter(const QByteArray &json) { m_filter->setFilterJson(json); }
QString DuplicatesView::summary() const { return m_summary->text(); }
QString DuplicatesView::leftHtml() const { return m_left->toHtml(); }
QString DuplicatesView::rightHtml() const { return m_right->toHtml(); }

void DuplicatesView::updateButtons()
{
    const bool readOnly = m_session->isReadOnly();
    m_findButton->setEnabled(!m_searching && m_filter->isValid());
    m_keepButton->setEnabled(!m_searching && m_model->groupCount() > 0);
    m_keepCombo->setEnabled(!m_searching && m_model->groupCount() > 0);
    const int checked = int(m_model->checkedIds().size());
    m_deleteButton->setEnabled(!m_searching && !readOnly && checked > 0);
    m_deleteButton->setText(checked > 0 ? tr("Delete %Ln Checked", nullptr, checked) : tr("Delete Checked"));
    if (readOnly) m_deleteButton->setToolTip(tr("The index is open read-only."));
}

void DuplicatesView::find()
{
    if (m_searching) m_future.cancel();
    const quint64 serial = ++m_serial;
    explore::DuplicateOptions options;
    options.threshold = m_threshold->value();
    options.filter = m_filter->filterJson();
    m_searching = true;
    m_future = startSearch(m_session->index(), options);
    TaskMonitor::trackGlobal(tr("Finding duplicates"), QFuture<void>(m_future));
    auto *watcher = whenFinished(
        this, m_future, [this, serial](const QFuture<DuplicatesOutcome> &finished) { onFinished(serial, finished); });
    showProgress(watcher, this, m_progress, m_progressLabel, [this, serial] { return serial == m_serial; });
    m_progress->setValue(0);
    m_progressLabel->setText(tr("Listing the items"));
    m_progressRow->show();
    updateButtons();
}

void DuplicatesView::cancel()
{
    if (m_searching) m_future.cancel();
}

void DuplicatesView::onFinished(quint64 serial, QFuture<DuplicatesOutcome> future)
{
    if (serial != m_serial) return;
    m_searching = false;
    m_progressRow->hide();
    if (future.isCanceled() || future.resultCount() == 0) {
        m_summary->setText(tr("Cancelled."));
        updateButtons();
        emit searchFinished();
        return;
    }
    DuplicatesOutcome out = future.takeResult();
    if (!out.error.ok()) {
        m_summary->setText(tr("Duplicates could not be found: %1").arg(userMessageText(out.error)));
        updateButtons();
        emit searchFinished();
        return;
    }
    m_found = true;
    m_model->setReport(out.report, out.metadata, out.columns);
    const int groups = m_model->groupCount();
    const QString searched =
        tr("%Ln item(s) searched", nullptr, int(std::min<qint64>(out.report.itemsSearched, INT_MAX)));
    m_summary->setText(groups == 0 ? tr("No duplicates: %1.").arg(searched)
                                   : tr("%Ln group(s) of near-duplicates, %1 items in all; %2.", nullptr, groups)
                                         .arg(formatCount(out.report.duplicateItems()))
                                         .arg(searched));
    const QString previous = m_keepCombo->currentData().toString();
    m_keepCombo->clear();
    m_keepCombo->addItem(tr("the first (by id)"), QStringLiteral("first"));
    m_keepCombo->addItem(tr("the last (by id)"), QStringLiteral("last"));
    for (const QString &c : out.columns)
        m_keepCombo->addItem(tr("the greatest %1").arg(c), c);
    m_keepCombo->setCurrentIndex(std::max(0, m_keepCombo->findData(previous)));
    if (groups > 0) m_tree->setCurrentIndex(m_model->memberIndex(0, 0));
    updateButtons();
    emit searchFinished();
}

void DuplicatesView::keepOnePerGroup()
{
    m_model->checkAllButOne(explore::keepChoiceFromText(m_keepCombo->currentData().toString()));
}

void DuplicatesView::deleteChecked()
{
    const QStringList ids = m_model->checkedIds();
    if (ids.isEmpty() || m_session->isReadOnly()) return;
    // Read the items whole (vectors too) for Undo, then delete them in one batch.
    QPointer<DuplicatesView> guard(this);
    whenFinished(this, m_session->run([ids](Index &index) -> Result<QList<Item>> {
        QList<Item> items;
        for (const QString &id : ids) {
            Result<Item> item = index.get(id, true);
            if (!item.ok()) return item.error();
            items.append(item.takeValue());
        }
        return items;
    }),
                 [this, guard, ids](const QFuture<Result<QList<Item>>> &finished) {
                     if (!guard || finished.resultCount() == 0) return;
                     Result<QList<Item>> items = finished.result();
                     if (!items.ok()) {
                         emit m_session->writeFailed(userMessageText(items.error(), ErrorContext::Write));
                         return;
                     }
                     m_session->undoStack()->push(new DeleteItemsCommand(m_session, items.takeValue()));
                     m_model->removeIds(QSet<QString>(ids.begin(), ids.end()));
                     m_summary->setText(
                         tr("Deleted %Ln item(s) as one batch; Edit ▸ Undo puts them back.", nullptr, int(ids.size())));
                     emit deleted(int(ids.size()));
                 });
}

void DuplicatesView::showComparison()
{
    const auto [g, i] = m_model->position(m_tree->currentIndex());
    if (g < 0 || m_model->group(g).members.size() < 2) {
        m_leftTitle->setText(tr("Select an item to compare it with another of its group."));
        m_rightTitle->clear();
        m_left->clear();
        m_right->clear();
        return;
    }
    const DuplicatesModel::Group &group = m_model->group(g);
    const int a = std::max(0, i);
    const int b = a == 0 ? 1 : 0;
    const DuplicatesModel::Member &left = group.members[a], &right = group.members[b];
    m_leftTitle->setText(tr("<b>%1</b>").arg(left.id.toHtmlEscaped()));
    m_rightTitle->setText(tr("<b>%1</b> (the differences are marked)").arg(right.id.toHtmlEscaped()));
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const auto [lh, rh] = markDifferences(passageOf(left.metadata), passageOf(right.metadata), dark);
    m_left->setHtml(lh);
    m_right->setHtml(rh);
}

std::pair<QString, QString> DuplicatesView::markDifferences(const QString &a, const QString &b, bool dark)
{
    static const QRegularExpression token(QStringLiteral("\\s+|[^\\s]+"));
    auto split = [](const QString &text) {
        QStringList out;
        auto it = token.globalMatch(text);
        while (it.hasNext())
            out.append(it.next().captured());
        return out;
    };
    const QStringList x = split(a), y = split(b);
    const QString removed = dark ? QStringLiteral("#7a2e2e") : QStringLiteral("#f6c4c4");
    const QString added = dark ? QStringLiteral("#2e6a36") : QStringLiteral("#c4ecc8");
    auto wrap = [](const QString &html) {
        return QStringLiteral("<div style=\"white-space: pre-wrap\">%1</div>").arg(html);
    };
    if (x.size() > kMaxDiffWords || y.size() > kMaxDiffWords) return {wrap(a.toHtmlEscaped()), wrap(b.toHtmlEscaped())};
    // Longest common subsequence of the tokens.
    const qsizetype n = x.size(), m = y.size();
    std::vector<quint16> lcs(size_t((n + 1) * (m + 1)), 0);
    auto at = [&](qsizetype i, qsizetype j) -> quint16 & { return lcs[size_t(i * (m + 1) + j)]; };
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) = x[i] == y[j] ? quint16(at(i + 1, j + 1) + 1) : std::max(at(i + 1, j), at(i, j + 1));
    QString left, right;
    auto mark = [](const QString &t, const QString &colour) {
        return t.trimmed().isEmpty()
                   ? t.toHtmlEscaped()
                   : QStringLiteral("<span style=\"background-color:%1\">%2</span>").arg(colour, t.toHtmlEscaped());
    };
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && x[i] == y[j]) {
            left += x[i].toHtmlEscaped();
            right += y[j].toHtmlEscaped();
            ++i, ++j;
        } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
            right += mark(y[j++], added);
        } else {
            left += mark(x[i++], removed);
        }
    }
    return {wrap(left), wrap(right)};
}

} // namespace sextant::ui
