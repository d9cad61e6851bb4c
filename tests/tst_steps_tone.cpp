#include "tst_steps.h"

#include <QtTest>

#include <cmath>

#include "engine/steps.h"

// Tone steps against references written here from step.h's formulas: a plain-loop unsharp
// mask in double, adjust values worked out by hand, auto-level on an image whose histogram is
// known by construction.

namespace {

cv::Mat randomImage(int w, int h, int channels, int seed)
{
    cv::Mat image(h, w, CV_8UC(channels));
    cv::RNG rng{uint64(seed)};
    rng.fill(image, cv::RNG::UNIFORM, 0, 256);
    return image;
}

// out = in + amount * (in - blur), blur a 2-D Gaussian of radius ceil(3 sigma), normalised,
// edges extended by copy; in double, rounded once.
cv::Mat unsharpReference(const cv::Mat &in, double sigma, double amount)
{
    const int r = int(std::ceil(3 * sigma));
    const int channels = in.channels();
    const int colours = channels == 2 || channels == 4 ? channels - 1 : channels;
    double total = 0;
    for (int dy = -r; dy <= r; ++dy)
        for (int dx = -r; dx <= r; ++dx)
            total += std::exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
    cv::Mat out = in.clone();
    for (int y = 0; y < in.rows; ++y)
        for (int x = 0; x < in.cols; ++x)
            for (int c = 0; c < colours; ++c) {
                double blur = 0;
                for (int dy = -r; dy <= r; ++dy)
                    for (int dx = -r; dx <= r; ++dx) {
                        const int sx = std::clamp(x + dx, 0, in.cols - 1);
                        const int sy = std::clamp(y + dy, 0, in.rows - 1);
                        blur += std::exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)) *
                                in.ptr<uchar>(sy)[sx * channels + c];
                    }
                const double v = in.ptr<uchar>(y)[x * channels + c];
                const double sharpened = v + amount * (v - blur / total);
                out.ptr<uchar>(y)[x * channels + c] =
                    uchar(std::lround(std::clamp(sharpened, 0.0, 255.0)));
            }
    return out;
}

} // namespace

void tst_Steps::sharpenAsUnsharpMask_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("sigma");
    QTest::addColumn<double>("amount");
    for (int channels : {1, 2, 3, 4}) {
        QTest::addRow("%d default", channels) << channels << QSize(17, 13) << 0.75 << 0.75;
        QTest::addRow("%d wide", channels) << channels << QSize(23, 19) << 2.0 << 1.5;
    }
    // Taller than one strip of the implementation: rows across its seams are checked too.
    QTest::newRow("3 tall") << 3 << QSize(9, 150) << 1.3 << 1.0;
}

void tst_Steps::sharpenAsUnsharpMask()
{
    QFETCH(int, channels);
    QFETCH(QSize, size);
    QFETCH(double, sigma);
    QFETCH(double, amount);
    const cv::Mat in = randomImage(size.width(), size.height(), channels, 7);
    const cv::Mat out = applyStep(in, SharpenStep{sigma, amount});
    const cv::Mat expected = unsharpReference(in, sigma, amount);
    QCOMPARE(out.channels(), channels);
    // Float against double: a value may land on the other side of a half.
    QVERIFY2(cv::norm(out, expected, cv::NORM_INF) <= 1, "more than one level off");
    cv::Mat exact;
    cv::compare(out, expected, exact, cv::CMP_EQ);
    QVERIFY(cv::countNonZero(exact.reshape(1)) >= int(0.99 * in.total() * channels));
    QVERIFY(cv::norm(out, in, cv::NORM_INF) > 20); // it did sharpen
    if (channels % 2 == 0) {
        cv::Mat alphaIn, alphaOut;
        cv::extractChannel(in, alphaIn, channels - 1);
        cv::extractChannel(out, alphaOut, channels - 1);
        QCOMPARE(cv::norm(alphaIn, alphaOut, cv::NORM_INF), 0.0);
    }
}

