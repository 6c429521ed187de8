#include "BrowseView.h"

#include "Format.h"
#include "IndexSession.h"
#include "ItemCommands.h"
#include "ItemTableModel.h"
#include "index/Filter.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace sextant::ui {

// ---- SparklineDelegate

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, QModelIndex()); // background and selection only
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QVector<float> bins = index.data(ItemTableModel::SparklineRole).value<QVector<float>>();
    if (bins.size() < 1) return;
    float lo = bins.first(), hi = bins.first();
    for (float b : bins) lo = std::min(lo, b), hi = std::max(hi, b);
    const QRectF r = QRectF(option.rect).adjusted(4, 3, -4, -3);
    const float span = hi - lo > 1e-12f ? hi - lo : 1.f;
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // The zero line, when zero is inside the range.
    if (lo < 0 && hi > 0) {
        const qreal y0 = r.bottom() - qreal((0 - lo) / span) * r.height();
        QColor c = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        c.setAlphaF(0.25f);
        painter->setPen(QPen(c, 1));
        painter->drawLine(QPointF(r.left(), y0), QPointF(r.right(), y0));
    }
    QPainterPath path;
    const int n = int(bins.size());
    for (int i = 0; i < n; ++i) {
        const qreal x = n == 1 ? r.center().x() : r.left() + r.width() * i / (n - 1);
        const qreal y = r.bottom() - qreal((bins[i] - lo) / span) * r.height();
        if (i == 0) path.moveTo(x, y);
        else path.lineTo(x, y);
    }
    painter->setPen(QPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight), 1.2));
    painter->drawPath(path);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return QSize(120, QStyledItemDelegate::sizeHint(option, index).height());
}

// ---- filter errors

FilterErrorPosition filterErrorPosition(const QString &message, const QByteArray &utf8Text)
{
    static const QRegularExpression re(QStringLiteral("at character (\\d+) \\(line (\\d+), column (\\d+)\\)"));
    const QRegularExpressionMatch m = re.match(message);
    FilterErrorPosition pos;
    if (!m.hasMatch()) return pos;
    const qsizetype byteOffset = std::min<qsizetype>(m.captured(1).toLongLong(), utf8Text.size());
    pos.offset = int(QString::fromUtf8(utf8Text.left(byteOffset)).size()); // bytes -> QString positions
    pos.line = m.captured(2).toInt();
    pos.column = m.captured(3).toInt();
    return pos;
}

// ---- BrowseView

