#pragma once
// The Duplicates view: finds groups of near-duplicate items through the
// index's graph (engine/explore/NearDuplicates) on a worker with progress
// and Cancel, lists them by size with their metadata, shows a member's
// passage (or metadata) beside another member's with the differences
// marked, and deletes the checked items as one undoable batch; "Keep one
// per group" checks all but the first, the last or the one with the
// greatest value of a field.

#include "DuplicatesModel.h"

#include <QFuture>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QTreeView;

namespace sextant::ui {

class FilterEdit;
class IndexSession;

struct DuplicatesOutcome {
    Error error;
    explore::DuplicateReport report;
    QHash<QString, QJsonObject> metadata; // of every member
    QStringList columns;
};

class DuplicatesView : public QWidget {
    Q_OBJECT
public:
    explicit DuplicatesView(IndexSession *session, QWidget *parent = nullptr);
    ~DuplicatesView() override;

    DuplicatesModel *model() const { return m_model; }
    QTreeView *groupsView() const { return m_tree; }
    bool isSearching() const { return m_searching; }
    double threshold() const;
    void setThreshold(double value);
    void setFilter(const QByteArray &json);
    QString summary() const; // the line above the groups
    QString leftHtml() const;
    QString rightHtml() const;

    // Two texts as HTML with the words only one of them has marked
    // (a longest common subsequence of words).
    static std::pair<QString, QString> markDifferences(const QString &a, const QString &b, bool dark);

public slots:
    void find();
    void cancel();
    // Checks all but one member of every group, by the rule in the combo.
    void keepOnePerGroup();
    // Deletes the checked items (one batch, undoable).
    void deleteChecked();

signals:
    void searchFinished();
    void deleted(int items);

private:
    void onFinished(quint64 serial, QFuture<DuplicatesOutcome> future);
    void showComparison();
    void updateButtons();
    void updateThresholdRange();

    IndexSession *m_session;
    DuplicatesModel *m_model;
    QLabel *m_thresholdLabel;
    QDoubleSpinBox *m_threshold;
    FilterEdit *m_filter;
    QPushButton *m_findButton;
    QWidget *m_progressRow;
    QLabel *m_progressLabel;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QTreeView *m_tree;
    QLabel *m_leftTitle, *m_rightTitle;
    QTextBrowser *m_left, *m_right;
    QComboBox *m_keepCombo;
    QPushButton *m_keepButton;
    QPushButton *m_deleteButton;
    QFuture<DuplicatesOutcome> m_future;
    quint64 m_serial = 0;
    bool m_searching = false;
    bool m_found = false;
};

} // namespace sextant::ui
