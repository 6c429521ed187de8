#include "ItemCommands.h"

#include "AsyncTask.h"

#include "ErrorText.h"
#include "IndexSession.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QPointer>

namespace sextant::ui {

EditMetadataCommand::EditMetadataCommand(IndexSession *session, Item oldItem, QJsonObject newMetadata)
    : m_session(session), m_old(std::move(oldItem)), m_new(std::move(newMetadata))
{
    setText(QCoreApplication::translate("sextant::ui::ItemCommands", "Edit metadata of %1").arg(m_old.id));
}

void EditMetadataCommand::redo() { m_session->write({WriteOp::upsert(Item{m_old.id, m_old.vector, m_new})}); }

void EditMetadataCommand::undo() { m_session->write({WriteOp::upsert(m_old)}); }

DeleteItemCommand::DeleteItemCommand(IndexSession *session, Item oldItem)
    : m_session(session), m_old(std::move(oldItem))
{
    setText(QCoreApplication::translate("sextant::ui::ItemCommands", "Delete %1").arg(m_old.id));
}

void DeleteItemCommand::redo() { m_session->write({WriteOp::remove(m_old.id)}); }

// Upsert, not insert: restores the item exactly even if the id was reused meanwhile.
void DeleteItemCommand::undo() { m_session->write({WriteOp::upsert(m_old)}); }

DeleteItemsCommand::DeleteItemsCommand(IndexSession *session, QList<Item> oldItems)
    : m_session(session), m_old(std::move(oldItems))
{
    setText(QCoreApplication::translate("sextant::ui::ItemCommands", "Delete %n item(s)", nullptr, int(m_old.size())));
}

void DeleteItemsCommand::redo()
{
    QList<WriteOp> ops;
    ops.reserve(m_old.size());
    for (const Item &item : std::as_const(m_old))
        ops.append(WriteOp::remove(item.id));
    m_session->write(ops);
}

void DeleteItemsCommand::undo()
{
    QList<WriteOp> ops;
    ops.reserve(m_old.size());
    for (const Item &item : std::as_const(m_old))
        ops.append(WriteOp::upsert(item));
    m_session->write(ops);
}

void deleteItemsUndoably(IndexSession *session, const QStringList &ids)
{
    if (ids.size() == 1) {
        deleteItemUndoably(session, ids.first());
        return;
    }
    if (!session || session->isReadOnly() || ids.isEmpty()) return;
    QPointer<IndexSession> guard(session);
    whenFinished(session, session->run([ids](Index &idx) {
        QList<Item> items;
        for (const QString &id : ids) {
            Result<Item> item = idx.get(id, true);
            if (item.ok()) items.append(item.takeValue());
        }
        return items;
    }),
                 [guard](const QFuture<QList<Item>> &finished) {
                     if (!guard || finished.resultCount() == 0) return;
                     QList<Item> items = finished.result();
                     if (items.isEmpty()) return;
                     guard->undoStack()->push(new DeleteItemsCommand(guard, std::move(items)));
                 });
}

void deleteItemUndoably(IndexSession *session, const QString &id)
{
    if (!session || session->isReadOnly() || id.isEmpty()) return;
    QPointer<IndexSession> guard(session);
    whenFinished(session, session->run([id](Index &idx) { return idx.get(id, true); }),
                 [guard](const QFuture<Result<Item>> &finished) {
                     if (!guard || finished.resultCount() == 0) return;
                     Result<Item> item = finished.result();
                     if (!item.ok()) {
                         emit guard->writeFailed(userMessageText(item.error(), ErrorContext::Write));
                         return;
                     }
                     guard->undoStack()->push(new DeleteItemCommand(guard, item.takeValue()));
                 });
}

} // namespace sextant::ui
