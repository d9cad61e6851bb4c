#include "tst_engine.h"

namespace EngineTest {

std::unique_ptr<Engine> engineNamed(const QString &name)
{
    return name == QLatin1String("vips") ? makeVipsEngine() : makeOpenCvEngine();
}

Recipe resizeRecipe(ResizeMode mode, int a, int b, bool noEnlarge)
{
    ResizeStep s = resizeStep(mode, a, b, noEnlarge);
    if (mode == ResizeMode::Percent || mode == ResizeMode::LongEdge) {
        s.width = s.height = 0;
        s.percent = a;
        s.longEdge = a;
    }
    Recipe r;
    r.steps = {s};
    return r;
}

QByteArray damaged(QByteArray bytes, const QByteArray &patch)
{
    return bytes.replace(bytes.size() / 2, patch.size(), patch);
}

Recipe fit(int w, int h)
{
    return resizeRecipe(ResizeMode::Fit, w, h, false);
}

Recipe withFormat(Recipe r, OutputFormat format)
{
    r.format = format;
    return r;
}

} // namespace EngineTest

using namespace EngineTest;

void tst_Engine::initTestCase()
{
    QString error;
    QVERIFY2(
        initializeEngines(QCoreApplication::applicationFilePath().toUtf8().constData(), &error),
        qPrintable(error));
    QVERIFY(m_dir.isValid());
}

void tst_Engine::addEngineColumn()
{
    QTest::addColumn<QString>("engine");
}

QString tst_Engine::input(QSize size, const QString &suffix, const TestImages::Options &options)
{
    const QString file = path(QStringLiteral("in%1%2").arg(++m_counter).arg(suffix));
    if (!TestImages::write(file, size, suffix, options))
        qFatal("cannot write test image %s", qPrintable(file));
    return file;
}

JobResult tst_Engine::run(Engine &engine, const QString &inputPath, const Recipe &recipe,
                          const QString &outputName, bool overwrite)
{
    Job job;
    job.id = ++m_counter;
    job.inputPath = inputPath;
    job.outputPath = path(outputName);
    job.recipe = recipe;
    job.overwrite = overwrite;
    return engine.run(job);
}

JobResult tst_Engine::run(const QString &engine, const QString &inputPath, const Recipe &recipe,
                          const QString &outputName, bool overwrite)
{
    return run(*engineNamed(engine), inputPath, recipe, outputName, overwrite);
}

