// HEIF, AVIF and JPEG XL in and out, and the encoder options, through the engine in-process
// (initializeEngines applies the same libvips block list as the workers). Every reference is
// independent of the code under test: inputs are written by libvips' own savers, outputs are
// decoded by libvips directly, and the option checks read the bytes by hand (JPEG SOF markers,
// the PNG IHDR, WebP's chunk name).

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

#include "engine/engine.h"
#include "imageformat.h"
#include "testimages.h"

Q_DECLARE_METATYPE(OutputFormat)

namespace {

using vips::VImage;

const QSize kSize(160, 120);

Recipe pngOutput()
{
    Recipe recipe;
    recipe.format = OutputFormat::Png;
    return recipe;
}

// The source image as libvips saves it in a modern format: HEIC (x265; "heic10" at 10 bits,
// as recent iPhones write HDR photos), AVIF (aom), JXL.
QByteArray encodedAs(const VImage &image, const QString &format)
{
    if (format == QLatin1String("heic10"))
        return TestImages::toBuffer(image, ".heic",
                                    VImage::option()
                                        ->set("compression", VIPS_FOREIGN_HEIF_COMPRESSION_HEVC)
                                        ->set("Q", 90)
                                        ->set("bitdepth", 10));
    if (format == QLatin1String("heic"))
        return TestImages::toBuffer(
            image, ".heic",
            VImage::option()->set("compression", VIPS_FOREIGN_HEIF_COMPRESSION_HEVC)->set("Q", 90));
    if (format == QLatin1String("avif"))
        return TestImages::toBuffer(
            image, ".heif",
            VImage::option()->set("compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1)->set("Q", 90));
    // jxlsave_buffer: the one JPEG XL saver the engine unblocks (write_to_buffer would pick
    // the target saver, still blocked as untrusted).
    VipsBlob *blob = image.jxlsave_buffer(VImage::option()->set("Q", 90));
    size_t size = 0;
    const void *data = vips_blob_get(blob, &size);
    const QByteArray bytes(static_cast<const char *>(data), qsizetype(size));
    vips_area_unref(VIPS_AREA(blob));
    return bytes;
}

// libvips 8.14's JPEG XL loader fails random access from memory ("bad seek"); read in order.
VImage loadFile(const QString &path)
{
    const QByteArray bytes = TestImages::readBytes(path);
    return VImage::new_from_buffer(bytes.constData(), size_t(bytes.size()), "",
                                   VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL))
        .copy_memory();
}

// Where the SOFn marker of a JPEG starts (its 0xFF), -1 when none: walks the marker segments.
qsizetype sofOffset(const QByteArray &jpeg)
{
    qsizetype pos = 2;
    while (pos + 4 <= jpeg.size() && quint8(jpeg[pos]) == 0xFF) {
        const quint8 marker = quint8(jpeg[pos + 1]);
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            return pos;
        pos += 2 + (quint8(jpeg[pos + 2]) << 8 | quint8(jpeg[pos + 3]));
    }
    return -1;
}

} // namespace

class tst_Formats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sniffing_data();
    void sniffing();
    void decodes_data();
    void decodes();
    void heifOrientationIsNotAppliedTwice();
    void otherUntrustedLoadersStayBlocked();
    void encodes_data();
    void encodes();
    void alphaSurvives_data();
    void alphaSurvives();
    void sameFormatKeepsModernFormats();
    void progressiveJpeg_data();
    void progressiveJpeg();
    void chromaSubsampling_data();
    void chromaSubsampling();
    void pngPalette();
    void pngCompressionLevel();
    void losslessWebp();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    JobResult run(EngineChoice engine, const QString &input, const Recipe &recipe,
                  const QString &output);
    QString writeInput(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;
    QString m_sourcePng; // TestImages::make(kSize) as PNG
    int m_counter = 0;
};

void tst_Formats::initTestCase()
{
    QString error;
    QVERIFY2(
        initializeEngines(QCoreApplication::applicationFilePath().toUtf8().constData(), &error),
        qPrintable(error));
    QVERIFY(m_dir.isValid());
    m_sourcePng = writeInput(QStringLiteral("source.png"),
                             TestImages::toBuffer(TestImages::make(kSize).copy_memory(), ".png"));
}

JobResult tst_Formats::run(EngineChoice engine, const QString &input, const Recipe &recipe,
                           const QString &output)
{
    Job job;
    job.id = ++m_counter;
    job.inputPath = input;
    job.outputPath = path(output);
    job.recipe = recipe;
    job.overwrite = true;
    return makeEngine(engine)->run(job);
}

QString tst_Formats::writeInput(const QString &name, const QByteArray &bytes)
{
    const QString file = path(name);
    if (!TestImages::writeBytes(file, bytes))
        qFatal("cannot write %s", qPrintable(file));
    return file;
}

void tst_Formats::sniffing_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("expected");
    const QByteArray ftyp("\0\0\0\x1C"
                          "ftyp",
                          8);
    QTest::newRow("heic major") << ftyp + "heic" + QByteArray(4, '\0') + "mif1heic"
                                << "HEIF";
    QTest::newRow("heix major") << ftyp + "heix" + QByteArray(4, '\0') + "mif1heix"
                                << "HEIF";
    QTest::newRow("mif1, heic compatible") << ftyp + "mif1" + QByteArray(4, '\0') + "mif1heic"
                                           << "HEIF";
    QTest::newRow("avif major") << ftyp + "avif" + QByteArray(4, '\0') + "avifmif1"
                                << "AVIF";
    QTest::newRow("mif1, avif compatible") << ftyp + "mif1" + QByteArray(4, '\0') + "mif1avif"
                                           << "AVIF";
    QTest::newRow("mp4 video") << ftyp + "isom" + QByteArray(4, '\0') + "isomiso2"
                               << "unknown";
    QTest::newRow("jxl codestream") << QByteArray("\xFF\x0A\xFA\x1F\x44\x01", 6) << "JPEG XL";
    QTest::newRow("jxl container") << QByteArray("\0\0\0\x0CJXL \r\n\x87\n\0\0\0\x14"
                                                 "ftypjxl ",
                                                 20)
                                   << "JPEG XL";
    QTest::newRow("jpeg 2000 is not jxl")
        << QByteArray("\0\0\0\x0CjP  \r\n\x87\n", 12) << "unknown";
}

