#include "stepflags.h"

#include <QRegularExpression>

#include "optionreaders.h"
#include "recipe.h"

namespace {

QCommandLineOption option(const char *name, const char *help, const char *value = nullptr)
{
    return value
               ? QCommandLineOption(QLatin1String(name), QLatin1String(help), QLatin1String(value))
               : QCommandLineOption(QLatin1String(name), QLatin1String(help));
}

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

bool readResize(const StepFlags &s, const QCommandLineParser &p, QList<Step> *steps, QString *error)
{
    const int given = int(p.isSet(s.resize)) + int(p.isSet(s.percent)) + int(p.isSet(s.longEdge));
    if (given > 1)
        return fail(error, QStringLiteral("--resize, --percent and --long-edge are mutually "
                                          "exclusive; use only one."));
    if (p.isSet(s.mode) && !p.isSet(s.resize))
        return fail(error, QStringLiteral("--mode only applies together with --resize."));
    ResizeStep r;
    r.mode = ResizeMode::None;
    r.noEnlarge = p.isSet(s.noEnlarge);
    if (p.isSet(s.resize)) {
        const std::optional<QSize> size = sizeFromString(p.value(s.resize));
        if (!size)
            return fail(error, QStringLiteral("--resize expects WxH, for example 800x600 (got "
                                              "\"%1\").")
                                   .arg(p.value(s.resize)));
        r.mode = ResizeMode::Fit;
        r.width = size->width();
        r.height = size->height();
        const auto parseMode = [](const QString &text) -> std::optional<ResizeMode> {
            const auto mode = resizeModeFromString(text);
            if (mode == ResizeMode::Fit || mode == ResizeMode::Fill || mode == ResizeMode::Exact)
                return mode;
            return std::nullopt;
        };
        if (!readEnum(p, s.mode, parseMode, &r.mode, error))
            return false;
    } else if (p.isSet(s.percent)) {
        r.mode = ResizeMode::Percent;
        if (!readDouble(p, s.percent, &r.percent, error))
            return false;
    } else if (p.isSet(s.longEdge)) {
        r.mode = ResizeMode::LongEdge;
        if (!readInt(p, s.longEdge, 1, 1'000'000, &r.longEdge, error))
            return false;
    }
    if (r.mode != ResizeMode::None)
        steps->append(r);
    return true;
}

bool readCrop(const StepFlags &s, const QCommandLineParser &p, QList<Step> *steps, QString *error)
{
    if (!p.isSet(s.crop))
        return !p.isSet(s.gravity) ||
               fail(error, QStringLiteral("--gravity only applies together with --crop W:H."));
    CropStep crop;
    static const QRegularExpression aspect(QStringLiteral("^(\\d{1,6}):(\\d{1,6})$"));
    const QString value = p.value(s.crop);
    if (const QRegularExpressionMatch m = aspect.match(value); m.hasMatch()) {
        crop.aspectWidth = m.captured(1).toInt();
        crop.aspectHeight = m.captured(2).toInt();
        if (crop.aspectWidth < 1 || crop.aspectHeight < 1)
            return fail(error, expects(p, s.crop, QStringLiteral("W:H with both above 0")));
        if (!readEnum(p, s.gravity, gravityFromString, &crop.gravity, error))
            return false;
    } else if (const auto box = boxFromString(value); box && !box->isEmpty()) {
        if (p.isSet(s.gravity))
            return fail(error, QStringLiteral("--gravity does not apply to a --crop box WxH+X+Y "
                                              "(it is placed by X and Y)."));
        crop.box = *box;
    } else {
        return fail(error, expects(p, s.crop, QStringLiteral("W:H (e.g. 16:9) or WxH+X+Y")));
    }
    steps->append(crop);
    return true;
}

bool readPad(const StepFlags &s, const QCommandLineParser &p, QList<Step> *steps, QString *error)
{
    if (!p.isSet(s.pad))
        return !p.isSet(s.background) ||
               fail(error, QStringLiteral("--background only applies together with --pad."));
    PadStep pad;
    const std::optional<QSize> size = sizeFromString(p.value(s.pad));
    if (!size || size->width() < 1 || size->height() < 1 || size->width() > 100000 ||
        size->height() > 100000)
        return fail(error, expects(p, s.pad, QStringLiteral("WxH, for example 1200x1200")));
    pad.size = *size;
    if (!readEnum(p, s.background, rgbaFromString, &pad.background, error))
        return false;
    steps->append(pad);
    return true;
}

bool readOrientation(const StepFlags &s, const QCommandLineParser &p, QList<Step> *steps,
                     QString *error)
{
    if (p.isSet(s.rotate)) {
        RotateStep rotate;
        const auto parse = [](const QString &text) -> std::optional<int> {
            if (text == QLatin1String("90") || text == QLatin1String("180") ||
                text == QLatin1String("270"))
                return text.toInt();
            return std::nullopt;
        };
        if (!readEnum(p, s.rotate, parse, &rotate.degrees, error))
            return false;
        steps->append(rotate);
    }
    if (p.isSet(s.flip)) {
        FlipStep flip;
        if (!readEnum(p, s.flip, flipAxisFromString, &flip.axis, error))
            return false;
        steps->append(flip);
    }
    return true;
}

bool readTone(const StepFlags &s, const QCommandLineParser &p, QList<Step> *steps, QString *error)
{
    if (p.isSet(s.brightness) || p.isSet(s.contrast) || p.isSet(s.gamma)) {
        AdjustStep adjust;
        if (!readNumber(p, s.brightness, -100, 100, &adjust.brightness, error) ||
            !readNumber(p, s.contrast, -100, 100, &adjust.contrast, error) ||
            !readNumber(p, s.gamma, 0.1, 10, &adjust.gamma, error))
            return false;
        steps->append(adjust);
    }
    if (p.isSet(s.autoLevel))
        steps->append(AutoLevelStep{});
    if (p.isSet(s.sharpen)) {
        SharpenStep sharpen;
        if (!readNumber(p, s.sharpen, 0, 10, &sharpen.amount, error))
            return false;
        steps->append(sharpen);
    }
    if (p.isSet(s.grayscale))
        steps->append(GrayscaleStep{});
    return true;
}

bool readWatermark(const StepFlags &s, const QCommandLineParser &p, QList<Step> *steps,
                   QString *error)
{
    const bool text = p.isSet(s.watermarkText), image = p.isSet(s.watermarkImage);
    if (text && image)
        return fail(error, QStringLiteral("--watermark-text and --watermark-image are mutually "
                                          "exclusive; use only one."));
    if (!text && !image) {
        for (const QCommandLineOption *o :
             {&s.watermarkPosition, &s.watermarkOpacity, &s.watermarkSize})
            if (p.isSet(*o))
                return fail(error, QStringLiteral("--%1 only applies together with "
                                                  "--watermark-text or --watermark-image.")
                                       .arg(o->names().constLast()));
        return true;
    }
    WatermarkStep w;
    w.text = p.value(s.watermarkText);
    w.imagePath = p.value(s.watermarkImage);
    if ((text && w.text.isEmpty()) || (image && w.imagePath.isEmpty()))
        return fail(error, QStringLiteral("--%1 expects a non-empty value.")
                               .arg(text ? QStringLiteral("watermark-text")
                                         : QStringLiteral("watermark-image")));
    const auto notAttention = [](const QString &t) -> std::optional<Gravity> {
        const auto g = gravityFromString(t);
        return g == Gravity::Attention ? std::nullopt : g;
    };
    if (!readEnum(p, s.watermarkPosition, notAttention, &w.position, error) ||
        !readInt(p, s.watermarkOpacity, 0, 100, &w.opacity, error) ||
        !readNumber(p, s.watermarkSize, 0.1, 100, &w.sizePercent, error))
        return false;
    steps->append(w);
    return true;
}

} // namespace

