#include "uiresources.h"

#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>
#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initPixelmillResources()
{
    Q_INIT_RESOURCE(pixelmill);
}

void initUiResources()
{
    static const bool done = [] {
        initPixelmillResources();
        return true;
    }();
    Q_UNUSED(done);
}

namespace {
QPixmap tinted(QSvgRenderer &shape, int side, const QColor &colour)
{
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    shape.render(&painter);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn); // keep the shape's alpha
    painter.fillRect(pixmap.rect(), colour);
    return pixmap;
}
} // namespace

QIcon themedIcon(const QString &name, const QPalette &palette)
{
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    initUiResources();
    QSvgRenderer shape(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!shape.isValid())
        return {};
    QIcon icon;
    for (const int side : {16, 24, 32, 48}) {
        icon.addPixmap(tinted(shape, side, palette.color(QPalette::Active, QPalette::ButtonText)),
                       QIcon::Normal);
        icon.addPixmap(tinted(shape, side, palette.color(QPalette::Disabled, QPalette::ButtonText)),
                       QIcon::Disabled);
    }
    return icon;
}
