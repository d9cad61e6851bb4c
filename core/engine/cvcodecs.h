#pragma once

#include <opencv2/core.hpp>

#include <string>
#include <vector>

// cv::imdecode and cv::imencode, from OpenCV's imgcodecs loaded on first use.
//
// libopencv_imgcodecs links GDAL, GDCM, OpenEXR, HDF5 and about 130 more libraries: loading
// them cost every worker 0.12 s of CPU at start and 42 MB resident (measured on this machine
// with an empty program linked against it, /usr/bin/time). The common jobs never need it:
// JPEG goes through libjpeg (jpegcodec.h), PNG through pngfast.h, grayscale WebP through
// webpluma.h. The rest (BMP, TIFF and WebP in the OpenCV engine, PNG the fast path declines,
// CMYK JPEG, PNG/WebP/TIFF output) loads the module libpixelmill_cvcodecs.so from beside the
// executable. Both throw EngineFailure (Internal) when the module cannot be loaded.
cv::Mat cvImdecode(const cv::Mat &raw, int flags);
bool cvImencode(const std::string &extension, const cv::Mat &image, std::vector<uchar> &buffer,
                const std::vector<int> &params);