void tst_Steps::adjustTable_data()
{
    QTest::addColumn<int>("in");
    QTest::addColumn<double>("brightness");
    QTest::addColumn<double>("contrast");
    QTest::addColumn<double>("gamma");
    QTest::addColumn<int>("out");
    // 0 + 7 * 2.55 = 17.85
    QTest::newRow("brightness up") << 0 << 7.0 << 0.0 << 1.0 << 18;
    QTest::newRow("brightness clips") << 250 << 7.0 << 0.0 << 1.0 << 255;
    // 100 - 33 * 2.55 = 15.85
    QTest::newRow("brightness down") << 100 << -33.0 << 0.0 << 1.0 << 16;
    // (100 - 127.5) * 1.5 + 127.5 = 86.25; (200 - 127.5) * 1.5 + 127.5 = 236.25
    QTest::newRow("contrast up, dark") << 100 << 0.0 << 50.0 << 1.0 << 86;
    QTest::newRow("contrast up, light") << 200 << 0.0 << 50.0 << 1.0 << 236;
    QTest::newRow("contrast up, black clips") << 0 << 0.0 << 50.0 << 1.0 << 0;
    // (100 - 127.5) * 0.5 + 127.5 = 113.75
    QTest::newRow("contrast down") << 100 << 0.0 << -50.0 << 1.0 << 114;
    // 255 * (64 / 255)^0.5 = 127.75; 255 * (200 / 255)^0.5 = 225.83; 255 * (64 / 255)^2 = 16.06
    QTest::newRow("gamma 2, 64") << 64 << 0.0 << 0.0 << 2.0 << 128;
    QTest::newRow("gamma 2, 200") << 200 << 0.0 << 0.0 << 2.0 << 226;
    QTest::newRow("gamma 0.5") << 64 << 0.0 << 0.0 << 0.5 << 16;
    // 128 - 51 = 77; (77 - 127.5) * 1.2 + 127.5 = 66.9; 255 * (66.9 / 255)^2 = 17.55
    QTest::newRow("all three") << 128 << -20.0 << 20.0 << 0.5 << 18;
    // 30 + 38.25 = 68.25; (68.25 - 127.5) * 0.6 + 127.5 = 91.95; 255 * (91.95 / 255)^(1 / 1.8)
    // = 144.69
    QTest::newRow("all three, gamma 1.8") << 30 << 15.0 << -40.0 << 1.8 << 145;
}

void tst_Steps::adjustTable()
{
    QFETCH(int, in);
    QFETCH(double, brightness);
    QFETCH(double, contrast);
    QFETCH(double, gamma);
    QFETCH(int, out);
    const AdjustStep step{brightness, contrast, gamma};
    QCOMPARE(int(applyStep(flatImage(2, 2, {in}), step).at<uchar>(1, 1)), out);
    const cv::Mat rgb = applyStep(flatImage(2, 2, {in, in, in}), step);
    QCOMPARE(rgb.at<cv::Vec3b>(1, 0), cv::Vec3b(uchar(out), uchar(out), uchar(out)));
}

void tst_Steps::adjustKeepsAlpha()
{
    const AdjustStep step{0, 50, 1}; // 100 -> 86, 200 -> 236 (adjustTable)
    const cv::Mat rgba = applyStep(flatImage(3, 2, {100, 200, 100, 100}), step);
    QCOMPARE(rgba.at<cv::Vec4b>(1, 2), cv::Vec4b(86, 236, 86, 100));
    const cv::Mat grayAlpha = applyStep(flatImage(3, 2, {200, 200}), step);
    QCOMPARE(grayAlpha.at<cv::Vec2b>(0, 0), cv::Vec2b(236, 200));
    QVERIFY(failureOf(flatImage(2, 2, {1}), AdjustStep{0, 0, 0}).contains(QLatin1String("gamma")));
}

void tst_Steps::autoLevel_data()
{
    QTest::addColumn<int>("channels");
    for (int channels : {3, 4})
        QTest::addRow("%d", channels) << channels;
}

