#pragma once

#include <QByteArray>

#include <opencv2/core.hpp>

#include <optional>

#include "engineshared.h"
#include "metadata.h"

// Internal to pixelmill_engine: the one pixel pipeline. Decoders differ (libjpeg-turbo, the PNG
// fast path, libwebp's luma decode, libvips, OpenCV for BMP) and are chosen for speed only;
// everything after decoding is this shared code, so a recipe means the same on every route:
//
//   decode (shrink-on-load never below the leading resize's target) -> flatten alpha the
//   output cannot keep -> the leading resize step, if steps[0] is one (Lanczos-3, resample.h)
//   -> orient -> its Fill crop -> colour to sRGB (colour.h) -> every other step in order
//   (a resize through the same planResize and kernel, the rest through applyStep, steps.h)
//   -> encode, with the metadata (metadata.h) read from the input.
//
// Resizing before orienting and converting colour is the same result for less work: rotation
// commutes with resizing, and the profile conversion then runs on the smaller image. Only the
// leading resize is fused so: without one, decoders decode at full size.
//
// Grayscale (BT.601 luma) is taken first, before the leading resize, when every step before
// it only moves or resamples pixels (resize, rotate, flip, a crop not by attention), and
// JPEG/WebP then decode their luma plane directly.

// Pixels as a decoder hands them over: 8 bits, RGB channel order (1 gray, 2 gray+alpha, 3 RGB,
// 4 RGBA), stored orientation, no smaller than the target.
struct DecodedPixels
{
    cv::Mat pixels;
    // How many of these pixels the whole stored image spans per side (resizeLanczos3's
    // coverage): the pixel size, unless the decoder shrank by a factor that does not divide
    // the stored size. Empty means the pixel size.
    QSizeF coverage;
    bool inSrgb = false; // the decoder already converted (CMYK and Lab, through libvips)
};

// Shrink-on-load, the same for every decoder: the box factor (resample.h) for the whole image,
// and for JPEG the largest DCT scaling (8, 4, 2 or 1) that leaves kDctReducingGap.
int boxShrinkFactor(const EngineInput &in);
int jpegShrinkFactor(const EngineInput &in);

// Lanczos-3 (resample.h) to exactly `target`, with alpha premultiplied around it when the
// image has any transparency: how the pipeline resizes, for steps that scale (pad's fit, a logo).
cv::Mat resizeKeepingAlpha(const cv::Mat &image, QSize target);

EncodedImage finishImage(DecodedPixels decoded, const EngineInput &in, const Recipe &recipe);

// Bytes finishImage allocates beyond the decoded pixels (`decoded` of `channels` 8-bit
// channels) while those stay alive: a premultiplied copy when there is alpha, the box step,
// the row pass, the column pass with its transposed copies, and one copy after resizing. An
// upper estimate, for refusing an image before decoding rather than dying halfway.
qint64 pipelineWorkingBytes(QSize decoded, int channels, const EngineInput &in);

// True when the grayscale output may come straight from the input's luma plane (JPEG, WebP):
// gray moves first (above), the input is sRGB, so its luma is the BT.601 formula the pipeline
// applies, and no alpha.
bool decodesAsLuma(const EngineInput &in, const Recipe &recipe);

// The decoders. decodeWithVips takes every format but BMP; decodeFast returns nullopt for
// inputs outside its fast paths (the route then falls back to libvips).
DecodedPixels decodeWithVips(const EngineInput &in, const Recipe &recipe);
std::optional<DecodedPixels> decodeFast(const EngineInput &in, const Recipe &recipe);

// PNG, WebP, TIFF, AVIF, HEIC and JPEG XL outputs through libvips' writers, which carry the
// profile, EXIF and XMP, with the recipe's quality and encoder options.
QByteArray encodeWithVips(const cv::Mat &pixels, OutputFormat format, const Recipe &recipe,
                          const OutputMetadata &metadata);
