#pragma once

#include <QSize>

#include <opencv2/core.hpp>

// Internal to pixelmill_engine: the one resampling kernel every route uses, so that a recipe's
// pixels do not depend on which decoder ran.
//
// Lanczos-3 (a = 3, widened by the reduction factor so that it stays anti-aliased), separable,
// edges extended by copy: the kernel libvips' resize and reduce use, Pillow's LANCZOS and
// vipsthumbnail's final step. Reductions larger than kReducingGap first average boxes of k x k
// pixels (k an integer), which keeps the cost of the Lanczos step bounded and is what libvips
// (shrink before reduce) and Pillow (reducing_gap) do too.

// The smallest reduction, per side, that the Lanczos step is left with after the box step.
constexpr double kReducingGap = 2.0;

// The integer box factor for one side going from `from` to `to` pixels (1 = none). Decoders
// that can average boxes while decoding (libvips' shrink, libwebp's scaled decode) use it so
// that they leave the same work to resizeLanczos3 as a full decode would.
int boxShrinkFactor(int from, int to);

// 8-bit images of 1 to 4 channels, any layout; exactly `target` comes back. Channels are
// resampled independently: callers premultiply alpha first.
cv::Mat resizeLanczos3(const cv::Mat &image, QSize target);
