#include "tst_steps.h"

#include <QtTest>

#include <vips/vips8>

#include "engine/engine.h"
#include "engine/engineshared.h"
#include "engine/steps.h"

// Geometry: every output pixel is checked against the input pixel a hand-written index formula
// names, on 1, 3 and 4 channel images (alpha travels with its pixel).

cv::Mat taggedImage(int w, int h, int channels)
{
    cv::Mat image(h, w, CV_8UC(channels));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < channels; ++c)
                image.ptr<uchar>(y)[x * channels + c] = uchar(c * 64 + y * w + x);
    return image;
}

cv::Mat flatImage(int w, int h, std::initializer_list<int> values)
{
    cv::Scalar s;
    int i = 0;
    for (int v : values)
        s[i++] = v;
    return cv::Mat(h, w, CV_8UC(int(values.size())), s);
}

bool mapsFrom(const cv::Mat &out, const cv::Mat &in, const std::function<QPoint(int, int)> &source)
{
    if (out.channels() != in.channels())
        return false;
    const size_t bytes = size_t(in.channels());
    for (int y = 0; y < out.rows; ++y)
        for (int x = 0; x < out.cols; ++x) {
            const QPoint p = source(x, y);
            if (std::memcmp(out.ptr<uchar>(y) + x * bytes, in.ptr<uchar>(p.y()) + p.x() * bytes,
                            bytes) != 0)
                return false;
        }
    return true;
}

QRect changedBox(const cv::Mat &a, const cv::Mat &b)
{
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    QRect box;
    const int channels = a.channels();
    for (int y = 0; y < diff.rows; ++y)
        for (int x = 0; x < diff.cols; ++x)
            for (int c = 0; c < channels; ++c)
                if (diff.ptr<uchar>(y)[x * channels + c] != 0)
                    box |= QRect(x, y, 1, 1);
    return box;
}

QString failureOf(const cv::Mat &image, const Step &step)
{
    try {
        applyStep(image, step);
    } catch (const EngineFailure &failure) {
        return failure.message;
    }
    return QString();
}

void tst_Steps::initTestCase()
{
    QString error;
    QVERIFY2(initializeEngines("tst_steps", &error), qPrintable(error));
    QVERIFY(m_dir.isValid());
}

void tst_Steps::rotateAndFlip_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("op"); // 90, 180, 270 degrees; 1 flip h, 2 flip v
    for (int channels : {1, 3, 4})
        for (int op : {90, 180, 270, 1, 2})
            QTest::addRow("%d-%d", channels, op) << channels << op;
}

// A 6x4 image (W = 6, H = 4): clockwise 90 puts the input's bottom-left at the top-left,
// out(x, y) = in(y, H - 1 - x), and so on.
void tst_Steps::rotateAndFlip()
{
    QFETCH(int, channels);
    QFETCH(int, op);
    const int w = 6, h = 4;
    const cv::Mat in = taggedImage(w, h, channels);
    const Step step = op > 2 ? Step(RotateStep{op})
                             : Step(FlipStep{op == 1 ? FlipAxis::Horizontal : FlipAxis::Vertical});
    const cv::Mat out = applyStep(in, step);
    const bool turned = op == 90 || op == 270;
    QCOMPARE(out.cols, turned ? h : w);
    QCOMPARE(out.rows, turned ? w : h);
    std::function<QPoint(int, int)> source;
    switch (op) {
    case 90:
        source = [&](int x, int y) { return QPoint(y, h - 1 - x); };
        break;
    case 180:
        source = [&](int x, int y) { return QPoint(w - 1 - x, h - 1 - y); };
        break;
    case 270:
        source = [&](int x, int y) { return QPoint(w - 1 - y, x); };
        break;
    case 1:
        source = [&](int x, int y) { return QPoint(w - 1 - x, y); };
        break;
    default:
        source = [&](int x, int y) { return QPoint(x, h - 1 - y); };
    }
    QVERIFY(mapsFrom(out, in, source));
}

