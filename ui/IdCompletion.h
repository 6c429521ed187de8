#pragma once
// Going to an item by id: the ids that start with what the user typed, in
// id order, found on a worker (Index::contains and Index::listIds walk the
// id order from the prefix, so a million items cost a few pages), and a
// completer that fills a line edit's popup with them as the user types.

#include "sextant/Error.h"

#include <QCompleter>
#include <QStringList>
#include <QTimer>

class QLineEdit;
class QStringListModel;

namespace sextant {
class Index;
}

namespace sextant::ui {

class IndexSession;

// The first `limit` ids that start with `prefix` (the prefix itself first
// when it is an id), in id order. Blocking: call it on a worker.
Result<QStringList> idsWithPrefix(const Index &index, const QString &prefix, int limit);

// What "go to" makes of typed text: the id itself when it exists, else the
// first id starting with it; empty when none does. Blocking.
Result<QString> resolveGoToId(const Index &index, const QString &text);

// Text typed in a filter bar that is no filter but an id or the start of
// one: not blank, not starting with '{'.
bool looksLikeBareId(const QString &text);

// Completes ids in `edit` from the session's index; the lookups run on
// workers, debounced, and stale answers are dropped.
class IdCompleter : public QCompleter {
    Q_OBJECT
public:
    static constexpr int kMaxSuggestions = 50;
    IdCompleter(IndexSession *session, QLineEdit *edit);
    // The suggestions on display (for tests).
    QStringList suggestions() const;

signals:
    void suggestionsChanged();

private:
    void lookUp();

    IndexSession *m_session;
    QLineEdit *m_edit;
    QStringListModel *m_model;
    QTimer m_timer;
    quint64 m_serial = 0;
};

} // namespace sextant::ui
