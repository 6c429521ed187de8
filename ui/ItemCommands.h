#pragma once
// The undoable changes to one item, shared by the inspector and the browse
// view's context menu. Each goes through IndexSession::write (the engine's
// write queue); undo restores the old item exactly, vector and metadata.

#include "sextant/Item.h"

#include <QUndoCommand>

namespace sextant::ui {

class IndexSession;

// Replaces an item's metadata, keeping its vector.
class EditMetadataCommand : public QUndoCommand {
public:
    EditMetadataCommand(IndexSession *session, Item oldItem, QJsonObject newMetadata);
    void undo() override;
    void redo() override;

private:
    IndexSession *m_session;
    Item m_old;
    QJsonObject m_new;
};

// Deletes an item; undo puts it back as it was.
class DeleteItemCommand : public QUndoCommand {
public:
    DeleteItemCommand(IndexSession *session, Item oldItem);
    void undo() override;
    void redo() override;

private:
    IndexSession *m_session;
    Item m_old;
};

// Deletes several items in one write; undo puts them all back as they were.
class DeleteItemsCommand : public QUndoCommand {
public:
    DeleteItemsCommand(IndexSession *session, QList<Item> oldItems);
    void undo() override;
    void redo() override;

private:
    IndexSession *m_session;
    QList<Item> m_old;
};

// The same for several ids (Browse's multi-row selection): one undoable
// command. Ids already gone are left out.
void deleteItemsUndoably(IndexSession *session, const QStringList &ids);

// Reads the item (with its vector) on a worker, then pushes a
// DeleteItemCommand on the session's undo stack. Does nothing on a
// read-only session or when the item is gone; failures reach
// IndexSession::writeFailed.
void deleteItemUndoably(IndexSession *session, const QString &id);

} // namespace sextant::ui
