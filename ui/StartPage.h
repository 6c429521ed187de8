#pragma once
// What the window shows with no index open: recent indexes, "New index…",
// "Open…", and the hint that an index folder, documents or vector files can
// be dropped here (files become a new index: MainWindow::importPaths).

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace sextant::ui {

class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);
    void reloadRecent();

signals:
    void newIndexRequested();
    void openIndexRequested();
    void openPathRequested(const QString &path);

private:
    void showRecentMenu(const QPoint &pos);

    QListWidget *m_recent;
    QLabel *m_noRecent;
};

} // namespace sextant::ui
