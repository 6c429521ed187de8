#include "GoToIdDialog.h"

#include "AsyncTask.h"

#include "ErrorText.h"
#include "IdCompletion.h"
#include "IndexSession.h"

#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sextant::ui {

GoToIdDialog::GoToIdDialog(IndexSession *session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Go to Id"));
    auto *label = new QLabel(tr("Id of an item, or the start of one:"), this);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("goToIdEdit"));
    m_edit->setPlaceholderText(tr("e.g. item-0042"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMinimumWidth(m_edit->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 28);
    label->setBuddy(m_edit);
    m_completer = new IdCompleter(session, m_edit);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("goToIdError"));
    m_error->setWordWrap(true);
    QPalette p = m_error->palette();
    p.setColor(QPalette::WindowText,
               p.color(QPalette::Window).lightness() < 128 ? QColor(255, 130, 130) : QColor(180, 0, 0));
    m_error->setPalette(p);
    m_error->setMinimumHeight(2 * fontMetrics().lineSpacing());
    m_error->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Go"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &GoToIdDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_error->clear();
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
}

QString GoToIdDialog::errorText() const { return m_error->text(); }

void GoToIdDialog::accept()
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty()) return;
    const quint64 serial = ++m_serial;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    whenFinished(this, m_session->run([text](Index &index) { return resolveGoToId(index, text); }),
                 [this, serial, text](const QFuture<Result<QString>> &finished) {
                     if (serial != m_serial) return;
                     m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
                     const Result<QString> found = finished.result();
                     if (!found.ok()) {
                         m_error->setText(userMessageText(found.error(), ErrorContext::General));
                         return;
                     }
                     if (found->isEmpty()) {
                         m_error->setText(tr("No item has the id \"%1\", and no id starts with it.").arg(text));
                         return;
                     }
                     m_resolved = *found;
                     QDialog::accept();
                 });
}

} // namespace sextant::ui
