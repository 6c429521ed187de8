#pragma once
// What the window shows with no index open: recent indexes, "New index…",
// "Open…", and the hint that an index folder, documents or vector files can
// be dropped here (files become a new index: MainWindow::importPaths). With
// no recent indexes (the first run) it offers the demo index (DemoIndex.h).

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace sextant::ui {

class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);
    void reloadRecent();
    // While the demo index is being made, its button waits.
    void setDemoBusy(bool busy);
    bool isDemoOffered() const;

signals:
    void newIndexRequested();
    void openIndexRequested();
    void openPathRequested(const QString &path);
    void demoIndexRequested();

private:
    void showRecentMenu(const QPoint &pos);

    QListWidget *m_recent;
    QLabel *m_noRecent;
    QWidget *m_demoOffer;
    QPushButton *m_demoButton;
};

} // namespace sextant::ui
