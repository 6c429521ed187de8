#include "InspectorView.h"

#include "AsyncTask.h"

#include "CopyFormats.h"
#include "ErrorText.h"
#include "Format.h"
#include "IndexSession.h"
#include "ItemCommands.h"
#include "JsonTreeModel.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QMenu>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextCursor>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

namespace sextant::ui {

namespace {
// Calls `done(result)` on `context`'s thread when `future` finishes with a
// result (not if `context` is gone first, nor when it was cancelled).
template <typename T, typename F>
void whenResult(QObject *context, const QFuture<T> &future, F done)
{
    ui::whenFinished(context, future, [done](const QFuture<T> &finished) mutable {
        if (finished.resultCount() > 0) done(finished.result());
    });
}
} // namespace

// ---- statistics and histogram

VectorStats computeVectorStats(const QVector<float> &v)
{
    VectorStats s;
    s.dimensions = int(v.size());
    if (v.isEmpty()) return s;
    double sum = 0, sq = 0;
    s.min = s.max = v.first();
    for (float x : v) {
        sum += x;
        sq += double(x) * double(x);
        s.min = std::min(s.min, double(x));
        s.max = std::max(s.max, double(x));
    }
    s.norm = std::sqrt(sq);
    s.mean = sum / double(v.size());
    double var = 0;
    for (float x : v)
        var += (x - s.mean) * (x - s.mean);
    s.stddev = std::sqrt(var / double(v.size()));
    return s;
}

VectorHistogram::VectorHistogram(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(90);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void VectorHistogram::setValues(const QVector<float> &values)
{
    m_counts.fill(0, values.isEmpty() ? 0 : kBins);
    if (!values.isEmpty()) {
        m_min = *std::min_element(values.begin(), values.end());
        m_max = *std::max_element(values.begin(), values.end());
        const float span = m_max - m_min;
        for (float x : values) {
            int b = span > 0 ? int((x - m_min) / span * kBins) : kBins / 2;
            m_counts[std::clamp(b, 0, kBins - 1)]++;
        }
    }
    update();
}

void VectorHistogram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (m_counts.isEmpty()) return;
    const int labelHeight = fontMetrics().height() + 2;
    const QRectF plot = QRectF(rect()).adjusted(6, 6, -6, -6 - labelHeight);
    const int top = *std::max_element(m_counts.begin(), m_counts.end());
    const qreal w = plot.width() / kBins;
    QColor bar = pal.color(QPalette::Highlight);
    for (int i = 0; i < kBins; ++i) {
        const qreal h = top > 0 ? plot.height() * m_counts[i] / top : 0;
        p.fillRect(QRectF(plot.left() + i * w + 1, plot.bottom() - h, std::max<qreal>(1, w - 2), h), bar);
    }
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.setPen(pal.color(QPalette::Text));
    const QRectF labels(plot.left(), plot.bottom() + 2, plot.width(), labelHeight);
    p.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, QLocale().toString(double(m_min), 'g', 4));
    p.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, QLocale().toString(double(m_max), 'g', 4));
    if (m_min < 0 && m_max > 0) {
        const qreal x0 = plot.left() + plot.width() * (0 - m_min) / (m_max - m_min);
        p.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
        p.drawLine(QPointF(x0, plot.top()), QPointF(x0, plot.bottom()));
        p.drawText(QRectF(x0 - 20, labels.top(), 40, labelHeight), Qt::AlignCenter, QStringLiteral("0"));
    }
}

// ---- InspectorView

