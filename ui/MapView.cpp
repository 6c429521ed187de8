#include "MapView.h"

#include "AsyncTask.h"

#include "ErrorText.h"
#include "Format.h"
#include "IndexSession.h"
#include "ProgressRow.h"
#include "TaskMonitor.h"

#include "sextant/Index.h"

#include <QComboBox>
#include <QCursor>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace sextant::ui {

namespace {

// Tableau 10: distinguishable on light and dark backgrounds.
constexpr QRgb kCategorical[10] = {0xff4e79a7, 0xfff28e2b, 0xffe15759, 0xff76b7b2, 0xff59a14f,
                                   0xffedc948, 0xffb07aa1, 0xffff9da7, 0xff9c755f, 0xff499894};
constexpr QRgb kOther = 0xff9a9a9a;
constexpr QRgb kMissing = 0xff5f5f5f;
constexpr int kTopCategories = 10;

// Viridis, from dark purple to yellow.
constexpr QRgb kGradient[5] = {0xff440154, 0xff3b528b, 0xff21918c, 0xff5ec962, 0xfffde725};

QRgb gradientAt(double t, bool darkBackground)
{
    // On a dark base the darkest stop would vanish: start one stop later.
    const int first = darkBackground ? 1 : 0;
    const double pos = std::clamp(t, 0.0, 1.0) * (4 - first) + first;
    const int i = std::min(3, int(pos));
    const double f = pos - i;
    const QColor a(kGradient[i]), b(kGradient[i + 1]);
    return qRgb(int(a.red() + (b.red() - a.red()) * f), int(a.green() + (b.green() - a.green()) * f),
                int(a.blue() + (b.blue() - a.blue()) * f));
}

} // namespace

MapView::MapView(IndexSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("mapInfo"));
    m_info->setWordWrap(true);
    m_colourCombo = new QComboBox(this);
    m_colourCombo->setObjectName(QStringLiteral("colourCombo"));
    m_colourCombo->setToolTip(
        tr("Colour the points by a metadata field: a palette for text and bools, a gradient for numbers"));
    m_colourCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_methodCombo = new QComboBox(this);
    m_methodCombo->setObjectName(QStringLiteral("methodCombo"));
    m_methodCombo->addItem(tr("PCA"), QStringLiteral("pca"));
    m_methodCombo->addItem(tr("UMAP"), QStringLiteral("umap"));
    m_methodCombo->setToolTip(
        tr("PCA shows the global spread; UMAP, laid out on the index's own neighbour graph, shows clusters"));
    m_fitButton = new QPushButton(tr("Fit"), this);
    m_fitButton->setToolTip(tr("Show all points"));
    m_recomputeButton = new QPushButton(tr("Recompute"), this);
    m_recomputeButton->setToolTip(tr("Sample and project the index again"));

    m_notice = new QFrame(this);
    m_notice->setObjectName(QStringLiteral("staleNotice"));
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setAutoFillBackground(true);
    {
        QPalette p = m_notice->palette();
        p.setColor(QPalette::Window, p.color(QPalette::ToolTipBase));
        p.setColor(QPalette::WindowText, p.color(QPalette::ToolTipText));
        m_notice->setPalette(p);
        auto *l = new QHBoxLayout(m_notice);
        l->setContentsMargins(8, 4, 8, 4);
        l->addWidget(new QLabel(tr("The index has changed since this map was computed."), m_notice), 1);
        auto *again = new QPushButton(tr("Recompute"), m_notice);
        again->setObjectName(QStringLiteral("noticeRecompute"));
        connect(again, &QPushButton::clicked, this, &MapView::recompute);
        l->addWidget(again);
    }
    m_notice->hide();

    const ProgressRow progress = makeProgressRow(this, tr("Cancel"));
    m_progressRow = progress.row;
    m_progressLabel = progress.label;
    m_progress = progress.bar;
    connect(progress.cancel, &QPushButton::clicked, this, &MapView::cancel);

    m_plot = new ScatterPlot(this);
    m_plot->setObjectName(QStringLiteral("scatterPlot"));
    m_plot->setMessage(tr("The map appears here once it has been computed."));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("mapStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *top = new QHBoxLayout;
    top->addWidget(m_info, 1);
    auto *methodLabel = new QLabel(tr("Method:"), this);
    methodLabel->setBuddy(m_methodCombo);
    top->addWidget(methodLabel);
    top->addWidget(m_methodCombo);
    auto *colourLabel = new QLabel(tr("Colour by:"), this);
    colourLabel->setBuddy(m_colourCombo);
    top->addWidget(colourLabel);
    top->addWidget(m_colourCombo);
    top->addWidget(m_fitButton);
    top->addWidget(m_recomputeButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(m_progressRow);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_status);

    m_colourCombo->addItem(tr("(none)"), QString());
    m_colourCombo->setEnabled(false);
    connect(m_colourCombo, &QComboBox::currentIndexChanged, this,
            [this](int i) { setColourField(m_colourCombo->itemData(i).toString()); });
    connect(m_fitButton, &QPushButton::clicked, m_plot, &ScatterPlot::fit);
    connect(m_recomputeButton, &QPushButton::clicked, this, &MapView::recompute);
    connect(m_methodCombo, &QComboBox::currentIndexChanged, this,
            [this](int i) { setMethod(m_methodCombo->itemData(i).toString()); });
    connect(m_plot, &ScatterPlot::pointClicked, this, [this](int i) {
        if (m_projection && i >= 0 && i < m_projection->count()) m_session->setCurrentItem(m_projection->ids[i]);
    });
    connect(m_plot, &ScatterPlot::pointHovered, this, &MapView::showHover);
    connect(m_session, &IndexSession::currentItemChanged, this, &MapView::applyHighlights);
    connect(m_session, &IndexSession::queryHitsChanged, this, &MapView::applyHighlights);
    connect(m_session, &IndexSession::contentChanged, this, &MapView::updateNotice);
    connect(m_session, &IndexSession::statsChanged, this, &MapView::updateNotice);
    showHover(-1);
}

