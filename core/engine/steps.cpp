#include "steps.h"

#include "colour.h"
#include "engineshared.h"

// Temporary: rotate, flip and grayscale only, until the step operations land.
cv::Mat applyStep(const cv::Mat &image, const Step &step)
{
    cv::Mat out;
    if (const auto *rotate = std::get_if<RotateStep>(&step)) {
        const int code = rotate->degrees == 90    ? cv::ROTATE_90_CLOCKWISE
                         : rotate->degrees == 180 ? cv::ROTATE_180
                                                  : cv::ROTATE_90_COUNTERCLOCKWISE;
        cv::rotate(image, out, code);
        return out;
    }
    if (const auto *flip = std::get_if<FlipStep>(&step)) {
        cv::flip(image, out, flip->axis == FlipAxis::Horizontal ? 1 : 0);
        return out;
    }
    if (std::holds_alternative<GrayscaleStep>(step))
        return toGray(image);
    throw EngineFailure{FailureKind::InvalidRecipe,
                        QStringLiteral("step not built yet: %1").arg(opName(step))};
}
