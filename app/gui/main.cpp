// sextant: the desktop GUI. Opens the index folders named on the command
// line (or the ones open when it last closed).

#include "IndexSession.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "Theme.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QThreadPool>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Sextant"));
    QApplication::setApplicationName(QStringLiteral("Sextant"));
    QApplication::setApplicationDisplayName(QStringLiteral("Sextant"));
    QApplication::setApplicationVersion(QStringLiteral(SEXTANT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("dev.sextant.Sextant"));

    // The language chosen in Preferences, or the system's.
    sextant::ui::installTranslations(sextant::ui::Preferences::load().language);

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
    parser.process(app);

    using namespace sextant::ui;
    captureSystemPalette();
    applyTheme(Preferences::load().theme);

    MainWindow window;
    window.show();
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