MapView::~MapView()
{
    if (m_computing) {
        m_future.cancel();
        m_umapFuture.cancel();
    }
}

int MapView::sampleLimit() const
{
    if (m_method == u"umap" && !m_sampleLimitSet) return int(explore::UmapOptions::kDefaultSample);
    return m_sampleLimit;
}

void MapView::setMethod(const QString &method)
{
    const QString m = method == u"umap" ? QStringLiteral("umap") : QStringLiteral("pca");
    const int combo = m_methodCombo->findData(m);
    if (combo != m_methodCombo->currentIndex()) {
        const QSignalBlocker block(m_methodCombo);
        m_methodCombo->setCurrentIndex(combo);
    }
    if (m == m_method) return;
    m_method = m;
    if (m_started) recompute();
}

void MapView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_started) recompute();
}

void MapView::recompute()
{
    m_started = true;
    if (m_computing) {
        m_future.cancel();
        m_umapFuture.cancel();
    }
    const quint64 serial = ++m_serial;
    m_computing = true;
    m_projectionVersion = m_session->contentVersion();
    m_projectionState.reset();
    if (m_session->hasStats()) m_projectionState = std::make_pair(m_session->stats().lastLsn, m_session->stats().items);
    m_future = Projection::start(m_session->index(), sampleLimit(), m_seed);
    TaskMonitor::trackGlobal(tr("Computing the map"), QFuture<void>(m_future));
    auto *watcher = whenFinished(
        this, m_future, [this, serial](const QFuture<ProjectionResult> &finished) { onFinished(serial, finished); });
    showProgress(watcher, this, m_progress, m_progressLabel, [this, serial] { return serial == m_serial; });
    m_progress->setValue(0);
    m_progressLabel->setText(tr("Sampling items"));
    m_progressRow->show();
    m_notice->hide();
    m_recomputeButton->setEnabled(false);
    if (!m_projection) m_plot->setMessage(tr("Computing the map…"));
}

void MapView::cancel()
{
    if (m_computing) {
        m_future.cancel();
        m_umapFuture.cancel();
    }
}

void MapView::finishComputing()
{
    m_computing = false;
    m_progressRow->hide();
    m_recomputeButton->setEnabled(true);
}