InspectorView::InspectorView(IndexSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::Disabled, QPalette::WindowText));
    m_message->setPalette(pal);

    auto *content = new QWidget(this);
    m_title = new QLabel(content);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long id never widens the inspector
    m_delete = new QPushButton(tr("Delete"), content);
    m_delete->setToolTip(tr("Delete this item (undoable)"));

    m_treeModel = new JsonTreeModel(this);
    m_tree = new QTreeView(content);
    m_tree->setModel(m_treeModel);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->setColumnWidth(JsonTreeModel::KeyColumn, 130);
    // As wide as the longest type name in the user's language ("Zeichenkette"),
    // fixed, so that the inspector does not grow with its contents.
    int typeWidth = 70;
    for (const char *type : {"null", "boolean", "number", "string", "array", "object"})
        typeWidth = std::max(typeWidth, m_tree->fontMetrics().horizontalAdvance(JsonTreeModel::tr(type)) + 14);
    m_tree->setColumnWidth(JsonTreeModel::TypeColumn, typeWidth);

    auto *jsonPage = new QWidget(content);
    m_editor = new QPlainTextEdit(jsonPage);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editError = new QLabel(jsonPage);
    m_editError->setWordWrap(true);
    m_editError->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_editError->hide();
    m_apply = new QPushButton(tr("Apply"), jsonPage);
    m_apply->setToolTip(tr("Write the edited metadata to the index (undoable)"));
    m_revert = new QPushButton(tr("Revert"), jsonPage);
    m_apply->setEnabled(false);
    m_revert->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    jsonLayout->addWidget(m_editor, 1);
    jsonLayout->addWidget(m_editError);
    jsonLayout->addLayout(buttons);

    m_tabs = new QTabWidget(content);
    m_tabs->addTab(m_tree, tr("Metadata"));
    m_tabs->addTab(jsonPage, tr("JSON"));

    auto *vectorBox = new QGroupBox(tr("Vector"), content);
    m_stats = new QLabel(vectorBox);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_histogram = new VectorHistogram(vectorBox);
    auto *vectorLayout = new QVBoxLayout(vectorBox);
    vectorLayout->addWidget(m_stats);
    vectorLayout->addWidget(m_histogram, 1);

    auto *neighbourBox = new QGroupBox(tr("Nearest neighbours"), content);
    m_neighbourStatus = new QLabel(neighbourBox);
    m_neighbours = new QTreeWidget(neighbourBox);
    m_neighbours->setRootIsDecorated(false);
    m_neighbours->setColumnCount(2);
    const bool distance = session->schema().metric == Metric::L2;
    m_neighbours->setHeaderLabels({tr("Item"), distance ? tr("Distance") : tr("Similarity")});
    m_neighbours->header()->setStretchLastSection(false);
    m_neighbours->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_neighbours->setToolTip(tr("Click a neighbour to inspect it"));
    auto *neighbourLayout = new QVBoxLayout(neighbourBox);
    neighbourLayout->addWidget(m_neighbourStatus);
    neighbourLayout->addWidget(m_neighbours, 1);

    // One column: the inspector sits beside the views and is narrow.
    auto *split = new QSplitter(Qt::Vertical, content);
    split->addWidget(m_tabs);
    split->addWidget(vectorBox);
    split->addWidget(neighbourBox);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 3);

    m_copy = new QPushButton(tr("Copy"), content);
    m_copy->setObjectName(QStringLiteral("inspectorCopyButton"));
    auto *copyMenu = new QMenu(m_copy);
    copyMenu->setObjectName(QStringLiteral("inspectorCopyMenu"));
    const std::pair<CopyFormat, QString> copies[] = {{CopyFormat::Id, tr("Copy Id")},
                                                     {CopyFormat::JsonLine, tr("Copy as JSON Line")},
                                                     {CopyFormat::Vector, tr("Copy Vector")},
                                                     {CopyFormat::PythonList, tr("Copy as Python List")}};
    for (const auto &[format, title] : copies)
        copyMenu->addAction(title, this,
                            [this, format = format]() { QApplication::clipboard()->setText(copyText(format)); });
    m_copy->setMenu(copyMenu);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex idx = m_tree->indexAt(pos);
        if (!idx.isValid()) return;
        QMenu menu(this);
        menu.addAction(tr("Copy Value"), this, [this, idx]() {
            QApplication::clipboard()->setText(m_treeModel->index(idx.row(), JsonTreeModel::ValueColumn, idx.parent())
                                                   .data(JsonTreeModel::ValueTextRole)
                                                   .toString());
        });
        menu.addAction(tr("Copy Key"), this, [this, idx]() {
            QApplication::clipboard()->setText(
                m_treeModel->index(idx.row(), JsonTreeModel::KeyColumn, idx.parent()).data().toString());
        });
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_copy);
    header->addWidget(m_delete);
    m_filterNote = new QLabel(tr("Not in the current filter: Browse does not list this item."), content);
    m_filterNote->setObjectName(QStringLiteral("filterNote"));
    m_filterNote->setWordWrap(true);
    m_filterNote->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    {
        QPalette np = m_filterNote->palette();
        np.setColor(QPalette::WindowText, np.color(QPalette::Disabled, QPalette::WindowText));
        m_filterNote->setPalette(np);
        QFont italic = m_filterNote->font();
        italic.setItalic(true);
        m_filterNote->setFont(italic);
    }
    m_filterNote->hide();
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(header);
    contentLayout->addWidget(m_filterNote);
    contentLayout->addWidget(split, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_message);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    auto updateAccess = [this]() {
        const bool ro = m_session->isReadOnly();
        const QString why = ro ? tr("The index is open read-only, so items cannot be changed.") : QString();
        m_editor->setReadOnly(ro);
        m_editor->setToolTip(why);
        m_delete->setEnabled(!ro);
        m_delete->setToolTip(ro ? why : tr("Delete this item (undoable)"));
        m_apply->setEnabled(!ro && m_editorDirty);
        m_revert->setEnabled(!ro && m_editorDirty);
        m_apply->setToolTip(ro ? why : tr("Write the edited metadata to the index (undoable)"));
        m_revert->setToolTip(why);
    };
    updateAccess();
    connect(session, &IndexSession::accessChanged, this, updateAccess);

    connect(m_editor, &QPlainTextEdit::textChanged, this, [this]() {
        if (m_settingText) return;
        m_editorDirty = true;
        if (!m_session->isReadOnly()) {
            m_apply->setEnabled(true);
            m_revert->setEnabled(true);
        }
    });
    connect(m_apply, &QPushButton::clicked, this, &InspectorView::applyEdits);
    connect(m_revert, &QPushButton::clicked, this, &InspectorView::revertEdits);
    connect(m_delete, &QPushButton::clicked, this, &InspectorView::deleteItem);
    connect(m_neighbours, &QTreeWidget::itemClicked, this, &InspectorView::onNeighbourClicked);
    connect(session, &IndexSession::currentItemChanged, this, [this]() { load(false); });
    connect(session, &IndexSession::contentChanged, this, [this]() { load(true); });
    connect(session, &IndexSession::writeFailed, this, [this](const QString &message) {
        if (m_item) setEditError(tr("The change was not written: %1").arg(message));
    });
    load(false);
}

