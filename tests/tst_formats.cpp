#include "tst_formats.h"

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
    const QString in =
        writeInput(QStringLiteral("in.") + format, TestImages::encodedAs(source, format));
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
        TestImages::encodedAs(TestImages::make(kSize).copy_memory(), QStringLiteral("heic")));
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

QTEST_GUILESS_MAIN(tst_Formats)
