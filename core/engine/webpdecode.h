#pragma once

#include <QByteArray>
#include <QSize>
#include <QSizeF>

#include <opencv2/core.hpp>

// Internal to pixelmill_engine: WebP through libwebp directly.
//
// Both decoders shrink by `box` (an integer, boxShrinkFactor's). Up to kWebpOwnBoxBytes of
// full-size output, libwebp decodes at full size and whole box x box boxes are averaged
// afterwards (cv::INTER_AREA, as resample.h's box step). For gray, libwebp's own scaled decode
// gave byte-identical outputs on the bench corpus's 16 WebPs for 12% more CPU (its rescaler
// runs over all three planes); in colour it shrinks the chroma planes before turning them into
// RGB, which on chroma noise differs by tens of levels from the reference's order (decode, then
// shrink). Beyond kWebpOwnBoxBytes (images of 40+ megapixels) libwebp still scales while
// decoding, which keeps memory to the shrunken size; its boxes then span the whole image.
struct WebpDecoded
{
    cv::Mat pixels;
    QSizeF coverage; // as DecodedPixels::coverage: how many of these pixels the image spans
};

// Bytes of full-size decoder output (gray: the YUV planes; colour: RGB or RGBA) below which the
// box step runs after decoding rather than inside libwebp.
constexpr qint64 kWebpOwnBoxBytes = qint64(64) << 20;

// The size libwebp decodes an image of `full` pixels to: `full`, unless its output (the YUV
// planes for luma, RGB or RGBA for colour) would pass kWebpOwnBoxBytes, when it shrinks by
// `box` while decoding. The one rule both decoders follow, and the engine's memory check.
QSize webpDecodeSize(QSize full, int box, bool luma, bool alpha);

// Grayscale without the colour work: libwebp decodes the luma plane only (MODE_YUV, chroma
// ignored), and skips the in-loop deblocking filter in a 4x+ shrink, where its effect vanishes.
// Returns 8-bit full-range gray, or empty pixels when the file is outside this path (alpha,
// animation, decode error): callers then decode it the usual way.
// `finalSize`: what the pipeline will resize the image to in the end (see the filter note).
WebpDecoded decodeWebpLuma(const QByteArray &bytes, int box, QSize finalSize);

// Colour WebP straight into one buffer: RGB, or RGBA when the file has alpha. libvips' loader
// decodes the whole frame and copies it twice more on the way out, which cost three times the
// CPU of the decode itself on 4096x4096 photos. Empty for animations and decode errors (the
// caller then asks libvips, which reports the error in its own words).
WebpDecoded decodeWebpColour(const QByteArray &bytes, int box);
