#pragma once
// Edit ▸ Go to Id… (Ctrl+G): an id, or the start of one, with completion
// from the index (IdCompletion.h). Accepting looks the text up on a worker:
// the item with that id, else the first whose id starts with it.

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace sextant::ui {

class IdCompleter;
class IndexSession;

class GoToIdDialog : public QDialog {
    Q_OBJECT
public:
    explicit GoToIdDialog(IndexSession *session, QWidget *parent = nullptr);

    QLineEdit *idEdit() const { return m_edit; }
    IdCompleter *completer() const { return m_completer; }
    // The id found once the dialog was accepted.
    QString resolvedId() const { return m_resolved; }
    QString errorText() const;

public slots:
    // Looks the text up; accepts when it names or starts an id.
    void accept() override;

private:
    IndexSession *m_session;
    QLineEdit *m_edit;
    IdCompleter *m_completer;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QString m_resolved;
    quint64 m_serial = 0;
};

} // namespace sextant::ui
