#include "QueryView.h"

#include "AsyncTask.h"

#include "CompareDialog.h"
#include "IndexPage.h"

#include "ErrorText.h"
#include "FilterEdit.h"
#include "IdCompletion.h"
#include "Format.h"
#include "IndexSession.h"
#include "Preferences.h"
#include "QueryResultsModel.h"
#include "TaskMonitor.h"
#include "TextResultsModel.h"
#include "sextant/EmbedderChoice.h"
#include "sextant/QueryVector.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <cmath>

namespace sextant::ui {

namespace {

QLabel *errorLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = label->palette();
    const bool dark = p.color(QPalette::Window).lightness() < 128;
    p.setColor(QPalette::WindowText, dark ? QColor(255, 130, 130) : QColor(180, 0, 0));
    label->setPalette(p);
    label->hide();
    return label;
}

void setError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

QueryView::QueryView(IndexSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new QueryResultsModel(this)), m_textModel(new TextResultsModel(this))
{
    buildForm();
    checkItemsCarryText();
    // The types the fields hold, for notes about filters that compare a
    // field with a value of another type: the schema's, and a sample.
    m_fieldTypes = declaredFieldTypes(session->schema());
    {
        whenFinished(this, m_session->run([](Index &index) {
            FieldTypes types;
            Result<ListPage> page = index.list(QString(), 200, false);
            if (page.ok())
                for (const Item &item : std::as_const(page->items))
                    observeFieldTypes(item.metadata, &types);
            return types;
        }),
                     [this](const QFuture<FieldTypes> &finished) {
                         const FieldTypes seen = finished.result();
                         for (auto it = seen.begin(); it != seen.end(); ++it)
                             if (!m_fieldTypes.contains(it.key())) m_fieldTypes.insert(it.key(), it.value());
                     });
    }
    connect(m_session, &IndexSession::contentChanged, this, &QueryView::showSummary);
    connect(m_session, &IndexSession::statsChanged, this, &QueryView::showSummary);
    connect(m_session, &IndexSession::currentItemChanged, this, &QueryView::selectCurrentItem);
    updateInputState();
    showEmptyState();
}

QueryView::~QueryView() { finishTicket(); }

void QueryView::buildForm()
{
    const Preferences prefs = Preferences::load();
    const Schema &schema = m_session->schema();
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("sourceCombo"));
    m_source->addItem(tr("Vector"), int(Source::Vector));
    m_source->addItem(tr("Similar to item"), int(Source::LikeId));
    m_source->addItem(tr("Text"), int(Source::Text));
    m_source->setToolTip(tr("Search with a vector you paste, with the vector of an item (the item itself is left out), "
                            "or with words (documents imported into this index)"));

    m_vectorEdit = new QPlainTextEdit(this);
    m_vectorEdit->setObjectName(QStringLiteral("vectorEdit"));
    m_vectorEdit->setFont(mono);
    m_vectorEdit->setTabChangesFocus(true);
    m_vectorEdit->setPlaceholderText(
        tr("A vector of %n numbers as JSON, e.g. [0.12, -0.5, ...]", nullptr, schema.dimensions));
    m_idEdit = new QLineEdit(this);
    m_idEdit->setObjectName(QStringLiteral("likeIdEdit"));
    m_idEdit->setPlaceholderText(tr("Id of an item in this index"));
    m_idEdit->setClearButtonEnabled(true);
    new IdCompleter(m_session, m_idEdit); // ids from the index as the user types
    auto *idPage = new QWidget(this);
    auto *idLayout = new QVBoxLayout(idPage);
    idLayout->setContentsMargins(0, 0, 0, 0);
    idLayout->addWidget(m_idEdit);
    idLayout->addStretch();
    m_sourceStack = new QStackedWidget(this);
    m_sourceStack->addWidget(m_vectorEdit);
    m_sourceStack->addWidget(idPage);
    m_sourceStack->addWidget(buildTextPage());
    m_vectorError = errorLabel(this, QStringLiteral("vectorError"));

    m_filter = new FilterEdit(this);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filterError = errorLabel(this, QStringLiteral("filterError"));

