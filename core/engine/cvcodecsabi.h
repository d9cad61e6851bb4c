#pragma once

#include <opencv2/core.hpp>

#include <string>
#include <vector>

// The one symbol libpixelmill_cvcodecs.so exports, shared by the module and its loader
// (cvcodecs.cpp). Bump the version whenever the table changes.
constexpr int kCvCodecsAbiVersion = 1;

struct CvCodecsTable
{
    int abiVersion;
    cv::Mat (*decode)(const cv::Mat &raw, int flags);
    bool (*encode)(const std::string &extension, const cv::Mat &image, std::vector<uchar> &buffer,
                   const std::vector<int> &params);
};

#define PIXELMILL_CVCODECS_SYMBOL "pixelmill_cvcodecs"
#define PIXELMILL_CVCODECS_MODULE "libpixelmill_cvcodecs.so"
