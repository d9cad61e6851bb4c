// The direct JPEG/PNG header parser against libvips, whose reading it stands in for: the same
// size, alpha and orientation for every kind of file, and a step aside for what it does not
// know.
#include <QTest>
#include <QtEndian>

#include "engine/engine.h"
#include "engine/engineshared.h"
#include "imageformat.h"
#include "pngchunks.h"
#include "testimages.h"

using vips::VImage;

namespace {

ImageHeader headerFromVips(const QByteArray &bytes)
{
    const VImage image = VImage::new_from_buffer(bytes.constData(), size_t(bytes.size()), "");
    ImageHeader header;
    header.size = QSize(image.width(), image.height());
    header.hasAlpha = vips_image_hasalpha(image.get_image());
    if (image.get_typeof(VIPS_META_ORIENTATION) != 0)
        header.orientation = image.get_int(VIPS_META_ORIENTATION);
    return header;
}

QByteArray encoded(const VImage &image, const char *suffix, vips::VOption *options)
{
    void *buffer = nullptr;
    size_t length = 0;
    image.write_to_buffer(suffix, &buffer, &length, options);
    QByteArray bytes(static_cast<const char *>(buffer), qsizetype(length));
    g_free(buffer);
    return bytes;
}

// A minimal TIFF block: one IFD0 entry, Orientation (0x0112, SHORT, count 1).
QByteArray tiffWithOrientation(int orientation, bool bigEndian)
{
    const auto word = [bigEndian](auto v) { // quint16 or quint32, in the block's byte order
        QByteArray out(int(sizeof v), '\0');
        bigEndian ? qToBigEndian(v, out.data()) : qToLittleEndian(v, out.data());
        return out;
    };
    const auto u16 = [&word](quint16 v) { return word(v); };
    const auto u32 = [&word](quint32 v) { return word(v); };
    return QByteArray(bigEndian ? "MM" : "II") + u16(42) + u32(8) + u16(1) + u16(0x0112) + u16(3) +
           u32(1) + u16(quint16(orientation)) + u16(0) + u32(0);
}

// `png` with an eXIf chunk right after IHDR (which ends at byte 33).
QByteArray withExif(const QByteArray &png, int orientation, bool bigEndian)
{
    return png.left(33) + PngChunks::chunk("eXIf", tiffWithOrientation(orientation, bigEndian)) +
           png.mid(33);
}

} // namespace

class tst_DirectHeader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void matchesVips_data();
    void matchesVips();
    void stepsAsideForTheUnusual_data();
    void stepsAsideForTheUnusual();
};

void tst_DirectHeader::initTestCase()
{
    QString error;
    QVERIFY2(initializeEngines("tst_directheader", &error), qPrintable(error));
}

void tst_DirectHeader::matchesVips_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QSize size(123, 77);
    using TestImages::encode;
    for (int orientation = 1; orientation <= 8; ++orientation) {
        TestImages::Options options;
        options.orientation = orientation;
        QTest::addRow("jpeg orientation %d", orientation) << encode(size, ".jpg", options);
        // libvips writes EXIF into JPEG but not into PNG: there the eXIf chunk is made here.
        const QByteArray png = encode(size, ".png");
        QTest::addRow("png orientation %d, big-endian eXIf", orientation)
            << withExif(png, orientation, true);
        QTest::addRow("png orientation %d, little-endian eXIf", orientation)
            << withExif(png, orientation, false);
        // The files must really carry it, or the rows prove little.
        QCOMPARE(headerFromVips(encode(size, ".jpg", options)).orientation, orientation);
        QCOMPARE(headerFromVips(withExif(png, orientation, false)).orientation, orientation);
    }
    TestImages::Options gray;
    gray.grayscale = true;
    QTest::newRow("jpeg gray") << encode(size, ".jpg", gray);
    QTest::newRow("png gray") << encode(size, ".png", gray);
    TestImages::Options alpha;
    alpha.alpha = true;
    QTest::newRow("png rgba") << encode(size, ".png", alpha);
    gray.alpha = true;
    QTest::newRow("png gray+alpha") << encode(size, ".png", gray);
    const VImage rgba = TestImages::make(size, alpha);
    QTest::newRow("png palette with tRNS")
        << encoded(rgba, ".png", VImage::option()->set("palette", true));
    QTest::newRow("png palette opaque")
        << encoded(rgba.flatten(), ".png", VImage::option()->set("palette", true));
    QTest::newRow("png 16-bit") << encoded(
        TestImages::make(size).colourspace(VIPS_INTERPRETATION_RGB16), ".png", VImage::option());
    QTest::newRow("png interlaced")
        << encoded(TestImages::make(size), ".png", VImage::option()->set("interlace", true));
    QTest::newRow("jpeg progressive")
        << encoded(TestImages::make(size), ".jpg", VImage::option()->set("interlace", true));
}

void tst_DirectHeader::matchesVips()
{
    QFETCH(QByteArray, bytes);
    const ImageFormat format = sniffImageFormat(bytes.left(16));
    const std::optional<ImageHeader> direct = readHeaderDirectly(bytes, format);
    QVERIFY(direct.has_value());
    const ImageHeader expected = headerFromVips(bytes);
    QCOMPARE(direct->size, expected.size);
    QCOMPARE(direct->hasAlpha, expected.hasAlpha);
    QCOMPARE(direct->orientation, expected.orientation);
}

void tst_DirectHeader::stepsAsideForTheUnusual_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray jpeg = TestImages::encode(QSize(40, 30), ".jpg");
    const QByteArray png = TestImages::encode(QSize(40, 30), ".png");
    QTest::newRow("jpeg cut before the frame header") << jpeg.left(20);
    QTest::newRow("jpeg with fill bytes") << jpeg.left(2) + QByteArray("\xFF") + jpeg.mid(2);
    QTest::newRow("png cut in IHDR") << png.left(20);
    QTest::newRow("png without IDAT") << png.left(33);
    QTest::newRow("webp") << TestImages::encode(QSize(40, 30), ".webp");
}

void tst_DirectHeader::stepsAsideForTheUnusual()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!readHeaderDirectly(bytes, sniffImageFormat(bytes.left(16))).has_value());
}

QTEST_GUILESS_MAIN(tst_DirectHeader)
#include "tst_directheader.moc"