    m_k = new QSpinBox(this);
    m_k->setObjectName(QStringLiteral("kSpin"));
    m_k->setRange(1, 10000);
    m_k->setValue(qBound(1, prefs.defaultK, 10000));
    m_k->setToolTip(tr("How many nearest items to return"));
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("modeCombo"));
    m_mode->addItem(tr("Auto"), int(QueryMode::Auto));
    m_mode->addItem(tr("Exact"), int(QueryMode::Exact));
    m_mode->addItem(tr("ANN"), int(QueryMode::Ann));
    m_mode->setToolTip(tr("Auto lets the planner choose; Exact scans every matching item (the true top-k); "
                          "ANN searches the HNSW graph"));
    m_ef = new QSpinBox(this);
    m_ef->setObjectName(QStringLiteral("efSpin"));
    m_ef->setRange(0, AnnParams::kMaxEf);
    m_ef->setSpecialValueText(tr("index default (%1)").arg(schema.ann.efSearch));
    m_ef->setValue(qBound(0, prefs.defaultEf, AnnParams::kMaxEf));
    m_ef->setToolTip(tr("HNSW candidate list size: larger is slower and finds more of the true neighbours"));

    m_runButton = new QPushButton(tr("Run"), this);
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setDefault(true);
    m_runButton->setToolTip(tr("Run the query (Ctrl+Return)"));
    m_compareIndexButton = new QPushButton(tr("Compare with Another Open Index…"), this);
    m_compareIndexButton->setObjectName(QStringLiteral("compareIndexButton"));
    m_compareIndexButton->setToolTip(
        tr("Run the same queries on another open index (another model or chunking) and compare the results"));
    m_compareButton = new QPushButton(tr("Compare with exact"), this);
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_compareButton->setToolTip(tr("Run the same query as an exact scan and show which true neighbours were found"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setToolTip(tr("Stop waiting for the running query"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recall = new QLabel(this);
    m_recall->setObjectName(QStringLiteral("recallLabel"));
    m_recall->hide();
    QFont bold = m_recall->font();
    bold.setBold(true);
    m_recall->setFont(bold);
    m_errorLabel = errorLabel(this, QStringLiteral("queryError"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("resultsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_resultsStack = new QStackedWidget(this);
    m_resultsStack->setObjectName(QStringLiteral("resultsStack"));
    m_resultsStack->addWidget(m_emptyLabel);
    m_resultsStack->addWidget(m_table);
    m_textTable = new QTableView(this);
    m_textTable->setObjectName(QStringLiteral("textResultsTable"));
    m_textTable->setModel(m_textModel);
    m_textTable->setItemDelegateForColumn(TextResultsModel::PassageColumn, new PassageDelegate(m_textTable));
    m_textTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_textTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_textTable->setAlternatingRowColors(true);
    m_textTable->setWordWrap(false);
    m_textTable->verticalHeader()->hide();
    m_textTable->verticalHeader()->setDefaultSectionSize(m_textTable->fontMetrics().height() + 8);
    m_textTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_resultsStack->addWidget(m_textTable);

    // Layout: query source and filter side by side, the parameters and
    // buttons in one row, then what happened, then the hits.
    auto *inputs = new QGridLayout;
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(new QLabel(tr("Query:"), this));
    sourceRow->addWidget(m_source);
    sourceRow->addStretch();
    inputs->addLayout(sourceRow, 0, 0);
    auto *filterLabel = new QLabel(tr("Filter:"), this);
    filterLabel->setToolTip(
        tr("Metadata filter in the JSON filter language (see docs/filters.md); empty matches everything"));
    filterLabel->setBuddy(m_filter);
    inputs->addWidget(filterLabel, 0, 1);
    inputs->addWidget(m_sourceStack, 1, 0);
    inputs->addWidget(m_filter, 1, 1);
    // The inline errors sit in holders of fixed height (two lines) that
    // are always there: nothing below moves as the errors come and go (the
    // full text is the tooltip).
    const int twoLines = 2 * fontMetrics().lineSpacing() + 2;
    for (auto [label, column] : {std::pair{m_vectorError, 0}, std::pair{m_filterError, 1}}) {
        auto *holder = new QWidget(this);
        holder->setFixedHeight(twoLines);
        auto *holderLayout = new QVBoxLayout(holder);
        holderLayout->setContentsMargins(0, 0, 0, 0);
        holderLayout->addWidget(label);
        holderLayout->addStretch(1);
        label->setParent(holder);
        label->setMaximumHeight(twoLines);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        inputs->addWidget(holder, 2, column);
    }
    inputs->setColumnStretch(0, 1);
    inputs->setColumnStretch(1, 1);
    const int editHeight = m_filter->sizeHint().height();
    m_sourceStack->setFixedHeight(editHeight);
    m_filter->setFixedHeight(editHeight);

    auto *params = new QHBoxLayout;
    auto addLabelled = [&](const QString &text, QWidget *w) {
        auto *l = new QLabel(text, this);
        l->setBuddy(w);
        params->addWidget(l);
        params->addWidget(w);
        params->addSpacing(8);
    };
    addLabelled(tr("&k:"), m_k);
    addLabelled(tr("&Mode:"), m_mode);
    addLabelled(tr("&ef:"), m_ef);
    // Text hits only: leave out those far below the best (in the row of the
    // other parameters, so that the words keep their room).
    m_minShare->setParent(this);
    params->addWidget(m_minShare);
    params->addStretch();
    params->addWidget(m_cancelButton);
    params->addWidget(m_compareIndexButton);
    params->addWidget(m_compareButton);
    params->addWidget(m_runButton);

    // What happened: the run's error (one place: input mistakes stay under
    // their fields), the summary and the recall line, in a band of fixed
    // height so that the results table never moves as they change.
    auto *status = new QWidget(this);
    status->setObjectName(QStringLiteral("queryStatus"));
    auto *statusLayout = new QVBoxLayout(status);
    statusLayout->setContentsMargins(0, 0, 0, 0);
    statusLayout->setSpacing(2);
    statusLayout->addWidget(m_errorLabel);
    statusLayout->addWidget(m_summary);
    statusLayout->addWidget(m_recall);
    statusLayout->addStretch(1);
    const int lines = fontMetrics().lineSpacing();
    status->setFixedHeight(4 * lines + 3 * statusLayout->spacing() + 2);
    m_errorLabel->setMaximumHeight(2 * lines + 2);
    m_summary->setMaximumHeight(3 * lines + 2);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_errorLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(inputs);
    layout->addLayout(params);
    layout->addWidget(status);
    layout->addWidget(m_resultsStack, 1);

    connect(m_source, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_sourceStack->setCurrentIndex(i);
        // Text hits and vector hits answer different questions: a new kind
        // of query starts with no results on display.
        const bool text = Source(m_source->itemData(i).toInt()) == Source::Text;
        const bool shown = m_showingText ? m_textResult.has_value() : m_result.has_value();
        if (shown && text != m_showingText) clearResults();
        inputEdited();
    });
    connect(m_vectorEdit, &QPlainTextEdit::textChanged, this, &QueryView::inputEdited);
    connect(m_idEdit, &QLineEdit::textChanged, this, &QueryView::inputEdited);
    connect(m_idEdit, &QLineEdit::returnPressed, this, &QueryView::run);
    connect(m_filter, &QPlainTextEdit::textChanged, this, &QueryView::inputEdited);
    connect(m_filter, &FilterEdit::validityChanged, this, &QueryView::updateInputState);
    connect(m_filter, &FilterEdit::errorChanged, this, [this](const QString &m) {
        setError(m_filterError, m);
        m_filterError->setToolTip(m);
    });
    connect(m_runButton, &QPushButton::clicked, this, &QueryView::run);
    connect(m_compareButton, &QPushButton::clicked, this, &QueryView::compareWithExact);
    connect(m_compareIndexButton, &QPushButton::clicked, this, &QueryView::compareWithIndex);
    connect(m_cancelButton, &QPushButton::clicked, this, &QueryView::cancel);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &QueryView::run);
    }
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid()) m_session->setCurrentItem(m_model->idAt(current.row()));
            });
    connect(m_textTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid()) m_session->setCurrentItem(m_textModel->idAt(current.row()));
            });
    connect(m_textEdit, &QLineEdit::textChanged, this, &QueryView::inputEdited);
    connect(m_textEdit, &QLineEdit::returnPressed, this, &QueryView::run);
    connect(m_textMode, &QComboBox::currentIndexChanged, this, &QueryView::inputEdited);
    // An index made for documents is searched by words first.
    if (!m_session->schema().embedder.isEmpty()) setSource(Source::Text);
}

