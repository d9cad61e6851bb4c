// The direct libjpeg path against OpenCV's imgcodecs, which it replaces in the workers:
// identical pixels at every reduction, identical bytes when encoding, and libjpeg's complaints
// surfaced as warnings or errors instead of stderr.
#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

#include "engine/jpegcodec.h"
#include "engine/metadata.h"

namespace {

// A colour gradient with noise, so that chroma and fine detail both matter.
cv::Mat photoLike(int width, int height)
{
    cv::Mat image(height, width, CV_8UC3);
    cv::RNG rng(42);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(255 * x / width), uchar(255 * y / height),
                                                  uchar(rng.uniform(0, 256)));
    return image;
}

QByteArray encodeWithOpenCv(const cv::Mat &image, const std::vector<int> &params)
{
    std::vector<uchar> buffer;
    if (!cv::imencode(".jpg", image, buffer, params))
        return {};
    return QByteArray(reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size()));
}

cv::Mat decodeWithOpenCv(const QByteArray &bytes, int reduction, bool grayscale)
{
    static const int gray[] = {cv::IMREAD_GRAYSCALE, cv::IMREAD_REDUCED_GRAYSCALE_2,
                               cv::IMREAD_REDUCED_GRAYSCALE_4, cv::IMREAD_REDUCED_GRAYSCALE_8};
    static const int colour[] = {cv::IMREAD_COLOR, cv::IMREAD_REDUCED_COLOR_2,
                                 cv::IMREAD_REDUCED_COLOR_4, cv::IMREAD_REDUCED_COLOR_8};
    const int index = reduction == 8 ? 3 : reduction == 4 ? 2 : reduction == 2 ? 1 : 0;
    const cv::Mat raw(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
    return cv::imdecode(raw, (grayscale ? gray : colour)[index] | cv::IMREAD_IGNORE_ORIENTATION);
}

bool samePixels(const cv::Mat &a, const cv::Mat &b)
{
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

} // namespace

class tst_JpegCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesLikeOpenCv_data();
    void decodesLikeOpenCv();
    void encodesLikeOpenCv_data();
    void encodesLikeOpenCv();
    void truncatedFileWarns();
    void garbageFails();
    void emptyInputFails();
    void refusesFourChannels();
};

void tst_JpegCodec::decodesLikeOpenCv_data()
{
    QTest::addColumn<QByteArray>("jpeg");
    const cv::Mat photo = photoLike(333, 217); // odd sides: reduced sides round up
    cv::Mat gray;
    cv::cvtColor(photo, gray, cv::COLOR_BGR2GRAY);
    QTest::newRow("baseline 4:2:0") << encodeWithOpenCv(photo, {cv::IMWRITE_JPEG_QUALITY, 90});
    QTest::newRow("progressive") << encodeWithOpenCv(photo, {cv::IMWRITE_JPEG_PROGRESSIVE, 1});
    QTest::newRow("restart markers") << encodeWithOpenCv(photo, {cv::IMWRITE_JPEG_RST_INTERVAL, 2});
    QTest::newRow("grayscale file") << encodeWithOpenCv(gray, {});
}

void tst_JpegCodec::decodesLikeOpenCv()
{
    QFETCH(QByteArray, jpeg);
    QVERIFY(!jpeg.isEmpty());
    for (const int reduction : {1, 2, 4, 8}) {
        for (const bool grayscale : {true, false}) {
            const JpegDecoded ours = decodeJpeg(jpeg, reduction, grayscale);
            QCOMPARE(int(ours.outcome), int(JpegDecoded::Outcome::Decoded));
            QVERIFY(ours.warnings.isEmpty());
            // Ours is RGB (the pipeline's order), and gray for a gray file, where OpenCV
            // repeats the gray in three channels.
            cv::Mat theirs = decodeWithOpenCv(jpeg, reduction, grayscale);
            if (theirs.channels() == 3)
                cv::cvtColor(theirs, theirs,
                             ours.image.channels() == 1 ? cv::COLOR_BGR2GRAY : cv::COLOR_BGR2RGB);
            QVERIFY2(samePixels(ours.image, theirs),
                     qPrintable(QStringLiteral("1/%1 %2").arg(reduction).arg(grayscale)));
        }
    }
}

void tst_JpegCodec::encodesLikeOpenCv_data()
{
    QTest::addColumn<bool>("grayscale");
    QTest::addColumn<int>("quality");
    QTest::newRow("colour q85") << false << 85;
    QTest::newRow("colour q30") << false << 30;
    QTest::newRow("gray q85") << true << 85;
    QTest::newRow("gray q100") << true << 100;
}

void tst_JpegCodec::encodesLikeOpenCv()
{
    QFETCH(bool, grayscale);
    QFETCH(int, quality);
    cv::Mat image = photoLike(201, 97);
    if (grayscale)
        cv::cvtColor(image, image, cv::COLOR_BGR2GRAY);
    QString error;
    cv::Mat rgb; // ours takes RGB, OpenCV BGR
    if (grayscale)
        rgb = image;
    else
        cv::cvtColor(image, rgb, cv::COLOR_BGR2RGB);
    const QByteArray ours = encodeJpeg(rgb, quality, OutputMetadata(), &error);
    QVERIFY2(!ours.isEmpty(), qPrintable(error));
    QCOMPARE(ours, encodeWithOpenCv(image, {cv::IMWRITE_JPEG_QUALITY, quality}));
}

void tst_JpegCodec::truncatedFileWarns()
{
    const QByteArray whole = encodeWithOpenCv(photoLike(320, 240), {});
    const JpegDecoded cut = decodeJpeg(whole.left(whole.size() / 2), 1, false);
    QCOMPARE(int(cut.outcome), int(JpegDecoded::Outcome::Decoded));
    QVERIFY2(cut.warnings.contains(QLatin1String("Premature end of JPEG file")),
             qPrintable(cut.warnings));
}

void tst_JpegCodec::garbageFails()
{
    const JpegDecoded result =
        decodeJpeg(QByteArray("\xFF\xD8\xFF\xE0 this is not a JPEG"), 1, true);
    QCOMPARE(int(result.outcome), int(JpegDecoded::Outcome::Failed));
    QVERIFY(!result.error.isEmpty());
    QVERIFY(result.image.empty());
}

void tst_JpegCodec::emptyInputFails()
{
    const JpegDecoded result = decodeJpeg(QByteArray(), 1, true);
    QCOMPARE(int(result.outcome), int(JpegDecoded::Outcome::Failed));
    QVERIFY(!result.error.isEmpty());
}

void tst_JpegCodec::refusesFourChannels()
{
    QString error;
    QVERIFY(encodeJpeg(cv::Mat(8, 8, CV_8UC4, cv::Scalar::all(0)), 85, OutputMetadata(), &error)
                .isEmpty());
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_JpegCodec)
#include "tst_jpegcodec.moc"
