#pragma once

#include <QByteArray>

#include <opencv2/core.hpp>

// Internal to pixelmill_engine: colour management with lcms2, the same on every route.
//
// Pixels arrive in the input's colour space, described by its embedded ICC profile (or none,
// which means sRGB, as browsers read it). The working space is sRGB: outputs are converted to
// it unless the recipe keeps the original profile. Profiles equivalent to sRGB (the many
// "sRGB IEC61966-2.1" variants cameras and editors embed) are recognised by their colorants and
// tone curves, so ordinary photos skip the transform and pay nothing.

// True when `icc` is empty, unreadable, or describes sRGB closely enough that converting would
// change no 8-bit value by more than one level. Results are cached per profile.
bool isSrgbEquivalent(const QByteArray &icc);

// True when the profile's colour space matches pixels of `channels` (1-2 gray, 3-4 RGB):
// a profile that does not fit the pixels is ignored, as libvips and browsers ignore it.
bool profileFitsPixels(const QByteArray &icc, int channels);

// Converts 8-bit RGB, RGBA (alpha copied), gray or gray+alpha pixels from `icc` to sRGB in place
// (relative colorimetric intent, libvips' default). Gray stays gray (its tone curve becomes
// sRGB's). No-op when the profile is sRGB-equivalent or does not fit the pixels.
void convertToSrgb(cv::Mat &pixels, const QByteArray &icc);

// Gray from sRGB colour by one documented formula on every route, the ITU-R BT.601 luma of the
// gamma-encoded values: Y = 0.299 R + 0.587 G + 0.114 B (rounded), which is what a JPEG or WebP
// stores as its luma plane, and what Pillow's convert("L") and OpenCV compute. Alpha is kept.
cv::Mat toGray(const cv::Mat &rgb);