QWidget *QueryView::buildTextPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_textEdit = new QLineEdit(page);
    m_textEdit->setObjectName(QStringLiteral("textQueryEdit"));
    m_textEdit->setPlaceholderText(tr("Search the documents…"));
    m_textEdit->setClearButtonEnabled(true);
    m_textMode = new QComboBox(page);
    m_textMode->setObjectName(QStringLiteral("textModeCombo"));
    m_textMode->addItem(tr("Hybrid"), int(search::TextSearchMode::Hybrid));
    m_textMode->addItem(tr("Meaning (vector)"), int(search::TextSearchMode::Vector));
    m_textMode->addItem(tr("Keywords (BM25)"), int(search::TextSearchMode::Keyword));
    m_textMode->setToolTip(tr("Hybrid fuses the two rankings; Meaning embeds the words and searches by vector; "
                              "Keywords ranks the passages that contain the words (BM25)"));
    m_minShare = new QComboBox(page);
    m_minShare->setObjectName(QStringLiteral("minimumScoreCombo"));
    m_minShare->addItem(tr("All hits"), 0.0);
    m_minShare->addItem(tr("Score ≥ 25 % of the best"), 0.25);
    m_minShare->addItem(tr("Score ≥ 50 % of the best"), 0.5);
    m_minShare->setToolTip(tr("Leave out hits whose score is far below the best hit's: a search with few relevant "
                              "passages then ends where they do"));
    connect(m_minShare, &QComboBox::currentIndexChanged, this, [this]() {
        m_textModel->setMinimumShare(m_minShare->currentData().toDouble());
        showSummary();
        showEmptyState();
    });
    row->addWidget(m_textEdit, 1);
    row->addWidget(m_textMode);
    layout->addLayout(row);
    m_textNote = new QLabel(page);
    m_textNote->setObjectName(QStringLiteral("textNote"));
    m_textNote->setWordWrap(true);
    m_textNote->setForegroundRole(QPalette::PlaceholderText);
    m_textNote->hide();
    layout->addWidget(m_textNote);
    layout->addStretch();
    return page;
}

