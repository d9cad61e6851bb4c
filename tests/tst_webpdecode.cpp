// The WebP fast decoders (core/engine/webpdecode.h) against libwebp's plain full-size decode
// averaged by hand-written loops: the box step after decoding must give, within rounding, the
// box average of the pixels libwebp decodes, for gray (its luma plane, video range made full)
// and colour, at odd sizes whose partial boxes are dropped; and for gray, libwebp's own scaled
// decode (the route beyond kWebpOwnBoxBytes) must agree with it where the boxes line up.
#include <QtTest>

#include <opencv2/core.hpp>

#include <webp/decode.h>
#include <webp/encode.h>

#include <cmath>

#include "engine/webpdecode.h"

namespace {

// Gradients plus noise, RGB or RGBA (alpha a ramp), encoded lossy at quality 90.
QByteArray encodeWebp(int width, int height, bool alpha)
{
    const int channels = alpha ? 4 : 3;
    std::vector<uint8_t> pixels(size_t(width) * height * channels);
    cv::RNG rng(7);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            uint8_t *p = &pixels[(size_t(y) * width + x) * channels];
            p[0] = uint8_t(x * 255 / std::max(1, width - 1));
            p[1] = uint8_t(y * 255 / std::max(1, height - 1));
            p[2] = uint8_t(rng.uniform(0, 256));
            if (alpha)
                p[3] = uint8_t((x + y) * 255 / std::max(1, width + height - 2));
        }
    uint8_t *out = nullptr;
    const size_t size = alpha ? WebPEncodeRGBA(pixels.data(), width, height, width * 4, 90, &out)
                              : WebPEncodeRGB(pixels.data(), width, height, width * 3, 90, &out);
    const QByteArray bytes(reinterpret_cast<const char *>(out), qsizetype(size));
    WebPFree(out);
    return bytes;
}

// Whole box x box blocks from the top-left, each the rounded mean of its samples.
cv::Mat boxMean(const uint8_t *plane, int stride, int width, int height, int channels, int box)
{
    const int cols = std::max(1, width / box), rows = std::max(1, height / box);
    const int bw = std::min(box, width), bh = std::min(box, height);
    cv::Mat out(rows, cols, CV_8UC(channels));
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cols; ++x)
            for (int c = 0; c < channels; ++c) {
                int sum = 0;
                for (int dy = 0; dy < bh; ++dy)
                    for (int dx = 0; dx < bw; ++dx)
                        sum += plane[(y * box + dy) * stride + (x * box + dx) * channels + c];
                out.ptr<uint8_t>(y)[x * channels + c] =
                    uint8_t(std::lround(double(sum) / (bw * bh)));
            }
    return out;
}

// BT.601 video range (16..235) to full range, rounded.
void toFullRange(cv::Mat &luma)
{
    luma.forEach<uint8_t>(
        [](uint8_t &p, const int *) { p = cv::saturate_cast<uint8_t>((p - 16) * 255.0 / 219.0); });
}

double maxDifference(const cv::Mat &a, const cv::Mat &b)
{
    return cv::norm(a, b, cv::NORM_INF);
}

} // namespace

class tst_WebpDecode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void grayIsTheBoxedLuma_data();
    void grayIsTheBoxedLuma();
    void colourIsTheBoxedRgb_data();
    void colourIsTheBoxedRgb();
    void alphaIsLeftToThePipeline();
    void decoderScalingAgreesWhereBoxesLineUp();
};

void tst_WebpDecode::grayIsTheBoxedLuma_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("box");
    QTest::newRow("odd, box 1") << 37 << 23 << 1;
    QTest::newRow("odd, box 2") << 37 << 23 << 2;
    QTest::newRow("odd, box 3") << 301 << 199 << 3;
    QTest::newRow("even, box 4") << 256 << 128 << 4;
    QTest::newRow("one pixel wide, box 2") << 1 << 40 << 2;
}

