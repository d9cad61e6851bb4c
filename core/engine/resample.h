#pragma once

#include <QSize>
#include <QSizeF>

#include <opencv2/core.hpp>

// Internal to pixelmill_engine: the one resampling kernel every route uses, so that a recipe's
// pixels do not depend on which decoder ran.
//
// Lanczos-3 (a = 3, widened by the reduction factor so that it stays anti-aliased), separable,
// edges extended by copy: the kernel libvips' resize and reduce use, Pillow's LANCZOS and
// vipsthumbnail's final step. Reductions larger than kReducingGap first average boxes of k x k
// pixels (k an integer), which keeps the cost of the Lanczos step bounded and is what libvips
// (shrink before reduce) and Pillow (reducing_gap) do too.

// The smallest reduction, per side, that the Lanczos step is left with after a box step. 3, not
// libvips' and Pillow's 2: on text and line art reduced 6.7x, box 3 + Lanczos 2.2 scored 35.4 dB
// against a full Lanczos-3, box 2 + Lanczos 3.3 scores over 38 (tst_fidelity's resampling).
constexpr double kReducingGap = 3.0;
// libjpeg's DCT scaling is a better filter than a box: it may leave the Lanczos step a factor
// of 2, as in vipsthumbnail.
constexpr double kDctReducingGap = 2.0;

// The integer shrink factor for one side going from `from` to `to` pixels (1 = none), leaving
// at least `gap` to Lanczos-3. Decoders that shrink while decoding (libvips' shrink, libwebp's
// scaled decode, libjpeg's DCT scaling with kDctReducingGap) shrink by no more than this.
int boxShrinkFactor(int from, int to, double gap = kReducingGap);

// 8-bit images of 1 to 4 channels, any layout; exactly `target` comes back. Channels are
// resampled independently: callers premultiply alpha first.
//
// `coverage` is how many of the image's pixels, per side, the whole target spans: the image's
// own size, unless a decoder shrank it by a factor that does not divide the stored size (a
// 2001-pixel side decoded at 1/2 is 1001 pixels that span 1000.5; a box shrink by 3 keeps 666
// whole boxes of a 2000-pixel side, which span 666.7). Every route then samples the same
// points of the original image.
cv::Mat resizeLanczos3(const cv::Mat &image, QSize target, QSizeF coverage);

// For tests only: which kernels run, at most (the processor may have fewer). Best is AVX2,
// with AVX-512 (BW and VNNI) for the vertical pass where the processor has it.
enum class ResampleKernels { Portable, Avx2, Best };
void setResampleKernels(ResampleKernels kernels);
