#include "IndexPage.h"

#include "BrowseView.h"
#include "DuplicatesView.h"
#include "IndexSession.h"
#include "InspectorView.h"
#include "IntegrityView.h"
#include "MapView.h"
#include "QueryView.h"
#include "SummaryView.h"
#include "Theme.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace sextant::ui {

IndexPage::IndexPage(IndexSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_path(session->path())
{
    session->setParent(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // Always made, shown while the session is read-only; its sentence
    // follows the writer lock (IndexSession polls it twice a second).
    m_readOnlyBanner = makeBanner(QStringLiteral("readOnlyBanner"), QString(), QColor(0xf2, 0xc0, 0x37));
    m_readOnlyText = m_readOnlyBanner->findChild<QLabel *>(QStringLiteral("readOnlyBannerText"));
    m_openForWriting = new QPushButton(tr("Open for Writing"), m_readOnlyBanner);
    m_openForWriting->setObjectName(QStringLiteral("openForWritingButton"));
    m_readOnlyBanner->layout()->addWidget(m_openForWriting);
    connect(m_openForWriting, &QPushButton::clicked, this, [this] {
        if (m_writeWhenFree) {
            setWriteWhenFree(false); // "Stay Read-Only"
            return;
        }
        const auto holder = m_session->lockHolder();
        if (holder && !holder->stale && !m_session->writerHasLeft())
            setWriteWhenFree(true); // no use trying now: wait for it
        else
            emit reopenRequested();
    });
    layout->addWidget(m_readOnlyBanner);
    connect(session, &IndexSession::lockHolderChanged, this, &IndexPage::writerMayHaveLeft);
    connect(session, &IndexSession::accessChanged, this, &IndexPage::updateReadOnlyBanner);
    updateReadOnlyBanner();
    const OpenReport &report = session->index()->openReport();
    if (report.tailCut || !report.notes.isEmpty()) {
        QStringList notes = report.notes;
        if (notes.isEmpty() && report.tailCut) notes << report.tailReason;
        QString text = tr("<b>Recovered.</b> %1").arg(notes.join(QLatin1Char(' ')).toHtmlEscaped());
        if (!report.quarantinedTo.isEmpty())
            text += QLatin1Char(' ') + tr("The cut bytes were saved to %1.").arg(report.quarantinedTo.toHtmlEscaped());
        layout->addWidget(makeBanner(QStringLiteral("recoveryBanner"), text, QColor(0x5b, 0x9b, 0xd5)));
    }

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_tabs = new QTabWidget(m_splitter);
    m_tabs->setDocumentMode(true);
    m_summary = new SummaryView(session, m_tabs);
    m_browse = new BrowseView(session, m_tabs);
    m_query = new QueryView(session, m_tabs);
    m_map = new MapView(session, m_tabs);
    m_integrity = new IntegrityView(session->path(), session, m_tabs);
    m_tabs->addTab(m_summary, tr("Summary"));
    m_tabs->addTab(m_browse, tr("Browse"));
    m_tabs->addTab(m_query, tr("Query"));
    m_tabs->addTab(m_map, tr("Map"));
    m_tabs->addTab(m_integrity, tr("Integrity"));
    m_duplicates = new DuplicatesView(session, m_tabs);
    m_tabs->addTab(m_duplicates, tr("Duplicates"));
    m_inspector = new InspectorView(session, m_splitter);
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_inspector);
    // Explicit minimum widths: the splitter then ignores what the views'
    // and the inspector's contents would like (a long id, a wide table), so
    // the handle stays where the user put it as the content changes.
    m_tabs->setMinimumWidth(420);
    m_inspector->setMinimumWidth(260);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({860, 440}); // room for the vector statistics: the inspector no longer widens itself
    layout->addWidget(m_splitter, 1);

    connect(m_browse, &BrowseView::findSimilarRequested, this, [this](const QString &id) {
        showView(View::Query);
        m_query->findSimilar(id);
    });
    connect(m_browse, &BrowseView::currentItemFilteredOut, m_inspector, &InspectorView::setFilteredOut);
    connect(m_browse, &BrowseView::currentRowLoading, m_inspector, &InspectorView::showLoading);
    connect(m_browse, &BrowseView::currentRowLoaded, m_inspector, &InspectorView::endLoading);
    // The Summary's Verify fills the Integrity view's findings and map too.
    connect(m_summary, &SummaryView::verified, m_integrity, &IntegrityView::showReport);
    showView(View::Browse);
}

IndexPage::IndexPage(const QString &damagedPath, const QString &reason, QWidget *parent)
    : QWidget(parent), m_path(damagedPath)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    const QString text =
        tr("<b>This index could not be opened.</b> %1<br>Verification below shows where it is damaged; a repair "
           "can often make it usable again, after you have seen and approved its plan.")
            .arg(reason.toHtmlEscaped());
    QWidget *banner = makeBanner(QStringLiteral("damagedBanner"), text, QColor(0xd9, 0x53, 0x4f));
    auto *retry = new QPushButton(tr("Try Again"), banner);
    retry->setToolTip(tr("Try again to open the index (for example after freeing disk space or fixing permissions)."));
    banner->layout()->addWidget(retry);
    connect(retry, &QPushButton::clicked, this, &IndexPage::openRequested);
    layout->addWidget(banner);
    m_integrity = new IntegrityView(damagedPath, nullptr, this);
    layout->addWidget(m_integrity, 1);
    connect(m_integrity, &IntegrityView::openIndexRequested, this, &IndexPage::openRequested);
    // Where the damage is, without asking: that is why the user is here.
    m_integrity->verify(true);
}

