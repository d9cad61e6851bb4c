#include "steps.h"

#include <algorithm>

#include "colour.h"
#include "engineshared.h"
#include "stepops.h"

// One step at a time on decoded pixels. The step kinds live in stepsgeometry.cpp (crop,
// rotate, flip, pad), stepstone.cpp (sharpen, adjust, auto-level), stepswatermark.cpp and
// vipssteps.cpp (what libvips does for us: smart crop, text, loading a logo).

namespace {

struct StepVisitor
{
    const cv::Mat &image;

    cv::Mat operator()(const ResizeStep &) const
    {
        // The pipeline resizes (with shrink-on-load and coverage); never through here.
        throw EngineFailure{FailureKind::Internal,
                            QStringLiteral("resize is not a step applyStep performs")};
    }
    cv::Mat operator()(const CropStep &s) const { return cropImage(image, s); }
    cv::Mat operator()(const RotateStep &s) const { return rotateImage(image, s); }
    cv::Mat operator()(const FlipStep &s) const { return flipImage(image, s); }
    cv::Mat operator()(const PadStep &s) const { return padImage(image, s); }
    cv::Mat operator()(const SharpenStep &s) const { return sharpenImage(image, s); }
    cv::Mat operator()(const AdjustStep &s) const { return adjustImage(image, s); }
    cv::Mat operator()(const AutoLevelStep &) const { return autoLevelImage(image); }
    // The pipeline's own BT.601 gray, alpha kept (RGBA -> gray+alpha).
    cv::Mat operator()(const GrayscaleStep &) const { return toGray(image); }
    cv::Mat operator()(const WatermarkStep &s) const { return watermarkImage(image, s); }
};

} // namespace

cv::Mat applyStep(const cv::Mat &image, const Step &step)
{
    if (image.empty() || image.depth() != CV_8U || image.channels() < 1 || image.channels() > 4)
        throw EngineFailure{FailureKind::Internal,
                            QStringLiteral("steps take 8-bit images of 1 to 4 channels")};
    return std::visit(StepVisitor{image}, step);
}

bool hasAlphaChannel(const cv::Mat &image)
{
    return image.channels() == 2 || image.channels() == 4;
}

int lumaOf(const Rgba &colour)
{
    // Through toGray itself, so that a colour and an image pixel of that colour agree exactly.
    const cv::Mat pixel(1, 1, CV_8UC3, cv::Scalar(colour.r, colour.g, colour.b));
    return toGray(pixel).at<uchar>(0, 0);
}

int scaledSide(qint64 n, qint64 num, qint64 den, int limit)
{
    const qint64 rounded = (2 * n * num + den) / (2 * den);
    return int(std::clamp<qint64>(rounded, 1, limit));
}

QSize fitInside(QSize size, QSize box)
{
    const qint64 w = size.width(), h = size.height();
    if (w * box.height() >= h * box.width())
        return {box.width(), scaledSide(h, box.width(), w, box.height())};
    return {scaledSide(w, box.height(), h, box.width()), box.height()};
}
