#include "SummaryView.h"

#include "AsyncTask.h"
#include "VerifyTask.h"

#include "ErrorText.h"
#include "Format.h"
#include "IndexSession.h"
#include "TaskMonitor.h"

#include <QDir>
#include <QLocale>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace sextant::ui {

namespace {

// The schema's words as a reader of the summary says them (the engine's
// names, "cosine" or "string", are what the CLI and the filters take).
QString metricText(Metric metric)
{
    switch (metric) {
    case Metric::Cosine: return SummaryView::tr("cosine similarity");
    case Metric::L2: return SummaryView::tr("Euclidean distance (L2)");
    case Metric::Dot: return SummaryView::tr("dot product");
    }
    return metricName(metric);
}

QString durabilityText(Durability durability)
{
    switch (durability) {
    case Durability::Full: return SummaryView::tr("full");
    case Durability::Normal: return SummaryView::tr("normal");
    case Durability::Off: return SummaryView::tr("off");
    }
    return durabilityName(durability);
}

QString fieldTypeText(FieldType type)
{
    switch (type) {
    case FieldType::String: return SummaryView::tr("text");
    case FieldType::Number: return SummaryView::tr("number");
    case FieldType::Bool: return SummaryView::tr("yes/no");
    case FieldType::StringList: return SummaryView::tr("list of texts");
    }
    return fieldTypeName(type);
}

QLabel *valueLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    return l;
}

QGroupBox *group(const QString &title, QFormLayout **form, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    *form = new QFormLayout(box);
    (*form)->setLabelAlignment(Qt::AlignRight);
    (*form)->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return box;
}

QString dateText(const QDateTime &t)
{
    if (!t.isValid()) return QCoreApplication::translate("SummaryView", "never");
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

// Samples for estimateRecall: each costs one exact scan.
// Never more queries than items: a small index is sampled once per item
// at most (200 queries drawn from 58 items would repeat most of them).
int recallSample(qint64 items)
{
    const int wanted = items > 200000 ? 30 : items > 20000 ? 100 : 200;
    return int(std::max<qint64>(1, std::min<qint64>(wanted, items)));
}
} // namespace

