// resizeLanczos3 (core/engine/resample.h) against a double-precision reference written here
// from the definition: Lanczos-3, widened by the reduction, normalised, edges repeated, after
// a k x k box average for reductions past 3x per side; rows, then columns, 8 bits in between.
// Every output pixel must be within one level of it, and the AVX2 and AVX-512 kernels must
// give the portable one's bytes exactly.
#include <QObject>
#include <QSize>
#include <QSizeF>
#include <QTest>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "engine/resample.h"

namespace {

enum Pattern { Noise, Checker, SmoothNoise, Flat };

double lanczos3(double x)
{
    x = std::fabs(x);
    if (x < 1e-12)
        return 1.0;
    if (x >= 3.0)
        return 0.0;
    const double px = M_PI * x;
    return 3.0 * std::sin(px) * std::sin(px / 3.0) / (px * px);
}

using Weights = std::vector<std::vector<std::pair<int, double>>>; // per output: (source, w)

// Output o's centre sits at (o + 0.5) * span / to source pixels (pixel i covers [i, i + 1)).
Weights axisWeights(double span, int to, int size)
{
    const double scale = span / to, widen = std::max(1.0, scale);
    Weights all(static_cast<size_t>(to));
    for (int o = 0; o < to; ++o) {
        const double centre = (o + 0.5) * scale;
        double sum = 0;
        const int lo = int(std::floor(centre - 3 * widen)) - 1;
        const int hi = int(std::ceil(centre + 3 * widen)) + 1;
        for (int i = lo; i <= hi; ++i) {
            const double w = lanczos3((i + 0.5 - centre) / widen);
            if (w == 0)
                continue;
            all[size_t(o)].push_back({std::clamp(i, 0, size - 1), w});
            sum += w;
        }
        for (auto &tap : all[size_t(o)])
            tap.second /= sum;
    }
    return all;
}

// resample.h: reductions of more than 3x per side first average whole k x k boxes,
// k = floor(from / to / 3), stored in 8 bits.
int boxFactor(double coverage, int to)
{
    const int from = int(coverage);
    return from <= to ? 1 : std::max(1, int(std::floor(double(from) / to / 3.0)));
}

cv::Mat boxAverage(const cv::Mat &in, int kx, int ky)
{
    const int cols = std::max(1, in.cols / kx), rows = std::max(1, in.rows / ky);
    const int ch = in.channels();
    cv::Mat out(rows, cols, in.type());
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cols; ++x)
            for (int c = 0; c < ch; ++c) {
                double sum = 0;
                int n = 0;
                for (int yy = y * ky; yy < std::min(in.rows, (y + 1) * ky); ++yy)
                    for (int xx = x * kx; xx < std::min(in.cols, (x + 1) * kx); ++xx, ++n)
                        sum += in.ptr<uchar>(yy)[xx * ch + c];
                // OpenCV's INTER_AREA on whole boxes rounds halves up for 2 x 2 boxes
                // ((sum + 2) >> 2) and to even for the others (cvRound of sum / area).
                const double mean = sum / n;
                out.ptr<uchar>(y)[x * ch + c] =
                    uchar(kx == 2 && ky == 2 ? std::floor(mean + 0.5) : std::nearbyint(mean));
            }
    return out;
}

uchar toByte(double v)
{
    return uchar(std::clamp(std::floor(v + 0.5), 0.0, 255.0));
}

// One axis of `in` (rows when `vertical`) to `to` pixels, in double, rounded to 8 bits.
cv::Mat pass(const cv::Mat &in, bool vertical, double span, int to)
{
    const int ch = in.channels();
    const Weights weights = axisWeights(span, to, vertical ? in.rows : in.cols);
    cv::Mat out = vertical ? cv::Mat(to, in.cols, in.type()) : cv::Mat(in.rows, to, in.type());
    for (int y = 0; y < out.rows; ++y)
        for (int x = 0; x < out.cols; ++x)
            for (int c = 0; c < ch; ++c) {
                double v = 0;
                for (const auto &[s, w] : weights[size_t(vertical ? y : x)])
                    v += w *
                         (vertical ? in.ptr<uchar>(s)[x * ch + c] : in.ptr<uchar>(y)[s * ch + c]);
                out.ptr<uchar>(y)[x * ch + c] = toByte(v);
            }
    return out;
}

// The box step, then rows, then columns, each stored in 8 bits (resample.h): where Lanczos
// rings past 0..255 the clamp in between is part of the result, so the reference keeps it.
cv::Mat reference(const cv::Mat &image, QSize target, QSizeF coverage)
{
    const int kx = boxFactor(coverage.width(), target.width());
    const int ky = boxFactor(coverage.height(), target.height());
    cv::Mat in = image;
    if (kx > 1 || ky > 1) {
        in = boxAverage(image, kx, ky);
        coverage = QSizeF(coverage.width() / kx, coverage.height() / ky);
    }
    if (in.rows != target.height() || coverage.height() != in.rows)
        in = pass(in, true, coverage.height(), target.height());
    if (in.cols != target.width() || coverage.width() != in.cols)
        in = pass(in, false, coverage.width(), target.width());
    return in;
}