QString InspectorView::messageText() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

QString InspectorView::copyText(CopyFormat format) const
{
    if (!m_item) return {};
    switch (format) {
    case CopyFormat::Id: return m_item->id;
    case CopyFormat::JsonLine: return itemAsJsonLine(*m_item);
    case CopyFormat::Vector: return vectorAsJson(m_item->vector);
    case CopyFormat::PythonList: return vectorAsPythonList(m_item->vector);
    }
    return {};
}

bool InspectorView::copyFocused()
{
    QWidget *w = QApplication::focusWidget();
    if (w == m_tree) {
        const QModelIndex idx = m_tree->currentIndex();
        if (!idx.isValid()) return true;
        QApplication::clipboard()->setText(m_treeModel->index(idx.row(), JsonTreeModel::ValueColumn, idx.parent())
                                               .data(JsonTreeModel::ValueTextRole)
                                               .toString());
        return true;
    }
    if (w == m_editor) {
        m_editor->copy();
        return true;
    }
    if (w == m_neighbours) {
        if (QTreeWidgetItem *item = m_neighbours->currentItem())
            QApplication::clipboard()->setText(item->data(0, Qt::UserRole).toString());
        return true;
    }
    if (w == m_copy || w == m_delete || isAncestorOf(w)) {
        QApplication::clipboard()->setText(copyText(CopyFormat::JsonLine));
        return true;
    }
    return false;
}

void InspectorView::showLoading()
{
    if (m_editorDirty) return; // unsaved edits stay on display
    ++m_loadToken;
    m_loadingRow = true;
    m_item.reset();
    showMessage(tr("Loading the selected row…"));
}

