#include "IdCompletion.h"

#include "AsyncTask.h"

#include "IndexSession.h"

#include <QAbstractItemView>
#include <QFutureWatcher>
#include <QLineEdit>
#include <QPointer>
#include <QStringListModel>

namespace sextant::ui {

Result<QStringList> idsWithPrefix(const Index &index, const QString &prefix, int limit)
{
    QStringList ids;
    if (limit <= 0) return ids;
    // Ids are in bytewise UTF-8 order: those starting with `prefix` are
    // `prefix` itself and a run right after it.
    if (!prefix.isEmpty() && index.contains(prefix)) ids.append(prefix);
    QString after = prefix;
    const QByteArray utf8 = prefix.toUtf8();
    for (int round = 0; round < 64 && ids.size() < limit; ++round) {
        Result<IdPage> page = index.listIds(after, limit - int(ids.size()));
        if (!page.ok()) return page.error();
        for (const QString &id : std::as_const(page->ids)) {
            if (!id.toUtf8().startsWith(utf8)) return ids; // past the run
            ids.append(id);
        }
        if (page->nextAfter.isEmpty()) break;
        after = page->nextAfter;
    }
    return ids;
}

Result<QString> resolveGoToId(const Index &index, const QString &text)
{
    const QString id = text.trimmed();
    if (id.isEmpty()) return QString();
    if (index.contains(id)) return id;
    Result<QStringList> ids = idsWithPrefix(index, id, 1);
    if (!ids.ok()) return ids.error();
    return ids->isEmpty() ? QString() : ids->first();
}

bool looksLikeBareId(const QString &text)
{
    const QString t = text.trimmed();
    return !t.isEmpty() && !t.startsWith(QLatin1Char('{'));
}

IdCompleter::IdCompleter(IndexSession *session, QLineEdit *edit)
    : QCompleter(edit), m_session(session), m_edit(edit), m_model(new QStringListModel(this))
{
    setModel(m_model);
    setCaseSensitivity(Qt::CaseSensitive);
    setCompletionMode(QCompleter::PopupCompletion);
    setMaxVisibleItems(12);
    setModelSorting(QCompleter::CaseSensitivelySortedModel);
    m_timer.setSingleShot(true);
    m_timer.setInterval(120);
    connect(&m_timer, &QTimer::timeout, this, &IdCompleter::lookUp);
    connect(edit, &QLineEdit::textEdited, this, [this]() { m_timer.start(); });
    edit->setCompleter(this);
}

QStringList IdCompleter::suggestions() const { return m_model->stringList(); }

void IdCompleter::lookUp()
{
    const QString prefix = m_edit->text().trimmed();
    const quint64 serial = ++m_serial;
    if (prefix.isEmpty() || !m_session) {
        m_model->setStringList({});
        emit suggestionsChanged();
        return;
    }
    whenFinished(this, m_session->run([prefix](Index &index) { return idsWithPrefix(index, prefix, kMaxSuggestions); }),
                 [this, serial, prefix](const QFuture<Result<QStringList>> &finished) {
                     if (serial != m_serial || finished.resultCount() == 0) return;
                     const Result<QStringList> ids = finished.result();
                     m_model->setStringList(ids.ok() ? *ids : QStringList());
                     emit suggestionsChanged();
                     // Show the popup for what the user typed (still the same text).
                     if (m_edit->hasFocus() && m_edit->text().trimmed() == prefix && ids.ok() && !ids->isEmpty()) {
                         setCompletionPrefix(prefix);
                         complete();
                     }
                 });
}

} // namespace sextant::ui