// Expected sizes worked out by hand from the rules in geometry.h (not by calling planResize).
void tst_Engine::resize_data()
{
    addEngineColumn();
    QTest::addColumn<QSize>("source");
    QTest::addColumn<Recipe>("recipe");
    QTest::addColumn<QSize>("expected");
    struct Row
    {
        const char *name;
        QSize source;
        ResizeMode mode;
        int a, b;
        bool noEnlarge;
        QSize expected;
    };
    using M = ResizeMode;
    const Row rows[] = {
        {"none landscape", kLandscape, M::None, 0, 0, false, {400, 300}},
        {"none portrait", kPortrait, M::None, 0, 0, false, {300, 400}},
        {"none square", kSquare, M::None, 0, 0, false, {300, 300}},
        {"none thin", kThin, M::None, 0, 0, true, {1, 200}},
        {"fit down landscape", kLandscape, M::Fit, 200, 200, false, {200, 150}},
        {"fit down portrait", kPortrait, M::Fit, 200, 200, false, {150, 200}},
        {"fit down square", kSquare, M::Fit, 200, 200, false, {200, 200}},
        {"fit down thin", kThin, M::Fit, 200, 200, false, {1, 200}},
        {"fit down landscape noEnlarge", kLandscape, M::Fit, 200, 200, true, {200, 150}},
        {"fit up landscape", kLandscape, M::Fit, 600, 600, false, {600, 450}},
        {"fit up portrait", kPortrait, M::Fit, 600, 600, false, {450, 600}},
        {"fit up square", kSquare, M::Fit, 600, 600, false, {600, 600}},
        {"fit up thin", kThin, M::Fit, 600, 600, false, {3, 600}},
        {"fit up landscape noEnlarge", kLandscape, M::Fit, 600, 600, true, {400, 300}},
        {"fit up portrait noEnlarge", kPortrait, M::Fit, 600, 600, true, {300, 400}},
        {"fit up thin noEnlarge", kThin, M::Fit, 600, 600, true, {1, 200}},
        {"fill landscape", kLandscape, M::Fill, 200, 100, false, {200, 100}},
        {"fill portrait", kPortrait, M::Fill, 200, 100, false, {200, 100}},
        {"fill square", kSquare, M::Fill, 200, 100, false, {200, 100}},
        {"fill thin", kThin, M::Fill, 200, 100, false, {200, 100}},
        {"fill portrait noEnlarge", kPortrait, M::Fill, 200, 100, true, {200, 100}},
        {"fill thin noEnlarge", kThin, M::Fill, 200, 100, true, {1, 100}},
        {"fill up portrait", kPortrait, M::Fill, 600, 600, false, {600, 600}},
        {"fill up landscape noEnlarge", kLandscape, M::Fill, 600, 600, true, {400, 300}},
        {"fill up square noEnlarge", kSquare, M::Fill, 600, 600, true, {300, 300}},
        {"exact landscape", kLandscape, M::Exact, 150, 250, false, {150, 250}},
        {"exact portrait", kPortrait, M::Exact, 150, 250, false, {150, 250}},
        {"exact square", kSquare, M::Exact, 150, 250, false, {150, 250}},
        {"exact thin", kThin, M::Exact, 150, 250, false, {150, 250}},
        {"exact thin noEnlarge", kThin, M::Exact, 150, 250, true, {1, 200}},
        {"exact wide noEnlarge", kLandscape, M::Exact, 500, 100, true, {400, 100}},
        {"percent 50 landscape", kLandscape, M::Percent, 50, 0, false, {200, 150}},
        {"percent 50 portrait", kPortrait, M::Percent, 50, 0, false, {150, 200}},
        {"percent 50 square", kSquare, M::Percent, 50, 0, false, {150, 150}},
        {"percent 50 thin", kThin, M::Percent, 50, 0, false, {1, 100}},
        {"percent 25 thin", kThin, M::Percent, 25, 0, false, {1, 50}},
        {"percent 150 landscape", kLandscape, M::Percent, 150, 0, false, {600, 450}},
        {"percent 150 thin", kThin, M::Percent, 150, 0, false, {2, 300}},
        {"percent 150 landscape noEnlarge", kLandscape, M::Percent, 150, 0, true, {400, 300}},
        {"percent 150 thin noEnlarge", kThin, M::Percent, 150, 0, true, {1, 200}},
        {"long edge 100 landscape", kLandscape, M::LongEdge, 100, 0, false, {100, 75}},
        {"long edge 100 portrait", kPortrait, M::LongEdge, 100, 0, false, {75, 100}},
        {"long edge 100 square", kSquare, M::LongEdge, 100, 0, false, {100, 100}},
        {"long edge 100 thin", kThin, M::LongEdge, 100, 0, false, {1, 100}},
        {"long edge 500 landscape", kLandscape, M::LongEdge, 500, 0, false, {500, 375}},
        {"long edge 500 portrait", kPortrait, M::LongEdge, 500, 0, false, {375, 500}},
        {"long edge 500 thin", kThin, M::LongEdge, 500, 0, false, {3, 500}},
        {"long edge 500 landscape noEnlarge", kLandscape, M::LongEdge, 500, 0, true, {400, 300}},
        {"long edge 500 thin noEnlarge", kThin, M::LongEdge, 500, 0, true, {1, 200}},
    };
    for (const char *engine : kEngines)
        for (const Row &row : rows)
            QTest::addRow("%s %s", engine, row.name)
                << QString::fromLatin1(engine) << row.source
                << resizeRecipe(row.mode, row.a, row.b, row.noEnlarge) << row.expected;
}

