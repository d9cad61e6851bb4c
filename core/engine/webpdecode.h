#pragma once

#include <QByteArray>
#include <QSize>

#include <opencv2/core.hpp>

// Internal to pixelmill_engine: WebP through libwebp directly. Grayscale without the colour work:
// libwebp decodes the luma plane only (MODE_YUV, chroma ignored), scales it inside the decoder to
// `target`, and skips the in-loop deblocking filter in a 4x+ shrink, where its effect vanishes.
// Returns 8-bit full-range gray of exactly `target` size, or an empty Mat when the file is outside
// this path (alpha, animation, not a shrink, decode error): callers then decode it the usual way.
// `finalSize`: what the pipeline will resize the image to in the end (see the filter note).
cv::Mat decodeWebpLuma(const QByteArray &bytes, QSize target, QSize finalSize);

// Colour WebP straight into one buffer: RGB, or RGBA when the file has alpha, scaled inside the
// decoder to `target` (no larger than the image). libvips' loader decodes the whole frame and
// copies it twice more on the way out, which cost three times the CPU of the decode itself on
// 4096x4096 photos. Empty for animations and decode errors (the caller then asks libvips,
// which reports the error in its own words).
cv::Mat decodeWebpColour(const QByteArray &bytes, QSize target);