SummaryView::SummaryView(IndexSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);

    m_title = new QLabel(content);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_path = valueLabel(content);
    m_path->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_title);
    layout->addWidget(m_path);

    auto *grid = new QGridLayout;
    QFormLayout *form = nullptr;

    QGroupBox *shape = group(tr("Index"), &form, content);
    form->addRow(tr("Dimensions:"), m_dims = valueLabel(shape));
    form->addRow(tr("Metric:"), m_metric = valueLabel(shape));
    form->addRow(tr("Metadata fields:"), m_fields = valueLabel(shape));
    form->addRow(tr("Durability:"), m_durability = valueLabel(shape));
    form->addRow(tr("Created:"), m_created = valueLabel(shape));
    form->addRow(tr("Access:"), m_access = valueLabel(shape));
    grid->addWidget(shape, 0, 0);

    QGroupBox *contents = group(tr("Contents"), &form, content);
    form->addRow(tr("Items:"), m_items = valueLabel(contents));
    form->addRow(tr("Segments:"), m_segments = valueLabel(contents));
    form->addRow(tr("Not yet checkpointed:"), m_unflushed = valueLabel(contents));
    form->addRow(tr("Size on disk:"), m_disk = valueLabel(contents));
    form->addRow(tr("Write-ahead log:"), m_wal = valueLabel(contents));
    form->addRow(tr("Last checkpoint:"), m_checkpoint = valueLabel(contents));
    form->addRow(tr("Write queue:"), m_queue = valueLabel(contents));
    auto *maintenance = new QHBoxLayout;
    m_checkpointButton = new QPushButton(tr("Checkpoint"), contents);
    m_checkpointButton->setToolTip(tr("Fold the write-ahead log into segments now."));
    m_compactButton = new QPushButton(tr("Compact"), contents);
    m_compactButton->setToolTip(tr("Rewrite all segments into one, dropping deleted rows."));
    maintenance->addWidget(m_checkpointButton);
    maintenance->addWidget(m_compactButton);
    maintenance->addStretch();
    form->addRow(maintenance);
    grid->addWidget(contents, 0, 1);

    QGroupBox *graph = group(tr("Search graph (HNSW)"), &form, content);
    form->addRow(tr("State:"), m_graphState = valueLabel(graph));
    form->addRow(tr("Items in graph:"), m_graphItems = valueLabel(graph));
    form->addRow(tr("Parameters:"), m_graphParams = valueLabel(graph));
    form->addRow(tr("Memory:"), m_graphMemory = valueLabel(graph));
    form->addRow(tr("Search ef:"), m_graphTuning = valueLabel(graph));
    m_recall = valueLabel(graph);
    form->addRow(tr("Estimated recall@10:"), m_recall);
    m_recallButton = new QPushButton(tr("Estimate Recall"), graph);
    m_recallButton->setToolTip(tr("Compare approximate with exact search on sampled items."));
    m_convertButton = new QPushButton(graph);
    auto *recallRow = new QHBoxLayout;
    recallRow->addWidget(m_recallButton);
    recallRow->addWidget(m_convertButton);
    recallRow->addStretch();
    form->addRow(recallRow);
    grid->addWidget(graph, 1, 0);

    QGroupBox *health = group(tr("Health"), &form, content);
    form->addRow(tr("Last verification:"), m_health = valueLabel(health));
    auto *verifyRow = new QHBoxLayout;
    m_verifyQuick = new QPushButton(tr("Verify"), health);
    m_verifyQuick->setToolTip(tr("Check every log frame and data block against its checksum."));
    m_verifyFull = new QPushButton(tr("Full Verify"), health);
    m_verifyFull->setToolTip(tr("Also check the size and SHA-256 of every file."));
    verifyRow->addWidget(m_verifyQuick);
    verifyRow->addWidget(m_verifyFull);
    verifyRow->addStretch();
    form->addRow(verifyRow);
    m_verifyProgress = new QProgressBar(health);
    m_verifyProgress->setRange(0, 1000);
    m_verifyProgress->hide();
    form->addRow(m_verifyProgress);
    grid->addWidget(health, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    layout->addStretch();

    connect(m_verifyQuick, &QPushButton::clicked, this, [this]() { verify(false); });
    connect(m_verifyFull, &QPushButton::clicked, this, [this]() { verify(true); });
    connect(m_recallButton, &QPushButton::clicked, this, &SummaryView::estimateRecall);
    connect(m_checkpointButton, &QPushButton::clicked, this, &SummaryView::checkpoint);
    connect(m_compactButton, &QPushButton::clicked, this, &SummaryView::compact);
    connect(m_convertButton, &QPushButton::clicked, this, &SummaryView::convertGraph);
    connect(session, &IndexSession::statsChanged, this, &SummaryView::updateStats);
    connect(session, &IndexSession::healthChanged, this, &SummaryView::updateHealth);
    connect(&m_verifyWatcher, &QFutureWatcher<VerifyOutcome>::progressValueChanged, m_verifyProgress,
            &QProgressBar::setValue);
    connect(&m_verifyWatcher, &QFutureWatcher<VerifyOutcome>::finished, this, [this]() {
        m_verifyProgress->hide();
        m_verifyQuick->setEnabled(true);
        m_verifyFull->setEnabled(true);
        if (m_verifyWatcher.future().isCanceled() || m_verifyWatcher.future().resultCount() == 0) {
            updateHealth();
            return;
        }
        const VerifyOutcome outcome = m_verifyWatcher.result();
        VerifyReport report;
        if (outcome.report) {
            report = *outcome.report;
        } else {
            report.findings.append(Finding{Finding::Severity::Error, QString(), -1, outcome.error, QString()});
        }
        if (report.cancelled) {
            updateHealth();
            return;
        }
        m_session->setHealthFrom(report);
        emit verified(report);
    });
    connect(&m_recallWatcher, &QFutureWatcher<Result<RecallEstimate>>::finished, this, [this]() {
        m_recallButton->setEnabled(true);
        const Result<RecallEstimate> r = m_recallWatcher.result();
        if (!r.ok()) {
            setValue(m_recall, tr("not available"), userMessageText(r.error(), ErrorContext::Query));
            return;
        }
        setValue(m_recall,
                 tr("%1 % (%Ln sampled queries, ef %2)", nullptr, int(r->queries))
                     .arg(QLocale().toString(r->recall * 100, 'f', 1))
                     .arg(r->ef),
                 tr("%1 per approximate query, %2 per exact query")
                     .arg(formatMilliseconds(r->annMilliseconds), formatMilliseconds(r->exactMilliseconds)));
    });

    m_title->setText(session->displayName());
    m_path->setText(QDir::toNativeSeparators(session->path()));
    const Schema &s = session->schema();
    setValue(m_dims, QLocale().toString(s.dimensions));
    setValue(m_metric, metricText(s.metric));
    QStringList fields;
    for (const FieldSpec &f : s.fields)
        fields << (f.required ? tr("%1 (%2, required)") : tr("%1 (%2)")).arg(f.name, fieldTypeText(f.type));
    setValue(m_fields, fields.isEmpty() ? tr("none declared") : fields.join(QStringLiteral(", ")));
    setValue(m_recall, tr("not estimated yet"));
    auto updateAccess = [this]() {
        const bool ro = m_session->isReadOnly();
        m_checkpointButton->setEnabled(!ro);
        m_compactButton->setEnabled(!ro);
        const QString why = ro ? tr("The index is open read-only.") : QString();
        m_checkpointButton->setToolTip(why);
        m_compactButton->setToolTip(why);
        updateConvertButton();
    };
    updateAccess();
    connect(session, &IndexSession::accessChanged, this, updateAccess);
    updateStats();
    updateHealth();
}

