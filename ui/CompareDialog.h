#pragma once
// "Compare with another open index…" (Query view): the same queries on this
// index and another open one (engine/explore/IndexComparison) on a worker
// with progress and Cancel; per query the two result lists side by side,
// the hits they share drawn in the same colour and selected together, with
// overlap@k and the rank correlation, and the means over all queries.

#include "sextant/IndexComparison.h"

#include <QDialog>
#include <QFuture>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace sextant::ui {

class IndexSession;

class CompareDialog : public QDialog {
    Q_OBJECT
public:
    // `query`: the Query view's current query, when it has one.
    CompareDialog(IndexSession *session, const QList<IndexSession *> &others,
                  std::optional<explore::CompareQuery> query, int k, QWidget *parent = nullptr);
    ~CompareDialog() override;

    // A query as the lists show it: its text, "similar to ID" or "vector of N dimensions".
    static QString queryLabel(const explore::CompareQuery &query);

    bool isRunning() const { return m_running; }
    const std::optional<explore::ComparisonReport> &report() const { return m_report; }
    QString summaryText() const;
    void setOther(int i);
    void useSample(int n);
    void useQueryFile(const QString &path);
    void showQuery(int i);
    QTableWidget *leftTable() const { return m_left; }
    QTableWidget *rightTable() const { return m_right; }
    QListWidget *queryList() const { return m_queries; }

public slots:
    void compare();
    void cancel();

signals:
    void comparisonFinished();

private:
    void onFinished(quint64 serial, QFuture<Result<explore::ComparisonReport>> future);
    void fillTable(QTableWidget *table, const QList<explore::ComparedHit> &hits,
                   const QList<explore::ComparedHit> &other);
    void updateState();

    IndexSession *m_session;
    QList<QPointer<IndexSession>> m_others;
    std::optional<explore::CompareQuery> m_formQuery;
    QComboBox *m_otherCombo;
    QRadioButton *m_useForm, *m_useSample, *m_useFile;
    QSpinBox *m_sample;
    QLineEdit *m_file;
    QSpinBox *m_k;
    QPushButton *m_compareButton;
    QWidget *m_progressRow;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QLabel *m_summary;
    QListWidget *m_queries;
    QLabel *m_leftTitle, *m_rightTitle;
    QLabel *m_queryStats;
    QTableWidget *m_left, *m_right;
    QFuture<Result<explore::ComparisonReport>> m_future;
    quint64 m_serial = 0;
    bool m_running = false;
    std::optional<explore::ComparisonReport> m_report;
};

} // namespace sextant::ui
