// The PNG fast path against OpenCV's own PNG reader (libpng): identical pixels for every
// filter type and colour type it takes, and a polite "not mine" for everything else.
#include <QtEndian>
#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "engine/pngfast.h"
#include "pngchunks.h"

namespace {

using PngChunks::be32;
using PngChunks::chunk;

int paeth(int a, int b, int c)
{
    const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
    return pa <= pb && pa <= pc ? a : (pb <= pc ? b : c);
}

// Row y gets filter y % 5, so every filter meets every colour type, row after row.
QByteArray filterRows(const QByteArray &pixels, int rowBytes, int bpp)
{
    QByteArray out;
    const int rows = int(pixels.size() / rowBytes);
    const QByteArray zero(rowBytes, '\0');
    for (int y = 0; y < rows; ++y) {
        const auto *row = reinterpret_cast<const uchar *>(pixels.constData()) + y * rowBytes;
        const auto *up = y ? row - rowBytes : reinterpret_cast<const uchar *>(zero.constData());
        const int filter = y % 5;
        out.append(char(filter));
        for (int i = 0; i < rowBytes; ++i) {
            const int a = i >= bpp ? row[i - bpp] : 0, b = up[i], c = i >= bpp ? up[i - bpp] : 0;
            const int predictor[] = {0, a, b, (a + b) / 2, paeth(a, b, c)};
            out.append(char(uchar(row[i] - predictor[filter])));
        }
    }
    return out;
}

struct PngSpec
{
    int width = 37, height = 23, colorType = 2, depth = 8, idatPieces = 3;
    bool transparency = false;
};

int channelsOf(int colorType)
{
    return colorType == 2 ? 3 : colorType == 6 ? 4 : colorType == 4 ? 2 : 1;
}

// Noise plus gradients: every predictor sees both smooth and wild neighbours.
QByteArray makePng(const PngSpec &spec)
{
    const int bpp = channelsOf(spec.colorType) * spec.depth / 8;
    const int rowBytes = spec.width * bpp;
    QByteArray pixels(rowBytes * spec.height, '\0');
    quint32 seed = 12345;
    for (int i = 0; i < pixels.size(); ++i) {
        seed = seed * 1103515245u + 12345u;
        const int y = i / rowBytes, x = i % rowBytes;
        pixels[i] = char(i % 3 ? (x * 5 + y * 3) : int(seed >> 24));
        if (spec.colorType == 3)
            pixels[i] = char(uchar(pixels[i]) % 200);
    }
    QByteArray ihdr = be32(quint32(spec.width)) + be32(quint32(spec.height));
    ihdr += char(spec.depth);
    ihdr += char(spec.colorType);
    ihdr += QByteArray(3, '\0');
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png += chunk("IHDR", ihdr);
    if (spec.colorType == 3) {
        QByteArray palette;
        for (int i = 0; i < 200; ++i) {
            const char rgb[] = {char(i), char(255 - i), char(i * 7)};
            palette += QByteArray(rgb, 3);
        }
        png += chunk("PLTE", palette);
    }
    if (spec.transparency)
        png += chunk("tRNS", spec.colorType == 3 ? QByteArray(1, '\0') : QByteArray(6, '\0'));
    const QByteArray zlib = qCompress(filterRows(pixels, rowBytes, bpp)).mid(4);
    const int piece = int(zlib.size() / spec.idatPieces) + 1;
    for (int at = 0; at < zlib.size(); at += piece)
        png += chunk("IDAT", zlib.mid(at, piece));
    return png + chunk("IEND", {});
}

cv::Mat openCvDecode(const QByteArray &png)
{
    const cv::Mat raw(1, int(png.size()), CV_8UC1, const_cast<char *>(png.constData()));
    return cv::imdecode(raw, cv::IMREAD_UNCHANGED);
}

} // namespace

class tst_PngFast : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void samePixelsAsLibpng_data();
    void samePixelsAsLibpng();
    void declinesWhatItDoesNotTake_data();
    void declinesWhatItDoesNotTake();
    void damagedDataIsNeverDecoded_data();
    void damagedDataIsNeverDecoded();
};

void tst_PngFast::samePixelsAsLibpng_data()
{
    QTest::addColumn<int>("colorType");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("idatPieces");
    for (int type : {0, 2, 3, 6})
        for (int width : {1, 2, 37, 300})
            for (int pieces : {1, 4})
                QTest::addRow("type%d-w%d-idat%d", type, width, pieces) << type << width << pieces;
}

void tst_PngFast::samePixelsAsLibpng()
{
    QFETCH(int, colorType);
    QFETCH(int, width);
    QFETCH(int, idatPieces);
    PngSpec spec;
    spec.colorType = colorType;
    spec.width = width;
    spec.idatPieces = idatPieces;
    const QByteArray png = makePng(spec);
    const cv::Mat expected = openCvDecode(png);
    QVERIFY(!expected.empty());
    const cv::Mat fast = decodePngFast(png);
    QVERIFY2(!fast.empty(), "the fast path declined a file it should take");
    const cv::Mat bgr = pngToBgr(fast);
    QCOMPARE(bgr.type(), expected.type());
    QCOMPARE(bgr.cols, expected.cols);
    QCOMPARE(bgr.rows, expected.rows);
    QCOMPARE(cv::norm(bgr, expected, cv::NORM_INF), 0.0);
}

void tst_PngFast::declinesWhatItDoesNotTake_data()
{
    QTest::addColumn<int>("colorType");
    QTest::addColumn<int>("depth");
    QTest::addColumn<bool>("transparency");
    QTest::newRow("16-bit RGB") << 2 << 16 << false;
    QTest::newRow("16-bit gray") << 0 << 16 << false;
    QTest::newRow("gray+alpha") << 4 << 8 << false;
    QTest::newRow("RGB with tRNS") << 2 << 8 << true;
    QTest::newRow("palette with tRNS") << 3 << 8 << true;
}

void tst_PngFast::declinesWhatItDoesNotTake()
{
    QFETCH(int, colorType);
    QFETCH(int, depth);
    QFETCH(bool, transparency);
    PngSpec spec;
    spec.colorType = colorType;
    spec.depth = depth;
    spec.transparency = transparency;
    const QByteArray png = makePng(spec);
    QVERIFY(!openCvDecode(png).empty()); // a valid file, just not the fast path's
    QVERIFY(decodePngFast(png).empty());
}

void tst_PngFast::damagedDataIsNeverDecoded_data()
{
    QTest::addColumn<QByteArray>("png");
    const QByteArray good = makePng(PngSpec{300, 40, 2, 8, 2, false});
    QVERIFY(!decodePngFast(good).empty());
    const qsizetype idat = good.indexOf("IDAT");
    QTest::newRow("cut in IDAT") << good.left(idat + 200);
    QTest::newRow("cut before IEND") << good.left(good.size() - 12);
    QByteArray flipped = good;
    flipped[idat + 300] = char(flipped[idat + 300] ^ 0x5A);
    QTest::newRow("flipped IDAT byte") << flipped;
    QByteArray badFilter = good;
    badFilter[idat + 4 + 2] = char(0xFF); // inside the zlib header: a bad stream
    QTest::newRow("bad zlib header") << badFilter;
    QTest::newRow("no signature") << good.mid(8);
    QTest::newRow("empty") << QByteArray();
}

void tst_PngFast::damagedDataIsNeverDecoded()
{
    QFETCH(QByteArray, png);
    QVERIFY(decodePngFast(png).empty());
}

QTEST_GUILESS_MAIN(tst_PngFast)
#include "tst_pngfast.moc"