void SummaryView::setValue(QLabel *label, const QString &text, const QString &tooltip)
{
    label->setText(text);
    label->setToolTip(tooltip);
}

void SummaryView::updateStats()
{
    if (!m_session->hasStats()) {
        for (QLabel *l : {m_items, m_segments, m_unflushed, m_disk, m_wal, m_checkpoint, m_queue, m_graphState})
            setValue(l, tr("reading…"));
        return;
    }
    const IndexStats &st = m_session->stats();
    setValue(m_durability, durabilityText(st.durability));
    setValue(m_created, dateText(st.created));
    if (st.readOnly) {
        const auto holder = m_session->lockHolder();
        setValue(m_access, holder ? tr("Read-only: %1 writes this index.").arg(holder->describe()) : tr("Read-only."));
    } else {
        setValue(m_access, tr("Open for writing by this window."));
    }
    setValue(m_items, formatCount(st.items));
    if (st.segments == 0)
        setValue(m_segments, tr("none yet: the items are in the log until the first checkpoint"));
    else if (st.deletedRows == 0)
        setValue(m_segments,
                 tr("%1 (%2)").arg(formatCount(st.segments),
                                   tr("%Ln row(s)", nullptr, int(std::min<qint64>(st.segmentRows, INT_MAX)))));
    else
        setValue(m_segments, tr("%1 (%2, %3)")
                                 .arg(formatCount(st.segments),
                                      tr("%Ln row(s)", nullptr, int(std::min<qint64>(st.segmentRows, INT_MAX))),
                                      tr("%Ln deleted row(s) that compaction drops", nullptr,
                                         int(std::min<qint64>(st.deletedRows, INT_MAX)))));
    setValue(m_unflushed, tr("%Ln change(s)", nullptr, int(std::min<qint64>(st.unflushedItems, INT_MAX))));
    setValue(m_disk, formatBytes(st.diskBytes));
    setValue(m_wal, formatBytes(st.walBytes));
    setValue(m_checkpoint, dateText(st.lastCheckpoint),
             tr("Log sequence number %1 of %2").arg(st.checkpointLsn).arg(st.lastLsn));
    setValue(m_queue, st.pendingWrites == 0
                          ? tr("idle")
                          : tr("%Ln write(s) queued", nullptr, int(std::min<qint64>(st.pendingWrites, INT_MAX))));

    const GraphStatus &g = st.graph;
    QString state = graphStateName(g.state);
    switch (g.state) {
    case GraphStatus::State::Disabled: state = tr("off: every query scans exactly"); break;
    case GraphStatus::State::Loading: state = tr("loading"); break;
    case GraphStatus::State::Building: state = tr("building"); break;
    case GraphStatus::State::Ready: state = tr("ready"); break;
    case GraphStatus::State::Failed: state = tr("failed: queries scan exactly"); break;
    }
    if (!g.message.isEmpty()) state = tr("%1: %2").arg(state, g.message);
    if (g.rebuilding)
        state = tr("%1; rebuilding it in the background (%2): %3 of %Ln item(s)", nullptr,
                   int(std::min<qint64>(g.rebuildTotal, INT_MAX)))
                    .arg(state, g.rebuildReason, formatCount(g.rebuildDone));
    else if (g.rebuilds > 0)
        state = tr("%1; rebuilt in the background %Ln time(s) since opened", nullptr, g.rebuilds).arg(state);
    setValue(m_graphState, state);
    setValue(m_graphItems, g.pending > 0 ? tr("%1 (%Ln change(s) pending, searched exactly meanwhile)", nullptr,
                                              int(std::min<qint64>(g.pending, INT_MAX)))
                                               .arg(formatCount(g.items))
                                         : formatCount(g.items));
    setValue(m_graphParams,
             tr("M %1, ef construction %2, ef search %3; %4")
                 .arg(g.m)
                 .arg(g.efConstruction)
                 .arg(g.efSearch)
                 .arg(g.quantization == Quantization::Sq8 ? tr("8-bit codes, reranked exactly") : tr("float vectors")));
    setValue(m_graphMemory, formatBytes(g.memoryBytes),
             g.file.isEmpty() ? tr("not saved yet") : tr("saved as %1").arg(g.file));
    const QString target = QLocale().toString(g.targetRecall * 100, 'f', 1);
    if (g.tuning)
        setValue(m_graphTuning, tr("measuring the ef that reaches the target recall@10 of %1 %…").arg(target));
    else if (g.tunedEf > 0)
        setValue(m_graphTuning,
                 g.tunedRecall >= g.targetRecall
                     ? tr("%1: reaches the target recall@10 of %2 % (%3 % measured)")
                           .arg(g.tunedEf)
                           .arg(target, QLocale().toString(g.tunedRecall * 100, 'f', 1))
                     : tr("%1: the best measured, %3 %, is below the target recall@10 of %2 %")
                           .arg(g.tunedEf)
                           .arg(target, QLocale().toString(g.tunedRecall * 100, 'f', 1)),
                 tr("Measured on sampled items when the index held %Ln item(s); measured again as it changes.", nullptr,
                    int(std::min<qint64>(g.tunedItems, INT_MAX))));
    else
        setValue(
            m_graphTuning,
            tr("%1, until the ef that reaches the target recall@10 of %2 % is measured").arg(g.efSearch).arg(target));
    updateConvertButton();
    const bool graphReady = g.state == GraphStatus::State::Ready;
    m_recallButton->setEnabled(graphReady && !m_recallWatcher.isRunning());
    if (graphReady && !m_autoRecallDone && st.items > 0 && st.items <= 200000 && g.pending == 0) {
        m_autoRecallDone = true; // cheap enough to show without asking
        estimateRecall();
    }
}

