#pragma once
// File ▸ Export…: the format (JSON Lines, NumPy .npy with an ids file, a
// Vectra folder, a backup archive), the destination, then the export on a
// worker with progress and Cancel, and a sentence saying what was written
// where (or why nothing was).

#include "ExportTask.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace sextant::ui {

class IndexSession;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(IndexSession *session, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setFormat(formats::ExportFormat format);
    formats::ExportFormat format() const;
    void setDestination(const QString &path);
    QString destination() const;
    ExportRequest request() const;

    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_outcome.has_value(); }
    const std::optional<ExportOutcome> &outcome() const { return m_outcome; }
    QString resultText() const;
    QPushButton *exportButton() const { return m_exportButton; }

public slots:
    void startExport();
    void cancelExport();

signals:
    void exportFinished();

protected:
    void reject() override;

private:
    void formatChanged();
    void chooseDestination();
    void updateState();
    void finish();

    QPointer<IndexSession> m_session;
    QComboBox *m_format;
    QLineEdit *m_destination;
    QLabel *m_idsLabel;
    QLabel *m_noteLabel;
    QProgressBar *m_progress;
    QLabel *m_result;
    QPushButton *m_exportButton;
    QPushButton *m_cancelButton;
    QPushButton *m_closeButton;
    QFutureWatcher<ExportOutcome> m_watcher;
    bool m_running = false;
    bool m_cancelled = false;
    std::optional<ExportOutcome> m_outcome;
};

} // namespace sextant::ui