cv::Mat pattern(int w, int h, int channels, Pattern kind)
{
    cv::Mat image(h, w, CV_8UC(channels));
    cv::RNG rng(uint64(w * 7919 + h * 31 + channels));
    for (int y = 0; y < h; ++y)
        for (int i = 0; i < w * channels; ++i) {
            const int x = i / channels;
            int v = 0;
            switch (kind) {
            case Noise:
                v = rng.uniform(0, 256);
                break;
            case Checker: // the most ringing Lanczos can make: clamped at both ends
                v = (x + y) % 2 ? 255 : 0;
                break;
            case SmoothNoise:
                v = std::clamp(
                    int(128 + 100 * std::sin(x * 0.05 + y * 0.03)) + rng.uniform(-20, 21), 0, 255);
                break;
            case Flat:
                v = 200;
                break;
            }
            image.ptr<uchar>(y)[i] = uchar(v);
        }
    return image;
}

int maxDifference(const cv::Mat &a, const cv::Mat &b)
{
    cv::Mat diff;
    cv::absdiff(a.reshape(1), b.reshape(1), diff);
    double max = 0;
    cv::minMaxLoc(diff, nullptr, &max);
    return int(max);
}

} // namespace

class tst_Resample : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Kernels the processor lacks fall back to the portable ones: say which ran.
        qInfo("AVX2 %d, AVX-512 BW+VNNI %d", __builtin_cpu_supports("avx2"),
              __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vnni"));
    }
    void cleanup() { setResampleKernels(ResampleKernels::Best); }
    void matchesReference_data();
    void matchesReference();
};

void tst_Resample::matchesReference_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QSizeF>("coverage");
    QTest::addColumn<QSize>("target");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("channels");
    struct Case
    {
        const char *name;
        QSize size;
        QSizeF coverage; // empty: the image's size
        QSize target;
    };
    const Case cases[] = {
        {"1.1x, width 1001", {1001, 37}, {}, {910, 34}},
        {"2.5x, width 33", {33, 40}, {}, {13, 16}},
        {"3x, no box", {99, 60}, {}, {33, 20}},
        {"5.9x, widest kernel without box", {1001, 59}, {}, {170, 10}},
        {"6.7x, box 2", {670, 335}, {}, {100, 50}},
        {"9.5x, box 3, odd size", {1001, 95}, {}, {105, 10}},
        {"6.7x one side, 1.1x the other", {670, 77}, {}, {100, 70}},
        {"width 7 to 3, height 1.1x", {7, 33}, {}, {3, 30}},
        {"width 1, height only", {1, 50}, {}, {1, 20}},
        {"height 1, width only", {1001, 1}, {}, {400, 1}},
        {"2x enlargement, width 33", {33, 7}, {}, {66, 14}},
        {"2x enlargement of 1x1", {1, 1}, {}, {2, 2}},
        {"enlarge one side, reduce the other", {7, 120}, {}, {16, 45}},
        {"coverage 1000.5 (DCT-shrunk)", {1001, 41}, {1000.5, 40.5}, {500, 20}},
        {"coverage 666.7 (box-shrunk), same size", {667, 30}, {666.7, 30}, {667, 30}},
        {"width 33 to 32: one SIMD block and a tail", {33, 9}, {}, {32, 8}},
    };
    const std::pair<Pattern, const char *> kinds[] = {
        {Noise, "noise"}, {Checker, "checker"}, {SmoothNoise, "smooth"}, {Flat, "flat"}};
    for (const Case &c : cases)
        for (const auto &[kind, kindName] : kinds)
            for (int channels = 1; channels <= 4; ++channels)
                QTest::addRow("%s, %s, %d ch", c.name, kindName, channels)
                    << c.size << (c.coverage.isEmpty() ? QSizeF(c.size) : c.coverage) << c.target
                    << int(kind) << channels;
}

void tst_Resample::matchesReference()
{
    QFETCH(QSize, size);
    QFETCH(QSizeF, coverage);
    QFETCH(QSize, target);
    QFETCH(int, kind);
    QFETCH(int, channels);
    const cv::Mat image = pattern(size.width(), size.height(), channels, Pattern(kind));
    const cv::Mat expected = reference(image, target, coverage);
    const cv::Mat original = image.clone();
    // Each kernel set the processor has (the others fall back to it: then compared twice).
    setResampleKernels(ResampleKernels::Portable);
    const cv::Mat portable = resizeLanczos3(image, target, coverage).clone();
    QCOMPARE(portable.cols, target.width());
    QCOMPARE(portable.rows, target.height());
    QCOMPARE(portable.type(), image.type());
    QVERIFY2(maxDifference(portable, expected) <= 1,
             "portable: " + QByteArray::number(maxDifference(portable, expected)));
    for (const ResampleKernels kernels : {ResampleKernels::Avx2, ResampleKernels::Best}) {
        setResampleKernels(kernels);
        const cv::Mat simd = resizeLanczos3(image, target, coverage).clone();
        // Same integer arithmetic: the kernels must agree to the bit, not just within 1.
        QVERIFY2(maxDifference(simd, portable) == 0,
                 "kernels " + QByteArray::number(int(kernels)) + ": " +
                     QByteArray::number(maxDifference(simd, portable)));
    }
    // The input is the caller's (main's transpose wrote into it when only columns changed).
    QCOMPARE(maxDifference(image, original), 0);
    if (Pattern(kind) == Flat) // weights sum to exactly 1: flat stays flat
        QCOMPARE(cv::countNonZero(portable.reshape(1) != 200), 0);
}

QTEST_GUILESS_MAIN(tst_Resample)
#include "tst_resample.moc"