void tst_WebpDecode::grayIsTheBoxedLuma()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, box);
    const QByteArray bytes = encodeWebp(width, height, false);
    int w = 0, h = 0, uvStride = 0, yStride = 0;
    uint8_t *u = nullptr, *v = nullptr;
    uint8_t *y = WebPDecodeYUV(reinterpret_cast<const uint8_t *>(bytes.constData()),
                               size_t(bytes.size()), &w, &h, &u, &v, &yStride, &uvStride);
    QVERIFY(y);
    cv::Mat expected = boxMean(y, yStride, w, h, 1, box);
    WebPFree(y);
    expected.forEach<uint8_t>(
        [](uint8_t &p, const int *) { p = cv::saturate_cast<uint8_t>((p - 16) * 255.0 / 219.0); });
    // The whole reduction stays under 4x: the deblocking filter runs, as in the plain decode.
    const WebpDecoded gray = decodeWebpLuma(bytes, box, QSize(width, height));
    QCOMPARE(gray.pixels.type(), CV_8UC1);
    QCOMPARE(gray.pixels.size(), expected.size());
    // One level of video-range luma is 1.16 levels of full range: rounding the box mean one
    // way or the other moves the gray by up to 2.
    QVERIFY2(maxDifference(gray.pixels, expected) <= 2,
             qPrintable(QString::number(maxDifference(gray.pixels, expected))));
    if (box > 1)
        QCOMPARE(gray.coverage, QSizeF(double(width) / box, double(height) / box));
}

void tst_WebpDecode::colourIsTheBoxedRgb_data()
{
    grayIsTheBoxedLuma_data();
}

void tst_WebpDecode::colourIsTheBoxedRgb()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, box);
    const QByteArray bytes = encodeWebp(width, height, false);
    int w = 0, h = 0;
    uint8_t *rgb = WebPDecodeRGB(reinterpret_cast<const uint8_t *>(bytes.constData()),
                                 size_t(bytes.size()), &w, &h);
    QVERIFY(rgb);
    const cv::Mat expected = boxMean(rgb, w * 3, w, h, 3, box);
    WebPFree(rgb);
    const WebpDecoded colour = decodeWebpColour(bytes, box);
    QCOMPARE(colour.pixels.type(), CV_8UC3);
    QCOMPARE(colour.pixels.size(), expected.size());
    QVERIFY2(maxDifference(colour.pixels, expected) <= 1,
             qPrintable(QString::number(maxDifference(colour.pixels, expected))));
}

// Transparent pixels' colour must not leak into a box: the pipeline premultiplies first, so
// the decoder hands over every pixel, exactly as libwebp decodes them.
void tst_WebpDecode::alphaIsLeftToThePipeline()
{
    const QByteArray bytes = encodeWebp(64, 48, true);
    int w = 0, h = 0;
    uint8_t *rgba = WebPDecodeRGBA(reinterpret_cast<const uint8_t *>(bytes.constData()),
                                   size_t(bytes.size()), &w, &h);
    QVERIFY(rgba);
    const cv::Mat expected = cv::Mat(h, w, CV_8UC4, rgba).clone();
    WebPFree(rgba);
    const WebpDecoded colour = decodeWebpColour(bytes, 2);
    QCOMPARE(colour.pixels.size(), expected.size());
    QCOMPARE(maxDifference(colour.pixels, expected), 0.0);
}

// Luma only: in colour, libwebp's scaled decode shrinks the chroma planes before turning them
// into RGB, which on chroma noise differs by tens of levels from boxing the RGB it decodes at
// full size (the reference's order); its luma plane is the same box average.
void tst_WebpDecode::decoderScalingAgreesWhereBoxesLineUp()
{
    const QByteArray bytes = encodeWebp(240, 180, false);
    for (const int box : {2, 3, 4}) {
        WebPDecoderConfig config;
        QVERIFY(WebPInitDecoderConfig(&config));
        config.options.use_scaling = 1;
        config.options.scaled_width = 240 / box;
        config.options.scaled_height = 180 / box;
        config.output.colorspace = MODE_YUV;
        QCOMPARE(WebPDecode(reinterpret_cast<const uint8_t *>(bytes.constData()),
                            size_t(bytes.size()), &config),
                 VP8_STATUS_OK);
        cv::Mat scaled = cv::Mat(180 / box, 240 / box, CV_8UC1, config.output.u.YUVA.y,
                                 size_t(config.output.u.YUVA.y_stride))
                             .clone();
        WebPFreeDecBuffer(&config.output);
        toFullRange(scaled);
        const double difference =
            maxDifference(decodeWebpLuma(bytes, box, QSize(240, 180)).pixels, scaled);
        QVERIFY2(difference <= 2,
                 qPrintable(QStringLiteral("box %1: %2").arg(box).arg(difference)));
    }
}

QTEST_APPLESS_MAIN(tst_WebpDecode)
#include "tst_webpdecode.moc"
