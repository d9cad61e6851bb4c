#include "tst_steps.h"

#include <QFile>
#include <QtTest>

#include <vips/vips8>

#include "engine/steps.h"

// Watermarks on black images, so that every changed pixel is the watermark's. Text geometry is
// checked against the rules (margin, corner, height as a share of the image's) and its
// proportions against vips_text rendered here; logos against hand-computed boxes and colours.

namespace {

constexpr int kW = 400, kH = 300, kMargin = 6; // 2% of the shorter side

cv::Mat blackImage(int channels)
{
    // Opaque black: alpha, where there is one, is the last channel.
    return cv::Mat(kH, kW, CV_8UC(channels),
                   channels == 2 ? cv::Scalar(0, 255) : cv::Scalar(0, 0, 0, 255));
}

WatermarkStep textStep(Gravity position)
{
    WatermarkStep step;
    step.text = QStringLiteral("Pixelmill");
    step.sizePercent = 10;
    step.colour = Rgba{255, 255, 255, 255};
    step.opacity = 100;
    step.position = position;
    step.marginPercent = 2;
    return step;
}

// Width over height of `text` as vips_text renders it (it crops to the ink).
double textProportion(const char *text)
{
    const vips::VImage t = vips::VImage::text(
        text, vips::VImage::option()->set("font", "Sans Bold 10")->set("dpi", 600));
    return double(t.width()) / t.height();
}

// Where the watermark box must sit for `position`: left/right or top/bottom against the
// margin, or centred (within a pixel), with up to `slack` pixels of ink bearing inward.
bool placedAt(const QRect &box, Gravity position, int slack)
{
    const auto along = [&](int start, int end, int length, int side) {
        if (side < 0)
            return start >= kMargin && start <= kMargin + slack;
        if (side > 0)
            return end <= length - kMargin && end >= length - kMargin - slack;
        return std::abs((start + end) - length) <= 2 + 2 * slack;
    };
    int sx = 0, sy = 0;
    switch (position) {
    case Gravity::NorthWest:
        sx = -1, sy = -1;
        break;
    case Gravity::North:
        sy = -1;
        break;
    case Gravity::NorthEast:
        sx = 1, sy = -1;
        break;
    case Gravity::West:
        sx = -1;
        break;
    case Gravity::East:
        sx = 1;
        break;
    case Gravity::SouthWest:
        sx = -1, sy = 1;
        break;
    case Gravity::South:
        sy = 1;
        break;
    case Gravity::SouthEast:
        sx = 1, sy = 1;
        break;
    default:
        break;
    }
    return along(box.left(), box.right() + 1, kW, sx) && along(box.top(), box.bottom() + 1, kH, sy);
}

QString describe(const QRect &r)
{
    return QStringLiteral("%1x%2+%3+%4").arg(r.width()).arg(r.height()).arg(r.x()).arg(r.y());
}

} // namespace

void tst_Steps::textPosition_data()
{
    QTest::addColumn<Gravity>("position");
    QTest::newRow("northwest") << Gravity::NorthWest;
    QTest::newRow("north") << Gravity::North;
    QTest::newRow("northeast") << Gravity::NorthEast;
    QTest::newRow("west") << Gravity::West;
    QTest::newRow("centre") << Gravity::Centre;
    QTest::newRow("east") << Gravity::East;
    QTest::newRow("southwest") << Gravity::SouthWest;
    QTest::newRow("south") << Gravity::South;
    QTest::newRow("southeast") << Gravity::SouthEast;
}

void tst_Steps::textPosition()
{
    QFETCH(Gravity, position);
    const cv::Mat in = blackImage(3);
    const cv::Mat out = applyStep(in, textStep(position));
    const QRect box = changedBox(in, out);
    QVERIFY(!box.isEmpty());
    QVERIFY2(placedAt(box, position, 2), qPrintable(describe(box)));
    // 10% of 300 = 30 pixels tall, within 20%; as wide as vips_text's proportions make it.
    QVERIFY2(box.height() >= 24 && box.height() <= 36, qPrintable(describe(box)));
    const double expectedWidth = box.height() * textProportion("Pixelmill");
    QVERIFY2(std::abs(box.width() - expectedWidth) <= 0.1 * expectedWidth,
             qPrintable(describe(box)));
}