void tst_Engine::resize()
{
    QFETCH(QString, engine);
    QFETCH(QSize, source);
    QFETCH(Recipe, recipe);
    QFETCH(QSize, expected);
    // A JPEG input exercises shrink-on-load; PNG output reads back without loss.
    const QString in = input(source, QStringLiteral(".jpg"));
    const JobResult result =
        run(engine, in, withFormat(recipe, OutputFormat::Png), QStringLiteral("out.png"), true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(result.inputSize, source);
    QCOMPARE(result.outputSize, expected);
    const vips::VImage out = TestImages::load(path(QStringLiteral("out.png")));
    QCOMPARE(QSize(out.width(), out.height()), expected);
}

void tst_Engine::grayscaleIsOneChannel_data()
{
    addEngineColumn();
    QTest::addColumn<QString>("suffix");
    for (const char *engine : kEngines)
        for (const char *suffix : {".jpg", ".png", ".webp", ".tif"})
            QTest::addRow("%s %s", engine, suffix)
                << QString::fromLatin1(engine) << QString::fromLatin1(suffix);
}

void tst_Engine::grayscaleIsOneChannel()
{
    QFETCH(QString, engine);
    QFETCH(QString, suffix);
    Recipe recipe = fit(200, 200);
    recipe.setGrayscale(true);
    const QString out = QStringLiteral("gray") + suffix;
    const JobResult result = run(engine, input(kLandscape, suffix), recipe, out, true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    const vips::VImage image = TestImages::load(path(out));
    QCOMPARE(QSize(image.width(), image.height()), QSize(200, 150));
    // WebP has no one-channel form: its decoder gives three, which must be equal.
    for (int band = 1; band < image.bands(); ++band)
        QVERIFY2((image[band].cast(VIPS_FORMAT_INT) - image[0]).abs().avg() < 1.0,
                 qPrintable(QStringLiteral("band %1 differs from band 0").arg(band)));
    QVERIFY(image.bands() == 1 || suffix == QLatin1String(".webp"));
}

void tst_Engine::enginesAgree_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QSize>("source");
    QTest::addColumn<Recipe>("recipe");
    QTest::addColumn<int>("orientation");
    QTest::addColumn<bool>("alpha");
    const QSize big(1600, 1200);
    Recipe gray = fit(800, 600);
    gray.setGrayscale(true);
    QTest::newRow("jpeg fit gray") << ".jpg" << big << gray << 1 << false;
    QTest::newRow("jpeg fit colour") << ".jpg" << big << fit(500, 500) << 1 << false;
    QTest::newRow("png fill") << ".png" << big << resizeRecipe(ResizeMode::Fill, 300, 300, false)
                              << 1 << false;
    QTest::newRow("webp long edge")
        << ".webp" << big << resizeRecipe(ResizeMode::LongEdge, 500, 0, false) << 1 << false;
    QTest::newRow("tiff exact") << ".tif" << kLandscape
                                << resizeRecipe(ResizeMode::Exact, 300, 200, false) << 1 << false;
    QTest::newRow("jpeg enlarge") << ".jpg" << kLandscape << fit(700, 700) << 1 << false;
    QTest::newRow("png alpha to jpeg")
        << ".png" << kLandscape << withFormat(fit(200, 200), OutputFormat::Jpeg) << 1 << true;
    QTest::newRow("png alpha kept") << ".png" << kLandscape << fit(200, 200) << 1 << true;
    for (int orientation = 2; orientation <= 8; ++orientation)
        QTest::addRow("jpeg orientation %d", orientation)
            << ".jpg" << kLandscape << fit(200, 200) << orientation << false;
}

void tst_Engine::enginesAgree()
{
    QFETCH(QString, suffix);
    QFETCH(QSize, source);
    QFETCH(Recipe, recipe);
    QFETCH(int, orientation);
    QFETCH(bool, alpha);
    TestImages::Options options;
    options.orientation = orientation;
    options.alpha = alpha;
    const QString in = input(source, suffix, options);
    recipe =
        withFormat(recipe, recipe.format == OutputFormat::Same ? OutputFormat::Png : recipe.format);
    const QString ext = QLatin1Char('.') + extensionFor(recipe.format);
    const JobResult a = run(QStringLiteral("vips"), in, recipe, QStringLiteral("a") + ext, true);
    const JobResult b = run(QStringLiteral("opencv"), in, recipe, QStringLiteral("b") + ext, true);
    QVERIFY2(a.isOk(), qPrintable(a.message));
    QVERIFY2(b.isOk(), qPrintable(b.message));
    QCOMPARE(a.outputSize, b.outputSize);
    const vips::VImage va = TestImages::load(path(QStringLiteral("a") + ext));
    const vips::VImage vb = TestImages::load(path(QStringLiteral("b") + ext));
    QCOMPARE(va.bands(), vb.bands());
    const double db = TestImages::psnr(va, vb);
    QVERIFY2(db >= 30, qPrintable(QStringLiteral("PSNR %1 dB").arg(db)));
}

QTEST_GUILESS_MAIN(tst_Engine)
