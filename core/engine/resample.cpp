#include "resample.h"

#include "resamplekernels.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

constexpr double kLobes = 3.0;

ResampleKernels g_kernels = ResampleKernels::Best;

double lanczos3(double x)
{
    x = std::fabs(x);
    if (x < 1e-9)
        return 1.0;
    if (x >= kLobes)
        return 0.0;
    const double px = M_PI * x;
    // sin(px) from sin(px / 3) by the triple-angle formula: one sin per tap, not two (the
    // weights were a fifth of a small gray resize's time); equal to within double rounding.
    const double s = std::sin(px / kLobes);
    return kLobes * s * (3.0 - 4.0 * s * s) * s / (px * px);
}

bool useAvx2()
{
    static const bool hasAvx2 = __builtin_cpu_supports("avx2");
    return hasAvx2 && g_kernels != ResampleKernels::Portable;
}

bool useAvx512()
{
    static const bool has = __builtin_cpu_supports("avx512bw") &&
                            __builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx2");
    return has && g_kernels == ResampleKernels::Best;
}

// Normalised weights to integers that sum to exactly 1 << kWeightShift: each rounded, and
// what rounding lost or gained goes to the largest, where it matters least (as libvips does).
void quantise(const std::vector<double> &w, double sum, std::vector<int32_t> &fixed)
{
    const double one = 1 << kWeightShift;
    int32_t total = 0;
    size_t largest = 0;
    for (size_t k = 0; k < w.size(); ++k) {
        fixed[k] = int32_t(std::lround(w[k] / sum * one));
        total += fixed[k];
        if (w[k] > w[largest])
            largest = k;
    }
    fixed[largest] += (1 << kWeightShift) - total;
}

// Clamps taps to the edges of `size` pixels, merging their weights, and trims zero weights at
// both ends. Returns the first source index; `m` keeps the taps from index 0, `count` of them.
int clampTaps(int first, const std::vector<int32_t> &fixed, int size, std::vector<int32_t> &m,
              int &count)
{
    const int lo = std::clamp(first, 0, size - 1);
    std::fill(m.begin(), m.end(), 0);
    for (size_t k = 0; k < fixed.size(); ++k)
        m[size_t(std::clamp(first + int(k), 0, size - 1) - lo)] += fixed[k];
    int b = 0, e = std::min(int(fixed.size()), size - lo);
    while (e - b > 1 && m[size_t(b)] == 0)
        ++b;
    while (e - b > 1 && m[size_t(e - 1)] == 0)
        --e;
    std::copy(m.begin() + b, m.begin() + e, m.begin());
    count = e - b;
    return lo + b;
}

// The `to` output pixels of one axis of `size` pixels, which span `span` of them (see
// resizeLanczos3): Lanczos-3 widened by the reduction, normalised, then in fixed point
// (resamplekernels.h). Source indices past either edge are clamped (edge pixels repeated, as
// libvips does): merged into the edge pixel's weight, which is the same sum.
FixedTaps computeTaps(double span, int to, int size)
{
    const double scale = span / to;
    const double widen = std::max(scale, 1.0);
    const double support = kLobes * widen;
    const int count = int(std::ceil(support)) * 2 + 1;
    FixedTaps taps;
    taps.outputs = to;
    taps.first.resize(size_t(to));
    taps.count.resize(size_t(to));
    std::vector<int16_t> trimmed(size_t(to) * size_t(count), 0);
    std::vector<double> w(static_cast<size_t>(count));
    std::vector<int32_t> fixed(static_cast<size_t>(count)), merged(fixed);
    for (int o = 0; o < to; ++o) {
        const double centre = (o + 0.5) * scale; // in source pixels, pixel i covers [i, i+1)
        const int first = int(std::floor(centre - support + 0.5));
        double sum = 0;
        for (int k = 0; k < count; ++k) {
            w[size_t(k)] = lanczos3((first + k + 0.5 - centre) / widen);
            sum += w[size_t(k)];
        }
        quantise(w, sum, fixed);
        int n = 0;
        taps.first[size_t(o)] = clampTaps(first, fixed, size, merged, n);
        taps.count[size_t(o)] = n;
        taps.maxCount = std::max(taps.maxCount, n);
        for (int k = 0; k < n; ++k) {
            CV_Assert(std::abs(merged[size_t(k)]) < 32768); // int16 for madd
            trimmed[size_t(o) * size_t(count) + size_t(k)] = int16_t(merged[size_t(k)]);
        }
    }
    // A multiple of 16 with at least one zero past the last tap: the SIMD kernels read whole
    // groups of taps, and the vertical one pads an odd count with a zero weight.
    taps.stride = (taps.maxCount + 1 + 15) / 16 * 16;
    taps.weights.assign(size_t(to) * size_t(taps.stride), 0);
    for (int o = 0; o < to; ++o)
        std::copy_n(&trimmed[size_t(o) * size_t(count)], taps.count[size_t(o)],
                    &taps.weights[size_t(o) * size_t(taps.stride)]);
    return taps;
}

