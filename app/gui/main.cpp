// sextant: the desktop GUI. Opens the index folders named on the command
// line (or the ones open when it last closed).

#include "IndexSession.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "Theme.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QThreadPool>
#include <QTimer>
#include <QWindow>

#include <cstdio>

namespace {

// The icon's PNG renderings, compiled in under :/icons (app/gui/CMakeLists.txt):
// PNGs rather than the SVG, so no SVG image plugin is needed at run time.
QIcon applicationIcon()
{
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/hicolor/%1x%1/apps/" SEXTANT_APP_ID ".png").arg(size), QSize(size, size));
    return icon;
}

// --quit-after-ms: once the window is on screen (visible and exposed: the
// platform has given it a surface), say so on standard output and quit `ms`
// later. A smoke test of an installed package uses it under
// QT_QPA_PLATFORM=offscreen.
void quitAfterShown(QWidget *window, int ms)
{
    auto *poll = new QTimer(window);
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, window, [window, poll, ms] {
        const QWindow *handle = window->windowHandle();
        if (!window->isVisible() || !handle || !handle->isExposed())
            return;
        poll->stop();
        std::printf("sextant: the main window was shown (%dx%d); quitting in %d ms\n", window->width(), window->height(), ms);
        std::fflush(stdout);
        QTimer::singleShot(ms, qApp, &QCoreApplication::quit);
    });
    poll->start();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Sextant"));
    QApplication::setApplicationName(QStringLiteral("Sextant"));
    QApplication::setApplicationDisplayName(QStringLiteral("Sextant"));
    QApplication::setApplicationVersion(QStringLiteral(SEXTANT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(SEXTANT_APP_ID));
    QApplication::setWindowIcon(applicationIcon());

    sextant::ui::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Workbench for local vector indexes."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("index"),
                                 QApplication::translate("main", "Index folders to open."),
                                 QStringLiteral("[index...]"));
    QCommandLineOption noRestore(QStringLiteral("no-restore"),
                                 QApplication::translate("main", "Do not reopen the indexes open at the last exit."));
    parser.addOption(noRestore);
    // For smoke tests of an installed build (.ci/run), not for users: hidden
    // from --help and so not translated; the man page names it.
    QCommandLineOption quitAfter(QStringLiteral("quit-after-ms"),
                                 QStringLiteral("Quit N milliseconds after the main window is shown."), QStringLiteral("N"));
    quitAfter.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(quitAfter);
    parser.process(app);
    int quitAfterMs = -1;
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        quitAfterMs = parser.value(quitAfter).toInt(&ok);
        if (!ok || quitAfterMs < 0) {
            std::fprintf(stderr, "sextant: --quit-after-ms takes a number of milliseconds, not \"%s\".\n",
                         qUtf8Printable(parser.value(quitAfter)));
            return 2;
        }
    }

    using namespace sextant::ui;
    captureSystemPalette();
    applyTheme(Preferences::load().theme);

    MainWindow window;
    window.show();
    if (quitAfterMs >= 0)
        quitAfterShown(&window, quitAfterMs);
    const QStringList paths = parser.positionalArguments();
    if (!paths.isEmpty()) {
        for (const QString &p : paths) window.openIndex(p);
    } else if (!parser.isSet(noRestore)) {
        window.restoreOpenIndexes();
    }
    const int rc = app.exec();
    // Closing indexes finishes their queued writes and checkpoints.
    IndexSession::waitForClosing();
    QThreadPool::globalInstance()->waitForDone();
    return rc;
}
