#include "pipeline.h"

#include <opencv2/imgproc.hpp>

#include "colour.h"
#include "jpegcodec.h"
#include "qualitysearch.h"
#include "resample.h"
#include "steps.h"

namespace {

// (c * a + 255 * (255 - a)) / 255 rounded, without a division so that loops vectorise:
// (y + 1 + (y >> 8)) >> 8 == y / 255 for every y the blend can produce.
inline uchar blendOnWhite(int c, int a)
{
    const int y = c * a + 255 * (255 - a) + 127;
    return uchar((y + 1 + (y >> 8)) >> 8);
}

bool hasAlpha(const cv::Mat &image)
{
    return image.channels() == 2 || image.channels() == 4;
}

bool isOpaque(const cv::Mat &image)
{
    cv::Mat alpha;
    cv::extractChannel(image, alpha, image.channels() - 1);
    double lowest = 0;
    cv::minMaxLoc(alpha, &lowest);
    return lowest >= 255;
}

// Drops the alpha channel, blending onto white where it is not opaque.
cv::Mat flattenOnWhite(const cv::Mat &image)
{
    const int colours = image.channels() - 1;
    cv::Mat out(image.size(), CV_8UC(colours));
    if (isOpaque(image)) { // most RGBA photos and wallpapers: nothing to blend
        if (colours == 3)
            cv::cvtColor(image, out, cv::COLOR_RGBA2RGB);
        else
            cv::extractChannel(image, out, 0);
        return out;
    }
    for (int y = 0; y < image.rows; ++y) {
        const uchar *src = image.ptr<uchar>(y);
        uchar *dst = out.ptr<uchar>(y);
        for (int x = 0; x < image.cols; ++x, src += colours + 1, dst += colours)
            for (int c = 0; c < colours; ++c)
                dst[c] = blendOnWhite(src[c], src[colours]);
    }
    return out;
}

// Resampling premultiplied colour keeps transparent pixels' hidden colour out of the edges.
void premultiply(cv::Mat &image, bool undo)
{
    const int colours = image.channels() - 1;
    for (int y = 0; y < image.rows; ++y) {
        uchar *p = image.ptr<uchar>(y);
        for (int x = 0; x < image.cols; ++x, p += colours + 1) {
            const int a = p[colours];
            for (int c = 0; c < colours; ++c) {
                if (!undo)
                    p[c] = blendOnWhite(p[c], a) - (255 - a); // c * a / 255, rounded
                else
                    p[c] = a == 0 ? 0 : uchar(std::min(255, (p[c] * 255 + a / 2) / a));
            }
        }
    }
}

cv::Mat resized(cv::Mat image, QSize target, QSizeF coverage)
{
    if (coverage.isEmpty())
        coverage = QSizeF(image.cols, image.rows);
    if (image.cols == target.width() && image.rows == target.height() && coverage == QSizeF(target))
        return image;
    const bool alpha = hasAlpha(image) && !isOpaque(image);
    if (alpha) {
        image = image.clone();
        premultiply(image, false);
    }
    cv::Mat out = resizeLanczos3(image, target, coverage);
    if (alpha)
        premultiply(out, true);
    return out;
}

// EXIF orientation 1..8 -> upright.
cv::Mat orient(cv::Mat image, int orientation)
{
    if (hasQuarterTurn(orientation))
        cv::transpose(image, image);
    switch (orientation) {
    case 2:
    case 6:
        cv::flip(image, image, 1);
        break;
    case 3:
    case 7:
        cv::flip(image, image, -1);
        break;
    case 4:
    case 8:
        cv::flip(image, image, 0);
        break;
    default:
        break;
    }
    return image;
}

cv::Mat cropTo(const cv::Mat &image, QRect c)
{
    if (c.size() == QSize(image.cols, image.rows))
        return image;
    return image(cv::Rect(c.x(), c.y(), c.width(), c.height())).clone();
}

// A resize that is not the first step: the same rules (planResize) and kernel as the leading
// one, on the image as the steps before left it.
cv::Mat resizeStep(const cv::Mat &image, const ResizeStep &step)
{
    const ResizePlan plan = planResize(step, QSize(image.cols, image.rows));
    return cropTo(resized(image, plan.scaled, {}), plan.crop);
}

// Luma may be taken before these steps instead of after: each moves or resamples pixels
// (linearly), none looks at their colour. An attention crop does (its window follows colour).
bool commutesWithLuma(const Step &step)
{
    if (const auto *crop = std::get_if<CropStep>(&step))
        return crop->gravity != Gravity::Attention;
    return std::holds_alternative<ResizeStep>(step) || std::holds_alternative<RotateStep>(step) ||
           std::holds_alternative<FlipStep>(step);
}

// True when the recipe has a grayscale step and every step before it commutes with luma: gray
// can then be computed first (one channel resizes 3x faster, and JPEG/WebP give it directly).
bool grayscaleMovesFirst(const Recipe &recipe)
{
    for (const Step &step : recipe.steps) {
        if (std::holds_alternative<GrayscaleStep>(step))
            return true;
        if (!commutesWithLuma(step))
            return false;
    }
    return false;
}

// Every step after the leading resize, in order; a grayscale step already applied up front
// (grayscaleMovesFirst) is not repeated.
cv::Mat runLaterSteps(cv::Mat image, const Recipe &recipe, bool grayDone)
{
    for (int i = recipe.leadingResize() ? 1 : 0; i < recipe.steps.size(); ++i) {
        const Step &step = recipe.steps[i];
        if (const auto *resize = std::get_if<ResizeStep>(&step))
            image = resizeStep(image, *resize);
        else if (!(grayDone && std::holds_alternative<GrayscaleStep>(step)))
            image = applyStep(image, step);
    }
    return image;
}

QByteArray encode(const cv::Mat &image, OutputFormat format, const Recipe &recipe,
                  const OutputMetadata &metadata)
{
    if (format != OutputFormat::Jpeg)
        return encodeWithVips(image, format, recipe, metadata);
    JpegEncoding encoding;
    encoding.quality = recipe.quality;
    encoding.progressive = recipe.progressive;
    encoding.fullChroma = recipe.subsampling == ChromaSubsampling::S444;
    QString error;
    QByteArray bytes = encodeJpeg(image, encoding, metadata, &error);
    if (bytes.isEmpty())
        throw EngineFailure{FailureKind::Internal,
                            QStringLiteral("could not encode JPEG: %1").arg(error)};
    return bytes;
}

} // namespace