void InspectorView::endLoading()
{
    if (!m_loadingRow) return;
    m_loadingRow = false;
    load(false);
}

QString InspectorView::filterNote() const
{
    return m_item && m_item->id == m_filteredOutId ? m_filterNote->text() : QString();
}

void InspectorView::setFilteredOut(const QString &id, bool hidden)
{
    if (hidden)
        m_filteredOutId = id;
    else if (id == m_filteredOutId || id.isEmpty())
        m_filteredOutId.clear();
    m_filterNote->setVisible(m_item && !m_filteredOutId.isEmpty() && m_item->id == m_filteredOutId);
}

QString InspectorView::editError() const { return m_editError->isHidden() ? QString() : m_editError->text(); }

QStringList InspectorView::neighbourIds() const
{
    QStringList ids;
    for (int i = 0; i < m_neighbours->topLevelItemCount(); ++i)
        ids.append(m_neighbours->topLevelItem(i)->data(0, Qt::UserRole).toString());
    return ids;
}

void InspectorView::load(bool keepEdits)
{
    if (m_loadingRow && keepEdits) return; // a content change while a row loads: endLoading() follows
    m_loadingRow = false;
    const QString id = m_session->currentItem();
    const quint64 token = ++m_loadToken;
    if (id.isEmpty()) {
        m_item.reset();
        showMessage(tr("Select an item to inspect it."));
        return;
    }
    if (!keepEdits || !m_item || m_item->id != id) m_editorDirty = false;
    whenResult(this, m_session->run([id](Index &idx) { return idx.get(id, true); }),
               [this, token, id](Result<Item> item) {
                   if (token != m_loadToken) return; // the user moved on, or the content changed again
                   if (!item.ok()) {
                       m_item.reset();
                       showMessage(item.error().code() == ErrorCode::NotFound
                                       ? tr("This item no longer exists.")
                                       : tr("The item could not be read.") + QLatin1Char('\n') +
                                             userMessageText(item.error(), ErrorContext::General));
                       return;
                   }
                   const bool sameItem = m_item && m_item->id == id;
                   showItem(item.takeValue(), sameItem && m_editorDirty);
               });
}

void InspectorView::showMessage(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    ++m_neighbourToken;
}

void InspectorView::showItem(const Item &item, bool keepEdits)
{
    const bool changedItem = !m_item || m_item->id != item.id || m_item->vector != item.vector;
    m_item = item;
    m_title->setText(item.id);
    m_filterNote->setVisible(!m_filteredOutId.isEmpty() && item.id == m_filteredOutId);
    m_treeModel->setJson(item.metadata);
    m_tree->expandToDepth(0);
    if (!keepEdits) {
        m_settingText = true;
        m_editor->setPlainText(QString::fromUtf8(QJsonDocument(item.metadata).toJson(QJsonDocument::Indented)));
        m_settingText = false;
        m_editorDirty = false;
        m_apply->setEnabled(false);
        m_revert->setEnabled(false);
        setEditError({});
    }
    const VectorStats s = computeVectorStats(item.vector);
    const QLocale l;
    m_stats->setText(
        tr("<table cellspacing=4>"
           "<tr><td>Dimensions</td><td align=right>%1</td><td width=24></td><td>Norm</td><td align=right>%2</td></tr>"
           "<tr><td>Minimum</td><td align=right>%3</td><td></td><td>Maximum</td><td align=right>%4</td></tr>"
           "<tr><td>Mean</td><td align=right>%5</td><td></td><td>Standard deviation</td><td align=right>%6</td></tr>"
           "</table>")
            .arg(l.toString(s.dimensions), l.toString(s.norm, 'g', 5), l.toString(s.min, 'g', 5),
                 l.toString(s.max, 'g', 5), l.toString(s.mean, 'g', 5), l.toString(s.stddev, 'g', 5)));
    m_histogram->setValues(item.vector);
    m_stack->setCurrentIndex(1);
    if (changedItem || m_neighbours->topLevelItemCount() == 0) loadNeighbours();
    emit itemLoaded(item.id);
}

