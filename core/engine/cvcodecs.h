#pragma once

#include <opencv2/core.hpp>

#include <string>
#include <vector>

// cv::imdecode and cv::imencode, from OpenCV's imgcodecs loaded on first use.
//
// libopencv_imgcodecs links GDAL, GDCM, OpenEXR, HDF5 and about 130 more libraries: loading
// them cost every worker 0.12 s of CPU at start and 42 MB resident (measured on this machine
// with an empty program linked against it, /usr/bin/time). Only BMP input needs it now (libvips
// reads BMP only through ImageMagick, which is blocked): JPEG goes through libjpeg
// (jpegcodec.h), PNG through pngfast.h, WebP through webpdecode.h, the rest through libvips.
// The module libpixelmill_cvcodecs.so is loaded from beside the executable. Both throw
// EngineFailure (Internal) when the module cannot be loaded.
cv::Mat cvImdecode(const cv::Mat &raw, int flags);
bool cvImencode(const std::string &extension, const cv::Mat &image, std::vector<uchar> &buffer,
                const std::vector<int> &params);