void tst_Steps::rotateRefusesOtherAngles()
{
    QVERIFY(failureOf(taggedImage(6, 4, 3), RotateStep{45}).contains(QLatin1String("45 degrees")));
}

void tst_Steps::cropAspect_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QSize>("aspect");
    QTest::addColumn<Gravity>("gravity");
    QTest::addColumn<QRect>("expected"); // by hand: the limiting side whole, the other rounded
    QTest::newRow("8x6 1:1 centre")
        << QSize(8, 6) << QSize(1, 1) << Gravity::Centre << QRect(1, 0, 6, 6);
    QTest::newRow("8x6 1:1 east") << QSize(8, 6) << QSize(1, 1) << Gravity::East
                                  << QRect(2, 0, 6, 6);
    QTest::newRow("8x6 1:1 west") << QSize(8, 6) << QSize(1, 1) << Gravity::West
                                  << QRect(0, 0, 6, 6);
    QTest::newRow("6x8 1:1 north")
        << QSize(6, 8) << QSize(1, 1) << Gravity::North << QRect(0, 0, 6, 6);
    QTest::newRow("6x8 1:1 south")
        << QSize(6, 8) << QSize(1, 1) << Gravity::South << QRect(0, 2, 6, 6);
    QTest::newRow("7x4 1:1 centre, odd leftover")
        << QSize(7, 4) << QSize(1, 1) << Gravity::Centre << QRect(1, 0, 4, 4);
    // 8 * 9 / 16 = 4.5: halves round up.
    QTest::newRow("8x8 16:9 southeast")
        << QSize(8, 8) << QSize(16, 9) << Gravity::SouthEast << QRect(0, 3, 8, 5);
    // 7 * 4 / 5 = 5.6 -> 6 wide.
    QTest::newRow("9x7 4:5 northeast")
        << QSize(9, 7) << QSize(4, 5) << Gravity::NorthEast << QRect(3, 0, 6, 7);
    QTest::newRow("9x7 4:5 southwest")
        << QSize(9, 7) << QSize(4, 5) << Gravity::SouthWest << QRect(0, 0, 6, 7);
    // 3 * 3 / 2 = 4.5 -> 5: the whole image.
    QTest::newRow("5x3 3:2 whole")
        << QSize(5, 3) << QSize(3, 2) << Gravity::NorthWest << QRect(0, 0, 5, 3);
}

void tst_Steps::cropAspect()
{
    QFETCH(QSize, size);
    QFETCH(QSize, aspect);
    QFETCH(Gravity, gravity);
    QFETCH(QRect, expected);
    for (int channels : {1, 3, 4}) {
        const cv::Mat in = taggedImage(size.width(), size.height(), channels);
        CropStep step;
        step.aspectWidth = aspect.width();
        step.aspectHeight = aspect.height();
        step.gravity = gravity;
        const cv::Mat out = applyStep(in, step);
        QCOMPARE(QSize(out.cols, out.rows), expected.size());
        QVERIFY(mapsFrom(out, in, [&](int x, int y) { return QPoint(x, y) + expected.topLeft(); }));
    }
}

void tst_Steps::cropBox_data()
{
    QTest::addColumn<QRect>("box");
    QTest::addColumn<QRect>("expected");
    QTest::newRow("inside") << QRect(1, 1, 3, 2) << QRect(1, 1, 3, 2);
    QTest::newRow("clipped right and below") << QRect(2, 1, 10, 10) << QRect(2, 1, 4, 3);
    QTest::newRow("clipped left and above") << QRect(-3, -2, 5, 4) << QRect(0, 0, 2, 2);
    QTest::newRow("whole") << QRect(0, 0, 6, 4) << QRect(0, 0, 6, 4);
}

void tst_Steps::cropBox()
{
    QFETCH(QRect, box);
    QFETCH(QRect, expected);
    for (int channels : {1, 3, 4}) {
        const cv::Mat in = taggedImage(6, 4, channels);
        CropStep step;
        step.box = box;
        const cv::Mat out = applyStep(in, step);
        QCOMPARE(QSize(out.cols, out.rows), expected.size());
        QVERIFY(mapsFrom(out, in, [&](int x, int y) { return QPoint(x, y) + expected.topLeft(); }));
    }
}

