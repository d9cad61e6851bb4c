#pragma once

#include <QPoint>
#include <QSize>

#include <opencv2/core.hpp>

#include "step.h"

// Internal to the steps (steps.cpp dispatches to these): one function per step kind, on
// 8-bit images of 1 to 4 channels in RGB(A) order, alpha last. step.h gives each one's meaning;
// the comments here add only what step.h leaves open (rounding, edges, placement).

// stepsgeometry.cpp
cv::Mat cropImage(const cv::Mat &image, const CropStep &step);
cv::Mat rotateImage(const cv::Mat &image, const RotateStep &step);
cv::Mat flipImage(const cv::Mat &image, const FlipStep &step);
cv::Mat padImage(const cv::Mat &image, const PadStep &step);

// stepstone.cpp
cv::Mat sharpenImage(const cv::Mat &image, const SharpenStep &step);
cv::Mat adjustImage(const cv::Mat &image, const AdjustStep &step);
cv::Mat autoLevelImage(const cv::Mat &image);

// stepswatermark.cpp
cv::Mat watermarkImage(const cv::Mat &image, const WatermarkStep &step);

// vipssteps.cpp: the parts that are libvips' (smart crop, text, loading a logo).
// The attention crop: libvips' smartcrop (interesting=attention) of a `window`-sized area.
cv::Mat attentionCrop(const cv::Mat &image, QSize window);
// `text` (plain, not Pango markup) in `font` as a one-channel coverage mask (0-255), rendered so
// that its height is `height` pixels and it fits inside `limit`.
cv::Mat renderText(const QString &text, const QString &font, int height, QSize limit);
// A logo file as 8-bit RGBA; throws EngineFailure naming the file when it cannot be read.
cv::Mat loadLogo(const QString &path);

// Shared helpers (steps.cpp).
bool hasAlphaChannel(const cv::Mat &image);
// BT.601 luma of a colour as toGray (colour.h) computes it: what it becomes on a gray image.
int lumaOf(const Rgba &colour);
// n * num / den rounded to the nearest whole pixel (halves up), kept within 1..limit.
int scaledSide(qint64 n, qint64 num, qint64 den, int limit);
// The largest size of `size`'s aspect inside `box`: the limiting side becomes the box's, the
// other is rounded to the nearest pixel (scaledSide).
QSize fitInside(QSize size, QSize box);
