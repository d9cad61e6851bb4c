#include "tst_engine.h"

using namespace EngineTest;

void tst_Engine::orientation_data()
{
    addEngineColumn();
    QTest::addColumn<int>("orientation");
    QTest::addColumn<bool>("autoOrient");
    QTest::addColumn<QSize>("expected");
    for (const char *engine : kEngines) {
        const QString name = QString::fromLatin1(engine);
        for (int orientation = 1; orientation <= 8; ++orientation)
            QTest::addRow("%s %d", engine, orientation)
                << name << orientation << true << QSize(200, 150);
        QTest::addRow("%s 6 kept as stored", engine) << name << 6 << false << QSize(150, 200);
    }
}

// The upright test image is 400x300 with a bright top-left quadrant; files store it turned
// with an orientation tag. Fit 200x200 must give 200x150 with the bright part top-left.
void tst_Engine::orientation()
{
    QFETCH(QString, engine);
    QFETCH(int, orientation);
    QFETCH(bool, autoOrient);
    QFETCH(QSize, expected);
    TestImages::Options options;
    options.orientation = orientation;
    const QString in = input(kLandscape, QStringLiteral(".jpg"), options);
    Recipe recipe = fit(200, 200);
    recipe.autoOrient = autoOrient;
    const JobResult result = run(engine, in, recipe, QStringLiteral("turned.png"), true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(result.outputSize, expected);
    const vips::VImage out = TestImages::load(path(QStringLiteral("turned.png")));
    QCOMPARE(QSize(out.width(), out.height()), expected);
    const QSize q(expected.width() / 2 - 4, expected.height() / 2 - 4);
    const double topLeft = TestImages::mean(out, QRect(QPoint(2, 2), q));
    const double bottomRight = TestImages::mean(
        out, QRect(QPoint(expected.width() / 2 + 2, expected.height() / 2 + 2), q));
    if (autoOrient) {
        QVERIFY2(topLeft > 180, qPrintable(QString::number(topLeft)));
        QVERIFY2(bottomRight < 140, qPrintable(QString::number(bottomRight)));
    } else {
        QVERIFY2(topLeft < 140, qPrintable(QString::number(topLeft)));
    }
}

void tst_Engine::metadata_data()
{
    addEngineColumn();
    QTest::addColumn<bool>("strip");
    QTest::addColumn<bool>("expectExif");
    QTest::newRow("vips keep") << "vips" << false << true;
    QTest::newRow("vips strip") << "vips" << true << false;
    QTest::newRow("opencv keep") << "opencv" << false << true;
    QTest::newRow("opencv strip") << "opencv" << true << false;
}

void tst_Engine::metadata()
{
    QFETCH(QString, engine);
    QFETCH(bool, strip);
    QFETCH(bool, expectExif);
    TestImages::Options options;
    options.orientation = 6; // makes libvips write an EXIF block
    const QString in = input(kLandscape, QStringLiteral(".jpg"), options);
    QVERIFY(TestImages::load(in).get_typeof("exif-data") != 0);
    Recipe recipe = fit(200, 200);
    recipe.stripMetadata = strip;
    const JobResult result = run(engine, in, recipe, QStringLiteral("meta.jpg"), true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    const vips::VImage out = TestImages::load(path(QStringLiteral("meta.jpg")));
    QCOMPARE(out.get_typeof("exif-data") != 0, expectExif);
    // Kept metadata must not make a viewer turn the already upright pixels again.
    if (out.get_typeof(VIPS_META_ORIENTATION) != 0)
        QCOMPARE(out.get_int(VIPS_META_ORIENTATION), 1);
}

void tst_Engine::outputFormats_data()
{
    addEngineColumn();
    QTest::addColumn<OutputFormat>("format");
    QTest::addColumn<ImageFormat>("expected");
    for (const char *engine : kEngines) {
        const QString name = QString::fromLatin1(engine);
        QTest::addRow("%s jpeg", engine) << name << OutputFormat::Jpeg << ImageFormat::Jpeg;
        QTest::addRow("%s png", engine) << name << OutputFormat::Png << ImageFormat::Png;
        QTest::addRow("%s webp", engine) << name << OutputFormat::Webp << ImageFormat::Webp;
        QTest::addRow("%s tiff", engine) << name << OutputFormat::Tiff << ImageFormat::Tiff;
    }
}

void tst_Engine::outputFormats()
{
    QFETCH(QString, engine);
    QFETCH(OutputFormat, format);
    QFETCH(ImageFormat, expected);
    const QString out = QStringLiteral("format.") + extensionFor(format);
    const JobResult result = run(engine, input(kLandscape, QStringLiteral(".jpg")),
                                 withFormat(fit(200, 200), format), out, true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(toString(sniffImageFormatOfFile(path(out))), toString(expected));
    const vips::VImage image = TestImages::load(path(out));
    QCOMPARE(QSize(image.width(), image.height()), QSize(200, 150));
    QCOMPARE(result.outputBytes, QFileInfo(path(out)).size());
}

void tst_Engine::alpha_data()
{
    addEngineColumn();
    QTest::addColumn<OutputFormat>("format");
    QTest::addColumn<bool>("keepsAlpha");
    for (const char *engine : kEngines) {
        const QString name = QString::fromLatin1(engine);
        QTest::addRow("%s png", engine) << name << OutputFormat::Png << true;
        QTest::addRow("%s webp", engine) << name << OutputFormat::Webp << true;
        QTest::addRow("%s tiff", engine) << name << OutputFormat::Tiff << true;
        QTest::addRow("%s jpeg", engine) << name << OutputFormat::Jpeg << false;
    }
}

void tst_Engine::alpha()
{
    QFETCH(QString, engine);
    QFETCH(OutputFormat, format);
    QFETCH(bool, keepsAlpha);
    TestImages::Options options;
    options.alpha = true;
    const QString out = QStringLiteral("alpha.") + extensionFor(format);
    const JobResult result = run(engine, input(kLandscape, QStringLiteral(".png"), options),
                                 withFormat(fit(200, 200), format), out, true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    const vips::VImage image = TestImages::load(path(out));
    QCOMPARE(image.has_alpha(), keepsAlpha);
    if (!keepsAlpha) {
        // Half-transparent dark pixels flattened onto white come out light.
        const double right = TestImages::mean(image, QRect(120, 90, 60, 40));
        QVERIFY2(right > 140, qPrintable(QString::number(right)));
    }
}