StepFlags::StepFlags()
    : crop(option("crop",
                  "Crop to an aspect ratio W:H (placed by --gravity) or to a pixel box "
                  "WxH+X+Y.",
                  "W:H|WxH+X+Y")),
      gravity(option("gravity",
                     "Where a --crop W:H window sits (default centre); attention follows "
                     "libvips' smart crop.",
                     "centre|north|northeast|east|southeast|south|southwest|west|northwest|"
                     "attention")),
      resize(option("resize", "Resize to fit, fill or exactly match WxH.", "WxH")),
      mode(option("mode", "How --resize applies: fit (default), fill, exact.", "fit|fill|exact")),
      percent(option("percent", "Scale by P percent.", "P")),
      longEdge(option("long-edge", "Make the longer side N pixels.", "N")),
      noEnlarge(option("no-enlarge", "Never scale an image up.")),
      pad(option("pad",
                 "Pad to an exact WxH canvas, the image centred (a larger image is first fitted "
                 "into it).",
                 "WxH")),
      background(option("background",
                        "The --pad colour (default white): #rrggbb, #rrggbbaa, white, black or "
                        "transparent.",
                        "COLOUR")),
      rotate(option("rotate", "Rotate clockwise.", "90|180|270")),
      flip(option("flip", "Flip horizontally (mirror) or vertically.", "h|v")),
      brightness(option("brightness", "Add brightness (default 0).", "-100..100")),
      contrast(option("contrast", "Change contrast (default 0).", "-100..100")),
      gamma(option("gamma", "Gamma (default 1; above 1 brightens the midtones).", "0.1..10")),
      autoLevel(option("auto-level", "Stretch the levels to the full range.")),
      sharpen(option("sharpen",
                     "Unsharp mask (sigma 0.75) with AMOUNT (default 0.75 when --sharpen is "
                     "given alone; write --sharpen=AMOUNT before an input that looks like a "
                     "number).",
                     "AMOUNT")),
      grayscale(option("grayscale", "Convert to grayscale.")),
      watermarkText(option("watermark-text", "Write TEXT on every image.", "TEXT")),
      watermarkImage(option("watermark-image", "Blend a PNG logo onto every image.", "FILE")),
      watermarkPosition(option("watermark-position",
                               "Where the watermark sits (default "
                               "southeast).",
                               "centre|north|...|northwest")),
      watermarkOpacity(option("watermark-opacity", "Watermark opacity (default 60).", "0-100")),
      watermarkSize(option("watermark-size",
                           "Text height in percent of the image's height, or logo width in "
                           "percent of its width (default 4).",
                           "PERCENT"))
{
}

