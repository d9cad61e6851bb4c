#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>

#include "engineshared.h"
#include "stepops.h"

// Tone steps on the colour channels: adjust and auto-level through one lookup table each,
// sharpen as an unsharp mask. Alpha is never changed.

namespace {

using Table = std::array<uchar, 256>;

// `table` on every colour channel, the identity on alpha.
cv::Mat applyColourTable(const cv::Mat &image, const Table &table)
{
    const int channels = image.channels();
    cv::Mat out;
    if (!hasAlphaChannel(image)) { // one table for every channel: OpenCV's fast path
        cv::LUT(image, cv::Mat(1, 256, CV_8UC1, const_cast<uchar *>(table.data())), out);
        return out;
    }
    const int colours = channels - 1;
    cv::Mat lut(1, 256, CV_8UC(channels));
    for (int i = 0; i < 256; ++i) {
        uchar *entry = lut.ptr<uchar>(0) + i * channels;
        for (int c = 0; c < channels; ++c)
            entry[c] = c < colours ? table[size_t(i)] : uchar(i);
    }
    cv::LUT(image, lut, out);
    return out;
}

uchar rounded(double v)
{
    return uchar(std::lround(std::clamp(v, 0.0, 255.0)));
}

// The lowest and highest colour value of each pixel (alpha 0 pixels left out: their colour is
// not seen), counted per value.
struct ExtremeHistograms
{
    std::array<qint64, 256> lowest{};
    std::array<qint64, 256> highest{};
    qint64 pixels = 0;
};

// Channels as a template argument, so that the inner loops unroll.
template <int channels> void countExtremes(const cv::Mat &image, ExtremeHistograms &h)
{
    constexpr bool alpha = channels == 2 || channels == 4;
    constexpr int colours = alpha ? channels - 1 : channels;
    for (int y = 0; y < image.rows; ++y) {
        const uchar *p = image.ptr<uchar>(y);
        for (int x = 0; x < image.cols; ++x, p += channels) {
            if (alpha && p[colours] == 0)
                continue;
            uchar lo = p[0], hi = p[0];
            for (int c = 1; c < colours; ++c) {
                lo = std::min(lo, p[c]);
                hi = std::max(hi, p[c]);
            }
            ++h.lowest[lo];
            ++h.highest[hi];
            ++h.pixels;
        }
    }
}

ExtremeHistograms extremeHistograms(const cv::Mat &image)
{
    ExtremeHistograms h;
    switch (image.channels()) {
    case 1:
        countExtremes<1>(image, h);
        break;
    case 2:
        countExtremes<2>(image, h);
        break;
    case 3:
        countExtremes<3>(image, h);
        break;
    default:
        countExtremes<4>(image, h);
    }
    return h;
}

} // namespace

// Unsharp mask, out = in + amount * (in - gauss(in, sigma)). The Gaussian: weights
// exp(-x^2 / 2 sigma^2), normalised, over 2 * ceil(3 sigma) + 1 taps, separable, in float,
// edges extended by copy. Worked in strips of rows (with the kernel's reach above and below)
// so that a 12 MP image never needs a whole float copy.
cv::Mat sharpenImage(const cv::Mat &image, const SharpenStep &step)
{
    if (step.sigma <= 0 || step.amount == 0)
        return image;
    const int radius = int(std::ceil(3 * step.sigma));
    const cv::Mat kernel = cv::getGaussianKernel(2 * radius + 1, step.sigma, CV_32F);
    constexpr int kStrip = 64;
    cv::Mat out(image.size(), image.type());
    cv::Mat floats, blurred;
    for (int y0 = 0; y0 < image.rows; y0 += kStrip) {
        const int y1 = std::min(image.rows, y0 + kStrip);
        const int top = std::max(0, y0 - radius), bottom = std::min(image.rows, y1 + radius);
        image.rowRange(top, bottom).convertTo(floats, CV_32F);
        cv::sepFilter2D(floats, blurred, CV_32F, kernel, kernel, cv::Point(-1, -1), 0,
                        cv::BORDER_REPLICATE);
        const cv::Range keep(y0 - top, y1 - top);
        cv::Mat target = out.rowRange(y0, y1);
        cv::addWeighted(floats.rowRange(keep), 1 + step.amount, blurred.rowRange(keep),
                        -step.amount, 0, target, CV_8U);
    }
    if (hasAlphaChannel(image)) { // the mask ran over alpha too: put it back
        const int a = image.channels() - 1;
        const int pair[] = {a, a};
        cv::mixChannels(&image, 1, &out, 1, pair, 1);
    }
    return out;
}

// step.h's three formulas, in double, rounded once at the end, tabulated for 0..255.
cv::Mat adjustImage(const cv::Mat &image, const AdjustStep &step)
{
    if (!(step.gamma > 0))
        throw EngineFailure{FailureKind::InvalidRecipe,
                            QStringLiteral("gamma %1 is not positive").arg(step.gamma)};
    Table table;
    for (int i = 0; i < 256; ++i) {
        double v = i + step.brightness * 255 / 100;
        v = (v - 127.5) * (1 + step.contrast / 100) + 127.5;
        table[size_t(i)] = rounded(255 * std::pow(std::clamp(v / 255, 0.0, 1.0), 1 / step.gamma));
    }
    return applyColourTable(image, table);
}

// With N counted pixels and k = floor(N * 0.005): `low` is the smallest value such that more
// than k pixels have their lowest colour channel at or below it, `high` the largest such that
// more than k have their highest at or above it (below 200 pixels: the extremes themselves).
// Every colour channel then maps low..high to 0..255 by one straight line, rounded; nothing
// changes when high <= low (a flat image).
cv::Mat autoLevelImage(const cv::Mat &image)
{
    const ExtremeHistograms h = extremeHistograms(image);
    const qint64 clip = h.pixels / 200;
    int low = 0, high = 255;
    for (qint64 seen = 0; low < 255 && (seen += h.lowest[size_t(low)]) <= clip;)
        ++low;
    for (qint64 seen = 0; high > 0 && (seen += h.highest[size_t(high)]) <= clip;)
        --high;
    if (h.pixels == 0 || high <= low)
        return image;
    Table table;
    for (int i = 0; i < 256; ++i)
        table[size_t(i)] = rounded(double(i - low) * 255 / (high - low));
    return applyColourTable(image, table);
}