void SummaryView::updateHealth()
{
    const IndexSession::Health h = m_session->health();
    if (h.problems < 0) {
        setValue(m_health, tr("Never verified on this computer."));
        return;
    }
    const QString kind = h.full ? tr("Full verification") : tr("Quick verification");
    setValue(m_health, tr("%1 on %2: %3").arg(kind, dateText(h.checked), h.summary));
}

void SummaryView::verify(bool full)
{
    if (m_verifyWatcher.isRunning()) return;
    const QString path = m_session->path();
    QFuture<VerifyOutcome> future = startVerifyTask(path, full);
    m_verifyWatcher.setFuture(future);
    m_verifyProgress->setValue(0);
    m_verifyProgress->show();
    m_verifyQuick->setEnabled(false);
    m_verifyFull->setEnabled(false);
    setValue(m_health, full ? tr("Full verification running…") : tr("Verification running…"));
    TaskMonitor::trackGlobal(full ? tr("Full verification of %1").arg(m_session->displayName())
                                  : tr("Verification of %1").arg(m_session->displayName()),
                             QFuture<void>(future));
}

void SummaryView::estimateRecall()
{
    if (m_recallWatcher.isRunning() || !m_session->hasStats()) return;
    const int sample = recallSample(m_session->stats().items);
    m_recallButton->setEnabled(false);
    setValue(m_recall, tr("estimating…"));
    QFuture<Result<RecallEstimate>> f = m_session->run([sample](Index &idx) { return idx.estimateRecall(sample, 10); });
    m_recallWatcher.setFuture(f);
    TaskMonitor::trackGlobal(tr("Estimating recall of %1").arg(m_session->displayName()), QFuture<void>(f));
}

void SummaryView::checkpoint()
{
    runMaintenance(m_session->index()->checkpoint(), tr("Checkpoint of %1").arg(m_session->displayName()),
                   tr("Checkpoint failed"));
}

void SummaryView::compact()
{
    runMaintenance(m_session->index()->compact(), tr("Compaction of %1").arg(m_session->displayName()),
                   tr("Compaction failed"));
}

namespace {

// What the index's graph holds now: the manifest's schema (the stats), else the schema it was opened with.
Quantization currentQuantization(const IndexSession &session)
{
    return session.hasStats() ? session.stats().schema.ann.quantization : session.schema().ann.quantization;
}

} // namespace

