#include "BrowseView.h"

#include "AsyncTask.h"

#include "CopyFormats.h"
#include "ErrorText.h"
#include "FilterEdit.h"
#include "Format.h"
#include "IdCompletion.h"
#include "IndexSession.h"
#include "ItemCommands.h"
#include "ItemTableModel.h"
#include "sextant/Filter.h"

#include <QApplication>
#include <QClipboard>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <memory>

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
    for (float b : bins)
        lo = std::min(lo, b), hi = std::max(hi, b);
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
        if (i == 0)
            path.moveTo(x, y);
        else
            path.lineTo(x, y);
    }
    // A pen of one pixel: the raster engine draws it with its cosmetic
    // stroker. A wider one (it was 1.2) is turned into a polygon and filled
    // with antialiasing, which cost two thirds of a repaint of the table
    // (about 13 of 20 ms a paint in sextant-bench gui, see docs/gui-browse.md).
    painter->setPen(QPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight), 1));
    painter->drawPath(path);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return QSize(120, QStyledItemDelegate::sizeHint(option, index).height());
}

// ---- filter errors

FilterErrorPosition filterErrorPosition(const Error &error, const QByteArray &utf8Text)
{
    FilterErrorPosition pos;
    if (error.offset() < 0) return pos;
    const qsizetype byteOffset = std::min<qsizetype>(error.offset(), utf8Text.size());
    pos.offset = int(QString::fromUtf8(utf8Text.left(byteOffset)).size()); // bytes -> QString positions
    pos.line = int(error.line());
    pos.column = int(error.column());
    return pos;
}

// ---- BrowseView

