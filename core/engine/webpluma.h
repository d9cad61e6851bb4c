#pragma once

#include <QByteArray>
#include <QSize>

#include <opencv2/core.hpp>

// Internal to pixelmill_engine: grayscale WebP without the colour work. libwebp decodes the
// luma plane only (MODE_YUV, chroma ignored), scales it inside the decoder to `target`, and
// skips the in-loop deblocking filter in a 4x+ shrink, where its effect vanishes. Returns 8-bit
// full-range gray of exactly `target` size, or an empty Mat when the file is outside this
// path (alpha, animation, not a shrink, decode error): callers then decode it the usual way.
cv::Mat decodeWebpLuma(const QByteArray &bytes, QSize target);