void QueryView::checkItemsCarryText()
{
    if (!m_session->schema().embedder.isEmpty()) {
        updateTextAvailability();
        return;
    }
    // Keyword search needs passages: look for an item with a "text" field.
    // The walk is bounded: a selective filter may stop early, page by page.
    whenFinished(this, m_session->run([](Index &index) {
        const QByteArray filter = QByteArrayLiteral(R"({"text": {"$exists": true}})");
        QString after;
        for (int page = 0; page < 256; ++page) {
            Result<IdPage> ids = index.listIds(after, 1, filter);
            if (!ids.ok()) return false;
            if (!ids->ids.isEmpty()) return true;
            if (ids->nextAfter.isEmpty()) return false;
            after = ids->nextAfter;
        }
        return false;
    }),
                 [this](const QFuture<bool> &finished) {
                     m_itemsCarryText = finished.result() ? 1 : 0;
                     updateTextAvailability();
                 });
    updateTextAvailability();
}

bool QueryView::isTextModeAvailable(search::TextSearchMode mode) const
{
    if (!m_session->schema().embedder.isEmpty()) return true;
    return mode == search::TextSearchMode::Keyword && m_itemsCarryText == 1;
}

QString QueryView::textAvailabilityNote() const
{
    return m_textNote->isVisible() || !m_textNote->text().isEmpty() ? m_textNote->text() : QString();
}

void QueryView::updateTextAvailability()
{
    const bool embedder = !m_session->schema().embedder.isEmpty();
    auto *model = qobject_cast<QStandardItemModel *>(m_textMode->model());
    for (int i = 0; i < m_textMode->count(); ++i) {
        const auto mode = search::TextSearchMode(m_textMode->itemData(i).toInt());
        if (QStandardItem *item = model ? model->item(i) : nullptr) item->setEnabled(isTextModeAvailable(mode));
    }
    QString note;
    if (!embedder) {
        note = tr("Text search needs an index made for documents: this one holds vectors made elsewhere, so Sextant "
                  "cannot turn words into its vectors.");
        if (m_itemsCarryText == 1) {
            note += QLatin1Char(' ') + tr("Its items carry a \"text\" field, so Keywords (BM25) works.");
            m_textMode->setCurrentIndex(m_textMode->findData(int(search::TextSearchMode::Keyword)));
        }
    }
    m_textNote->setText(note);
    m_textNote->setVisible(!note.isEmpty());
    const bool any = embedder || m_itemsCarryText == 1;
    m_textEdit->setEnabled(any);
    m_textMode->setEnabled(any);
    updateInputState();
    emit textAvailabilityChanged();
}

void QueryView::setMinimumShare(double share)
{
    int best = 0;
    for (int i = 0; i < m_minShare->count(); ++i)
        if (m_minShare->itemData(i).toDouble() <= share) best = i;
    m_minShare->setCurrentIndex(best);
}

void QueryView::setSource(Source source) { m_source->setCurrentIndex(m_source->findData(int(source))); }

void QueryView::setTextQuery(const QString &text, search::TextSearchMode mode)
{
    setSource(Source::Text);
    m_textMode->setCurrentIndex(m_textMode->findData(int(mode)));
    m_textEdit->setText(text);
}

QString QueryView::summaryText() const { return m_summary->text(); }

QString QueryView::errorText() const { return m_errorLabel->isVisible() ? m_errorLabel->text() : QString(); }

std::optional<search::TextQuery> QueryView::textQueryFromForm(QString *error) const
{
    search::TextQuery q;
    q.text = m_textEdit->text().trimmed();
    q.mode = search::TextSearchMode(m_textMode->currentData().toInt());
    if (!isTextModeAvailable(q.mode)) {
        *error = m_session->schema().embedder.isEmpty() ? tr("Text search needs an index made for documents.")
                                                        : tr("This search mode is not available for this index.");
        return std::nullopt;
    }
    if (q.text.isEmpty()) {
        *error = tr("Enter the words to search for.");
        return std::nullopt;
    }
    if (!m_filter->isValid()) {
        *error = m_filter->errorMessage();
        return std::nullopt;
    }
    q.filter = m_filter->filterJson();
    q.k = m_k->value();
    q.ef = m_ef->value();
    return q;
}

void QueryView::runText()
{
    QString error;
    std::optional<search::TextQuery> query = textQueryFromForm(&error);
    if (!query) {
        // The filter's mistake is shown under the filter already.
        showError(m_filter->isValid() ? error : QString());
        return;
    }
    const quint64 serial = ++m_serial;
    m_running = true;
    m_comparing = false;
    showError({});
    m_summary->setText(m_textResult || query->mode == search::TextSearchMode::Vector
                           ? tr("Searching…")
                           : tr("Searching… (the first keyword search reads every passage once)"));
    startTicket(tr("Text search"));
    updateInputState();
    const search::TextQuery q = *query;
    std::shared_ptr<search::KeywordIndexCache> cache = m_session->keywordCache();
    const Schema schema = m_session->schema();
    const QFuture<Result<search::TextResult>> search =
        m_session->run([q, cache, schema](Index &index) -> Result<search::TextResult> {
            std::unique_ptr<embed::Embedder> embedder;
            if (q.mode != search::TextSearchMode::Keyword) {
                Result<std::unique_ptr<embed::Embedder>> made = embed::embedderForSchema(schema);
                if (!made.ok()) return made.error();
                embedder = made.takeValue();
            }
            return search::searchText(index, embedder.get(), q, cache.get());
        });
    whenFinished(this, search, [this, serial, q](const QFuture<Result<search::TextResult>> &finished) {
        onTextDone(serial, q, finished.result());
    });
}

