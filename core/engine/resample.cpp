#include "resample.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

constexpr double kLobes = 3.0;

double lanczos3(double x)
{
    x = std::fabs(x);
    if (x < 1e-9)
        return 1.0;
    if (x >= kLobes)
        return 0.0;
    const double px = M_PI * x;
    return kLobes * std::sin(px) * std::sin(px / kLobes) / (px * px);
}

// Per output pixel of one axis: the first source index and `count` normalised weights.
// Source indices past either edge are clamped (edge pixels repeated, as libvips does).
struct Taps
{
    int count = 0;
    std::vector<int> first;
    std::vector<float> weights; // count per output pixel
};

// `span`: how many source pixels the `to` output pixels cover (see resizeLanczos3).
Taps computeTaps(double span, int to)
{
    const double scale = span / to;
    const double widen = std::max(scale, 1.0);
    const double support = kLobes * widen;
    Taps taps;
    taps.count = int(std::ceil(support)) * 2 + 1;
    taps.first.resize(size_t(to));
    taps.weights.assign(size_t(to) * size_t(taps.count), 0.f);
    std::vector<double> w(size_t(taps.count));
    for (int o = 0; o < to; ++o) {
        const double centre = (o + 0.5) * scale; // in source pixels, pixel i covers [i, i+1)
        const int first = int(std::floor(centre - support + 0.5));
        double sum = 0;
        for (int k = 0; k < taps.count; ++k) {
            w[size_t(k)] = lanczos3((first + k + 0.5 - centre) / widen);
            sum += w[size_t(k)];
        }
        taps.first[size_t(o)] = first;
        float *out = &taps.weights[size_t(o) * size_t(taps.count)];
        for (int k = 0; k < taps.count; ++k)
            out[k] = float(w[size_t(k)] / sum);
    }
    return taps;
}

// Rows of `src` to `rows` output rows (columns untouched): one row of sums at a time, so the
// inner loop runs along contiguous memory and vectorises. Compiled for AVX2 as well where the
// processor has it (the default build targets plain x86-64).
__attribute__((target_clones("avx2", "default"))) void accumulateRow(float *sums, const uchar *row,
                                                                     float weight, int n)
{
    for (int x = 0; x < n; ++x)
        sums[x] += weight * float(row[x]);
}

__attribute__((target_clones("avx2", "default"))) void storeRow(uchar *out, const float *sums,
                                                                int n)
{
    for (int x = 0; x < n; ++x) {
        const float v = std::min(std::max(sums[x] + 0.5f, 0.f), 255.f);
        out[x] = uchar(int(v));
    }
}

cv::Mat resampleRows(const cv::Mat &src, int rows, double span)
{
    const Taps taps = computeTaps(span, rows);
    cv::Mat out(rows, src.cols, src.type());
    const int n = src.cols * src.channels();
    std::vector<float> sums(static_cast<size_t>(n));
    for (int o = 0; o < rows; ++o) {
        std::fill(sums.begin(), sums.end(), 0.f);
        const float *w = &taps.weights[size_t(o) * size_t(taps.count)];
        for (int k = 0; k < taps.count; ++k) {
            if (w[k] == 0.f)
                continue;
            const int y = std::clamp(taps.first[size_t(o)] + k, 0, src.rows - 1);
            accumulateRow(sums.data(), src.ptr<uchar>(y), w[k], n);
        }
        storeRow(out.ptr<uchar>(o), sums.data(), n);
    }
    return out;
}

} // namespace

int boxShrinkFactor(int from, int to, double gap)
{
    if (to <= 0 || from <= to)
        return 1;
    return std::max(1, int(std::floor(double(from) / to / gap)));
}

cv::Mat resizeLanczos3(const cv::Mat &image, QSize target, QSizeF coverage)
{
    CV_Assert(image.depth() == CV_8U && image.channels() <= 4);
    cv::Mat current = image;
    if (current.cols == target.width() && current.rows == target.height() &&
        coverage == QSizeF(current.cols, current.rows))
        return current;
    const int kx = boxShrinkFactor(int(coverage.width()), target.width());
    const int ky = boxShrinkFactor(int(coverage.height()), target.height());
    if (kx > 1 || ky > 1) {
        // Whole k x k boxes only, like libvips' shrink: the partial boxes at the right and
        // bottom edges are dropped, and `coverage` keeps the geometry exact.
        const int cols = std::max(1, current.cols / kx), rows = std::max(1, current.rows / ky);
        const cv::Mat whole = current(
            cv::Rect(0, 0, std::min(current.cols, cols * kx), std::min(current.rows, rows * ky)));
        cv::Mat boxed;
        cv::resize(whole, boxed, cv::Size(cols, rows), 0, 0, cv::INTER_AREA);
        current = boxed;
        coverage = QSizeF(coverage.width() / kx, coverage.height() / ky);
    }
    if (current.rows != target.height() || coverage.height() != current.rows)
        current = resampleRows(current, target.height(), coverage.height());
    if (current.cols != target.width() || coverage.width() != current.cols) {
        cv::Mat turned;
        cv::transpose(current, turned);
        cv::transpose(resampleRows(turned, target.width(), coverage.width()), current);
    }
    return current;
}