void MapView::onFinished(quint64 serial, QFuture<ProjectionResult> future)
{
    if (serial != m_serial) return; // superseded by a newer recompute
    const bool umapFollows =
        m_method == u"umap" && !future.isCanceled() && future.resultCount() > 0 && future.resultAt(0).count() >= 2;
    if (!umapFollows) finishComputing();
    if (future.isCanceled() || future.resultCount() == 0) {
        if (!m_projection) m_plot->setMessage(tr("Computing the map was cancelled. Press Recompute to start again."));
        m_status->setText(tr("Cancelled."));
        updateNotice();
        emit projectionFinished();
        return;
    }
    ProjectionResult result = future.takeResult();
    if (!result.error.ok() && result.count() == 0) {
        m_plot->setMessage(tr("The map could not be computed.") + QLatin1Char('\n') + userMessageText(result.error));
        emit projectionFinished();
        return;
    }
    m_projection = std::move(result);
    m_showsUmap = false;
    m_pointOf.clear();
    m_pointOf.reserve(m_projection->count());
    for (int i = 0; i < m_projection->count(); ++i)
        m_pointOf.insert(m_projection->ids[i], i);
    m_plot->setPoints(m_projection->x, m_projection->y);
    m_plot->setMessage(m_projection->count() == 0 ? tr("The index is empty: add items to see them on the map.")
                                                  : QString());

    const QString previous = m_colourField;
    const QSignalBlocker block(m_colourCombo);
    m_colourCombo->clear();
    m_colourCombo->addItem(tr("(none)"), QString());
    for (const MetadataColumn &c : m_projection->columns)
        if (c.present > 0) m_colourCombo->addItem(c.key, c.key);
    m_colourCombo->setEnabled(m_colourCombo->count() > 1);
    const int keep = m_colourCombo->findData(previous);
    m_colourCombo->setCurrentIndex(std::max(0, keep));
    m_colourField.clear();
    setColourField(keep > 0 ? previous : QString());

    m_info->setText(description());
    applyHighlights();
    updateNotice();
    showHover(-1);
    if (umapFollows)
        startUmap(serial);
    else
        emit projectionFinished();
}

void MapView::startUmap(quint64 serial)
{
    m_umapOptions = explore::UmapOptions{};
    m_umapOptions.seed = m_seed;
    m_frames = std::make_shared<UmapTask::Frames>();
    m_frameSeen = 0;
    m_framesShown = 0;
    m_umapFuture = UmapTask::start(m_session->index(), m_projection->ids, m_projection->x, m_projection->y,
                                   m_umapOptions, m_frames);
    TaskMonitor::trackGlobal(tr("Computing the UMAP layout"), QFuture<void>(m_umapFuture));
    auto *watcher = whenFinished(
        this, m_umapFuture, [this, serial](const QFuture<UmapOutcome> &finished) { onUmapFinished(serial, finished); });
    connect(watcher, &QFutureWatcher<UmapOutcome>::progressValueChanged, this, [this, serial](int v) {
        if (serial != m_serial) return;
        m_progress->setValue(v);
        showNewestFrame();
    });
    connect(watcher, &QFutureWatcher<UmapOutcome>::progressTextChanged, this, [this, serial](const QString &t) {
        if (serial == m_serial) m_progressLabel->setText(t);
    });
    m_progress->setValue(0);
    m_progressLabel->setText(tr("UMAP: neighbours from the graph"));
    m_progressRow->show();
    m_info->setText(tr("UMAP is being computed; the PCA map is shown until the layout forms."));
}

void MapView::showNewestFrame()
{
    if (!m_frames || !m_projection) return;
    std::optional<UmapFrame> frame = m_frames->takeIfNewer(&m_frameSeen);
    if (!frame || frame->x.size() != size_t(m_projection->count())) return;
    m_plot->movePoints(std::move(frame->x), std::move(frame->y), true);
    ++m_framesShown;
    m_info->setText(tr("UMAP forming: epoch %1 of %2").arg(frame->epoch).arg(frame->epochs));
}

void MapView::onUmapFinished(quint64 serial, QFuture<UmapOutcome> future)
{
    if (serial != m_serial) return;
    finishComputing();
    m_frames.reset();
    if (future.isCanceled() || future.resultCount() == 0) {
        // Back to the PCA map it started from.
        if (m_projection) m_plot->movePoints(m_projection->x, m_projection->y, true);
        m_status->setText(tr("UMAP was cancelled; the PCA map is shown."));
        m_info->setText(description());
        updateNotice();
        emit projectionFinished();
        return;
    }
    UmapOutcome outcome = future.takeResult();
    if (!outcome.error.ok()) {
        if (m_projection) m_plot->movePoints(m_projection->x, m_projection->y, true);
        m_info->setText(description());
        m_status->setText(tr("UMAP could not be computed: %1").arg(userMessageText(outcome.error)));
        emit projectionFinished();
        return;
    }
    m_plot->movePoints(outcome.frame.x, outcome.frame.y, true);
    m_umapInfo = std::move(outcome);
    m_showsUmap = true;
    m_info->setText(description());
    updateNotice();
    showHover(-1);
    emit projectionFinished();
}

