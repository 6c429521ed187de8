#pragma once
// Importing files into an index, in two steps in one window:
//  1. the plan: what each dropped or chosen path is (documents, or vectors
//     of which format), the chunking of documents (size, overlap, unit),
//     whether vectors replace items with the same id (upsert), and for a
//     new index its folder and schema; a sentence when something cannot
//     be imported (documents into an index without an embedder, a read-only
//     index);
//  2. the run: a progress bar over the bytes, the files and items done so
//     far, Cancel, and the per-file report (ImportReportModel) that fills
//     while the import runs, then a summary sentence.
// Everything that touches the disk (looking at the paths, reading a vector
// source's shape, the import) runs on workers.

#include "ImportTask.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QTreeWidget;
class QGroupBox;

namespace sextant::ui {

class ImportReportModel;
class IndexSession;

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    // Imports into the open index of `session`.
    explicit ImportDialog(IndexSession *session, QWidget *parent = nullptr);
    // Creates a new index (its folder is asked for here) and imports into it.
    explicit ImportDialog(QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Paths to look at on a worker; or inputs another worker already looked at.
    void setPaths(const QStringList &paths);
    void setInputs(const QList<ImportInput> &inputs);
    // For a new index: where it is created (suggested from the first input).
    void setNewIndexFolder(const QString &folder);
    QString newIndexFolder() const;
    // The heading above the plan ("Convert to a Sextant index" for a Vectra folder).
    void setHeading(const QString &text);

    bool isPlanReady() const { return m_planReady; }
    bool canImport() const;
    // Why nothing (or not everything) can be imported; empty when all can.
    QString refusal() const { return m_refusal; }
    const QList<ImportInput> &inputs() const { return m_inputs; }
    ImportRequest request() const;

    ImportTask *task() const { return m_task; }
    bool isRunning() const;
    bool isFinished() const { return m_finished; }
    ImportReportModel *reportModel() const { return m_report; }
    QString summaryText() const;
    QString progressText() const;
    QPushButton *importButton() const { return m_importButton; }
    QTableView *reportView() const { return m_reportView; }

public slots:
    // The Import button: starts the import on a worker.
    void startImport();
    // Cancel while it runs (what was written stays); Close afterwards.
    void cancelImport();

signals:
    void planReady();
    void importStarted();
    void importFinished();
    // A new index was created and imported into (the window opens it).
    void newIndexCreated(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    void build();
    void showPlan();
    void updatePlanState();
    void updateProgress();
    void finish();

    QPointer<IndexSession> m_session; // null: a new index
    QList<ImportInput> m_inputs;
    std::optional<Schema> m_newSchema;
    QString m_newSchemaError;
    bool m_planReady = false;
    bool m_finished = false;
    QString m_refusal;
    quint64 m_requestSerial = 0;

    QStackedWidget *m_pages;
    QLabel *m_heading;
    QLabel *m_looking;
    QTreeWidget *m_inputList;
    QGroupBox *m_newIndexBox;
    QLineEdit *m_folderEdit;
    QLabel *m_schemaLabel;
    QGroupBox *m_documentsBox;
    QSpinBox *m_chunkSize;
    QSpinBox *m_chunkOverlap;
    QComboBox *m_chunkUnit;
    QLabel *m_embedderLabel;
    QGroupBox *m_vectorsBox;
    QCheckBox *m_upsert;
    QLabel *m_refusalLabel;
    QPushButton *m_importButton;
    QPushButton *m_planCancelButton;

    QLabel *m_phaseLabel;
    QProgressBar *m_progress;
    QLabel *m_countsLabel;
    QTableView *m_reportView;
    ImportReportModel *m_report;
    QLabel *m_summaryLabel;
    QPushButton *m_cancelButton;
    QPushButton *m_closeButton;
    QPointer<ImportTask> m_task;
};

} // namespace sextant::ui
