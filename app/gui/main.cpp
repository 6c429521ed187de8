// sextant: the desktop GUI. Opens the index folders named on the command
// line (or the ones open when it last closed). Two hidden options serve
// tools/demo.sh: --create-demo PATH makes the demo index (ui/DemoIndex.h)
// without a window and exits; --demo PATH opens it (making it first when
// missing) on the Query view, as the start page's "Create a Demo Index" does.
// A third, --quit-after-ms N, serves smoke tests of an installed package.

#include "DemoIndex.h"
#include "ErrorText.h"
#include "IndexSession.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "Theme.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QTextStream>
#include <QThreadPool>
#include <QTimer>
#include <QWindow>
#include <cstdio>
#include <memory>

namespace {
// --create-demo needs no window, and so no display: it runs in a
// QCoreApplication (the option is looked for before any application exists).
bool wantsNoWindow(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--create-demo") == 0 || qstrncmp(argv[i], "--create-demo=", 14) == 0) return true;
    return false;
}

int createDemoAndExit(const QString &path)
{
    using namespace sextant::ui;
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString folder = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    DemoCreation made = createDemoIndex(folder);
    if (made.existed) {
        out << QCoreApplication::translate("main", "The demo index is in %1 already.")
                   .arg(QDir::toNativeSeparators(folder))
            << Qt::endl;
        return 0;
    }
    if (!made.index) {
        err << QCoreApplication::translate("main", "Could not create the demo index in %1.")
                   .arg(QDir::toNativeSeparators(folder))
            << Qt::endl
            << userMessageText(made.error, ErrorContext::Create) << Qt::endl;
        return 1;
    }
    const sextant::Error closed = made.index->close();
    if (!closed.ok()) {
        err << userMessageText(closed, ErrorContext::Write) << Qt::endl;
        return 1;
    }
    out << QCoreApplication::translate("main", "Made the demo index in %1: %n document(s), %2 chunks, in %3 s.",
                                       nullptr, made.documents)
               .arg(QDir::toNativeSeparators(folder))
               .arg(made.chunks)
               .arg(made.seconds, 0, 'f', 2)
        << Qt::endl;
    return 0;
}

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
// later. .ci/run starts the installed package's sextant this way under
// QT_QPA_PLATFORM=offscreen.
void quitAfterShown(QWidget *window, int ms)
{
    auto *poll = new QTimer(window);
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, window, [window, poll, ms] {
        const QWindow *handle = window->windowHandle();
        if (!window->isVisible() || !handle || !handle->isExposed()) return;
        poll->stop();
        std::printf("sextant: the main window was shown (%dx%d, window icon in %d sizes); quitting in %d ms\n",
                    window->width(), window->height(), int(window->windowIcon().availableSizes().size()), ms);
        std::fflush(stdout);
        QTimer::singleShot(ms, qApp, &QCoreApplication::quit);
    });
    poll->start();
}
} // namespace

int main(int argc, char **argv)
{
    const bool noWindow = wantsNoWindow(argc, argv);
    std::unique_ptr<QCoreApplication> application(noWindow ? new QCoreApplication(argc, argv)
                                                           : new QApplication(argc, argv));
    QCoreApplication &app = *application;
    QApplication::setOrganizationName(QStringLiteral("Sextant"));
    QApplication::setApplicationName(QStringLiteral("Sextant"));
    QApplication::setApplicationDisplayName(QStringLiteral("Sextant"));
    QApplication::setApplicationVersion(QStringLiteral(SEXTANT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(SEXTANT_APP_ID));

    // The language chosen in Preferences, or the system's.
    sextant::ui::installTranslations(sextant::ui::Preferences::load().language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Workbench for local vector indexes."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("index"), QApplication::translate("main", "Index folders to open."),
                                 QStringLiteral("[index...]"));
    QCommandLineOption noRestore(QStringLiteral("no-restore"),
                                 QApplication::translate("main", "Do not reopen the indexes open at the last exit."));
    parser.addOption(noRestore);
    QCommandLineOption createDemo(
        QStringLiteral("create-demo"),
        QApplication::translate("main", "Make the demo index in PATH (unless it exists) and exit."),
        QStringLiteral("PATH"));
    createDemo.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(createDemo);
    QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("main", "Open the demo index in PATH, making it first when missing."),
        QStringLiteral("PATH"));
    demo.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(demo);
    // For smoke tests, not for users: hidden from --help and so not
    // translated; the man page names it.
    QCommandLineOption quitAfter(QStringLiteral("quit-after-ms"),
                                 QStringLiteral("Quit N milliseconds after the main window is shown."),
                                 QStringLiteral("N"));
    quitAfter.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(quitAfter);
    parser.process(app);
    if (noWindow) return createDemoAndExit(parser.value(createDemo));
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
    QApplication::setWindowIcon(applicationIcon());

    using namespace sextant::ui;
    captureSystemPalette();
    applyTheme(Preferences::load().theme);

    MainWindow window;
    window.show();
    if (quitAfterMs >= 0) quitAfterShown(&window, quitAfterMs);
    const QStringList paths = parser.positionalArguments();
    if (parser.isSet(demo)) {
        window.openDemoIndex(parser.value(demo));
        for (const QString &p : paths)
            window.openIndex(p);
    } else if (!paths.isEmpty()) {
        for (const QString &p : paths)
            window.openIndex(p);
    } else if (!parser.isSet(noRestore)) {
        window.restoreOpenIndexes();
    }
    const int rc = QApplication::exec();
    // Closing indexes finishes their queued writes and checkpoints.
    IndexSession::waitForClosing();
    QThreadPool::globalInstance()->waitForDone();
    return rc;
}