BrowseView::BrowseView(IndexSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new ItemTableModel(session, this))
{
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setToolTip(tr("A metadata filter in the filter language. Applied on Enter or after a short pause."));
    m_countLabel = new QLabel(this);
    m_countLabel->setMinimumWidth(160);
    m_countLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setTextFormat(Qt::RichText);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();
    m_noteLabel = new QLabel(this);
    m_noteLabel->setObjectName(QStringLiteral("filterNote"));
    m_noteLabel->setWordWrap(true);
    m_noteLabel->hide();
    m_fieldTypes = declaredFieldTypes(session->schema());
    m_filterEdit->setPlaceholderText(
        tr("Filter, e.g. {\"colour\": \"red\", \"n\": {\"$gt\": 5}}, or an id to go to (Enter to apply)"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("browseTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows for copy and delete (Shift and Ctrl as everywhere).
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->installEventFilter(this);
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
    // A click on a header sorts by that column (again: the other way); the
    // ordering is built on a worker (ItemTableModel::setSort).
    hh->setSectionsClickable(true);
    hh->setSortIndicatorShown(true);
    hh->setSortIndicator(m_model->idColumn(), Qt::AscendingOrder);
    connect(hh, &QHeaderView::sectionClicked, this, [this](int column) {
        if (column == m_model->sparklineColumn()) return;
        const int current = m_model->sortColumn() < 0 ? m_model->idColumn() : m_model->sortColumn();
        const Qt::SortOrder order = current == column && m_model->sortSpec().order == Qt::AscendingOrder
                                        ? Qt::DescendingOrder
                                        : Qt::AscendingOrder;
        m_model->sort(column, order);
        updateSortIndicator();
    });
    connect(m_model, &ItemTableModel::sortStateChanged, this, [this]() {
        updateSortIndicator();
        updateCount();
    });
    m_table->setItemDelegateForColumn(m_model->sparklineColumn(), new SparklineDelegate(m_table));
    auto sizeColumns = [this]() {
        m_table->setItemDelegateForColumn(m_model->sparklineColumn(), new SparklineDelegate(m_table));
        const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
        m_table->setColumnWidth(m_model->idColumn(), 11 * em);
        const QStringList fields = m_model->fieldColumns();
        for (int c = 1; c < m_model->normColumn(); ++c) {
            const QString f = fields.value(c - 1);
            m_table->setColumnWidth(c, f == QLatin1String("text")    ? 28 * em
                                       : f == QLatin1String("title") ? 14 * em
                                                                     : 10 * em);
        }
        m_table->setColumnWidth(m_model->normColumn(), 6 * em);
        m_table->setColumnWidth(m_model->sparklineColumn(), 9 * em);
        // Items made from documents: title and passage first, the hex id
        // after the fields.
        QHeaderView *header = m_table->horizontalHeader();
        if (m_session->schema().fields.isEmpty() &&
            (fields.contains(QLatin1String("title")) || fields.contains(QLatin1String("text")))) {
            const int to =
                header->visualIndex(m_model->normColumn()) -
                (header->visualIndex(m_model->idColumn()) < header->visualIndex(m_model->normColumn()) ? 1 : 0);
            header->moveSection(header->visualIndex(m_model->idColumn()), to);
        }
    };
    sizeColumns();
    connect(m_model, &QAbstractItemModel::columnsInserted, this, [this, sizeColumns]() {
        // Delegates follow columns by number: the sparkline column moved.
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_table->setItemDelegateForColumn(c, nullptr);
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
    layout->addWidget(m_noteLabel);
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
        // The types the fields hold, for the filter's notes.
        const int before = int(m_fieldTypes.size());
        for (int r = first; r <= last && r < first + 64; ++r)
            observeFieldTypes(m_model->metadataAt(r), &m_fieldTypes);
        if (m_fieldTypes.size() != before) updateFilterNote();
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

QString BrowseView::filterNoteText() const { return m_noteLabel->isHidden() ? QString() : m_noteLabel->text(); }

void BrowseView::updateFilterNote()
{
    const QStringList notes = filterTypeNotes(m_model->filter(), m_fieldTypes);
    m_noteLabel->setText(notes.join(QLatin1Char('\n')));
    m_noteLabel->setVisible(!notes.isEmpty());
    updateCount();
}

bool BrowseView::eventFilter(QObject *watched, QEvent *event)
{
    // Home and End go to the first and last row, as Ctrl+Home and Ctrl+End
    // do (the table's own Home moves to the first column).
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Home || key->key() == Qt::Key_End) && !(key->modifiers() & Qt::ControlModifier)) {
            QKeyEvent withCtrl(QEvent::KeyPress, key->key(), key->modifiers() | Qt::ControlModifier, key->text(),
                               key->isAutoRepeat(), ushort(key->count()));
            QCoreApplication::sendEvent(m_table, &withCtrl);
            return true;
        }
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier && !m_session->isReadOnly()) {
            const QStringList ids = selectedIds();
            if (!ids.isEmpty()) deleteItemsUndoably(m_session, ids);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QStringList BrowseView::selectedIds(int *skipped) const
{
    QList<int> rows;
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection()) {
        for (int r = range.top(); r <= range.bottom() && rows.size() < kMaxCopyRows; ++r)
            rows.append(r);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QStringList ids;
    int missing = 0;
    for (int r : rows) {
        const QString id = m_model->idAt(r);
        if (id.isEmpty())
            ++missing;
        else
            ids.append(id);
    }
    if (skipped) *skipped = missing;
    return ids;
}

void BrowseView::copySelection(CopyFormat format)
{
    int skipped = 0;
    const QStringList ids = selectedIds(&skipped);
    if (ids.isEmpty()) return;
    if (format == CopyFormat::Ids) {
        const QString text = ids.join(QLatin1Char('\n'));
        QApplication::clipboard()->setText(text);
        emit copied(int(ids.size()), text);
        return;
    }
    // The vectors are read on a worker; the clipboard is set when they come.
    const int count = int(ids.size());
    whenFinished(this, m_session->run([ids, format](Index &index) {
        QStringList lines;
        for (const QString &id : ids) {
            Result<Item> item = index.get(id, format != CopyFormat::Ids);
            if (!item.ok()) continue; // deleted meanwhile
            switch (format) {
            case CopyFormat::JsonLines: lines << itemAsJsonLine(*item); break;
            case CopyFormat::Vector: lines << vectorAsJson(item->vector); break;
            case CopyFormat::PythonList: lines << vectorAsPythonList(item->vector); break;
            case CopyFormat::Ids: lines << item->id; break;
            }
        }
        QString text = lines.join(QLatin1Char('\n'));
        if (format == CopyFormat::JsonLines && !text.isEmpty()) text += QLatin1Char('\n');
        if (format == CopyFormat::PythonList && lines.size() > 1)
            text = QLatin1Char('[') + lines.join(QStringLiteral(",\n ")) + QLatin1Char(']');
        return text;
    }),
                 [this, count](const QFuture<QString> &finished) {
                     const QString text = finished.result();
                     QApplication::clipboard()->setText(text);
                     emit copied(count, text);
                 });
}

void BrowseView::goToId(const QString &typed)
{
    const QString text = typed.trimmed();
    if (text.isEmpty()) return;
    const quint64 serial = ++m_goToSerial;
    whenFinished(this, m_session->run([text](Index &index) { return resolveGoToId(index, text); }),
                 [this, serial, text](const QFuture<Result<QString>> &finished) {
                     if (serial != m_goToSerial) return;
                     const Result<QString> found = finished.result();
                     if (!found.ok() || found->isEmpty()) {
                         m_errorLabel->setText(
                             found.ok()
                                 ? tr("No item has the id \"%1\", and no id starts with it.").arg(text.toHtmlEscaped())
                                 : userMessageText(found.error()).toHtmlEscaped());
                         m_errorLabel->show();
                         emit wentToId(text, QString());
                         return;
                     }
                     const QString id = *found;
                     // A filter that hides the item gives way: the user asked for it.
                     if (!m_model->filter().isEmpty()) {
                         m_model->setFilter({});
                         updateFilterNote();
                     }
                     m_errorLabel->hide();
                     m_table->setFocus();
                     if (m_session->currentItem() == id)
                         m_model->locate(id);
                     else
                         m_session->setCurrentItem(id);
                     emit wentToId(text, id);
                 });
}

void BrowseView::validateFilter()
{
    const QString text = m_filterEdit->text();
    if (looksLikeBareId(text)) {
        // Not a filter but an id (or its start): Enter goes there.
        m_filterError = {};
        m_errorLabel->setText(
            tr("Enter goes to the item whose id is or starts with \"%1\".").arg(text.trimmed().toHtmlEscaped()));
        m_errorLabel->show();
        m_filterEdit->setStyleSheet(QString());
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    FilterSyntax why;
    Result<Filter> parsed = Filter::parse(utf8, &why); // pure CPU on bounded input: fine here
    if (parsed.ok()) {
        m_filterError = {};
        m_errorLabel->hide();
        m_filterEdit->setStyleSheet(QString());
        return;
    }
    m_filterError = parsed.error();
    const FilterErrorPosition pos = filterErrorPosition(m_filterError, utf8);
    // The position is shown apart; the words in the user's language.
    const QString problem = FilterEdit::translatedProblem(why);
    const QString expected = FilterEdit::translatedExpected(why);
    const QString sentence = expected.isEmpty() ? problem : tr("%1; expected %2").arg(problem, expected);
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
    if (!m_filterError.ok()) return; // the rows stay as they are
    if (looksLikeBareId(m_filterEdit->text())) {
        // Only Enter goes (not the pause after typing): typing "item-1"
        // on the way to "item-123" must not jump around.
        if (sender() != &m_applyTimer) goToId(m_filterEdit->text());
        return;
    }
    m_model->setFilter(m_filterEdit->text().toUtf8());
    updateFilterNote();
    updateCount();
}

void BrowseView::updateSortIndicator()
{
    QHeaderView *hh = m_table->horizontalHeader();
    const int column = m_model->sortColumn();
    hh->setSortIndicator(column < 0 ? m_model->idColumn() : column,
                         column < 0 ? Qt::AscendingOrder : m_model->sortSpec().order);
}

void BrowseView::updateCount()
{
    const qint64 rows = m_model->rowCount();
    const bool filtered = !m_model->filter().isEmpty();
    QString text;
    if (m_model->isSorting()) {
        text = tr("sorting…");
    } else if (m_model->isCounting()) {
        text = rows > 0 ? tr("counting… %1 so far").arg(formatCount(rows)) : tr("counting…");
    } else if (filtered) {
        const qint64 total = m_session->hasStats() ? m_session->stats().items : -1;
        text = total >= 0
                   ? tr("%1 of %Ln item(s)", nullptr, int(std::min<qint64>(total, INT_MAX))).arg(formatCount(rows))
                   : tr("%Ln item(s) match", nullptr, int(std::min<qint64>(rows, INT_MAX)));
    } else {
        text = tr("%Ln item(s)", nullptr, int(std::min<qint64>(rows, INT_MAX)));
    }
    if (!m_model->isSorting() && m_model->sortSpec().key != ItemTableModel::SortKey::None &&
        m_model->lastSortMilliseconds() >= 0)
        text = tr("%1 · sorted in %2").arg(text, formatMilliseconds(m_model->lastSortMilliseconds()));
    m_countLabel->setText(text);

    if (!m_model->isCounting() && !m_model->isSorting() && rows == 0 && m_model->scanError().isEmpty()) {
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
        emit currentRowLoading();     // meanwhile the inspector shows no older item
        return;
    }
    const bool wasWaiting = m_waitingRow >= 0;
    m_waitingRow = -1;
    m_selecting = true;
    m_session->setCurrentItem(id);
    m_selecting = false;
    if (wasWaiting) emit currentRowLoaded();
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
    if (row >= 0)
        selectRow(row);
    else
        m_model->locate(id); // answered by rowLocated
}

void BrowseView::onRowLocated(const QString &id, int row)
{
    if (id != m_session->currentItem()) return; // the user moved on
    emit currentItemFilteredOut(id, row < 0 && !m_model->filter().isEmpty());
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
    // A right-click outside the selection selects that row alone.
    if (!m_table->selectionModel()->isRowSelected(idx.row(), {}))
        m_table->selectionModel()->setCurrentIndex(idx,
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    std::unique_ptr<QMenu> menu(contextMenu());
    if (menu) menu->exec(m_table->viewport()->mapToGlobal(pos));
}

QMenu *BrowseView::contextMenu()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty()) return nullptr; // not loaded yet
    const int n = int(ids.size());
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("browseContextMenu"));
    menu->addAction(tr("Copy Id(s)", nullptr, n), this, [this]() { copySelection(CopyFormat::Ids); });
    menu->addAction(tr("Copy as JSON Lines"), this, [this]() { copySelection(CopyFormat::JsonLines); })
        ->setShortcut(QKeySequence::Copy);
    menu->addAction(tr("Copy Vector(s)", nullptr, n), this, [this]() { copySelection(CopyFormat::Vector); });
    menu->addAction(tr("Copy as Python List"), this, [this]() { copySelection(CopyFormat::PythonList); });
    menu->addSeparator();
    QAction *similar =
        menu->addAction(tr("Find Similar"), this, [this, ids]() { emit findSimilarRequested(ids.first()); });
    similar->setEnabled(n == 1);
    menu->addSeparator();
    QAction *del = menu->addAction(tr("Delete %n Item(s)", nullptr, n), this,
                                   [this, ids]() { deleteItemsUndoably(m_session, ids); });
    del->setShortcut(QKeySequence::Delete);
    if (m_session->isReadOnly()) {
        del->setEnabled(false);
        del->setToolTip(tr("The index is open read-only."));
    }
    return menu;
}

} // namespace sextant::ui