void tst_Steps::cropBoxOutsideFails()
{
    CropStep step;
    step.box = QRect(5000, 0, 100, 100);
    QCOMPARE(failureOf(flatImage(800, 600, {1, 2, 3}), step),
             QStringLiteral("crop box 100x100+5000+0 lies outside the 800x600 image"));
    step.box = QRect(0, 0, 0, 0);
    QVERIFY(!failureOf(flatImage(8, 6, {1, 2, 3}), step).isEmpty());
}

void tst_Steps::cropAttentionAsSmartcrop_data()
{
    QTest::addColumn<int>("channels");
    for (int channels : {1, 2, 3, 4})
        QTest::addRow("%d", channels) << channels;
}

// A 240x120 image whose first two channels are x / 2 and y (the pattern that locates a
// window), with a bright, saturated patch right of centre for attention to find. libvips'
// smartcrop on the same pixels gives the expected window.
void tst_Steps::cropAttentionAsSmartcrop()
{
    QFETCH(int, channels);
    const int w = 240, h = 120;
    cv::Mat in(h, w, CV_8UC(channels), cv::Scalar::all(255));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uchar *p = in.ptr<uchar>(y) + x * channels;
            const bool patch = x >= 170 && x < 200 && y >= 40 && y < 70;
            p[0] = uchar(channels < 3 ? (patch ? 255 : x / 2) : (patch ? 250 : x / 2));
            if (channels >= 3) {
                p[1] = uchar(patch ? 20 : y);
                p[2] = uchar(patch ? 30 : 90);
            }
        }
    const vips::VImage wrapped =
        vips::VImage::new_from_memory(in.data, in.total() * in.elemSize(), w, h, channels,
                                      VIPS_FORMAT_UCHAR)
            .copy(vips::VImage::option()->set("interpretation", channels < 3
                                                                    ? VIPS_INTERPRETATION_B_W
                                                                    : VIPS_INTERPRETATION_sRGB));
    const vips::VImage reference = wrapped.smartcrop(
        h, h, vips::VImage::option()->set("interesting", VIPS_INTERESTING_ATTENTION));
    size_t bytes = 0;
    void *memory = reference.write_to_memory(&bytes);
    const cv::Mat expected = cv::Mat(h, h, CV_8UC(channels), memory).clone();
    g_free(memory);

    CropStep step;
    step.aspectWidth = step.aspectHeight = 1;
    step.gravity = Gravity::Attention;
    const cv::Mat out = applyStep(in, step);
    QCOMPARE(QSize(out.cols, out.rows), QSize(h, h));
    QCOMPARE(cv::norm(out, expected, cv::NORM_INF), 0.0);
    if (channels >= 3) // not the centre window (left 60, tagged 30): the patch pulled it right
        QVERIFY2(out.ptr<uchar>(0)[0] > (w - h) / 4, "window at the centre");
}

void tst_Steps::pad_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<Gravity>("gravity");
    QTest::addColumn<QPoint>("at"); // where the 6x4 image lands on a 10x8 canvas, by hand
    for (int channels : {2, 3, 4}) {
        QTest::addRow("%d centre", channels) << channels << Gravity::Centre << QPoint(2, 2);
        QTest::addRow("%d northeast", channels) << channels << Gravity::NorthEast << QPoint(4, 0);
        QTest::addRow("%d southwest", channels) << channels << Gravity::SouthWest << QPoint(0, 4);
        QTest::addRow("%d south", channels) << channels << Gravity::South << QPoint(2, 4);
    }
}