QString IndexPage::displayName() const
{
    const QString name = QDir::cleanPath(m_path).section(u'/', -1);
    return name.isEmpty() ? m_path : name;
}

IndexPage::~IndexPage() = default;

void IndexPage::setWriteWhenFree(bool wait)
{
    if (m_writeWhenFree == wait) return;
    m_writeWhenFree = wait;
    updateReadOnlyBanner();
    // Gone already (between the attempt and now): try again in a moment.
    if (wait && m_session->writerHasLeft()) QTimer::singleShot(1000, this, &IndexPage::writerMayHaveLeft);
}

void IndexPage::writerMayHaveLeft()
{
    if (m_writeWhenFree && m_session->isReadOnly() && m_session->writerHasLeft()) {
        // Asked for while the other program wrote: now it has gone.
        m_writeWhenFree = false;
        updateReadOnlyBanner();
        m_readOnlyText->setText(tr("<b>Read-only.</b> The other program has closed the index; opening it for "
                                   "writing…"));
        emit reopenRequested();
        return;
    }
    updateReadOnlyBanner();
}

void IndexPage::updateReadOnlyBanner()
{
    if (!m_readOnlyBanner) return;
    m_readOnlyBanner->setVisible(m_session->isReadOnly());
    if (!m_session->isReadOnly()) {
        m_writeWhenFree = false;
        return;
    }
    const auto holder = m_session->lockHolder();
    // Yellow while someone else writes; blue once the index is free to take.
    const bool free = m_session->writerHasLeft() && !m_writeWhenFree;
    tintBanner(m_readOnlyBanner, free ? QColor(0x5b, 0x9b, 0xd5) : QColor(0xf2, 0xc0, 0x37));
    m_openForWriting->setText(m_writeWhenFree ? tr("Stay Read-Only") : tr("Open for Writing"));
    m_openForWriting->setToolTip(
        m_writeWhenFree ? tr("Do not switch to writing when the other program closes the index.")
                        : tr("Open the index for writing here, keeping the filter, selection and query; while "
                             "another program writes it, Sextant switches as soon as that program closes it."));
    QString text;
    if (m_writeWhenFree && holder)
        text = tr("<b>Read-only.</b> %1 is writing this index. Sextant opens it for writing here as soon as that "
                  "program closes it; what you see stays as it is.")
                   .arg(holder->describe().toHtmlEscaped());
    else if (m_session->writerHasLeft())
        text = tr("<b>The other writer has left.</b> This index is still open read-only here. Open it for writing "
                  "to change it; what you see stays as it is.");
    else if (holder)
        text = tr("<b>Read-only.</b> %1 is writing this index. Its changes appear here as they happen; "
                  "to change the index yourself, close it there.")
                   .arg(holder->describe().toHtmlEscaped());
    else
        text = tr("<b>Read-only.</b> This index was opened read-only; its changes made elsewhere appear here as "
                  "they happen.");
    m_readOnlyText->setText(text);
}

void IndexPage::tintBanner(QWidget *banner, const QColor &colour)
{
    QPalette p = banner->palette();
    const bool dark = isDarkPalette(p);
    p.setColor(QPalette::Window, dark ? colour.darker(260) : colour.lighter(150));
    p.setColor(QPalette::WindowText, dark ? QColor(0xf0, 0xf0, 0xf0) : QColor(0x20, 0x20, 0x20));
    banner->setPalette(p);
}

QWidget *IndexPage::makeBanner(const QString &objectName, const QString &text, const QColor &colour)
{
    auto *banner = new QWidget(this);
    banner->setObjectName(objectName);
    banner->setAutoFillBackground(true);
    tintBanner(banner, colour);
    auto *row = new QHBoxLayout(banner);
    row->setContentsMargins(12, 8, 12, 8);
    auto *label = new QLabel(text, banner);
    label->setObjectName(objectName + QStringLiteral("Text"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    row->addWidget(label, 1);
    return banner;
}

void IndexPage::showView(View view)
{
    if (m_tabs) m_tabs->setCurrentIndex(int(view));
}

IndexPage::View IndexPage::currentView() const { return m_tabs ? View(m_tabs->currentIndex()) : View::Integrity; }

} // namespace sextant::ui
