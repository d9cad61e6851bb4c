#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>

#include <malloc.h>

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
    parser.addPositionalArgument(QStringLiteral("folder"),
                                 QApplication::translate("main", "Folder of images to open"),
                                 QStringLiteral("[folder]"));
    parser.process(app);

    QSettings settings;
    MainWindow window(&settings);
    const QStringList folders = parser.positionalArguments();
    if (!folders.isEmpty()) {
        const QFileInfo info(folders.constFirst());
        window.setSourceFolder(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    }
    window.show();
    return QApplication::exec();
}