void tst_Steps::pad()
{
    QFETCH(int, channels);
    QFETCH(Gravity, gravity);
    QFETCH(QPoint, at);
    const cv::Mat in = taggedImage(6, 4, channels);
    PadStep step;
    step.size = QSize(10, 8);
    step.background = Rgba{10, 20, 30, 40};
    step.gravity = gravity;
    const cv::Mat out = applyStep(in, step);
    QCOMPARE(QSize(out.cols, out.rows), QSize(10, 8));
    QCOMPARE(out.channels(), channels);
    const QRect placed(at, QSize(6, 4));
    // Background: colour, with its alpha only where the image has alpha; on gray+alpha the
    // colour's luma, 0.299 * 10 + 0.587 * 20 + 0.114 * 30 = 18.15 -> 18.
    const std::vector<int> background = channels == 2   ? std::vector<int>{18, 40}
                                        : channels == 3 ? std::vector<int>{10, 20, 30}
                                                        : std::vector<int>{10, 20, 30, 40};
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 10; ++x) {
            const uchar *p = out.ptr<uchar>(y) + x * channels;
            for (int c = 0; c < channels; ++c) {
                const int expected = placed.contains(x, y)
                                         ? c * 64 + (y - at.y()) * 6 + (x - at.x())
                                         : background[size_t(c)];
                QCOMPARE(int(p[c]), expected);
            }
        }
}

void tst_Steps::padGrayUsesLuma()
{
    PadStep step;
    step.size = QSize(4, 3);
    step.background = Rgba{255, 0, 0, 255}; // 0.299 * 255 = 76.2
    const cv::Mat out = applyStep(flatImage(2, 1, {200}), step);
    QCOMPARE(out.channels(), 1);
    QCOMPARE(int(out.at<uchar>(0, 0)), 76);
    QCOMPARE(int(out.at<uchar>(1, 1)), 200); // the image at (1, 1): (4 - 2) / 2, (3 - 1) / 2
    QCOMPARE(int(out.at<uchar>(1, 3)), 76);
}

// 8x4 into 4x4: fitted to 4x2 (aspect kept), centred at y = 1. A flat image stays flat under
// any interpolation, so the placed band is exactly its colour.
void tst_Steps::padFitsLargerImage()
{
    for (int channels : {1, 3, 4}) {
        const cv::Mat in = channels == 1   ? flatImage(8, 4, {100})
                           : channels == 3 ? flatImage(8, 4, {100, 150, 200})
                                           : flatImage(8, 4, {100, 150, 200, 128});
        PadStep step;
        step.size = QSize(4, 4);
        step.background = Rgba{0, 0, 0, 0};
        const cv::Mat out = applyStep(in, step);
        QCOMPARE(QSize(out.cols, out.rows), QSize(4, 4));
        const cv::Mat zero = cv::Mat::zeros(1, 4, in.type());
        QCOMPARE(cv::norm(out.row(0), zero, cv::NORM_INF), 0.0);
        QCOMPARE(cv::norm(out.row(3), zero, cv::NORM_INF), 0.0);
        // Half-transparent colour is resampled premultiplied in 8 bits, as the pipeline does:
        // 150 at alpha 128 comes back as 149.
        const double tolerance = channels == 4 ? 1 : 0;
        QVERIFY(cv::norm(out.rowRange(1, 3), in(cv::Rect(0, 0, 4, 2)), cv::NORM_INF) <= tolerance);
        if (channels == 4) {
            cv::Mat alpha;
            cv::extractChannel(out.rowRange(1, 3), alpha, 3);
            QCOMPARE(cv::countNonZero(alpha != 128), 0);
        }
    }
    // 3x9 into 5x5: 5 / 9 * 3 = 1.67 -> 2 wide, at x = (5 - 2) / 2 = 1.
    PadStep step;
    step.size = QSize(5, 5);
    const cv::Mat out = applyStep(flatImage(3, 9, {7}), step);
    QCOMPARE(changedBox(out, flatImage(5, 5, {255})), QRect(1, 0, 2, 5));
}

void tst_Steps::padRefusesEmptyCanvas()
{
    PadStep step;
    step.size = QSize(0, 10);
    QVERIFY(!failureOf(flatImage(4, 4, {1, 2, 3}), step).isEmpty());
}

QTEST_GUILESS_MAIN(tst_Steps)