BrowseView::BrowseView(IndexSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new ItemTableModel(session, this))
{
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setPlaceholderText(tr("Filter, e.g. {\"colour\": \"red\", \"n\": {\"$gt\": 5}} (Enter to apply)"));
    m_filterEdit->setToolTip(tr("A metadata filter in the filter language. Applied on Enter or after a short pause."));
    m_countLabel = new QLabel(this);
    m_countLabel->setMinimumWidth(160);
    m_countLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setTextFormat(Qt::RichText);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights: nothing measures a million rows.
    QHeaderView *vh = m_table->verticalHeader();
    vh->setSectionResizeMode(QHeaderView::Fixed);
    vh->setDefaultSectionSize(fontMetrics().height() + 8);
    vh->setHighlightSections(false);
    vh->hide();
    QHeaderView *hh = m_table->horizontalHeader();
    hh->setSectionResizeMode(QHeaderView::Interactive);
    hh->setStretchLastSection(true); // the sparkline takes the spare width
    hh->setHighlightSections(false);
    m_table->setItemDelegateForColumn(m_model->sparklineColumn(), new SparklineDelegate(m_table));
    auto sizeColumns = [this]() {
        m_table->setItemDelegateForColumn(m_model->sparklineColumn(), new SparklineDelegate(m_table));
        const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
        m_table->setColumnWidth(m_model->idColumn(), 11 * em);
        for (int c = 1; c < m_model->normColumn(); ++c) m_table->setColumnWidth(c, 10 * em);
        m_table->setColumnWidth(m_model->normColumn(), 6 * em);
        m_table->setColumnWidth(m_model->sparklineColumn(), 9 * em);
    };
    sizeColumns();
    connect(m_model, &QAbstractItemModel::columnsInserted, this, [this, sizeColumns]() {
        // Delegates follow columns by number: the sparkline column moved.
        for (int c = 0; c < m_model->columnCount(); ++c) m_table->setItemDelegateForColumn(c, nullptr);
        sizeColumns();
    });

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setMargin(24);
    QPalette pal = m_emptyLabel->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::Disabled, QPalette::WindowText));
    m_emptyLabel->setPalette(pal);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_emptyLabel);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_countLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_stack, 1);

    m_applyTimer.setSingleShot(true);
    m_applyTimer.setInterval(600);
    connect(&m_applyTimer, &QTimer::timeout, this, &BrowseView::applyFilter);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this]() {
        validateFilter();
        m_applyTimer.start();
    });
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &BrowseView::applyFilter);

    connect(m_model, &ItemTableModel::countChanged, this, &BrowseView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &BrowseView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &BrowseView::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &BrowseView::updateCount);
    connect(m_session, &IndexSession::statsChanged, this, &BrowseView::updateCount);
    connect(m_model, &ItemTableModel::scanFailed, this, [this](const QString &message) {
        m_errorLabel->setText(tr("Could not list the items: %1").arg(message.toHtmlEscaped()));
        m_errorLabel->show();
    });

    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, &BrowseView::updateViewport);
    connect(m_table->verticalScrollBar(), &QScrollBar::rangeChanged, this, &BrowseView::updateViewport);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentRowChanged(current); });
    connect(m_model, &ItemTableModel::rowsLoaded, this, [this](int first, int last) {
        if (m_waitingRow >= first && m_waitingRow <= last) onCurrentRowChanged(m_model->index(m_waitingRow, 0));
    });
    connect(m_session, &IndexSession::currentItemChanged, this, &BrowseView::onSessionCurrentItemChanged);
    connect(m_model, &ItemTableModel::rowLocated, this, &BrowseView::onRowLocated);
    // The rows moved or filled in: find the current item again.
    connect(m_model, &ItemTableModel::mapReplaced, this, [this]() { m_model->locate(m_session->currentItem()); });
    connect(m_model, &ItemTableModel::countChanged, this, [this]() {
        if (!m_model->isCounting() && !m_session->currentItem().isEmpty() && !m_table->selectionModel()->hasSelection())
            m_model->locate(m_session->currentItem());
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, &BrowseView::showContextMenu);
    updateCount();
}

QString BrowseView::countText() const { return m_countLabel->text(); }

QString BrowseView::emptyStateText() const
{
    return m_stack->currentWidget() == m_emptyLabel ? m_emptyLabel->text() : QString();
}

void BrowseView::setFilterText(const QString &text)
{
    m_filterEdit->setText(text);
    applyFilter();
}

void BrowseView::validateFilter()
{
    const QString text = m_filterEdit->text();
    const QByteArray utf8 = text.toUtf8();
    Result<Filter> parsed = Filter::parse(utf8); // pure CPU on bounded input: fine here
    if (parsed.ok()) {
        m_filterError.clear();
        m_errorLabel->hide();
        m_filterEdit->setStyleSheet(QString());
        return;
    }
    m_filterError = parsed.error().message();
    const FilterErrorPosition pos = filterErrorPosition(m_filterError, utf8);
    QString sentence = m_filterError;
    if (sentence.startsWith(QLatin1String("Filter: "))) sentence = sentence.mid(8);
    if (pos.offset >= 0) // the position is shown apart
        sentence.remove(QRegularExpression(QStringLiteral(" at character \\d+ \\(line \\d+, column \\d+\\)")));
    QString html = QStringLiteral("<span style=\"color:#c0392b\">%1</span>").arg(sentence.toHtmlEscaped());
    if (pos.offset >= 0) {
        // The text around the offending character, with that character marked.
        const int from = std::max(0, pos.offset - 40);
        const QString before = text.mid(from, pos.offset - from);
        const QString at = pos.offset < text.size() ? text.mid(pos.offset, 1) : QStringLiteral(" ");
        const QString after = text.mid(pos.offset + 1, 40);
        html = tr("<b>Line %1, column %2:</b> %3").arg(pos.line).arg(pos.column).arg(html);
        html += QStringLiteral("<br><code>%1%2<span style=\"background:#e74c3c;color:white\">%3</span>%4</code>")
                    .arg(from > 0 ? QStringLiteral("…") : QString(), before.toHtmlEscaped(), at.toHtmlEscaped(),
                         after.toHtmlEscaped());
    }
    m_errorLabel->setText(html);
    m_errorLabel->show();
    m_filterEdit->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #c0392b; }"));
}

