#include <cmath>

#include "colour.h"
#include "engineshared.h"
#include "geometry.h"
#include "pipeline.h"
#include "stepops.h"

// The watermark: text (a coverage mask from vips_text in one colour) or a logo, as an overlay
// of the image's own layout (luma on gray images) with straight alpha, composited "over".

namespace {

// The overlay's colour as the image's colour channels, with an alpha plane to fill in.
cv::Mat textOverlay(const cv::Mat &image, const cv::Mat &mask, const Rgba &colour, int opacity)
{
    const int colours = hasAlphaChannel(image) ? image.channels() - 1 : image.channels();
    const cv::Scalar fill =
        colours == 1 ? cv::Scalar(lumaOf(colour), 0) : cv::Scalar(colour.r, colour.g, colour.b, 0);
    cv::Mat overlay(mask.size(), CV_8UC(colours + 1), fill);
    cv::Mat alpha;
    mask.convertTo(alpha, CV_8U, colour.a / 255.0 * opacity / 100.0);
    const int pair[] = {0, colours};
    cv::mixChannels(&alpha, 1, &overlay, 1, pair, 1);
    return overlay;
}

// The logo `width` pixels wide (aspect kept), no larger than `limit`, in the image's layout.
cv::Mat logoOverlay(const cv::Mat &image, const cv::Mat &logo, int width, QSize limit, int opacity)
{
    const QSize logoSize(logo.cols, logo.rows);
    QSize size(width, scaledSide(logo.rows, width, logo.cols, 1 << 30));
    if (size.width() > limit.width() || size.height() > limit.height())
        size = fitInside(logoSize, limit);
    cv::Mat overlay = resizeKeepingAlpha(logo, size);
    if (image.channels() <= 2)
        overlay = toGray(overlay);
    const int a = overlay.channels() - 1;
    cv::Mat alpha;
    cv::extractChannel(overlay, alpha, a);
    alpha.convertTo(alpha, CV_8U, opacity / 100.0);
    const int pair[] = {0, a};
    cv::mixChannels(&alpha, 1, &overlay, 1, pair, 1);
    return overlay;
}

// Straight-alpha "over" of `overlay` (colours + alpha) onto `base` at `at`, in place.
// a = aw + ab (1 - aw); c = (cw aw + cb ab (1 - aw)) / a; rounded. Opaque bases stay opaque.
void compositeOver(cv::Mat &base, const cv::Mat &overlay, QPoint at)
{
    const int channels = base.channels();
    const bool baseAlpha = hasAlphaChannel(base);
    const int colours = overlay.channels() - 1;
    for (int y = 0; y < overlay.rows; ++y) {
        const uchar *src = overlay.ptr<uchar>(y);
        uchar *dst = base.ptr<uchar>(at.y() + y) + at.x() * channels;
        for (int x = 0; x < overlay.cols; ++x, src += colours + 1, dst += channels) {
            const float aw = src[colours] / 255.f;
            if (aw == 0)
                continue;
            const float ab = baseAlpha ? dst[colours] / 255.f : 1.f;
            const float a = aw + ab * (1 - aw);
            for (int c = 0; c < colours; ++c)
                dst[c] = uchar(std::lround((src[c] * aw + dst[c] * ab * (1 - aw)) / a));
            if (baseAlpha)
                dst[colours] = uchar(std::lround(a * 255));
        }
    }
}

void checkWatermark(const WatermarkStep &step)
{
    if (step.text.isEmpty() == step.imagePath.isEmpty())
        throw EngineFailure{FailureKind::InvalidRecipe,
                            QStringLiteral("a watermark needs either a text or an image")};
    if (!step.text.isEmpty() && step.text.trimmed().isEmpty()) // vips_text has no ink to crop to
        throw EngineFailure{FailureKind::InvalidRecipe,
                            QStringLiteral("the watermark text is blank")};
    if (!(step.sizePercent > 0))
        throw EngineFailure{
            FailureKind::InvalidRecipe,
            QStringLiteral("watermark size %1% is not positive").arg(step.sizePercent)};
}

} // namespace

// Placement: `marginPercent` of the shorter side (rounded) from the edges the position names,
// centred on the other axis (Centre: on both). Size: text `sizePercent` of the image's height
// tall, a logo that percent of its width wide; either is made smaller to fit inside the
// margins. Opacity multiplies the overlay's alpha (and the text colour's own alpha).
cv::Mat watermarkImage(const cv::Mat &image, const WatermarkStep &step)
{
    checkWatermark(step);
    const int opacity = std::clamp(step.opacity, 0, 100);
    if (opacity == 0)
        return image;
    const QSize size(image.cols, image.rows);
    const int shorter = std::min(size.width(), size.height());
    const int margin =
        std::min(int(std::lround(step.marginPercent / 100 * shorter)), (shorter - 1) / 2);
    const QSize inner(size.width() - 2 * margin, size.height() - 2 * margin);
    cv::Mat overlay;
    if (!step.text.isEmpty()) {
        const int height = std::max(1, int(std::lround(step.sizePercent / 100 * size.height())));
        const cv::Mat mask = renderText(step.text, step.font, height, inner);
        overlay = textOverlay(image, mask, step.colour, opacity);
    } else {
        const int width = std::max(1, int(std::lround(step.sizePercent / 100 * size.width())));
        overlay = logoOverlay(image, loadLogo(step.imagePath), width, inner, opacity);
    }
    const QPoint at =
        placeByGravity(QSize(overlay.cols, overlay.rows), inner, step.position).topLeft() +
        QPoint(margin, margin);
    cv::Mat out = image.clone();
    compositeOver(out, overlay, at);
    return out;
}
