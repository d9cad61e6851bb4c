#include "step.h"

#include <QStringList>

#include <type_traits>

bool operator==(const ResizeStep &a, const ResizeStep &b)
{
    return a.mode == b.mode && a.width == b.width && a.height == b.height &&
           a.percent == b.percent && a.longEdge == b.longEdge && a.noEnlarge == b.noEnlarge;
}

bool operator==(const CropStep &a, const CropStep &b)
{
    return a.aspectWidth == b.aspectWidth && a.aspectHeight == b.aspectHeight && a.box == b.box &&
           a.gravity == b.gravity;
}

bool operator==(const RotateStep &a, const RotateStep &b)
{
    return a.degrees == b.degrees;
}

bool operator==(const FlipStep &a, const FlipStep &b)
{
    return a.axis == b.axis;
}

bool operator==(const PadStep &a, const PadStep &b)
{
    return a.size == b.size && a.background == b.background && a.gravity == b.gravity;
}

bool operator==(const SharpenStep &a, const SharpenStep &b)
{
    return a.sigma == b.sigma && a.amount == b.amount;
}

bool operator==(const AdjustStep &a, const AdjustStep &b)
{
    return a.brightness == b.brightness && a.contrast == b.contrast && a.gamma == b.gamma;
}

bool operator==(const AutoLevelStep &, const AutoLevelStep &)
{
    return true;
}

bool operator==(const GrayscaleStep &, const GrayscaleStep &)
{
    return true;
}

bool operator==(const WatermarkStep &a, const WatermarkStep &b)
{
    return a.text == b.text && a.imagePath == b.imagePath && a.font == b.font &&
           a.sizePercent == b.sizePercent && a.colour == b.colour && a.opacity == b.opacity &&
           a.position == b.position && a.marginPercent == b.marginPercent;
}

namespace {

template <typename T> struct OpNameOf;
#define PIXELMILL_OP_NAME(Type, name)                                                              \
    template <> struct OpNameOf<Type>                                                              \
    {                                                                                              \
        static constexpr const char *value = name;                                                 \
    };
PIXELMILL_OP_NAME(ResizeStep, "resize")
PIXELMILL_OP_NAME(CropStep, "crop")
PIXELMILL_OP_NAME(RotateStep, "rotate")
PIXELMILL_OP_NAME(FlipStep, "flip")
PIXELMILL_OP_NAME(PadStep, "pad")
PIXELMILL_OP_NAME(SharpenStep, "sharpen")
PIXELMILL_OP_NAME(AdjustStep, "adjust")
PIXELMILL_OP_NAME(AutoLevelStep, "autolevel")
PIXELMILL_OP_NAME(GrayscaleStep, "grayscale")
PIXELMILL_OP_NAME(WatermarkStep, "watermark")
#undef PIXELMILL_OP_NAME

// Whole numbers only, without signs or spaces: "800x600" splits into 800 and 600.
std::optional<int> plainNumber(const QString &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || text.isEmpty() || !text.front().isDigit())
        return std::nullopt;
    return value;
}

} // namespace

QString opName(const Step &step)
{
    return std::visit(
        [](const auto &s) {
            return QString::fromLatin1(OpNameOf<std::decay_t<decltype(s)>>::value);
        },
        step);
}

QString toString(const Rgba &colour)
{
    QString text = QStringLiteral("#%1%2%3")
                       .arg(colour.r, 2, 16, QLatin1Char('0'))
                       .arg(colour.g, 2, 16, QLatin1Char('0'))
                       .arg(colour.b, 2, 16, QLatin1Char('0'));
    if (colour.a != 255)
        text += QStringLiteral("%1").arg(colour.a, 2, 16, QLatin1Char('0'));
    return text;
}

std::optional<Rgba> rgbaFromString(const QString &text)
{
    const QString name = text.trimmed().toLower();
    if (name == QLatin1String("white"))
        return Rgba{255, 255, 255, 255};
    if (name == QLatin1String("black"))
        return Rgba{0, 0, 0, 255};
    if (name == QLatin1String("transparent"))
        return Rgba{0, 0, 0, 0};
    if (!name.startsWith(QLatin1Char('#')) || (name.size() != 7 && name.size() != 9))
        return std::nullopt;
    int channels[4] = {0, 0, 0, 255};
    for (int i = 0; 1 + 2 * i < name.size(); ++i) {
        bool ok = false;
        channels[i] = name.mid(1 + 2 * i, 2).toInt(&ok, 16);
        if (!ok || !name.at(1 + 2 * i).isLetterOrNumber())
            return std::nullopt;
    }
    return Rgba{channels[0], channels[1], channels[2], channels[3]};
}

QString sizeToString(QSize size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

std::optional<QSize> sizeFromString(const QString &text)
{
    const QStringList parts = text.trimmed().toLower().split(QLatin1Char('x'));
    if (parts.size() != 2)
        return std::nullopt;
    const auto w = plainNumber(parts[0]), h = plainNumber(parts[1]);
    if (!w || !h)
        return std::nullopt;
    return QSize(*w, *h);
}

QString boxToString(const QRect &box)
{
    return QStringLiteral("%1+%2+%3").arg(sizeToString(box.size())).arg(box.x()).arg(box.y());
}

std::optional<QRect> boxFromString(const QString &text)
{
    const QStringList parts = text.trimmed().split(QLatin1Char('+'));
    if (parts.size() != 3)
        return std::nullopt;
    const auto size = sizeFromString(parts[0]);
    const auto x = plainNumber(parts[1]), y = plainNumber(parts[2]);
    if (!size || !x || !y)
        return std::nullopt;
    return QRect(QPoint(*x, *y), *size);
}

ResizeStep usedFieldsOnly(const ResizeStep &step)
{
    ResizeStep used;
    used.mode = step.mode;
    used.noEnlarge = step.noEnlarge;
    switch (step.mode) {
    case ResizeMode::None:
        break;
    case ResizeMode::Percent:
        used.percent = step.percent;
        break;
    case ResizeMode::LongEdge:
        used.longEdge = step.longEdge;
        break;
    case ResizeMode::Fit:
    case ResizeMode::Fill:
    case ResizeMode::Exact:
        used.width = step.width;
        used.height = step.height;
        break;
    }
    return used;
}
