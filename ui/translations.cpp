#include "translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace {
// Where qt_add_translations puts the .qm files (ui/CMakeLists.txt).
const QString kCatalogueDir = QStringLiteral(":/i18n");
const QString kEnglish = QStringLiteral("pixelmill_en");

QString languageOf(const QTranslator &translator)
{
    // "…/pixelmill_zh_CN.qm" -> "zh_CN"
    const QString base = QFileInfo(translator.filePath()).completeBaseName();
    return base.mid(base.indexOf(QLatin1Char('_')) + 1);
}
} // namespace

QString installTranslations(QCoreApplication *app, const QLocale &locale)
{
    auto *pixelmill = new QTranslator(app);
    if (!pixelmill->load(locale, QStringLiteral("pixelmill"), QStringLiteral("_"), kCatalogueDir) &&
        !pixelmill->load(kEnglish, kCatalogueDir)) {
        delete pixelmill;
        return {};
    }
    QCoreApplication::installTranslator(pixelmill);
    const QString language = languageOf(*pixelmill);
    // Qt's strings follow ours, so a German window never gets English file dialogs and an
    // English one never gets French ones because LANGUAGE listed French first.
    auto *qt = new QTranslator(app);
    if (language != QLatin1String("en") &&
        qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return language;
}