void QueryView::onTextDone(quint64 serial, const search::TextQuery &query, const Result<search::TextResult> &result)
{
    if (serial != m_serial) return;
    m_running = false;
    finishTicket();
    if (!result.ok()) {
        showError(userMessageText(result.error(), ErrorContext::Query));
        m_summary->setText(m_textResult && m_showingText ? tr("The hits below are from the previous search.")
                                                         : QString());
        updateInputState();
        emit queryFinished();
        return;
    }
    m_textResult = *result;
    m_showingText = true;
    m_resultFilter = query.filter;
    m_resultContentVersion = m_session->contentVersion();
    m_resultState.reset();
    if (m_session->hasStats()) m_resultState = std::make_pair(m_session->stats().lastLsn, m_session->stats().items);
    m_recall->hide();
    m_textModel->setResult(*result, query.text, query.mode);
    // The passage takes the room the other columns leave.
    m_textTable->resizeColumnsToContents();
    m_textTable->setColumnWidth(TextResultsModel::DocumentColumn,
                                qMin(m_textTable->columnWidth(TextResultsModel::DocumentColumn), 240));
    m_textTable->horizontalHeader()->setSectionResizeMode(TextResultsModel::PassageColumn, QHeaderView::Stretch);
    QStringList ids;
    for (const search::TextHit &h : result->hits)
        ids.append(h.id);
    m_session->setQueryHits(ids);
    showSummary();
    showEmptyState();
    selectCurrentItem(m_session->currentItem());
    updateInputState();
    emit queryFinished();
}

