#pragma once
// Everything about one open index in its tab: banners (read-only, what
// opening found), the views (Summary, Browse, Query, Map) and the inspector.

#include <QWidget>
#include <memory>

class QLabel;
class QSplitter;
class QTabWidget;

namespace sextant::ui {

class BrowseView;
class IndexSession;
class InspectorView;
class MapView;
class QueryView;
class SummaryView;

class IndexPage : public QWidget {
    Q_OBJECT
public:
    enum class View { Summary, Browse, Query, Map };

    // Takes ownership of the session.
    explicit IndexPage(IndexSession *session, QWidget *parent = nullptr);
    ~IndexPage() override;

    IndexSession *session() const { return m_session; }
    void showView(View view);
    View currentView() const;

    SummaryView *summaryView() const { return m_summary; }
    BrowseView *browseView() const { return m_browse; }
    QueryView *queryView() const { return m_query; }
    MapView *mapView() const { return m_map; }
    InspectorView *inspectorView() const { return m_inspector; }
    QSplitter *splitter() const { return m_splitter; }

signals:
    // The user asked to open this index for writing again (read-only banner).
    void reopenRequested();

private:
    QWidget *makeBanner(const QString &objectName, const QString &text, const QColor &colour);

    IndexSession *m_session;
    QTabWidget *m_tabs;
    QSplitter *m_splitter;
    SummaryView *m_summary;
    BrowseView *m_browse;
    QueryView *m_query;
    MapView *m_map;
    InspectorView *m_inspector;
};

} // namespace sextant::ui