void tst_Formats::sniffing()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, expected);
    QCOMPARE(toString(sniffImageFormat(head)), expected);
}

void tst_Formats::decodes_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("sniffed");
    QTest::addColumn<EngineChoice>("engine");
    for (const auto &[format, sniffed] : {std::pair{"heic", "HEIF"}, std::pair{"heic10", "HEIF"},
                                          std::pair{"avif", "AVIF"}, std::pair{"jxl", "JPEG XL"}}) {
        QTest::addRow("%s auto", format) << format << sniffed << EngineChoice::Auto;
        QTest::addRow("%s vips", format) << format << sniffed << EngineChoice::Vips;
        QTest::addRow("%s opencv", format) << format << sniffed << EngineChoice::OpenCv;
    }
}

// Each modern format through the one pipeline into PNG: the pixels are what libvips itself
// decodes from the file, and close to the source the file was made from.
void tst_Formats::decodes()
{
    QFETCH(QString, format);
    QFETCH(QString, sniffed);
    QFETCH(EngineChoice, engine);
    const VImage source = TestImages::make(kSize).copy_memory();
    const QString in = writeInput(QStringLiteral("in.") + format, encodedAs(source, format));
    QCOMPARE(toString(sniffImageFormatOfFile(in)), sniffed);
    const JobResult result = run(engine, in, pngOutput(), QStringLiteral("decoded.png"));
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(result.outputSize, kSize);
    const VImage out = loadFile(path(QStringLiteral("decoded.png")));
    QCOMPARE(QSize(out.width(), out.height()), kSize);
    VImage reference = loadFile(in);
    if (reference.format() != VIPS_FORMAT_UCHAR) // 10 bits: libvips' own 8-bit conversion
        reference = reference.colourspace(VIPS_INTERPRETATION_sRGB);
    const double toReference =
        TestImages::psnr(out, reference.extract_band(0, VImage::option()->set("n", 3)));
    const double toSource = TestImages::psnr(out, source);
    QVERIFY2(toReference > 45, qPrintable(QString::number(toReference)));
    QVERIFY2(toSource > 32, qPrintable(QString::number(toSource)));
}

// libvips' HEIF writer drops EXIF's Orientation, so the file's YCbCrPositioning entry (SHORT,
// 1) is turned into Orientation 6 by hand, in place: the item's size does not change.
QByteArray withExifOrientation6(QByteArray heic)
{
    const QByteArray little("\x13\x02\x03\x00\x01\x00\x00\x00\x01\x00", 10);
    const QByteArray big("\x02\x13\x00\x03\x00\x00\x00\x01\x00\x01", 10);
    if (const qsizetype at = heic.indexOf(little); at >= 0)
        return heic.replace(at, 10, QByteArray("\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00", 10));
    if (const qsizetype at = heic.indexOf(big); at >= 0)
        return heic.replace(at, 10, QByteArray("\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06", 10));
    return {};
}

