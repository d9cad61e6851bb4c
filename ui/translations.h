#pragma once

#include <QLocale>

class QCoreApplication;

// Installs Pixelmill's translation for the first of the locale's UI languages we ship (for the
// system locale: LANGUAGE, then LC_ALL, LC_MESSAGES, LANG), and Qt's own (qtbase: the buttons
// and file dialogs Qt draws) when the system has it. Without a match the English catalogue is
// installed: it holds only the plural forms ("1 image found", "2 images found").
// Returns the language loaded, e.g. "de", "zh_CN" or "en".
QString installTranslations(QCoreApplication *app, const QLocale &locale = QLocale::system());