void BrowseView::applyFilter()
{
    m_applyTimer.stop();
    validateFilter();
    if (!m_filterError.isEmpty()) return; // the rows stay as they are
    m_model->setFilter(m_filterEdit->text().toUtf8());
    updateCount();
}

void BrowseView::updateCount()
{
    const qint64 rows = m_model->rowCount();
    const bool filtered = !m_model->filter().isEmpty();
    QString text;
    if (m_model->isCounting()) {
        text = rows > 0 ? tr("counting… %1 so far").arg(formatCount(rows)) : tr("counting…");
    } else if (filtered) {
        const qint64 total = m_session->hasStats() ? m_session->stats().items : -1;
        text = total >= 0 ? tr("%1 of %Ln item(s)", nullptr, int(std::min<qint64>(total, INT_MAX))).arg(formatCount(rows))
                          : tr("%Ln item(s) match", nullptr, int(std::min<qint64>(rows, INT_MAX)));
    } else {
        text = tr("%Ln item(s)", nullptr, int(std::min<qint64>(rows, INT_MAX)));
    }
    m_countLabel->setText(text);

    if (!m_model->isCounting() && rows == 0 && m_model->scanError().isEmpty()) {
        m_emptyLabel->setText(filtered ? tr("No items match this filter.")
                                       : tr("This index has no items yet. Drop vectors or documents here, or insert "
                                            "with sextant-cli."));
        m_stack->setCurrentWidget(m_emptyLabel);
    } else {
        m_stack->setCurrentWidget(m_table);
    }
}

void BrowseView::updateViewport()
{
    const int first = m_table->rowAt(0);
    int last = m_table->rowAt(m_table->viewport()->height() - 1);
    if (last < 0) last = m_model->rowCount() - 1;
    if (first >= 0) m_model->setViewport(first, last);
}

void BrowseView::onCurrentRowChanged(const QModelIndex &current)
{
    if (m_selecting || !current.isValid()) return;
    const QString id = m_model->idAt(current.row());
    if (id.isEmpty()) {
        m_waitingRow = current.row(); // set it when its page arrives
        return;
    }
    m_waitingRow = -1;
    m_selecting = true;
    m_session->setCurrentItem(id);
    m_selecting = false;
}

void BrowseView::onSessionCurrentItemChanged(const QString &id)
{
    if (m_selecting) return;
    m_waitingRow = -1;
    if (id.isEmpty()) {
        m_selecting = true;
        m_table->selectionModel()->clear();
        m_selecting = false;
        return;
    }
    const int row = m_model->loadedRowOf(id);
    if (row >= 0) selectRow(row);
    else m_model->locate(id); // answered by rowLocated
}

void BrowseView::onRowLocated(const QString &id, int row)
{
    if (id != m_session->currentItem()) return; // the user moved on
    if (row >= 0) {
        const QModelIndex cur = m_table->selectionModel()->currentIndex();
        if (!cur.isValid() || cur.row() != row || !m_table->selectionModel()->isRowSelected(row, {})) selectRow(row);
    } else {
        m_selecting = true;
        m_table->selectionModel()->clear();
        m_selecting = false;
    }
}

void BrowseView::selectRow(int row)
{
    m_selecting = true;
    const QModelIndex idx = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    // A row chosen elsewhere (map, query, neighbours) comes to the middle,
    // unless it is wholly in view already.
    const QRect rect = m_table->visualRect(idx);
    if (!m_table->viewport()->rect().contains(rect.adjusted(0, 0, -rect.width() + 1, 0)))
        m_table->scrollTo(idx, QAbstractItemView::PositionAtCenter);
    m_selecting = false;
}

void BrowseView::showContextMenu(const QPoint &pos)
{
    const QModelIndex idx = m_table->indexAt(pos);
    if (!idx.isValid()) return;
    const QString id = m_model->idAt(idx.row());
    if (id.isEmpty()) return; // not loaded yet
    QMenu menu(this);
    menu.addAction(tr("Copy id"), this, [id]() { QApplication::clipboard()->setText(id); });
    menu.addAction(tr("Find similar"), this, [this, id]() { emit findSimilarRequested(id); });
    menu.addSeparator();
    QAction *del = menu.addAction(tr("Delete"), this, [this, id]() { deleteItemUndoably(m_session, id); });
    if (m_session->isReadOnly()) {
        del->setEnabled(false);
        del->setToolTip(tr("The index is open read-only."));
    }
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

} // namespace sextant::ui
