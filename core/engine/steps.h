#pragma once
#include "step.h"
#include <opencv2/core.hpp>
// Applies one non-resize step to an upright sRGB 8-bit image (1 gray, 2 gray+alpha, 3 RGB, 4 RGBA
// channels). Throws EngineFailure (engineshared.h) with a one-line reason on an image the step
// cannot handle.
cv::Mat applyStep(const cv::Mat &image, const Step &step);
