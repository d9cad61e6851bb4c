#pragma once

#include <QIcon>

class QPalette;

// Registers the icons compiled into this static library (the linker would otherwise drop
// their initialiser). Safe to call more than once.
void initUiResources();

// The desktop icon theme's icon of that freedesktop name (it follows the theme's light or dark
// variant); when the theme has none, our symbolic shape (:/icons/<name>.svg) drawn in the
// palette's button text colour, so it stays visible on a dark palette as on a light one.
QIcon themedIcon(const QString &name, const QPalette &palette);
