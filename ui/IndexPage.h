#pragma once
// Everything about one index in its tab: banners (read-only, what opening
// found), the views (Summary, Browse, Query, Map, Integrity, Duplicates) and the
// inspector. An index that could not be opened gets a page of its own kind:
// no session, a banner with the reason, and only the Integrity view, which
// verifies the folder at once and can repair it.

#include <QWidget>
#include <memory>

class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;

namespace sextant::ui {

class BrowseView;
class DuplicatesView;
class IndexSession;
class InspectorView;
class IntegrityView;
class MapView;
class QueryView;
class SummaryView;

class IndexPage : public QWidget {
    Q_OBJECT
public:
    enum class View { Summary, Browse, Query, Map, Integrity, Duplicates };

    // Takes ownership of the session.
    explicit IndexPage(IndexSession *session, QWidget *parent = nullptr);
    // A folder that looks like an index but could not be opened (`reason`).
    IndexPage(const QString &damagedPath, const QString &reason, QWidget *parent = nullptr);
    ~IndexPage() override;

    // Null on a page of an index that could not be opened.
    IndexSession *session() const { return m_session; }
    bool isDamaged() const { return !m_session; }
    QString path() const { return m_path; }
    QString displayName() const;
    void showView(View view);
    View currentView() const;

    SummaryView *summaryView() const { return m_summary; }
    BrowseView *browseView() const { return m_browse; }
    QueryView *queryView() const { return m_query; }
    MapView *mapView() const { return m_map; }
    IntegrityView *integrityView() const { return m_integrity; }
    DuplicatesView *duplicatesView() const { return m_duplicates; }
    InspectorView *inspectorView() const { return m_inspector; }
    QSplitter *splitter() const { return m_splitter; } // null on a damaged page

    // Open for Writing was asked for while another program writes the index:
    // the page waits, and asks to reopen for writing (reopenRequested) as soon
    // as the lock shows that program has closed it. The banner's button then
    // reads "Stay Read-Only" and takes the request back.
    void setWriteWhenFree(bool wait);
    bool writeWhenFree() const { return m_writeWhenFree; }

signals:
    // The user asked to open this index for writing again (read-only banner).
    void reopenRequested();
    // A damaged page: the user asked to open the (repaired) index here.
    void openRequested();

private:
    void updateReadOnlyBanner();
    // The lock changed: switches to writing when that was asked for and it is free.
    void writerMayHaveLeft();
    QWidget *makeBanner(const QString &objectName, const QString &text, const QColor &colour);
    void tintBanner(QWidget *banner, const QColor &colour);

    IndexSession *m_session = nullptr;
    QString m_path;
    QWidget *m_readOnlyBanner = nullptr;
    QLabel *m_readOnlyText = nullptr;
    QPushButton *m_openForWriting = nullptr;
    bool m_writeWhenFree = false;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_splitter = nullptr;
    SummaryView *m_summary = nullptr;
    BrowseView *m_browse = nullptr;
    QueryView *m_query = nullptr;
    MapView *m_map = nullptr;
    IntegrityView *m_integrity = nullptr;
    DuplicatesView *m_duplicates = nullptr;
    InspectorView *m_inspector = nullptr;
};

} // namespace sextant::ui