void tst_Steps::textOpacityAndColour_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("opacity");
    QTest::addColumn<int>("brightest"); // red over black, full coverage
    QTest::newRow("rgb 100%") << 3 << 100 << 255;
    QTest::newRow("rgb 50%") << 3 << 50 << 128;   // alpha 127.5 -> 128
    QTest::newRow("gray 100%") << 1 << 100 << 76; // red's luma, 76.25
    QTest::newRow("gray 50%") << 1 << 50 << 38;   // 76 * 128 / 255 = 38.15
    QTest::newRow("rgba 50%") << 4 << 50 << 128;
}

void tst_Steps::textOpacityAndColour()
{
    QFETCH(int, channels);
    QFETCH(int, opacity);
    QFETCH(int, brightest);
    WatermarkStep step = textStep(Gravity::SouthEast);
    step.colour = Rgba{255, 0, 0, 255};
    step.opacity = opacity;
    const cv::Mat in = blackImage(channels);
    const cv::Mat out = applyStep(in, step);
    QCOMPARE(out.channels(), channels);
    std::vector<cv::Mat> planes;
    cv::split(out, planes);
    double most = 0;
    cv::minMaxLoc(planes[0], nullptr, &most);
    QVERIFY2(std::abs(most - brightest) <= 1, qPrintable(QString::number(most)));
    if (channels >= 3) {
        QCOMPARE(cv::countNonZero(planes[1]), 0);
        QCOMPARE(cv::countNonZero(planes[2]), 0);
    }
    if (channels == 4) // an opaque image stays opaque
        QCOMPARE(cv::countNonZero(planes[3] != 255), 0);
}

// Over a transparent image the text keeps its own colour, and its coverage becomes the alpha.
void tst_Steps::textOnTransparentImage()
{
    const cv::Mat in(kH, kW, CV_8UC4, cv::Scalar(0, 0, 0, 0));
    WatermarkStep step = textStep(Gravity::NorthWest);
    step.colour = Rgba{200, 100, 50, 255};
    const cv::Mat out = applyStep(in, step);
    int covered = 0;
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const cv::Vec4b p = out.at<cv::Vec4b>(y, x);
            if (p[3] == 0) {
                QCOMPARE(p, cv::Vec4b(0, 0, 0, 0));
                continue;
            }
            QCOMPARE(cv::Vec3b(p[0], p[1], p[2]), cv::Vec3b(200, 100, 50));
            covered += p[3] == 255;
        }
    QVERIFY(covered > 100);
}

void tst_Steps::textShrunkToFit()
{
    const cv::Mat in(100, 200, CV_8UC3, cv::Scalar::all(0));
    WatermarkStep step = textStep(Gravity::SouthEast);
    step.text = QStringLiteral("WWWWWWWWWWWWWWWWWWWW");
    step.sizePercent = 50; // 50 pixels tall would be far wider than the image
    const QRect box = changedBox(in, applyStep(in, step));
    QVERIFY2(QRect(2, 2, 196, 96).contains(box), qPrintable(describe(box)));
    QVERIFY2(box.width() >= 150, qPrintable(describe(box))); // fitted, not vanished
    // Even a 3x2 image takes a watermark (no margin left, text and logo cut to fit).
    const cv::Mat tiny(2, 3, CV_8UC3, cv::Scalar::all(0));
    QCOMPARE(applyStep(tiny, step).size(), tiny.size());
    step.text = QStringLiteral("  ");
    QVERIFY(failureOf(in, step).contains(QLatin1String("blank")));
}

QString tst_Steps::writeLogo(const QString &name, const cv::Mat &rgba)
{
    const QString path = m_dir.filePath(name);
    vips::VImage::new_from_memory(rgba.data, rgba.total() * rgba.elemSize(), rgba.cols, rgba.rows,
                                  rgba.channels(), VIPS_FORMAT_UCHAR)
        .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB))
        .pngsave(path.toUtf8().constData());
    return path;
}

void tst_Steps::logoPlacedWithOpacity_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<Gravity>("position");
    QTest::addColumn<int>("opacity");
    QTest::addColumn<QRect>("box");     // the logo's opaque left half, by hand
    QTest::addColumn<int>("brightest"); // red over black
    const QRect se(kW - kMargin - 40, kH - kMargin - 20, 20, 20);
    const QRect nw(kMargin, kMargin, 20, 20);
    const QRect north((kW - 40) / 2, kMargin, 20, 20);
    QTest::newRow("rgb southeast 50%") << 3 << Gravity::SouthEast << 50 << se << 128;
    QTest::newRow("rgb northwest 100%") << 3 << Gravity::NorthWest << 100 << nw << 255;
    QTest::newRow("rgba north 100%") << 4 << Gravity::North << 100 << north << 255;
    QTest::newRow("gray southeast 100%") << 1 << Gravity::SouthEast << 100 << se << 76;
    QTest::newRow("gray+alpha northwest 50%") << 2 << Gravity::NorthWest << 50 << nw << 38;
}

