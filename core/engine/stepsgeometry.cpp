#include <opencv2/core.hpp>

#include <QRect>

#include "engineshared.h"
#include "geometry.h"
#include "pipeline.h"
#include "stepops.h"

// Crop, rotate, flip and pad: geometry only, pixels copied unchanged (pad's fit excepted).

namespace {

EngineFailure invalid(const QString &message)
{
    return EngineFailure{FailureKind::InvalidRecipe, message};
}

QString boxText(const QRect &box)
{
    return QStringLiteral("%1x%2+%3+%4")
        .arg(box.width())
        .arg(box.height())
        .arg(box.x())
        .arg(box.y());
}

cv::Mat copyOf(const cv::Mat &image, const QRect &r)
{
    return image(cv::Rect(r.x(), r.y(), r.width(), r.height())).clone();
}

cv::Scalar backgroundFor(const cv::Mat &image, const Rgba &c)
{
    switch (image.channels()) {
    case 1:
        return cv::Scalar(lumaOf(c));
    case 2:
        return cv::Scalar(lumaOf(c), c.a);
    case 3:
        return cv::Scalar(c.r, c.g, c.b);
    default:
        return cv::Scalar(c.r, c.g, c.b, c.a);
    }
}

} // namespace

cv::Mat cropImage(const cv::Mat &image, const CropStep &step)
{
    const QSize size(image.cols, image.rows);
    const QRect whole(QPoint(0, 0), size);
    if (step.aspectWidth > 0 && step.aspectHeight > 0) {
        // The planner's window (geometry.h), so that the output is the size it named.
        const QRect window = cropWindow(step, size);
        if (window.size() == size)
            return image;
        if (step.gravity == Gravity::Attention)
            return attentionCrop(image, window.size());
        return copyOf(image, window);
    }
    if (step.aspectWidth != 0 || step.aspectHeight != 0)
        throw invalid(QStringLiteral("crop aspect %1:%2 is not a ratio of two positive numbers")
                          .arg(step.aspectWidth)
                          .arg(step.aspectHeight));
    const QRect box = step.box.intersected(whole);
    if (box.isEmpty())
        throw invalid(QStringLiteral("crop box %1 lies outside the %2x%3 image")
                          .arg(boxText(step.box))
                          .arg(size.width())
                          .arg(size.height()));
    return box == whole ? image : copyOf(image, box);
}

cv::Mat rotateImage(const cv::Mat &image, const RotateStep &step)
{
    cv::Mat out;
    switch (step.degrees) {
    case 90:
        cv::rotate(image, out, cv::ROTATE_90_CLOCKWISE);
        return out;
    case 180:
        cv::rotate(image, out, cv::ROTATE_180);
        return out;
    case 270:
        cv::rotate(image, out, cv::ROTATE_90_COUNTERCLOCKWISE);
        return out;
    default:
        throw invalid(QStringLiteral("rotate by %1 degrees: only 90, 180 and 270 are steps")
                          .arg(step.degrees));
    }
}

cv::Mat flipImage(const cv::Mat &image, const FlipStep &step)
{
    cv::Mat out;
    // Horizontal mirrors left and right (OpenCV's flip code 1), vertical top and bottom (0).
    cv::flip(image, out, step.axis == FlipAxis::Horizontal ? 1 : 0);
    return out;
}

cv::Mat padImage(const cv::Mat &image, const PadStep &step)
{
    const QSize canvas = step.size;
    if (canvas.width() < 1 || canvas.height() < 1)
        throw invalid(
            QStringLiteral("pad canvas %1x%2 is empty").arg(canvas.width()).arg(canvas.height()));
    cv::Mat placed = image;
    QSize size(image.cols, image.rows);
    if (size.width() > canvas.width() || size.height() > canvas.height()) {
        size = paddedImageSize(step, size);
        placed = resizeKeepingAlpha(image, size);
    }
    cv::Mat out(canvas.height(), canvas.width(), image.type(),
                backgroundFor(image, step.background));
    const QPoint at = placeByGravity(size, canvas, step.gravity).topLeft();
    placed.copyTo(out(cv::Rect(at.x(), at.y(), size.width(), size.height())));
    return out;
}