void MapView::lookUpNeighbours(int point)
{
    m_plot->setNeighbours({});
    if (!m_projection || point < 0 || point >= m_projection->count()) return;
    const quint64 serial = ++m_neighbourSerial;
    const QString id = m_projection->ids[point];
    whenFinished(this, m_session->run([id](Index &index) {
        QueryRequest request;
        request.likeId = id;
        request.k = 10;
        request.withMetadata = false;
        return index.query(request);
    }),
                 [this, serial, point](const QFuture<Result<QueryResult>> &finished) {
                     if (serial != m_neighbourSerial || finished.resultCount() == 0) return;
                     const Result<QueryResult> result = finished.result();
                     if (!result.ok() || m_plot->current() != point) return;
                     QList<int> points;
                     int offMap = 0;
                     for (const QueryHit &hit : result->hits) {
                         const int i = pointOf(hit.id);
                         if (i >= 0)
                             points.append(i);
                         else
                             ++offMap;
                     }
                     m_plot->setNeighbours(points);
                     m_status->setText(
                         offMap > 0 ? tr("%1: its %2 nearest neighbours in the original space are joined to it (%3 of "
                                         "them are not in the sample).")
                                          .arg(m_projection->ids[point])
                                          .arg(result->hits.size())
                                          .arg(offMap)
                                    : tr("%1: its %2 nearest neighbours in the original space are joined to it.")
                                          .arg(m_projection->ids[point])
                                          .arg(result->hits.size()));
                     emit neighboursShown();
                 });
}

QString MapView::description() const
{
    if (!m_projection) return {};
    const ProjectionResult &p = *m_projection;
    if (p.count() == 0) return tr("The index is empty.");
    if (m_showsUmap) {
        QString text = p.count() >= p.totalItems ? tr("UMAP of all %Ln item(s)", nullptr, int(p.count()))
                                                 : tr("UMAP of %1 of %Ln item(s), seed %2", nullptr,
                                                      int(std::min<qint64>(p.totalItems, INT_MAX)))
                                                       .arg(formatCount(p.count()))
                                                       .arg(p.seed);
        text += tr("; %1 neighbours from the graph, min_dist %2, %3 epochs")
                    .arg(m_umapOptions.neighbours)
                    .arg(QLocale().toString(m_umapOptions.minDist, 'g', 3))
                    .arg(m_umapInfo.frame.epochs);
        return text + QLatin1Char('.');
    }
    QString text = p.count() >= p.totalItems
                       ? tr("PCA of all %Ln item(s)", nullptr, int(p.count()))
                       : tr("PCA of %1 of %Ln item(s), seed %2", nullptr, int(std::min<qint64>(p.totalItems, INT_MAX)))
                             .arg(formatCount(p.count()))
                             .arg(p.seed);
    const double both = (p.explained[0] + p.explained[1]) * 100;
    text += tr("; the two axes explain %1 % of the variance (%2 % and %3 %)")
                .arg(QLocale().toString(both, 'f', 0), QLocale().toString(p.explained[0] * 100, 'f', 1),
                     QLocale().toString(p.explained[1] * 100, 'f', 1));
    if (p.normalised) text += tr("; vectors normalised (cosine)");
    if (p.effectiveLimit < p.sampleLimit && p.count() < p.totalItems)
        text +=
            tr("; sample capped at %Ln item(s) for %1 dimensions", nullptr, int(p.effectiveLimit)).arg(p.dimensions);
    return text + QLatin1Char('.');
}

bool MapView::isStale() const
{
    if (!m_projection || m_session->contentVersion() == m_projectionVersion) return false;
    // The version also moves when only the storage changed (a checkpoint or
    // a saved graph publishes a new generation): then the items did not.
    if (m_projectionState && m_session->hasStats())
        return m_session->stats().lastLsn != m_projectionState->first ||
               m_session->stats().items != m_projectionState->second;
    return true;
}

void MapView::updateNotice() { m_notice->setVisible(isStale() && !m_computing); }

QStringList MapView::colourFields() const
{
    QStringList keys;
    for (int i = 1; i < m_colourCombo->count(); ++i)
        keys.append(m_colourCombo->itemData(i).toString());
    return keys;
}

