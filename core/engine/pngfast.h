#pragma once

#include <QByteArray>

#include <opencv2/core.hpp>

// Internal to pixelmill_engine: a PNG decoder for the common case (8-bit, not interlaced,
// gray / RGB / RGBA / palette without transparency), about twice as fast as libpng+zlib:
// libdeflate inflates all IDAT data at once, rows are unfiltered in place, and no row is
// copied to swap channels unless the caller asks for BGR.

// The pixels in PNG channel order (gray, RGB or RGBA; palettes expanded to RGB), as a view
// into the inflated buffer (rows are not contiguous). Empty when the file is outside the
// fast path, has a chunk whose CRC does not match, or fails to inflate: the caller then
// decodes it the usual way (libpng, which decides about damaged chunks), which reports
// the error in its own words.
cv::Mat decodePngFast(const QByteArray &bytes);

// Same pixels and layout as cv::imdecode(IMREAD_UNCHANGED) for the files decodePngFast takes.
cv::Mat pngToBgr(const cv::Mat &pngOrder);

// Above this many inflated bytes decodePngFast declines (the whole image would be in memory
// twice); big PNGs go to a streaming decoder instead.
constexpr qint64 kPngFastMaxBytes = 64ll << 20;
