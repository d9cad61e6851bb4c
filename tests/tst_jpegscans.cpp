// Progressive JPEGs decoded to gray without their chroma scans (core/engine/jpegscans.h): the
// gray pixels must be exactly libjpeg's own gray decode of the whole file, at every DCT scale,
// for 4:2:0, 4:4:4 and restart-marker files; files it must not touch (baseline, one-component,
// truncated) are declined; an RGB progressive file, which needs every component for gray, and a
// file damaged in a luma scan still decode as the whole file does. The reference decode is
// libjpeg driven directly here, not through jpegcodec.cpp.
#include <QtTest>

#include <opencv2/core.hpp>

#include <vips/vips8>

#include <csetjmp>
#include <cstdio>

#include <jpeglib.h>

#include "engine/jpegcodec.h"
#include "engine/jpegscans.h"
#include "testimages.h"

namespace {

using vips::VImage;

struct Failure
{
    jpeg_error_mgr base;
    std::jmp_buf jump;
    int warnings = 0;
};

void onError(j_common_ptr info)
{
    std::longjmp(reinterpret_cast<Failure *>(info->err)->jump, 1);
}

void onMessage(j_common_ptr info, int level)
{
    if (level < 0)
        ++reinterpret_cast<Failure *>(info->err)->warnings;
}

// libjpeg's gray decode at 1/scale; empty on error. `warnings` counts its warnings.
cv::Mat referenceGray(const QByteArray &bytes, int scale, int *warnings = nullptr)
{
    jpeg_decompress_struct info;
    Failure failure;
    info.err = jpeg_std_error(&failure.base);
    failure.base.error_exit = onError;
    failure.base.emit_message = onMessage;
    jpeg_create_decompress(&info);
    cv::Mat out;
    if (setjmp(failure.jump)) {
        jpeg_destroy_decompress(&info);
        return {};
    }
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char *>(bytes.constData()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&info, TRUE);
    info.scale_num = 1;
    info.scale_denom = unsigned(scale);
    info.out_color_space = JCS_GRAYSCALE;
    jpeg_start_decompress(&info);
    out.create(int(info.output_height), int(info.output_width), CV_8UC1);
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = out.ptr<uchar>(int(info.output_scanline));
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    if (warnings)
        *warnings = failure.warnings;
    return out;
}

QByteArray jpeg(QSize size, bool progressive, VipsForeignSubsample subsample, int restart = 0)
{
    return TestImages::toBuffer(TestImages::make(size), ".jpg",
                                VImage::option()
                                    ->set("interlace", progressive)
                                    ->set("subsample_mode", subsample)
                                    ->set("restart_interval", restart)
                                    ->set("Q", 90));
}

// A progressive file whose three components are R, G and B (no YCbCr transform), written with
// libjpeg directly: vips always writes YCbCr.
QByteArray progressiveRgb(const cv::Mat &rgb)
{
    jpeg_compress_struct info;
    jpeg_error_mgr errors;
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    unsigned char *buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&info, &buffer, &size);
    info.image_width = JDIMENSION(rgb.cols);
    info.image_height = JDIMENSION(rgb.rows);
    info.input_components = 3;
    info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_colorspace(&info, JCS_RGB);
    jpeg_simple_progression(&info);
    jpeg_start_compress(&info, TRUE);
    for (int y = 0; y < rgb.rows; ++y) {
        JSAMPROW row = const_cast<uchar *>(rgb.ptr<uchar>(y));
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    const QByteArray bytes(reinterpret_cast<const char *>(buffer), qsizetype(size));
    free(buffer);
    return bytes;
}

bool identical(const cv::Mat &a, const cv::Mat &b)
{
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

} // namespace

class tst_JpegScans : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void grayIsTheWholeFilesGray_data();
    void grayIsTheWholeFilesGray();
    void declines_data();
    void declines();
    void rgbFileKeepsEveryComponent();
    void damagedLumaIsJudgedOnTheWholeFile();
};

void tst_JpegScans::initTestCase()
{
    QVERIFY(VIPS_INIT("tst_jpegscans") == 0);
}

