// The PNG fast path against OpenCV's own PNG reader (libpng): identical pixels for every
// filter type and colour type it takes, and a polite "not mine" for everything else. A chunk
// whose CRC does not match goes to libpng through libvips, and the engines answer as it does.
#include <QtEndian>
#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <vips/vips8>

#include "engine/engine.h"
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
    int paletteEntries = 200; // the pixels use indices 0..199
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
        for (int i = 0; i < spec.paletteEntries; ++i) {
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

// A palette file whose PLTE has one colour changed after its CRC was computed.
QByteArray withDamagedPalette(QByteArray png)
{
    const qsizetype plte = png.indexOf("PLTE");
    png[plte + 4 + 30] = char(png[plte + 4 + 30] ^ 0x40);
    return png;
}

// The chunks of a file, each whole (length, type, body, CRC), after the signature.
QList<QByteArray> chunksOf(const QByteArray &png)
{
    QList<QByteArray> chunks;
    for (qsizetype pos = 8; pos + 12 <= png.size();) {
        const qsizetype length = qFromBigEndian<quint32>(png.constData() + pos);
        chunks.append(png.mid(pos, length + 12));
        pos += length + 12;
    }
    return chunks;
}

QByteArray fromChunks(const QList<QByteArray> &chunks)
{
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    for (const QByteArray &c : chunks)
        png += c;
    return png;
}

// Files with valid CRCs whose chunk order libpng judges (and mostly refuses): the fast path
// must leave every one of them to it. Palette file: IHDR, PLTE, IDAT x2, IEND.
QList<QPair<const char *, QByteArray>> oddChunkOrders()
{
    const QList<QByteArray> c = chunksOf(makePng(PngSpec{37, 23, 3, 8, 2, false}));
    const QList<QByteArray> gray = chunksOf(makePng(PngSpec{37, 23, 0, 8, 1, false}));
    const QByteArray otherIhdr = chunk("IHDR", be32(5) + be32(5) + QByteArray("\x08\x03\0\0\0", 5));
    return {
        {"second IHDR", fromChunks({c[0], c[1], otherIhdr, c[2], c[3], c[4]})},
        {"PLTE after IDAT", fromChunks({c[0], c[2], c[1], c[3], c[4]})},
        {"two PLTEs", fromChunks({c[0], c[1], c[1], c[2], c[3], c[4]})},
        {"IDAT run split", fromChunks({c[0], c[1], c[2], chunk("tEXt", "a\0b"), c[3], c[4]})},
        {"PLTE of 2 bytes", fromChunks({c[0], chunk("PLTE", "ab"), c[2], c[3], c[4]})},
        {"PLTE in a gray file", fromChunks({gray[0], c[1], gray[1], gray[2]})},
    };
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
    void initTestCase();
    void samePixelsAsLibpng_data();
    void samePixelsAsLibpng();
    void declinesWhatItDoesNotTake_data();
    void declinesWhatItDoesNotTake();
    void damagedDataIsNeverDecoded_data();
    void damagedDataIsNeverDecoded();
    void indexBeyondPaletteAsLibpng();
    void libpngDecidesOddFiles_data();
    void libpngDecidesOddFiles();

private:
    QTemporaryDir m_dir;
};

void tst_PngFast::initTestCase()
{
    QString error;
    QVERIFY2(initializeEngines("tst_pngfast", &error), qPrintable(error));
    QVERIFY(m_dir.isValid());
}

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
    const QByteArray palette = makePng(PngSpec{37, 23, 3, 8, 1, false});
    QVERIFY(!decodePngFast(palette).empty());
    QTest::newRow("PLTE CRC mismatch") << withDamagedPalette(palette);
    QByteArray idatCrc = good;
    const qsizetype secondIdat = good.indexOf("IDAT", idat + 4);
    idatCrc[secondIdat - 6] = char(idatCrc[secondIdat - 6] ^ 0x01); // the first IDAT's CRC
    QTest::newRow("IDAT CRC mismatch") << idatCrc;
    QTest::newRow("empty") << QByteArray();
}

