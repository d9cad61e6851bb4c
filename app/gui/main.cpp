#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>

#include <malloc.h>

#include "launchpaths.h"
#include "mainwindow.h"
#include "translations.h"

int main(int argc, char *argv[])
{
    // One malloc arena: folders are scanned and planned on pool threads, and what those free
    // would otherwise stay in their own arenas while the GUI thread grows the results.
    mallopt(M_ARENA_MAX, 1);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Pixelmill"));
    QApplication::setOrganizationName(QStringLiteral("Pixelmill"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("org.pixelmill.Pixelmill"));
    installTranslations(&app); // the window's language; pixelmill-cli stays English

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Batch image processor"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QApplication::translate("main", "Folder to open, or images in it"),
                                 QStringLiteral("[folder|images…]"));
    parser.process(app);

    QSettings settings;
    MainWindow window(&settings);
    const QString source = sourceFolderForPaths(parser.positionalArguments());
    if (!source.isEmpty())
        window.setSourceFolder(source);
    window.show();
    return QApplication::exec();
}