void tst_JpegScans::grayIsTheWholeFilesGray_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::newRow("4:2:0, 64x48") << jpeg({64, 48}, true, VIPS_FOREIGN_SUBSAMPLE_ON);
    QTest::newRow("4:4:4, 33x17") << jpeg({33, 17}, true, VIPS_FOREIGN_SUBSAMPLE_OFF);
    QTest::newRow("4:2:0, restart every MCU") << jpeg({40, 40}, true, VIPS_FOREIGN_SUBSAMPLE_ON, 1);
    QTest::newRow("4:4:4, 301x203") << jpeg({301, 203}, true, VIPS_FOREIGN_SUBSAMPLE_OFF);
}

void tst_JpegScans::grayIsTheWholeFilesGray()
{
    QFETCH(QByteArray, file);
    const QByteArray luma = progressiveWithoutChromaScans(file);
    QVERIFY(!luma.isEmpty());
    QVERIFY(luma.size() < file.size());
    for (const int scale : {1, 2, 4, 8}) {
        const cv::Mat expected = referenceGray(file, scale);
        QVERIFY(!expected.empty());
        QVERIFY2(identical(referenceGray(luma, scale), expected),
                 qPrintable(QString::number(scale)));
        const JpegDecoded decoded = decodeJpeg(file, scale, true);
        QCOMPARE(int(decoded.outcome), int(JpegDecoded::Outcome::Decoded));
        QVERIFY(decoded.warnings.isEmpty());
        QVERIFY(identical(decoded.image, expected));
    }
}

void tst_JpegScans::declines_data()
{
    QTest::addColumn<QByteArray>("file");
    const QByteArray progressive = jpeg({64, 48}, true, VIPS_FOREIGN_SUBSAMPLE_ON);
    QTest::newRow("baseline") << jpeg({64, 48}, false, VIPS_FOREIGN_SUBSAMPLE_ON);
    QTest::newRow("one component")
        << TestImages::toBuffer(TestImages::make({64, 48}).colourspace(VIPS_INTERPRETATION_B_W),
                                ".jpg", VImage::option()->set("interlace", true));
    QTest::newRow("cut before EOI") << progressive.left(progressive.size() - 2);
    QTest::newRow("cut in a scan") << progressive.left(progressive.size() * 2 / 3);
    QTest::newRow("not a JPEG") << QByteArray("\x89PNG\r\n\x1a\n", 8);
    QTest::newRow("empty") << QByteArray();
}

void tst_JpegScans::declines()
{
    QFETCH(QByteArray, file);
    QVERIFY(progressiveWithoutChromaScans(file).isEmpty());
}

void tst_JpegScans::rgbFileKeepsEveryComponent()
{
    cv::Mat rgb(48, 64, CV_8UC3);
    cv::randu(rgb, 0, 256);
    const QByteArray file = progressiveRgb(rgb);
    // The walker cannot tell RGB from YCbCr; the decoder can, and decodes the whole file.
    QVERIFY(!progressiveWithoutChromaScans(file).isEmpty());
    const cv::Mat expected = referenceGray(file, 1);
    QVERIFY(!identical(referenceGray(progressiveWithoutChromaScans(file), 1), expected));
    const JpegDecoded decoded = decodeJpeg(file, 1, true);
    QCOMPARE(int(decoded.outcome), int(JpegDecoded::Outcome::Decoded));
    QVERIFY(identical(decoded.image, expected));
}

// Bytes flipped in the first (luma) AC scan: libjpeg warns on the whole file, and the decode
// says what it says, warnings included.
void tst_JpegScans::damagedLumaIsJudgedOnTheWholeFile()
{
    QByteArray file = jpeg({301, 203}, true, VIPS_FOREIGN_SUBSAMPLE_ON);
    const qsizetype secondScan = file.indexOf("\xFF\xDA", file.indexOf("\xFF\xDA") + 2);
    QVERIFY(secondScan > 0);
    for (qsizetype i = secondScan + 20; i < secondScan + 60; ++i)
        file[i] = char(0x5A);
    int warnings = 0;
    const cv::Mat expected = referenceGray(file, 1, &warnings);
    QVERIFY(warnings > 0);
    const JpegDecoded decoded = decodeJpeg(file, 1, true);
    QVERIFY(!decoded.warnings.isEmpty());
    QVERIFY(identical(decoded.image, expected));
}

QTEST_APPLESS_MAIN(tst_JpegScans)
#include "tst_jpegscans.moc"