void tst_PngFast::damagedDataIsNeverDecoded()
{
    QFETCH(QByteArray, png);
    QVERIFY(decodePngFast(png).empty());
}

// Indices past the end of a short PLTE: libpng only warns, and reads them as black (its palette
// table is zeroed). The fast path must give the same pixels, or leave the file to libpng.
void tst_PngFast::indexBeyondPaletteAsLibpng()
{
    PngSpec spec;
    spec.colorType = 3;
    spec.paletteEntries = 10;
    const QByteArray png = makePng(spec);
    const cv::Mat expected = openCvDecode(png);
    const cv::Mat fast = decodePngFast(png);
    if (expected.empty() || fast.empty()) {
        QCOMPARE(fast.empty(), expected.empty());
        return;
    }
    QCOMPARE(cv::norm(pngToBgr(fast), expected, cv::NORM_INF), 0.0);
}

void tst_PngFast::libpngDecidesOddFiles_data()
{
    QTest::addColumn<QByteArray>("png");
    QTest::addColumn<EngineChoice>("engine");
    QList<QPair<const char *, QByteArray>> files = oddChunkOrders();
    files.prepend({"damaged PLTE", withDamagedPalette(makePng(PngSpec{37, 23, 3, 8, 1, false}))});
    for (const auto &[name, png] : std::as_const(files)) {
        for (EngineChoice engine : {EngineChoice::OpenCv, EngineChoice::Auto, EngineChoice::Vips})
            QTest::addRow("%s, %s", name, qPrintable(toString(engine))) << png << engine;
    }
}

// The reference is libvips itself (libpng under it), asked as the engines ask it: fail on
// errors. Whatever it decides, decode or refuse, every route must decide the same, never
// showing, say, the damaged palette's colours on its own.
void tst_PngFast::libpngDecidesOddFiles()
{
    QFETCH(QByteArray, png);
    QFETCH(EngineChoice, engine);
    QVERIFY2(decodePngFast(png).empty(), "the fast path must leave this file to libpng");
    Job job;
    job.id = 1;
    job.inputPath = m_dir.filePath(QStringLiteral("odd.png"));
    job.outputPath = m_dir.filePath(QStringLiteral("out-%1.png").arg(QTest::currentDataTag()));
    job.recipe.engine = engine;
    job.recipe.format = OutputFormat::Png;
    QFile file(job.inputPath);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(png) == png.size());
    file.close();
    const JobResult result = makeEngine(engine)->run(job);

    vips::VImage reference;
    bool refused = false;
    try {
        reference = vips::VImage::new_from_buffer(
                        png.constData(), size_t(png.size()), "",
                        vips::VImage::option()->set("fail_on", VIPS_FAIL_ON_ERROR))
                        .copy_memory();
    } catch (const vips::VError &) {
        refused = true; // often with no words: libpng's reason went out as a warning
    }
    if (refused) {
        QVERIFY2(!result.isOk(), "libvips refused it, the engine decoded it");
        QCOMPARE(toString(result.failure), toString(FailureKind::CorruptData));
        QVERIFY(!QFileInfo::exists(job.outputPath));
        // A reason a person can read even when libvips gave none.
        QVERIFY2(!result.message.trimmed().endsWith(QLatin1Char(':')), qPrintable(result.message));
        return;
    }
    QVERIFY2(result.isOk(), qPrintable(result.message));
    const vips::VImage output = vips::VImage::new_from_file(job.outputPath.toUtf8().constData());
    QCOMPARE(output.width(), reference.width());
    QCOMPARE(output.height(), reference.height());
    QCOMPARE(output.bands(), reference.bands());
    QCOMPARE((output - reference).abs().max(), 0.0);
}

QTEST_GUILESS_MAIN(tst_PngFast)
#include "tst_pngfast.moc"
