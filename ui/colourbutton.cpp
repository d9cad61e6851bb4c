#include "colourbutton.h"

#include <QColorDialog>
#include <QPainter>
#include <QPixmap>

namespace {
QColor toQColor(const Rgba &c)
{
    return QColor(c.r, c.g, c.b, c.a);
}
} // namespace

ColourButton::ColourButton(QWidget *parent) : QPushButton(parent)
{
    connect(this, &QPushButton::clicked, this, &ColourButton::choose);
    setColour(m_colour);
}

void ColourButton::setColour(const Rgba &colour)
{
    m_colour = colour;
    const QColor c = toQColor(colour);
    const int side = fontMetrics().height();
    QPixmap swatch(side, side);
    swatch.fill(Qt::transparent);
    QPainter painter(&swatch);
    // A checkerboard under the colour, so a half-transparent colour shows as one.
    painter.fillRect(swatch.rect(), Qt::white);
    painter.fillRect(QRect(0, 0, side / 2, side / 2), Qt::lightGray);
    painter.fillRect(QRect(side / 2, side / 2, side - side / 2, side - side / 2), Qt::lightGray);
    painter.fillRect(swatch.rect(), c);
    painter.setPen(palette().color(QPalette::ButtonText));
    painter.drawRect(swatch.rect().adjusted(0, 0, -1, -1));
    painter.end();
    setIcon(QIcon(swatch));
    setIconSize(swatch.size());
    // As recipes write it: #rrggbb, or #rrggbbaa when not opaque.
    QString name = c.name(QColor::HexRgb);
    if (colour.a != 255)
        name += QStringLiteral("%1").arg(colour.a, 2, 16, QLatin1Char('0'));
    setText(name);
    setAccessibleDescription(name);
}

void ColourButton::choose()
{
    const QColor chosen = QColorDialog::getColor(toQColor(m_colour), this, tr("Choose a colour"),
                                                 QColorDialog::ShowAlphaChannel);
    if (!chosen.isValid())
        return; // cancelled
    setColour({chosen.red(), chosen.green(), chosen.blue(), chosen.alpha()});
    Q_EMIT colourChosen(m_colour);
}