void MapView::setColourField(const QString &key)
{
    m_colourField = key;
    m_legend.clear();
    const MetadataColumn *column = nullptr;
    if (m_projection)
        for (const MetadataColumn &c : m_projection->columns)
            if (c.key == key) column = &c;
    const int combo = m_colourCombo->findData(column ? key : QString());
    if (combo >= 0 && combo != m_colourCombo->currentIndex()) {
        const QSignalBlocker block(m_colourCombo);
        m_colourCombo->setCurrentIndex(combo);
    }
    if (!column) {
        m_colourField.clear();
        m_plot->setColours({});
        m_plot->setLegend({}, {});
        return;
    }
    const int n = m_projection->count();
    std::vector<QRgb> colours(size_t(n), kMissing);
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    if (column->isNumeric() && !column->numbers.empty()) {
        float lo = std::numeric_limits<float>::infinity(), hi = -lo;
        for (float v : column->numbers)
            if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
        const double span = hi > lo ? double(hi) - lo : 1.0;
        qint64 missing = 0;
        for (int i = 0; i < n; ++i) {
            const float v = column->numbers[size_t(i)];
            if (std::isfinite(v))
                colours[size_t(i)] = gradientAt((v - lo) / span, dark);
            else
                ++missing;
        }
        for (int s = 0; s <= 4; ++s) {
            const double t = s / 4.0;
            m_legend.append({QLocale().toString(lo + t * span, 'g', 4), gradientAt(t, dark), -1});
        }
        if (missing > 0) m_legend.append({tr("(missing or not a number)"), kMissing, missing});
    } else {
        // The ten most common values get colours; the rest is "other".
        std::vector<qint64> counts(size_t(column->values.size()), 0);
        qint64 missing = 0, other = 0;
        for (int i = 0; i < n; ++i) {
            const qint32 code = column->codes.empty() ? -1 : column->codes[size_t(i)];
            if (code >= 0) ++counts[size_t(code)];
        }
        std::vector<int> order(counts.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return counts[size_t(a)] > counts[size_t(b)]; });
        std::vector<int> slot(counts.size(), -1);
        for (int k = 0; k < std::min<int>(kTopCategories, int(order.size())); ++k)
            slot[size_t(order[size_t(k)])] = k;
        for (int i = 0; i < n; ++i) {
            const qint32 code = column->codes.empty() ? -1 : column->codes[size_t(i)];
            if (code >= 0 && slot[size_t(code)] >= 0)
                colours[size_t(i)] = kCategorical[slot[size_t(code)]];
            else if (code == -1)
                ++missing;
            else
                colours[size_t(i)] = kOther, ++other;
        }
        for (int k = 0; k < std::min<int>(kTopCategories, int(order.size())); ++k)
            m_legend.append({column->values[order[size_t(k)]], kCategorical[k], counts[size_t(order[size_t(k)])]});
        if (other > 0) m_legend.append({tr("other"), kOther, other});
        if (missing > 0) m_legend.append({tr("(missing)"), kMissing, missing});
    }
    m_plot->setColours(std::move(colours));
    m_plot->setLegend(key, m_legend);
}

void MapView::applyHighlights()
{
    if (!m_projection) return;
    QList<int> hits;
    for (const QString &id : m_session->queryHits()) {
        const int i = pointOf(id);
        if (i >= 0) hits.append(i);
    }
    m_plot->setHighlighted(hits);
    const int current = pointOf(m_session->currentItem());
    if (current != m_plot->current()) {
        m_plot->setCurrent(current);
        lookUpNeighbours(current);
    }
}

void MapView::showHover(int point)
{
    if (!m_projection || point < 0 || point >= m_projection->count()) {
        m_status->setText(m_projection && m_projection->count() > 0
                              ? tr("Scroll to zoom, drag to pan, click a point to select its item.")
                              : QString());
        QToolTip::hideText();
        return;
    }
    QString text = m_projection->ids[point];
    if (!m_colourField.isEmpty()) {
        for (const MetadataColumn &c : m_projection->columns) {
            if (c.key != m_colourField) continue;
            QString value;
            if (!c.numbers.empty() && std::isfinite(c.numbers[size_t(point)]))
                value = QLocale().toString(double(c.numbers[size_t(point)]), 'g', 6);
            else if (!c.codes.empty() && c.codes[size_t(point)] >= 0)
                value = c.values[c.codes[size_t(point)]];
            if (!value.isEmpty()) text += QStringLiteral(" · %1: %2").arg(c.key, value);
        }
    }
    m_status->setText(text);
    if (m_plot->underMouse()) QToolTip::showText(QCursor::pos(), text, m_plot);
}

} // namespace sextant::ui
