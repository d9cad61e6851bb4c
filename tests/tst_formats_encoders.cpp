#include "tst_formats.h"

void tst_Formats::progressiveJpeg_data()
{
    QTest::addColumn<bool>("progressive");
    QTest::addColumn<int>("sofMarker");
    QTest::newRow("baseline") << false << 0xC0;   // SOF0
    QTest::newRow("progressive") << true << 0xC2; // SOF2
}

void tst_Formats::progressiveJpeg()
{
    QFETCH(bool, progressive);
    QFETCH(int, sofMarker);
    const QString in = m_sourcePng;
    Recipe recipe;
    recipe.format = OutputFormat::Jpeg;
    recipe.progressive = progressive;
    const JobResult result = run(EngineChoice::Auto, in, recipe, QStringLiteral("p.jpg"));
    QVERIFY2(result.isOk(), qPrintable(result.message));
    const QByteArray jpeg = TestImages::readBytes(path(QStringLiteral("p.jpg")));
    const qsizetype sof = sofOffset(jpeg);
    QVERIFY(sof > 0);
    QCOMPARE(int(quint8(jpeg[sof + 1])), sofMarker);
}

void tst_Formats::chromaSubsampling_data()
{
    QTest::addColumn<bool>("fullChroma");
    QTest::addColumn<int>("lumaFactors");
    QTest::newRow("4:2:0") << false << 0x22; // luma 2x2, chroma 1x1
    QTest::newRow("4:4:4") << true << 0x11;  // every component 1x1
}

// The SOF segment: FF Cx, length (2), precision (1), height (2), width (2), components (1),
// then per component: id (1), sampling factors H<<4|V (1), table (1).
void tst_Formats::chromaSubsampling()
{
    QFETCH(bool, fullChroma);
    QFETCH(int, lumaFactors);
    const QString in = m_sourcePng;
    Recipe recipe;
    recipe.format = OutputFormat::Jpeg;
    recipe.subsampling = fullChroma ? ChromaSubsampling::S444 : ChromaSubsampling::S420;
    const JobResult result = run(EngineChoice::Auto, in, recipe, QStringLiteral("s.jpg"));
    QVERIFY2(result.isOk(), qPrintable(result.message));
    const QByteArray jpeg = TestImages::readBytes(path(QStringLiteral("s.jpg")));
    const qsizetype sof = sofOffset(jpeg);
    QVERIFY(sof > 0);
    QCOMPARE(int(quint8(jpeg[sof + 9])), 3);
    QCOMPARE(int(quint8(jpeg[sof + 11])), lumaFactors);
    QCOMPARE(int(quint8(jpeg[sof + 14])), 0x11);
    QCOMPARE(int(quint8(jpeg[sof + 17])), 0x11);
}

// IHDR is the first chunk: signature (8), length (4), "IHDR" (4), width, height (8), bit
// depth (1), colour type (1): 3 is indexed colour.
void tst_Formats::pngPalette()
{
    const QString in = m_sourcePng;
    Recipe recipe = pngOutput();
    recipe.palette = true;
    const JobResult result = run(EngineChoice::Auto, in, recipe, QStringLiteral("pal-out.png"));
    QVERIFY2(result.isOk(), qPrintable(result.message));
    const QByteArray png = TestImages::readBytes(path(QStringLiteral("pal-out.png")));
    QCOMPARE(png.mid(12, 4), QByteArray("IHDR"));
    QCOMPARE(int(quint8(png[25])), 3);
    const VImage out = loadFile(path(QStringLiteral("pal-out.png")));
    QVERIFY(TestImages::psnr(out.extract_band(0, VImage::option()->set("n", 3)),
                             TestImages::make(kSize)) > 30);
}

// zlib writes the level class into its header's FLG byte (bits 6-7, FLEVEL): 0 for levels
// 0-1, 3 for 7-9 (RFC 1950). The first IDAT's data starts with that header.
void tst_Formats::pngCompressionLevel()
{
    const QString in = m_sourcePng;
    QList<qint64> sizes;
    for (const int level : {0, 9}) {
        Recipe recipe = pngOutput();
        recipe.pngCompression = level;
        const QString name = QStringLiteral("z%1.png").arg(level);
        const JobResult result = run(EngineChoice::Auto, in, recipe, name);
        QVERIFY2(result.isOk(), qPrintable(result.message));
        const QByteArray png = TestImages::readBytes(path(name));
        const qsizetype idat = png.indexOf("IDAT");
        QVERIFY(idat > 0);
        const int flevel = quint8(png[idat + 5]) >> 6;
        QCOMPARE(flevel, level == 0 ? 0 : 3);
        sizes.append(png.size());
    }
    QVERIFY2(sizes[0] > sizes[1], qPrintable(QStringLiteral("%1 %2").arg(sizes[0]).arg(sizes[1])));
}

// RIFF (4), size (4), "WEBP" (4), then the first chunk: "VP8L" for lossless, "VP8 " lossy.
void tst_Formats::losslessWebp()
{
    const VImage source = TestImages::make(kSize).copy_memory();
    const QString in = m_sourcePng;
    Recipe recipe;
    recipe.format = OutputFormat::Webp;
    recipe.lossless = true;
    recipe.stripMetadata = true;
    const JobResult result = run(EngineChoice::Auto, in, recipe, QStringLiteral("ll.webp"));
    QVERIFY2(result.isOk(), qPrintable(result.message));
    const QByteArray webp = TestImages::readBytes(path(QStringLiteral("ll.webp")));
    QVERIFY(webp.contains("VP8L"));
    QVERIFY(!webp.contains("VP8 "));
    const VImage out = loadFile(path(QStringLiteral("ll.webp")));
    QCOMPARE(QSize(out.width(), out.height()), kSize);
    QCOMPARE(out.bands(), source.bands());
    QCOMPARE((out - source).abs().max(), 0.0);
}