QList<QCommandLineOption> StepFlags::all() const
{
    return {crop,
            gravity,
            resize,
            mode,
            percent,
            longEdge,
            noEnlarge,
            pad,
            background,
            rotate,
            flip,
            brightness,
            contrast,
            gamma,
            autoLevel,
            sharpen,
            grayscale,
            watermarkText,
            watermarkImage,
            watermarkPosition,
            watermarkOpacity,
            watermarkSize};
}

QString StepFlags::firstGiven(const QCommandLineParser &p) const
{
    for (const QCommandLineOption &o : all())
        if (p.isSet(o))
            return QStringLiteral("--") + o.names().constLast();
    return {};
}

bool StepFlags::read(const QCommandLineParser &p, QList<Step> *steps, QString *error) const
{
    return readCrop(*this, p, steps, error) && readResize(*this, p, steps, error) &&
           readPad(*this, p, steps, error) && readOrientation(*this, p, steps, error) &&
           readTone(*this, p, steps, error) && readWatermark(*this, p, steps, error);
}

QStringList withSharpenAmounts(const QStringList &arguments)
{
    QStringList out;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (arg == QLatin1String("--")) {
            out += arguments.mid(i);
            break;
        }
        if (arg != QLatin1String("--sharpen")) {
            out.append(arg);
            continue;
        }
        bool isNumber = false;
        if (i + 1 < arguments.size())
            arguments[i + 1].toDouble(&isNumber);
        out.append(QStringLiteral("--sharpen=%1")
                       .arg(isNumber ? arguments[++i] : QString::number(kDefaultSharpenAmount)));
    }
    return out;
}
