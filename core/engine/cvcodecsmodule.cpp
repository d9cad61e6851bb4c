// Built alone into libpixelmill_cvcodecs.so, the only binary that links OpenCV's imgcodecs;
// the worker loads it on first use (cvcodecs.h says why).
#include "cvcodecsabi.h"

#include <opencv2/imgcodecs.hpp>

namespace {

cv::Mat decode(const cv::Mat &raw, int flags)
{
    return cv::imdecode(raw, flags);
}

bool encode(const std::string &extension, const cv::Mat &image, std::vector<uchar> &buffer,
            const std::vector<int> &params)
{
    return cv::imencode(extension, image, buffer, params);
}

const CvCodecsTable g_table = {kCvCodecsAbiVersion, decode, encode};

} // namespace

extern "C" __attribute__((visibility("default"))) const CvCodecsTable *pixelmill_cvcodecs()
{
    return &g_table;
}