// A 40x20 logo, opaque red on the left half and transparent green on the right, stamped at
// 10% of a 400-pixel width: its own size, so no resampling blurs the check.
void tst_Steps::logoPlacedWithOpacity()
{
    QFETCH(int, channels);
    QFETCH(Gravity, position);
    QFETCH(int, opacity);
    QFETCH(QRect, box);
    QFETCH(int, brightest);
    cv::Mat logo(20, 40, CV_8UC4, cv::Scalar(0, 255, 0, 0));
    logo.colRange(0, 20).setTo(cv::Scalar(255, 0, 0, 255));
    WatermarkStep step;
    step.imagePath = writeLogo(QStringLiteral("half.png"), logo);
    step.sizePercent = 10;
    step.opacity = opacity;
    step.position = position;
    const cv::Mat in = blackImage(channels);
    const cv::Mat out = applyStep(in, step);
    QCOMPARE(changedBox(in, out), box);
    std::vector<cv::Mat> planes;
    cv::split(out(cv::Rect(box.x(), box.y(), box.width(), box.height())), planes);
    double least = 0, most = 0;
    cv::minMaxLoc(planes[0], &least, &most);
    QVERIFY2(std::abs(least - brightest) <= 1 && most == least, qPrintable(QString::number(most)));
    if (channels % 2 == 0) // opaque stays opaque
        QCOMPARE(cv::countNonZero(planes.back() != 255), 0);
}

// A flat 40x20 logo of (50, 100, 150), opaque, at full opacity.
WatermarkStep tst_Steps::flatLogoStep(double sizePercent, Gravity position)
{
    const cv::Mat logo(20, 40, CV_8UC4, cv::Scalar(50, 100, 150, 255));
    WatermarkStep step;
    step.imagePath = writeLogo(QStringLiteral("flat.png"), logo);
    step.sizePercent = sizePercent;
    step.opacity = 100;
    step.position = position;
    return step;
}

// 40x20 at 20% of 400 pixels: 80x40, flat, so Lanczos leaves its colour exact.
void tst_Steps::logoScaledToWidth()
{
    const WatermarkStep step = flatLogoStep(20, Gravity::NorthWest);
    const cv::Mat rgb = blackImage(3);
    const cv::Mat out = applyStep(rgb, step);
    QCOMPARE(changedBox(rgb, out), QRect(kMargin, kMargin, 80, 40));
    QCOMPARE(out.at<cv::Vec3b>(kMargin + 39, kMargin + 79), cv::Vec3b(50, 100, 150));
    const cv::Mat gray = blackImage(1);
    // 0.299 * 50 + 0.587 * 100 + 0.114 * 150 = 90.75
    QCOMPARE(int(applyStep(gray, step).at<uchar>(kMargin, kMargin)), 91);
}

// 200% of the width does not fit: 2:1 into the 388x288 inside the margins is 388x194, centred.
void tst_Steps::logoShrunkToFit()
{
    const WatermarkStep step = flatLogoStep(200, Gravity::Centre);
    const cv::Mat in = blackImage(3);
    QCOMPARE(changedBox(in, applyStep(in, step)), QRect(6, 6 + (288 - 194) / 2, 388, 194));
    // On a 3x2 image (no margin left) the 2:1 logo becomes 3x2, 3 * 20 / 40 = 1.5 -> 2 tall.
    const cv::Mat tiny(2, 3, CV_8UC3, cv::Scalar::all(0));
    QCOMPARE(changedBox(tiny, applyStep(tiny, step)), QRect(0, 0, 3, 2));
}

void tst_Steps::logoUnreadableFails_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // empty: no file at all
    QTest::newRow("missing") << QStringLiteral("missing.png") << QByteArray();
    QTest::newRow("not an image") << QStringLiteral("garbage.png") << QByteArray("hello, world");
    QTest::newRow("truncated PNG")
        << QStringLiteral("cut.png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
}

void tst_Steps::logoUnreadableFails()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    const QString path = m_dir.filePath(name);
    if (!bytes.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    WatermarkStep step;
    step.imagePath = path;
    const QString failure = failureOf(blackImage(3), step);
    QVERIFY2(failure.contains(path), qPrintable(failure));
    QVERIFY(failure.indexOf(QLatin1Char('\n')) < 0);
    WatermarkStep neither;
    neither.text.clear();
    QVERIFY(!failureOf(blackImage(3), neither).isEmpty());
}