cv::Mat resizeKeepingAlpha(const cv::Mat &image, QSize target)
{
    return resized(image, target, QSizeF());
}

int boxShrinkFactor(const EngineInput &in)
{
    const QSize stored = in.header.size;
    const QSize target = in.storedTarget();
    return std::min(boxShrinkFactor(stored.width(), target.width()),
                    boxShrinkFactor(stored.height(), target.height()));
}

int jpegShrinkFactor(const EngineInput &in)
{
    const QSize stored = in.header.size;
    const QSize target = in.storedTarget();
    const int box = std::min(boxShrinkFactor(stored.width(), target.width(), kDctReducingGap),
                             boxShrinkFactor(stored.height(), target.height(), kDctReducingGap));
    for (const int factor : {8, 4, 2})
        if (factor <= box)
            return factor;
    return 1;
}

bool decodesAsLuma(const EngineInput &in, const Recipe &recipe)
{
    return grayscaleMovesFirst(recipe) && !in.header.hasAlpha && isSrgbEquivalent(in.metadata.icc);
}

qint64 pipelineWorkingBytes(QSize decoded, int channels, const EngineInput &in)
{
    // Mirrors resized() and resizeLanczos3: each step allocates only when it changes the size.
    const QSize target = in.storedTarget();
    const qint64 c = channels, w = decoded.width(), h = decoded.height();
    const int kx = boxShrinkFactor(decoded.width(), target.width());
    const int ky = boxShrinkFactor(decoded.height(), target.height());
    const qint64 boxedW = w / kx, boxedH = h / ky;
    const qint64 outW = target.width(), outH = target.height();
    const qint64 premultiplied = in.header.hasAlpha ? w * h * c : 0;
    const qint64 boxed = kx > 1 || ky > 1 ? boxedW * boxedH * c : 0;
    const qint64 rowPass = boxedH != outH ? boxedW * outH * c : 0;
    // Columns are resampled as rows of the transposed image, then transposed back.
    const qint64 columnPass = boxedW != outW ? boxedW * outH * c + 2 * outW * outH * c : 0;
    const qint64 afterResize = outW * outH * c; // orient, crop, colour: one more copy at most
    // A later step holds its input and output, and a working copy (a blur, a resample pass).
    const qint64 laterSteps = 3 * in.laterStepPixels * std::max<qint64>(c, 3);
    return premultiplied + boxed + rowPass + columnPass + afterResize + laterSteps;
}

EncodedImage finishImage(DecodedPixels decoded, const EngineInput &in, const Recipe &recipe)
{
    cv::Mat image = decoded.pixels;
    const QByteArray &icc = in.metadata.icc;
    if (hasAlpha(image) && !formatKeepsAlpha(in.outputFormat))
        image = flattenOnWhite(image);
    // The profile describes these pixels unless the decoder converted them already, or it is
    // for other pixels (an RGB profile on a luma decode, a damaged one): then it is ignored.
    const bool profileFits =
        !decoded.inSrgb && !icc.isEmpty() && profileFitsPixels(icc, image.channels());
    // Gray is always computed from sRGB, so a kept profile never describes gray pixels.
    const bool keepProfile =
        profileFits && recipe.colour == ColourPolicy::Keep && !recipe.hasGrayscale();
    const bool convert = profileFits && !keepProfile && !isSrgbEquivalent(icc);
    const bool grayFirst = grayscaleMovesFirst(recipe) && !convert;
    if (grayFirst)
        image = toGray(image);
    // The leading resize, fused: on the stored orientation, before the colour conversion
    // (same result for less work: both commute with resizing). Identity without one.
    image = resized(image, in.storedTarget(), decoded.coverage);
    if (recipe.autoOrient)
        image = orient(image, in.header.orientation);
    image = cropTo(image, in.plan.crop);
    if (convert)
        convertToSrgb(image, icc);
    image = runLaterSteps(image, recipe, grayFirst);
    if (hasAlpha(image) && !formatKeepsAlpha(in.outputFormat)) // a transparent pad, a logo
        image = flattenOnWhite(image);
    // Kept: the original profile with the original numbers. Otherwise sRGB, untagged.
    const QByteArray outputIcc = keepProfile ? icc : QByteArray();
    const QSize size(image.cols, image.rows);
    const OutputMetadata metadata =
        metadataForOutput(in.metadata, recipe, size, outputIcc, convert || decoded.inSrgb);
    BudgetedEncoding out = encodeWithinBudget(recipe, in.outputFormat, [&](int quality) {
        Recipe atQuality = recipe;
        atQuality.quality = quality;
        return encode(image, in.outputFormat, atQuality, metadata);
    });
    return {std::move(out.bytes), size, out.chosenQuality};
}