// 1000 pixels, so 0.5% is 5: five black and five white pixels are clipped; the next lowest
// channel is 20 and the next highest 200 (one pixel, (20, 200, 100)); the rest are
// (51, 100, 150). Every colour channel maps by v' = (v - 20) * 255 / 180:
// 51 -> 43.92, 100 -> 113.33, 150 -> 184.17, 200 -> 255, 20 -> 0, and black and white clip.
void tst_Steps::autoLevel()
{
    QFETCH(int, channels);
    cv::Mat in(25, 40, CV_8UC(channels));
    for (int i = 0; i < 1000; ++i) {
        const cv::Scalar colour = i < 5     ? cv::Scalar(0, 0, 0)
                                  : i < 10  ? cv::Scalar(255, 255, 255)
                                  : i == 10 ? cv::Scalar(20, 200, 100)
                                            : cv::Scalar(51, 100, 150);
        uchar *p = in.ptr<uchar>(i / 40) + (i % 40) * channels;
        for (int c = 0; c < 3; ++c)
            p[c] = uchar(colour[c]);
        if (channels == 4)
            p[3] = uchar(1 + i % 255); // any visible alpha, kept as it is
    }
    const cv::Mat out = applyStep(in, AutoLevelStep{});
    const auto pixel = [&](int i) {
        const uchar *p = out.ptr<uchar>(i / 40) + (i % 40) * channels;
        return cv::Vec3b(p[0], p[1], p[2]);
    };
    QCOMPARE(pixel(0), cv::Vec3b(0, 0, 0));
    QCOMPARE(pixel(7), cv::Vec3b(255, 255, 255));
    QCOMPARE(pixel(10), cv::Vec3b(0, 255, 113));
    QCOMPARE(pixel(500), cv::Vec3b(44, 113, 184));
    if (channels == 4)
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(int(out.ptr<uchar>(i / 40)[(i % 40) * 4 + 3]), 1 + i % 255);
}

void tst_Steps::autoLevelLeavesFlatImage()
{
    const cv::Mat gray = flatImage(10, 10, {90});
    QCOMPARE(cv::norm(applyStep(gray, AutoLevelStep{}), gray, cv::NORM_INF), 0.0);
    // Flat where it is seen: a fully transparent black pixel does not count.
    cv::Mat rgba = flatImage(10, 10, {100, 100, 100, 255});
    rgba.at<cv::Vec4b>(3, 3) = cv::Vec4b(0, 0, 0, 0);
    QCOMPARE(cv::norm(applyStep(rgba, AutoLevelStep{}), rgba, cv::NORM_INF), 0.0);
    // A gray ramp 50..149 (100 pixels, nothing clipped): 50 -> 0, 149 -> 255,
    // 100 -> 50 * 255 / 99 = 128.79.
    cv::Mat ramp(10, 10, CV_8UC1);
    for (int i = 0; i < 100; ++i)
        ramp.at<uchar>(i / 10, i % 10) = uchar(50 + i);
    const cv::Mat stretched = applyStep(ramp, AutoLevelStep{});
    QCOMPARE(int(stretched.at<uchar>(0, 0)), 0);
    QCOMPARE(int(stretched.at<uchar>(5, 0)), 129);
    QCOMPARE(int(stretched.at<uchar>(9, 9)), 255);
}

void tst_Steps::grayscale_data()
{
    QTest::addColumn<int>("r");
    QTest::addColumn<int>("g");
    QTest::addColumn<int>("b");
    QTest::addColumn<int>("luma");                    // 0.299 R + 0.587 G + 0.114 B, by hand
    QTest::newRow("red") << 255 << 0 << 0 << 76;      // 76.25
    QTest::newRow("green") << 0 << 255 << 0 << 150;   // 149.69
    QTest::newRow("blue") << 0 << 0 << 255 << 29;     // 29.07
    QTest::newRow("mixed") << 10 << 200 << 30 << 124; // 2.99 + 117.4 + 3.42 = 123.81
}

void tst_Steps::grayscale()
{
    QFETCH(int, r);
    QFETCH(int, g);
    QFETCH(int, b);
    QFETCH(int, luma);
    const cv::Mat gray = applyStep(flatImage(3, 2, {r, g, b}), GrayscaleStep{});
    QCOMPARE(gray.channels(), 1);
    QCOMPARE(int(gray.at<uchar>(1, 2)), luma);
    const cv::Mat grayAlpha = applyStep(flatImage(3, 2, {r, g, b, 77}), GrayscaleStep{});
    QCOMPARE(grayAlpha.channels(), 2);
    QCOMPARE(grayAlpha.at<cv::Vec2b>(1, 2), cv::Vec2b(uchar(luma), 77));
    QCOMPARE(cv::norm(applyStep(gray, GrayscaleStep{}), gray, cv::NORM_INF), 0.0);
}