Quantization SummaryView::graphQuantization() const { return currentQuantization(*m_session); }

QString SummaryView::convertGraphText() const
{
    return currentQuantization(*m_session) == Quantization::Sq8 ? tr("Convert Graph to Float Vectors…")
                                                                : tr("Convert Graph to 8-bit Codes…");
}

bool SummaryView::canConvertGraph() const { return !m_session->isReadOnly() && !m_converting; }

void SummaryView::updateConvertButton()
{
    m_convertButton->setText(convertGraphText());
    m_convertButton->setEnabled(canConvertGraph());
    if (m_session->isReadOnly())
        m_convertButton->setToolTip(tr("The index is open read-only."));
    else if (m_converting)
        m_convertButton->setToolTip(tr("The graph is being converted."));
    else
        m_convertButton->setToolTip(
            currentQuantization(*m_session) == Quantization::Sq8
                ? tr("Keep float copies of the vectors in the graph: about three times the memory.")
                : tr("Keep 8-bit codes in the graph instead of float copies: about a third of the memory."));
}

void SummaryView::convertGraph()
{
    if (!canConvertGraph()) return;
    const Quantization from = currentQuantization(*m_session);
    const Quantization to = from == Quantization::Sq8 ? Quantization::None : Quantization::Sq8;
    const Schema &schema = m_session->schema();
    const qint64 items = m_session->hasStats() ? m_session->stats().items : 0;
    const qint64 before = graphBytesPerItem(schema.dimensions, schema.ann.m, from);
    const qint64 after = graphBytesPerItem(schema.dimensions, schema.ann.m, to);
    // The whole graph: what it takes now (its upper layers and spare capacity
    // included), and that with each item's element changed.
    const qint64 measured = m_session->hasStats() ? m_session->stats().graph.memoryBytes : 0;
    const qint64 graphNow = measured > 0 ? measured : before * items;
    const qint64 graphAfter = std::max<qint64>(0, graphNow + (after - before) * items);
    const QString title =
        to == Quantization::Sq8 ? tr("Convert Graph to 8-bit Codes") : tr("Convert Graph to Float Vectors");
    QMessageBox box(QMessageBox::Question, title,
                    to == Quantization::Sq8
                        ? tr("Convert the search graph of %1 to 8-bit codes?").arg(m_session->displayName())
                        : tr("Convert the search graph of %1 to float vectors?").arg(m_session->displayName()),
                    QMessageBox::Cancel, this);
    box.setInformativeText(
        tr("The graph is rebuilt from the vectors in the background. Until it is ready, queries scan every item "
           "exactly: the same results, more slowly. Items, ids and metadata do not change.") +
        u'\n' + u'\n' +
        tr("Graph memory per item: %1 now, %2 after (the whole graph: %3 now, about %4 after).")
            .arg(formatBytes(before), formatBytes(after), formatBytes(graphNow), formatBytes(graphAfter)));
    QPushButton *convert = box.addButton(tr("Convert"), QMessageBox::AcceptRole);
    box.setDefaultButton(convert);
    box.exec();
    if (box.clickedButton() != convert) return;

    m_converting = true;
    updateConvertButton();
    QFuture<Result<GraphConversion>> future = m_session->run([to](Index &idx) { return idx.convertGraph(to); });
    TaskMonitor::trackGlobal(tr("Converting the graph of %1").arg(m_session->displayName()), QFuture<void>(future));
    whenFinished(this, future, [this](const QFuture<Result<GraphConversion>> &finished) {
        m_converting = false;
        if (finished.resultCount() > 0 && !finished.result().ok())
            QMessageBox::warning(this, tr("Converting the graph failed"),
                                 userMessageText(finished.result().error(), ErrorContext::Write));
        m_autoRecallDone = false; // the new graph's recall is estimated when it is ready
        setValue(m_recall, tr("not estimated yet"));
        updateConvertButton();
        m_session->refreshSoon();
    });
}

void SummaryView::runMaintenance(QFuture<WriteResult> future, const QString &task, const QString &failureTitle)
{
    TaskMonitor::trackGlobal(task, QFuture<void>(future));
    whenFinished(this, future, [this, failureTitle](const QFuture<WriteResult> &finished) {
        const WriteResult r = finished.result();
        if (!r.error.ok()) QMessageBox::warning(this, failureTitle, userMessageText(r.error, ErrorContext::Write));
        m_session->refreshSoon();
    });
}

} // namespace sextant::ui