Result<QVector<float>> QueryView::parseVector(const QString &input, int dimensions)
{
    QString text = input.trimmed();
    if (text.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("Enter a vector of %n numbers.", nullptr, dimensions));
    static const QRegularExpression nonFinite(QStringLiteral("(?<![\\w.])-?(nan|inf|infinity)(?![\\w.])"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (nonFinite.match(text).hasMatch())
        return Error(ErrorCode::NonFiniteValue,
                     tr("NaN and infinity are not allowed in a vector: every value must be a finite number."));
    // "0.1, 2, 3" without brackets is the array too.
    const bool wrapped = !text.startsWith(QLatin1Char('['));
    if (wrapped) text = QLatin1Char('[') + text + QLatin1Char(']');
    const QByteArray utf8 = text.toUtf8();
    Result<QVector<float>> parsed = parseQueryVector(utf8, QStringLiteral("the Query view"));
    // The engine's parser (core/QueryVector.h) says what and where in fields; the words are ours.
    if (!parsed.ok()) {
        const Error &e = parsed.error();
        if (e.element() > 0 && e.code() == ErrorCode::NonFiniteValue)
            return e.rephrased(tr("Element %1 is not a finite number (or too large for a float).").arg(e.element()));
        if (e.element() > 0) return e.rephrased(tr("Element %1 is not a number.").arg(e.element()));
        if (e.offset() >= 0) {
            // Characters from 1 in what the user typed (without the brackets added above).
            const qint64 character = QString::fromUtf8(utf8.left(e.offset())).size() + (wrapped ? 0 : 1);
            return e.rephrased(tr("Not a JSON array of numbers: it goes wrong near character %1.")
                                   .arg(std::max<qint64>(1, character)));
        }
        if (e.code() != ErrorCode::DimensionMismatch) return e.rephrased(tr("Not a JSON array of numbers."));
    }
    const QVector<float> v = parsed.ok() ? parsed.value() : QVector<float>();
    if (v.size() != dimensions)
        return Error(
            ErrorCode::DimensionMismatch,
            tr("The vector has %n number(s); this index holds vectors of %1 dimensions.", nullptr, int(v.size()))
                .arg(dimensions));
    return v;
}

CompareDialog *QueryView::compareWithIndex()
{
    // The other open indexes: every page of this window but this one.
    QList<IndexSession *> others;
    for (IndexPage *page : window()->findChildren<IndexPage *>())
        if (page->session() && page->session() != m_session) others.append(page->session());
    std::optional<explore::CompareQuery> query;
    QString ignored;
    const Source source = Source(m_source->currentData().toInt());
    if (source == Source::Text) {
        if (const auto text = textQueryFromForm(&ignored)) {
            explore::CompareQuery q;
            q.kind = explore::CompareQuery::Kind::Text;
            q.text = text->text;
            query = q;
        }
    } else if (const auto request = requestFromForm(&ignored)) {
        explore::CompareQuery q;
        if (request->likeId.isEmpty()) {
            q.kind = explore::CompareQuery::Kind::Vector;
            q.vector = request->vector;
        } else {
            q.kind = explore::CompareQuery::Kind::Item;
            q.text = request->likeId;
        }
        query = q;
    }
    auto *dialog = new CompareDialog(m_session, others, query, m_k->value(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

std::optional<QueryRequest> QueryView::requestFromForm(QString *error) const
{
    QueryRequest req;
    if (Source(m_source->currentData().toInt()) == Source::Vector) {
        Result<QVector<float>> v = parseVector(m_vectorEdit->toPlainText(), m_session->schema().dimensions);
        if (!v.ok()) {
            *error = v.error().message();
            return std::nullopt;
        }
        req.vector = v.takeValue();
    } else {
        req.likeId = m_idEdit->text().trimmed();
        if (req.likeId.isEmpty()) {
            *error = tr("Enter the id of an item.");
            return std::nullopt;
        }
        if (Error e = validateId(req.likeId)) {
            *error = e.message();
            return std::nullopt;
        }
    }
    if (!m_filter->isValid()) {
        *error = m_filter->errorMessage();
        return std::nullopt;
    }
    req.filter = m_filter->filterJson();
    req.k = m_k->value();
    req.mode = QueryMode(m_mode->currentData().toInt());
    req.ef = m_ef->value();
    req.withMetadata = true;
    return req;
}

void QueryView::updateInputState()
{
    QString error;
    const Source source = Source(m_source->currentData().toInt());
    const bool vectorMode = source == Source::Vector;
    const bool textMode = source == Source::Text;
    const bool ok = textMode ? textQueryFromForm(&error).has_value() : requestFromForm(&error).has_value();
    m_mode->setEnabled(!textMode);
    m_minShare->setVisible(textMode); // text hits only; hidden, it leaves its room to the buttons
    // Say what is wrong with the vector as soon as there is one; a blank field
    // only disables Run.
    QString vectorError;
    if (vectorMode && !m_vectorEdit->toPlainText().trimmed().isEmpty()) {
        Result<QVector<float>> v = parseVector(m_vectorEdit->toPlainText(), m_session->schema().dimensions);
        if (!v.ok()) vectorError = v.error().message();
    }
    setError(m_vectorError, vectorError);
    m_runButton->setEnabled(ok);
    m_compareButton->setEnabled(m_result.has_value() && !m_showingText && !textMode && !m_comparing && !m_running);
    m_cancelButton->setVisible(m_running || m_comparing);
}

void QueryView::startTicket(const QString &title)
{
    finishTicket();
    m_ticket = QFutureInterface<void>();
    m_ticket.reportStarted();
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::canceled, this, &QueryView::cancel);
    connect(watcher, &QFutureWatcher<void>::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(m_ticket.future());
    TaskMonitor::trackGlobal(title, m_ticket.future());
}

void QueryView::finishTicket()
{
    if (m_ticket.isStarted() && !m_ticket.isFinished()) m_ticket.reportFinished();
}

void QueryView::run()
{
    if (Source(m_source->currentData().toInt()) == Source::Text) {
        runText();
        return;
    }
    QString error;
    std::optional<QueryRequest> req = requestFromForm(&error);
    if (!req) {
        // Mistakes in the vector or the filter are shown under their fields
        // already; only the others (an empty id, say) go to the status line.
        const bool inline_ = !m_filter->isValid() || m_vectorError->isVisible();
        showError(inline_ ? QString() : error);
        return;
    }
    const quint64 serial = ++m_serial;
    m_running = true;
    m_comparing = false;
    showError({});
    m_summary->setText(tr("Running…"));
    startTicket(req->mode == QueryMode::Exact ? tr("Exact query") : tr("Query"));
    updateInputState();
    // session->run keeps the Index alive for the worker even if the session
    // closes meanwhile (Index::queryAsync holds only a raw pointer).
    const QueryRequest request = *req;
    whenFinished(this, m_session->run([request](Index &index) { return index.query(request); }),
                 [this, serial, request](const QFuture<Result<QueryResult>> &finished) {
                     onQueryDone(serial, request, finished.result());
                 });
}

void QueryView::compareWithExact()
{
    if (!m_request || !m_result || m_showingText || m_running || m_comparing) return;
    QueryRequest exact = *m_request;
    exact.mode = QueryMode::Exact;
    exact.ef = 0;
    const quint64 serial = ++m_serial;
    m_comparing = true;
    startTicket(tr("Exact query for comparison"));
    m_recall->setText(tr("Comparing with the exact search…"));
    m_recall->show();
    updateInputState();
    whenFinished(
        this, m_session->run([exact](Index &index) { return index.query(exact); }),
        [this, serial](const QFuture<Result<QueryResult>> &finished) { onExactDone(serial, finished.result()); });
}

void QueryView::findSimilar(const QString &id)
{
    m_source->setCurrentIndex(m_source->findData(int(Source::LikeId)));
    m_idEdit->setText(id);
    run();
}

void QueryView::cancel()
{
    if (!m_running && !m_comparing) return;
    ++m_serial; // the result, when it comes, is dropped
    const bool wasComparing = m_comparing;
    m_running = m_comparing = false;
    finishTicket();
    if (wasComparing) {
        m_recall->setText(tr("Comparison cancelled."));
    } else {
        showSummary();
        m_summary->setText(m_result || m_textResult ? tr("Query cancelled; the hits below are from the previous query.")
                                                    : tr("Query cancelled."));
    }
    updateInputState();
}

void QueryView::onQueryDone(quint64 serial, const QueryRequest &request, const Result<QueryResult> &result)
{
    if (serial != m_serial) return; // a newer run or a cancel superseded it
    m_running = false;
    finishTicket();
    if (!result.ok()) {
        showError(userMessageText(result.error(), ErrorContext::Query));
        m_summary->setText(m_result ? tr("The hits below are from the previous query.") : QString());
        updateInputState();
        emit queryFinished();
        return;
    }
    m_request = request;
    m_result = *result;
    m_showingText = false;
    m_resultFilter = request.filter;
    for (const QueryHit &h : result->hits)
        observeFieldTypes(h.metadata, &m_fieldTypes);
    m_resultContentVersion = m_session->contentVersion();
    m_resultState.reset();
    if (m_session->hasStats()) m_resultState = std::make_pair(m_session->stats().lastLsn, m_session->stats().items);
    m_recallFound = -1;
    m_recall->hide();
    m_model->setResult(result->hits, m_session->schema().metric, m_session->schema().fields);
    fitColumns();
    QStringList ids;
    for (const QueryHit &h : result->hits)
        ids.append(h.id);
    m_session->setQueryHits(ids);
    showSummary();
    showEmptyState();
    selectCurrentItem(m_session->currentItem());
    updateInputState();
    emit queryFinished();
}

void QueryView::onExactDone(quint64 serial, const Result<QueryResult> &result)
{
    if (serial != m_serial) return;
    m_comparing = false;
    finishTicket();
    if (!result.ok()) {
        m_recall->setText(tr("The exact search failed.") + QLatin1Char(' ') +
                          userMessage(result.error(), ErrorContext::Query).summary());
        updateInputState();
        emit comparisonFinished();
        return;
    }
    QSet<QString> exactIds;
    for (const QueryHit &h : result->hits)
        exactIds.insert(h.id);
    int found = 0;
    for (const QueryHit &h : m_result->hits)
        found += exactIds.contains(h.id) ? 1 : 0;
    m_recallFound = found;
    m_recallOf = int(result->hits.size());
    m_recallK = m_request->k;
    m_model->setExactHits(result->hits);
    fitColumns();
    m_recall->setText(recallText() + QStringLiteral("  ·  ") +
                      tr("exact scan took %1").arg(formatMilliseconds(result->milliseconds)));
    m_recall->setToolTip(tr("Rows marked \"missed\" (in italics) are true neighbours this query did not return"));
    m_recall->show();
    showEmptyState();
    updateInputState();
    emit comparisonFinished();
}

QString QueryView::recallText() const
{
    if (m_recallFound < 0) return {};
    if (m_recallOf == 0) return tr("Recall: the exact search found no hits either");
    return tr("Recall %1/%2 = %3 against the exact top-%4")
        .arg(m_recallFound)
        .arg(m_recallOf)
        .arg(QLocale().toString(double(m_recallFound) / m_recallOf, 'f', 2))
        .arg(m_recallK);
}

void QueryView::showSummary()
{
    if (m_running) return;
    if (m_showingText && m_textResult) {
        const search::TextResult &r = *m_textResult;
        QStringList parts;
        parts << tr("%n hit(s) in %1", nullptr, int(r.hits.size())).arg(formatMilliseconds(r.milliseconds));
        parts << textPlanText(m_textModel->mode());
        if (r.hits.size() > 1) {
            int close = 0;
            for (int i = 0; i < m_textModel->rowCount(); ++i)
                close += m_textModel->shareOfBest(i) >= TextResultsModel::kDimBelow;
            parts << tr("%n within half of the best score", nullptr, close);
        }
        if (m_textModel->hiddenCount() > 0)
            parts << tr("%n hidden below the minimum score", nullptr, m_textModel->hiddenCount());
        if (r.keywordDocuments > 0)
            parts << tr("%n passage(s) in the keyword index", nullptr,
                        int(std::min<qint64>(r.keywordDocuments, INT_MAX)));
        QString text = parts.join(QStringLiteral("  ·  "));
        bool changed = m_session->contentVersion() != m_resultContentVersion;
        if (changed && m_resultState && m_session->hasStats())
            changed =
                m_session->stats().lastLsn != m_resultState->first || m_session->stats().items != m_resultState->second;
        if (changed)
            text += QLatin1Char('\n') +
                    tr("The index has changed since this search ran; run it again for current results.");
        if (const QString note = filterNoteText(); !note.isEmpty()) text += QLatin1Char('\n') + note;
        m_summary->setText(text);
        return;
    }
    if (!m_result) return;
    const QueryResult &r = *m_result;
    QStringList parts;
    parts << tr("%n hit(s) in %1", nullptr, int(r.hits.size())).arg(formatMilliseconds(r.milliseconds));
    parts << queryStrategyText(r.strategy);
    if (r.matching >= 0)
        parts << tr("%Ln item(s) of %1 match the filter", nullptr, int(std::min<qint64>(r.matching, INT_MAX)))
                     .arg(formatCount(r.liveItems));
    else
        parts << tr("%Ln item(s)", nullptr, int(std::min<qint64>(r.liveItems, INT_MAX)));
    if (r.efUsed > 0) parts << tr("ef %1").arg(r.efUsed);
    QString text = parts.join(QStringLiteral("  ·  "));
    if (r.fellBack) {
        // The reason is the engine's free-form sentence; the words around it are ours.
        text += QLatin1Char('\n') + tr("Fell back to the exact scan: %1").arg(r.fallbackReason);
    }
    bool changed = m_session->contentVersion() != m_resultContentVersion;
    // A checkpoint or a saved graph moves the version without changing items.
    if (changed && m_resultState && m_session->hasStats())
        changed =
            m_session->stats().lastLsn != m_resultState->first || m_session->stats().items != m_resultState->second;
    if (changed)
        text += QLatin1Char('\n') + tr("The index has changed since this query ran; run it again for current results.");
    if (const QString note = filterNoteText(); !note.isEmpty()) text += QLatin1Char('\n') + note;
    m_summary->setText(text);
}

QString QueryView::filterNoteText() const
{
    if (!m_result && !m_textResult) return {};
    return filterTypeNotes(m_resultFilter, m_fieldTypes).join(QLatin1Char(' '));
}

void QueryView::fitColumns()
{
    // Widths follow the content (at most 320 px, the rest elided with "…");
    // no column stretches across the table.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_table->setColumnWidth(c, qMin(m_table->columnWidth(c), 320));
}

void QueryView::showError(const QString &message)
{
    setError(m_errorLabel, message);
    m_errorLabel->setToolTip(message);
}

void QueryView::inputEdited()
{
    // An error was about the input as it was: the user is changing it.
    if (!m_running) showError({});
    updateInputState();
}

void QueryView::clearResults()
{
    ++m_serial; // a running query's result is for the old kind: drop it
    if (m_running || m_comparing) {
        m_running = m_comparing = false;
        finishTicket();
    }
    m_request.reset();
    m_result.reset();
    m_textResult.reset();
    m_resultFilter.clear();
    m_showingText = false;
    m_recallFound = -1;
    m_recall->hide();
    m_model->setResult({}, m_session->schema().metric, m_session->schema().fields);
    m_textModel->setResult(search::TextResult{}, QString(), search::TextSearchMode::Hybrid);
    m_summary->clear();
    showError({});
    m_session->setQueryHits({});
    showEmptyState();
    updateInputState();
}

void QueryView::showEmptyState()
{
    if (m_showingText && m_textResult) {
        if (m_textModel->rowCount() > 0) {
            m_resultsStack->setCurrentWidget(m_textTable);
        } else {
            m_emptyLabel->setText(m_textResult->keywordDocuments == 0 && m_session->schema().embedder.isEmpty()
                                      ? tr("No passages: the items of this index carry no text.")
                                      : tr("No passage matches these words.\n\nTry other words, or Meaning (vector) "
                                           "to find passages that say the same thing differently."));
            m_resultsStack->setCurrentWidget(m_emptyLabel);
        }
        return;
    }
    if (!m_result) {
        if (!m_session->schema().embedder.isEmpty()) {
            m_emptyLabel->setText(tr("No search yet.\n\nType words in \"Search the documents…\" and press Enter, "
                                     "or search by vector or by item."));
            m_resultsStack->setCurrentWidget(m_emptyLabel);
            return;
        }
        m_emptyLabel->setText(
            tr("No query yet.\n\nPaste a vector as JSON, or choose \"Similar to item\" and enter an id, "
               "then press Run (Ctrl+Return)."));
        m_resultsStack->setCurrentWidget(m_emptyLabel);
    } else if (m_model->rowCount() == 0) {
        if (m_result->matching == 0)
            m_emptyLabel->setText(
                tr("The filter matches no items, so there are no hits.\n\nLoosen the filter and run again."));
        else if (m_result->liveItems == 0)
            m_emptyLabel->setText(tr("The index is empty: there is nothing to find yet."));
        else
            m_emptyLabel->setText(tr("No hits."));
        m_resultsStack->setCurrentWidget(m_emptyLabel);
    } else {
        m_resultsStack->setCurrentWidget(m_table);
    }
}

void QueryView::selectCurrentItem(const QString &id)
{
    if (m_showingText) {
        const int row = m_textModel->rowOf(id);
        if (row < 0 || m_textTable->currentIndex().row() == row) return;
        const QModelIndex index = m_textModel->index(row, TextResultsModel::PassageColumn);
        m_textTable->setCurrentIndex(index);
        m_textTable->scrollTo(index);
        return;
    }
    const int row = m_model->rowOf(id);
    if (row < 0) return;
    const QModelIndex index = m_model->index(row, QueryResultsModel::IdColumn);
    if (m_table->currentIndex().row() == row) return;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

} // namespace sextant::ui