void InspectorView::loadNeighbours()
{
    if (!m_item) return;
    const quint64 token = ++m_neighbourToken;
    const QString id = m_item->id;
    m_neighbours->clear();
    m_neighbourStatus->setText(tr("Searching…"));
    QueryRequest request;
    request.likeId = id;
    request.k = 10;
    request.withMetadata = true; // the title and passage name the neighbour
    whenResult(this, m_session->run([request](Index &idx) { return idx.query(request); }),
               [this, token, id](Result<QueryResult> result) {
                   if (token != m_neighbourToken) return;
                   m_neighbours->clear();
                   if (!result.ok()) {
                       m_neighbourStatus->setText(tr("No neighbours.") + QLatin1Char(' ') +
                                                  userMessage(result.error(), ErrorContext::Query).summary());
                       return;
                   }
                   for (const QueryHit &hit : std::as_const(result->hits)) {
                       auto *row =
                           new QTreeWidgetItem(m_neighbours, {itemLabel(hit.id, hit.metadata), formatScore(hit.score)});
                       row->setData(0, Qt::UserRole, hit.id);
                       row->setToolTip(0, hit.id);
                       row->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
                   }
                   m_neighbourStatus->setText(result->hits.isEmpty()
                                                  ? tr("This item has no neighbours.")
                                                  : tr("%1 (%2)").arg(queryStrategyText(result->strategy),
                                                                      formatMilliseconds(result->milliseconds)));
                   emit neighboursLoaded(id);
               });
}

void InspectorView::onNeighbourClicked(QTreeWidgetItem *item)
{
    if (item) m_session->setCurrentItem(item->data(0, Qt::UserRole).toString());
}

QString InspectorView::itemLabel(const QString &id, const QJsonObject &metadata)
{
    // A document's chunk: its title and the start of its passage; the hex
    // id says nothing to a reader (it is the tooltip).
    const QString title = metadata.value(QStringLiteral("title")).toString().simplified();
    QString text = metadata.value(QStringLiteral("text")).toString().simplified();
    if (text.size() > 60) {
        text.truncate(60);
        const qsizetype space = text.lastIndexOf(u' ');
        if (space > 30) text.truncate(space);
        text += QChar(0x2026);
    }
    if (!title.isEmpty() && !text.isEmpty()) return tr("%1 — %2").arg(title, text);
    if (!title.isEmpty()) return title;
    if (!text.isEmpty()) return text;
    return id;
}

void InspectorView::setEditError(const QString &text)
{
    m_editError->setText(text);
    m_editError->setVisible(!text.isEmpty());
}

void InspectorView::applyEdits()
{
    if (!m_item || m_session->isReadOnly()) return;
    const QByteArray text = m_editor->toPlainText().toUtf8();
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError) {
        int line = 1, column = 1;
        const QByteArray before = text.left(err.offset);
        line += int(before.count('\n'));
        column += int(QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size());
        setEditError(tr("Line %1, column %2: %3").arg(line).arg(column).arg(err.errorString()));
        QTextCursor c = m_editor->textCursor();
        c.setPosition(std::min<int>(int(QString::fromUtf8(before).size()), int(m_editor->toPlainText().size())));
        m_editor->setTextCursor(c);
        return;
    }
    if (!doc.isObject()) {
        setEditError(tr("The metadata must be a JSON object: { … }."));
        return;
    }
    const QJsonObject metadata = doc.object();
    // Pure CPU (the schema's checks): fine on the GUI thread.
    if (Error e = m_session->index()->validate(WriteOp::upsert(Item{m_item->id, m_item->vector, metadata}))) {
        setEditError(userMessageText(e, ErrorContext::Write));
        return;
    }
    setEditError({});
    m_editorDirty = false;
    m_apply->setEnabled(false);
    m_revert->setEnabled(false);
    m_session->undoStack()->push(new EditMetadataCommand(m_session, *m_item, metadata));
}

void InspectorView::revertEdits()
{
    if (m_item) showItem(*m_item, false);
}

void InspectorView::deleteItem()
{
    if (!m_item || m_session->isReadOnly()) return;
    m_session->undoStack()->push(new DeleteItemCommand(m_session, *m_item));
}

} // namespace sextant::ui
