#include "stepsummary.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

namespace {
// The translation context of every string here.
class StepSummary
{
    Q_DECLARE_TR_FUNCTIONS(StepSummary)
};

// Shortest form in the user's locale: 0.75, 1.2, 10 (German: 0,75).
QString number(double value)
{
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

// +10, −5 (a real minus sign, as typeset), 0.
QString signedNumber(double value)
{
    const QString digits = number(qAbs(value));
    if (value > 0)
        return QLatin1Char('+') + digits;
    if (value < 0)
        return QChar(0x2212) + digits;
    return digits;
}

QString size(int width, int height)
{
    return StepSummary::tr("%1×%2").arg(width).arg(height);
}

QString colourName(const Rgba &c)
{
    if (c.a == 0)
        return StepSummary::tr("transparent");
    if (c == Rgba{255, 255, 255, 255})
        return StepSummary::tr("white");
    if (c == Rgba{0, 0, 0, 255})
        return StepSummary::tr("black");
    return toString(c); // the recipe's own "#rrggbb[aa]"
}

QString summary(const ResizeStep &s)
{
    QString text;
    switch (s.mode) {
    case ResizeMode::None:
        return StepSummary::tr("Resize: keep size");
    case ResizeMode::Fit:
        text = StepSummary::tr("Resize: fit in %1").arg(size(s.width, s.height));
        break;
    case ResizeMode::Fill:
        text = StepSummary::tr("Resize: fill %1").arg(size(s.width, s.height));
        break;
    case ResizeMode::Exact:
        text = StepSummary::tr("Resize: exactly %1").arg(size(s.width, s.height));
        break;
    case ResizeMode::Percent:
        text = StepSummary::tr("Resize: %1%").arg(number(s.percent));
        break;
    case ResizeMode::LongEdge:
        text = StepSummary::tr("Long edge %1 px").arg(s.longEdge);
        break;
    }
    return s.noEnlarge ? StepSummary::tr("%1, never enlarged").arg(text) : text;
}

QString summary(const CropStep &s)
{
    if (s.aspectWidth > 0 && s.aspectHeight > 0)
        return StepSummary::tr("Crop %1:%2, %3")
            .arg(s.aspectWidth)
            .arg(s.aspectHeight)
            .arg(gravityName(s.gravity));
    return StepSummary::tr("Crop %1 at %2, %3")
        .arg(size(s.box.width(), s.box.height()))
        .arg(s.box.x())
        .arg(s.box.y());
}

QString summary(const RotateStep &s)
{
    if (s.degrees == 180)
        return StepSummary::tr("Rotate 180°");
    return StepSummary::tr("Rotate %1° clockwise").arg(s.degrees);
}

QString summary(const FlipStep &s)
{
    return s.axis == FlipAxis::Horizontal ? StepSummary::tr("Flip horizontally")
                                          : StepSummary::tr("Flip vertically");
}

QString summary(const PadStep &s)
{
    const QString text = StepSummary::tr("Pad to %1, %2")
                             .arg(size(s.size.width(), s.size.height()), colourName(s.background));
    // The centre is what padding means unless said otherwise.
    if (s.gravity == Gravity::Centre)
        return text;
    return StepSummary::tr("%1, %2").arg(text, gravityName(s.gravity));
}

QString summary(const SharpenStep &s)
{
    if (s.sigma == SharpenStep{}.sigma)
        return StepSummary::tr("Sharpen %1").arg(number(s.amount));
    return StepSummary::tr("Sharpen %1, radius %2").arg(number(s.amount), number(s.sigma));
}

QString summary(const AdjustStep &s)
{
    return StepSummary::tr("Brightness %1, contrast %2, gamma %3")
        .arg(signedNumber(s.brightness), signedNumber(s.contrast), number(s.gamma));
}

QString summary(const AutoLevelStep &)
{
    return StepSummary::tr("Auto level");
}

QString summary(const GrayscaleStep &)
{
    return StepSummary::tr("Grayscale");
}

QString summary(const WatermarkStep &s)
{
    const QString opacity = QString::number(s.opacity);
    if (!s.imagePath.isEmpty())
        return StepSummary::tr("Watermark %1 %2, %3%")
            .arg(QFileInfo(s.imagePath).fileName(), gravityName(s.position), opacity);
    if (!s.text.isEmpty())
        return StepSummary::tr("Watermark “%1” %2, %3%")
            .arg(s.text, gravityName(s.position), opacity);
    return StepSummary::tr("Watermark: no image chosen");
}
} // namespace

StepKind stepKind(const Step &step)
{
    if (const auto *mark = std::get_if<WatermarkStep>(&step))
        return mark->imagePath.isEmpty() && !mark->text.isEmpty() ? StepKind::TextWatermark
                                                                  : StepKind::ImageWatermark;
    // The other alternatives are listed in step.h in the menu's order.
    return StepKind(step.index());
}

Step defaultStep(StepKind kind)
{
    switch (kind) {
    case StepKind::Resize:
        return ResizeStep{ResizeMode::Fit, 1920, 1080, 50, 2048, true};
    case StepKind::Crop:
        return CropStep{1, 1, {}, Gravity::Centre};
    case StepKind::Rotate:
        return RotateStep{};
    case StepKind::Flip:
        return FlipStep{};
    case StepKind::Pad:
        return PadStep{QSize(1200, 1200), Rgba{}, Gravity::Centre};
    case StepKind::Sharpen:
        return SharpenStep{};
    case StepKind::Adjust:
        return AdjustStep{};
    case StepKind::AutoLevel:
        return AutoLevelStep{};
    case StepKind::Grayscale:
        return GrayscaleStep{};
    case StepKind::TextWatermark: {
        WatermarkStep mark;
        mark.text = QStringLiteral("©");
        return mark;
    }
    case StepKind::ImageWatermark: {
        WatermarkStep mark; // the file is chosen in the editor
        mark.sizePercent = 15;
        return mark;
    }
    }
    return GrayscaleStep{};
}

QString stepTitle(StepKind kind)
{
    switch (kind) {
    case StepKind::Resize:
        return StepSummary::tr("Resize");
    case StepKind::Crop:
        return StepSummary::tr("Crop");
    case StepKind::Rotate:
        return StepSummary::tr("Rotate");
    case StepKind::Flip:
        return StepSummary::tr("Flip");
    case StepKind::Pad:
        return StepSummary::tr("Pad to canvas");
    case StepKind::Sharpen:
        return StepSummary::tr("Sharpen");
    case StepKind::Adjust:
        return StepSummary::tr("Brightness, contrast, gamma");
    case StepKind::AutoLevel:
        return StepSummary::tr("Auto level");
    case StepKind::Grayscale:
        return StepSummary::tr("Grayscale");
    case StepKind::TextWatermark:
        return StepSummary::tr("Text watermark");
    case StepKind::ImageWatermark:
        return StepSummary::tr("Image watermark");
    }
    return {};
}

QString stepSummary(const Step &step)
{
    return std::visit([](const auto &s) { return summary(s); }, step);
}

QString gravityName(Gravity gravity)
{
    switch (gravity) {
    case Gravity::Centre:
        return StepSummary::tr("centre");
    case Gravity::North:
        return StepSummary::tr("top");
    case Gravity::NorthEast:
        return StepSummary::tr("top right");
    case Gravity::East:
        return StepSummary::tr("right");
    case Gravity::SouthEast:
        return StepSummary::tr("bottom right");
    case Gravity::South:
        return StepSummary::tr("bottom");
    case Gravity::SouthWest:
        return StepSummary::tr("bottom left");
    case Gravity::West:
        return StepSummary::tr("left");
    case Gravity::NorthWest:
        return StepSummary::tr("top left");
    case Gravity::Attention:
        return StepSummary::tr("attention");
    }
    return {};
}
