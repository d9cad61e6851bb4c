#pragma once

#include <QRect>
#include <QSize>
#include <QString>

#include <optional>
#include <variant>

// The operations of a recipe, applied in the order they are listed (issue 13). Plain values:
// cheap to copy, compared with ==, written to JSON as {"op": "<name>", ...} by stepjson.cpp.
//
// Every step works on the upright image (EXIF orientation is applied before the first step)
// in sRGB, 8 bits per channel; the meaning of each is given with it so that every route and
// every test computes the same thing.

enum class ResizeMode { None, Fit, Fill, Exact, Percent, LongEdge };

// Where a crop window, a padded image or a watermark sits. Attention (libvips' smartcrop,
// interesting=attention) is only for crops.
enum class Gravity {
    Centre,
    North,
    NorthEast,
    East,
    SouthEast,
    South,
    SouthWest,
    West,
    NorthWest,
    Attention
};

enum class FlipAxis { Horizontal, Vertical };

// A colour with alpha, 0-255 each; written "#rrggbb" or "#rrggbbaa".
struct Rgba
{
    int r = 255, g = 255, b = 255, a = 255;
    friend bool operator==(const Rgba &x, const Rgba &y)
    {
        return x.r == y.r && x.g == y.g && x.b == y.b && x.a == y.a;
    }
};

// The existing resize modes (geometry.h's planResize gives the rules).
struct ResizeStep
{
    ResizeMode mode = ResizeMode::Fit;
    int width = 0;        // Fit, Fill, Exact
    int height = 0;       // Fit, Fill, Exact
    double percent = 100; // Percent
    int longEdge = 0;     // LongEdge
    bool noEnlarge = false;
};

// Either the largest window of aspect aspectWidth:aspectHeight (both > 0) placed by
// `gravity`, or, when the aspect is 0:0, the pixel box `box` (clipped to the image; an empty
// intersection is an error for that image).
struct CropStep
{
    int aspectWidth = 0;
    int aspectHeight = 0;
    QRect box;
    Gravity gravity = Gravity::Centre;
};

// Clockwise quarter turns: 90, 180 or 270.
struct RotateStep
{
    int degrees = 90;
};

struct FlipStep
{
    FlipAxis axis = FlipAxis::Horizontal;
};

// An exact canvas of `size`: the image is placed by `gravity` (not Attention) on
// `background`; an image larger than the canvas on a side is first fitted into it (Lanczos-3,
// aspect kept), as XnConvert's "canvas size" does.
struct PadStep
{
    QSize size;
    Rgba background;
    Gravity gravity = Gravity::Centre;
};

// Unsharp mask on each colour channel: out = in + amount * (in - gauss(in, sigma)), rounded
// and clamped to 0-255; alpha untouched.
struct SharpenStep
{
    double sigma = 0.75;
    double amount = 0.75;
};

// Per colour channel, in this order, each rounded to 8 bits only at the end:
//   v = in + brightness * 255 / 100                     (brightness -100..100)
//   v = (v - 127.5) * (1 + contrast / 100) + 127.5      (contrast -100..100)
//   out = 255 * clamp(v / 255, 0, 1) ^ (1 / gamma)      (gamma 0.1..10)
struct AdjustStep
{
    double brightness = 0;
    double contrast = 0;
    double gamma = 1;
};

// Stretches the colour channels together (hue kept) so that the darkest 0.5% of the pixels'
// lowest channel maps to 0 and the brightest 0.5% of the highest channel to 255; a flat image
// is left as it is.
struct AutoLevelStep
{
};

// BT.601 luma (0.299 R + 0.587 G + 0.114 B) of sRGB values, as the pipeline has always done.
struct GrayscaleStep
{
};

// Text (rendered by libvips' vips_text, Pango) or a PNG logo, blended with `opacity` percent
// at one of the 9 positions (not Attention), `marginPercent` of the image's shorter side from
// the edges. sizePercent: the text's height, or the logo's width, in percent of the image's
// height (text) or width (logo). Exactly one of text and imagePath is set.
struct WatermarkStep
{
    QString text;
    QString imagePath;
    QString font = QStringLiteral("Sans Bold");
    double sizePercent = 4;
    Rgba colour;
    int opacity = 60;
    Gravity position = Gravity::SouthEast;
    double marginPercent = 2;
};

using Step = std::variant<ResizeStep, CropStep, RotateStep, FlipStep, PadStep, SharpenStep,
                          AdjustStep, AutoLevelStep, GrayscaleStep, WatermarkStep>;

bool operator==(const ResizeStep &a, const ResizeStep &b);
bool operator==(const CropStep &a, const CropStep &b);
bool operator==(const RotateStep &a, const RotateStep &b);
bool operator==(const FlipStep &a, const FlipStep &b);
bool operator==(const PadStep &a, const PadStep &b);
bool operator==(const SharpenStep &a, const SharpenStep &b);
bool operator==(const AdjustStep &a, const AdjustStep &b);
bool operator==(const AutoLevelStep &a, const AutoLevelStep &b);
bool operator==(const GrayscaleStep &a, const GrayscaleStep &b);
bool operator==(const WatermarkStep &a, const WatermarkStep &b);

// Text forms shared by the recipe JSON, the CLI flags and the GUI.
QString opName(const Step &step); // "resize", "crop", "rotate", ... as in the JSON's "op"
// "#rrggbb", or "#rrggbbaa" when not opaque.
QString toString(const Rgba &colour);
// "#rrggbb", "#rrggbbaa", or white, black, transparent.
std::optional<Rgba> rgbaFromString(const QString &text);
QString boxToString(const QRect &box); // "800x600+10+20"
std::optional<QRect> boxFromString(const QString &text);
QString sizeToString(QSize size); // "1200x1200"
std::optional<QSize> sizeFromString(const QString &text);

// The step with only the fields its mode uses; the others at their defaults. Forms that hold
// every field at once (the GUI's, version-1 recipes) compare equal when nothing was edited.
ResizeStep usedFieldsOnly(const ResizeStep &step);

// A resize to WxH (Fit, Fill, Exact), the form most callers build.
inline ResizeStep resizeStep(ResizeMode mode, int width, int height, bool noEnlarge = false)
{
    ResizeStep step;
    step.mode = mode;
    step.width = width;
    step.height = height;
    step.noEnlarge = noEnlarge;
    return step;
}
