#include "ItemCommands.h"

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

void EditMetadataCommand::redo()
{
    m_session->write({WriteOp::upsert(Item{m_old.id, m_old.vector, m_new})});
}

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
    QList<WriteOp> batch;
    for (const Item &item : m_old) batch.append(WriteOp::remove(item.id));
    m_session->write(batch);
}

void DeleteItemsCommand::undo()
{
    QList<WriteOp> batch;
    for (const Item &item : m_old) batch.append(WriteOp::upsert(item));
    m_session->write(batch);
}

void deleteItemUndoably(IndexSession *session, const QString &id)
{
    if (!session || session->isReadOnly() || id.isEmpty()) return;
    QPointer<IndexSession> guard(session);
    auto *watcher = new QFutureWatcher<Result<Item>>(session);
    QObject::connect(watcher, &QFutureWatcher<Result<Item>>::finished, session, [guard, watcher]() {
        watcher->deleteLater();
        if (!guard || watcher->future().resultCount() == 0) return;
        Result<Item> item = watcher->future().result();
        if (!item.ok()) {
            emit guard->writeFailed(userMessageText(item.error(), ErrorContext::Write));
            return;
        }
        guard->undoStack()->push(new DeleteItemCommand(guard, item.takeValue()));
    });
    watcher->setFuture(session->run([id](Index &idx) { return idx.get(id, true); }));
}

} // namespace sextant::ui