// An iPhone-style HEIC whose EXIF says "rotate 90" while the stored pixels carry no irot box:
// the HEIF specification makes irot/imir the orientation (libheif applies them), so the output
// is the pixels as libheif delivers them, not turned again, and its EXIF says 1.
void tst_Formats::heifOrientationIsNotAppliedTwice()
{
    const QByteArray patched = withExifOrientation6(
        encodedAs(TestImages::make(kSize).copy_memory(), QStringLiteral("heic")));
    QVERIFY(!patched.isEmpty());
    const QString in = writeInput(QStringLiteral("turned.heic"), patched);
    const VImage reference = loadFile(in);
    // The tag is really in the EXIF libheif hands over (libexif, behind libvips' own fields,
    // skips it: out of tag order).
    size_t exifSize = 0;
    const void *exif = reference.get_blob(VIPS_META_EXIF_NAME, &exifSize);
    QVERIFY(QByteArray(static_cast<const char *>(exif), qsizetype(exifSize))
                .contains(QByteArray("\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00", 10)));
    // With auto-orient off the input's tag would be copied as it is: it must say 1 there too.
    for (const bool autoOrient : {true, false}) {
        Recipe recipe;
        recipe.format = OutputFormat::Jpeg;
        recipe.autoOrient = autoOrient;
        const JobResult result = run(EngineChoice::Auto, in, recipe, QStringLiteral("turned.jpg"));
        QVERIFY2(result.isOk(), qPrintable(result.message));
        const VImage out = loadFile(path(QStringLiteral("turned.jpg")));
        QCOMPARE(QSize(out.width(), out.height()), QSize(reference.width(), reference.height()));
        QVERIFY(TestImages::psnr(out, reference) > 35);
        QVERIFY(out.get_typeof(VIPS_META_EXIF_NAME) != 0); // EXIF kept
        QVERIFY(out.get_typeof(VIPS_META_ORIENTATION) != 0);
        QCOMPARE(out.get_int(VIPS_META_ORIENTATION), 1);
    }
}

// Unblocking the JPEG XL loader must leave libvips' other untrusted loaders blocked: an SVG
// (rsvg, untrusted in 8.14) still fails to load from memory in this process.
void tst_Formats::otherUntrustedLoadersStayBlocked()
{
    const QByteArray svg(R"(<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8">)"
                         R"(<rect width="8" height="8" fill="red"/></svg>)");
    QVERIFY_THROWS_EXCEPTION(
        vips::VError,
        VImage::new_from_buffer(svg.constData(), size_t(svg.size()), "").copy_memory());
}

void tst_Formats::encodes_data()
{
    QTest::addColumn<OutputFormat>("format");
    QTest::addColumn<QString>("sniffed");
    QTest::newRow("avif") << OutputFormat::Avif << "AVIF";
    QTest::newRow("heic") << OutputFormat::Heic << "HEIF";
    QTest::newRow("jxl") << OutputFormat::Jxl << "JPEG XL";
}

// PNG in, each modern format out: libvips decodes the result to the source's size and pixels,
// and more effort at the same quality never makes a bigger file here.
void tst_Formats::encodes()
{
    QFETCH(OutputFormat, format);
    QFETCH(QString, sniffed);
    const VImage source = TestImages::make(kSize).copy_memory();
    const QString in = m_sourcePng;
    Recipe recipe;
    recipe.format = format;
    recipe.quality = 90;
    const QString name = QStringLiteral("out.") + extensionFor(format);
    const JobResult result = run(EngineChoice::Auto, in, recipe, name);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(toString(sniffImageFormatOfFile(path(name))), sniffed);
    const VImage out = loadFile(path(name));
    QCOMPARE(QSize(out.width(), out.height()), kSize);
    const double quality =
        TestImages::psnr(out.extract_band(0, VImage::option()->set("n", 3)), source);
    QVERIFY2(quality > 32, qPrintable(QString::number(quality)));
}

void tst_Formats::alphaSurvives_data()
{
    encodes_data();
}

// AVIF, HEIC and JPEG XL keep alpha (an auxiliary alpha image, a JXL extra channel): a
// half-transparent PNG comes back with four bands and its alpha level.
void tst_Formats::alphaSurvives()
{
    QFETCH(OutputFormat, format);
    const VImage source = TestImages::make(kSize).bandjoin_const({128}).copy_memory();
    const QString in =
        writeInput(QStringLiteral("alpha.png"), TestImages::toBuffer(source, ".png"));
    Recipe recipe;
    recipe.format = format;
    const QString name = QStringLiteral("alpha.") + extensionFor(format);
    const JobResult result = run(EngineChoice::Auto, in, recipe, name);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    const VImage out = loadFile(path(name));
    QCOMPARE(out.bands(), 4);
    const double alpha = out.extract_band(3).avg();
    QVERIFY2(qAbs(alpha - 128) < 2, qPrintable(QString::number(alpha)));
}

void tst_Formats::sameFormatKeepsModernFormats()
{
    QCOMPARE(toString(resolveOutputFormat(OutputFormat::Same, ImageFormat::Heif)),
             toString(OutputFormat::Heic));
    QCOMPARE(toString(resolveOutputFormat(OutputFormat::Same, ImageFormat::Avif)),
             toString(OutputFormat::Avif));
    QCOMPARE(toString(resolveOutputFormat(OutputFormat::Same, ImageFormat::Jxl)),
             toString(OutputFormat::Jxl));
}

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

QTEST_GUILESS_MAIN(tst_Formats)
#include "tst_formats.moc"