// Rows of `src` to `taps.outputs` rows, columns untouched.
cv::Mat verticalPass(const cv::Mat &src, const FixedTaps &taps)
{
    cv::Mat out(taps.outputs, src.cols, src.type());
    const int n = src.cols * src.channels();
    const bool simd = useAvx2(), wide = useAvx512();
    std::vector<const uint8_t *> rows(size_t(taps.maxCount + 1));
    for (int o = 0; o < taps.outputs; ++o) {
        const int count = taps.count[size_t(o)];
        for (int k = 0; k < count; ++k)
            rows[size_t(k)] = src.ptr<uint8_t>(taps.first[size_t(o)] + k);
        rows[size_t(count)] = rows[0]; // an odd count's pad tap, weight 0
        const int even = count + (count & 1);
        const auto kernel = wide ? verticalRowAvx512 : simd ? verticalRowAvx2 : verticalRowScalar;
        kernel(rows.data(), taps.at(o), even, out.ptr<uint8_t>(o), n);
    }
    return out;
}

// Columns of `src` to `taps.outputs` columns, rows untouched, channels interleaved: direct, as
// transposing 3-channel images to reuse the vertical pass cost more than the pass itself.
cv::Mat horizontalPass(const cv::Mat &src, const FixedTaps &taps)
{
    const int channels = src.channels();
    cv::Mat out(src.rows, taps.outputs, src.type());
    const bool simd = useAvx2();
    const int safe = simd ? horizontalSafeOutputs(taps, channels, src.cols * channels) : 0;
    for (int y = 0; y < src.rows; y += 4) {
        const int rowCount = std::min(4, src.rows - y);
        const uint8_t *in[4];
        uint8_t *to[4];
        for (int r = 0; r < rowCount; ++r) {
            in[r] = src.ptr<uint8_t>(y + r);
            to[r] = out.ptr<uint8_t>(y + r);
        }
        if (simd)
            horizontalRowsAvx2(in, rowCount, taps, channels, to, safe);
        for (int r = 0; r < rowCount; ++r)
            horizontalRowScalar(in[r], taps, channels, to[r], safe, taps.outputs);
    }
    return out;
}

} // namespace

void setResampleKernels(ResampleKernels kernels)
{
    g_kernels = kernels;
}

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
    // Always rows first, then columns, with 8 bits in between. Not the order with fewer
    // multiply-adds, as libvips picks: the intermediate is clamped to 0..255, so the two orders
    // differ by far more than rounding where Lanczos rings past the range (up to 38 levels on
    // noise reduced 1.1x, 2 on a blurred photo), and decoders that shrink on load would then
    // change the pixels with the route. For aspect-kept resizes the counts are equal anyway.
    const bool rows = current.rows != target.height() || coverage.height() != current.rows;
    const bool cols = current.cols != target.width() || coverage.width() != current.cols;
    FixedTaps vertical, horizontal;
    if (rows)
        vertical = computeTaps(coverage.height(), target.height(), current.rows);
    if (cols) // square resizes share the taps of both axes
        horizontal = rows && coverage.width() == coverage.height() &&
                             target.width() == target.height() && current.cols == current.rows
                         ? vertical
                         : computeTaps(coverage.width(), target.width(), current.cols);
    if (rows)
        current = verticalPass(current, vertical);
    if (cols)
        current = horizontalPass(current, horizontal);
    return current;
}
