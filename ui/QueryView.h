#pragma once
// The Query view: a vector (JSON) or "similar to item", k, mode, ef and a
// filter; runs the query on a worker thread and shows the hits with the
// planner's account of how it answered. "Compare with exact" runs the same
// request as an exact scan and shows recall@k. Selecting a hit makes it the
// session's current item; each query's hits become the session's query hits.

#include "FilterHints.h"
#include "sextant/Error.h"
#include "sextant/Query.h"
#include "sextant/TextSearch.h"

#include <QFutureInterface>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;

namespace sextant::ui {

class CompareDialog;
class FilterEdit;
class IndexSession;
class QueryResultsModel;
class TextResultsModel;

class QueryView : public QWidget {
    Q_OBJECT
public:
    explicit QueryView(IndexSession *session, QWidget *parent = nullptr);
    ~QueryView() override;

    enum class Source { Vector, LikeId, Text };

    QueryResultsModel *resultsModel() const { return m_model; }
    TextResultsModel *textResultsModel() const { return m_textModel; }
    QTableView *textResultsView() const { return m_textTable; }
    FilterEdit *filterEdit() const { return m_filter; }
    bool isRunning() const { return m_running; }
    bool isComparing() const { return m_comparing; }
    // The result on display (none before the first query finished).
    const std::optional<QueryResult> &lastResult() const { return m_result; }
    // The text query's result on display (none before the first finished).
    const std::optional<search::TextResult> &lastTextResult() const { return m_textResult; }
    // Text search: which modes the index allows (an index without an
    // embedder allows Keywords only, and only when its items carry "text").
    bool isTextModeAvailable(search::TextSearchMode mode) const;
    QString textAvailabilityNote() const;
    // Fills the text query form (the tests and the screenshots use it).
    void setTextQuery(const QString &text, search::TextSearchMode mode);
    // Text hits under this share of the best one's score are left out (0: all).
    void setMinimumShare(double share);
    void setSource(Source source);
    QString summaryText() const;
    // What the filter of the result on display cannot mean ("year holds
    // numbers; "2000" is a string, ..."), else empty.
    QString filterNoteText() const;
    QString errorText() const;

    // "Recall 9/10 = 0.90 against the exact top-10"; empty before a comparison.
    QString recallText() const;

    // Parses "[0.1, 0.2, ...]" (the brackets may be left out) into a vector
    // of `dimensions` finite numbers, or says what is wrong.
    static Result<QVector<float>> parseVector(const QString &text, int dimensions);

public slots:
    // Runs the request the form describes (Ctrl+Return).
    void run();
    // Runs the last request as an exact scan and marks the hits.
    void compareWithExact();
    // Switches to "similar to item" with `id` and runs.
    void findSimilar(const QString &id);
    // Drops the running query's result (it still finishes on its worker).
    void cancel();
    // "Compare with another open index…": opens the comparison dialog with
    // the form's query (returns it, for the tests and the screenshots).
    CompareDialog *compareWithIndex();

signals:
    void queryFinished(); // a result (or an error) is on display
    void textAvailabilityChanged();
    void comparisonFinished();

private:
    void buildForm();
    QWidget *buildTextPage();
    void checkItemsCarryText();
    void updateTextAvailability();
    std::optional<search::TextQuery> textQueryFromForm(QString *error) const;
    void runText();
    void onTextDone(quint64 serial, const search::TextQuery &query, const Result<search::TextResult> &result);
    void updateInputState();
    std::optional<QueryRequest> requestFromForm(QString *error) const;
    void startTicket(const QString &title);
    void finishTicket();
    void onQueryDone(quint64 serial, const QueryRequest &request, const Result<QueryResult> &result);
    void onExactDone(quint64 serial, const Result<QueryResult> &result);
    void showEmptyState();
    void fitColumns();
    void showSummary();
    void showError(const QString &message);
    void inputEdited();
    void clearResults();
    void selectCurrentItem(const QString &id);

    IndexSession *m_session;
    QueryResultsModel *m_model;

    QComboBox *m_source;
    QStackedWidget *m_sourceStack;
    QPlainTextEdit *m_vectorEdit;
    QLineEdit *m_idEdit;
    QLineEdit *m_textEdit;
    QComboBox *m_textMode;
    QComboBox *m_minShare;
    QLabel *m_textNote;
    QLabel *m_vectorError;
    FilterEdit *m_filter;
    QLabel *m_filterError;
    QSpinBox *m_k;
    QComboBox *m_mode;
    QSpinBox *m_ef;
    QPushButton *m_runButton;
    QPushButton *m_compareButton;
    QPushButton *m_compareIndexButton;
    QPushButton *m_cancelButton;
    QLabel *m_summary;
    QLabel *m_recall;
    QLabel *m_errorLabel;
    QStackedWidget *m_resultsStack;
    QLabel *m_emptyLabel;
    QTableView *m_table;
    TextResultsModel *m_textModel;
    QTableView *m_textTable;

    quint64 m_serial = 0; // bumped by each run and comparison; older results are dropped
    bool m_running = false;
    bool m_comparing = false;
    QFutureInterface<void> m_ticket;       // what the task monitor shows and cancels
    std::optional<QueryRequest> m_request; // the request behind m_result
    std::optional<QueryResult> m_result;
    std::optional<search::TextResult> m_textResult;
    bool m_showingText = false; // the last finished run was a text query
    int m_itemsCarryText = -1;  // -1 not known yet (an index without an embedder)
    quint64 m_resultContentVersion = 0;
    std::optional<std::pair<quint64, qint64>> m_resultState; // lastLsn and items when it ran
    FieldTypes m_fieldTypes;                                 // declared, and seen in a sample of items and in hits
    QByteArray m_resultFilter;                               // the filter behind the result on display
    int m_recallFound = -1, m_recallOf = 0, m_recallK = 0;
};

} // namespace sextant::ui
