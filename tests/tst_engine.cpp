#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "engine/engine.h"
#include "imageformat.h"
#include "testimages.h"

Q_DECLARE_METATYPE(Recipe)
Q_DECLARE_METATYPE(OutputFormat)
Q_DECLARE_METATYPE(ImageFormat)
Q_DECLARE_METATYPE(FailureKind)

namespace {

const QSize kLandscape(400, 300);
const QSize kPortrait(300, 400);
const QSize kSquare(300, 300);
const QSize kThin(1, 200);

const char *const kEngines[] = {"vips", "opencv"};

std::unique_ptr<Engine> engineNamed(const QString &name)
{
    return name == QLatin1String("vips") ? makeVipsEngine() : makeOpenCvEngine();
}

Recipe resizeRecipe(ResizeMode mode, int a, int b, bool noEnlarge)
{
    Recipe r;
    r.resizeMode = mode;
    r.noEnlarge = noEnlarge;
    if (mode == ResizeMode::Percent)
        r.percent = a;
    else if (mode == ResizeMode::LongEdge)
        r.longEdge = a;
    else {
        r.width = a;
        r.height = b;
    }
    return r;
}

// Overwrites the middle of an encoded image (inside the compressed data of these small files).
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

} // namespace

class tst_Engine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resize_data();
    void resize();
    void grayscaleIsOneChannel_data();
    void grayscaleIsOneChannel();
    void enginesAgree_data();
    void enginesAgree();
    void orientation_data();
    void orientation();
    void metadata_data();
    void metadata();
    void outputFormats_data();
    void outputFormats();
    void alpha_data();
    void alpha();
    void failures_data();
    void failures();
    void failedJobKeepsExistingOutput_data();
    void failedJobKeepsExistingOutput();
    void existingOutputIsSkipped_data();
    void existingOutputIsSkipped();
    void pngNamedJpegWorks_data();
    void pngNamedJpegWorks();
    void bracketsAndUnicodeInNames_data();
    void bracketsAndUnicodeInNames();
    void resultFields_data();
    void resultFields();
    void autoPicksPerFormat_data();
    void autoPicksPerFormat();

private:
    void addEngineColumn();
    QString input(QSize size, const QString &suffix, const TestImages::Options &options = {});
    JobResult run(Engine &engine, const QString &inputPath, const Recipe &recipe,
                  const QString &outputName, bool overwrite = false);
    JobResult run(const QString &engine, const QString &inputPath, const Recipe &recipe,
                  const QString &outputName, bool overwrite = false);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    int m_counter = 0;
};

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
    recipe.grayscale = true;
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
    gray.grayscale = true;
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

void tst_Engine::failures_data()
{
    addEngineColumn();
    QTest::addColumn<QByteArray>("bytes"); // empty: no input file at all
    QTest::addColumn<qint64>("maxPixels");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("messagePart");
    const QByteArray jpeg = TestImages::encode(kLandscape, QStringLiteral(".jpg"));
    const QByteArray png = TestImages::encode(kLandscape, QStringLiteral(".png"));
    const QByteArray webp = TestImages::encode(kLandscape, QStringLiteral(".webp"));
    for (const char *engine : kEngines) {
        const QString name = QString::fromLatin1(engine);
        QTest::addRow("%s truncated jpeg", engine)
            << name << jpeg.left(jpeg.size() * 6 / 10) << kDefaultMaxPixels
            << FailureKind::CorruptData << "truncated JPEG data";
        QTest::addRow("%s truncated png", engine)
            << name << png.left(png.size() * 6 / 10) << kDefaultMaxPixels
            << FailureKind::CorruptData << "truncated PNG data";
        QTest::addRow("%s truncated webp", engine)
            << name << webp.left(webp.size() * 6 / 10) << kDefaultMaxPixels
            << FailureKind::CorruptData << "truncated WebP data";
        QTest::addRow("%s damaged jpeg scan", engine)
            << name << damaged(jpeg, QByteArray("\xFF\x37", 2)) << kDefaultMaxPixels
            << FailureKind::CorruptData << "corrupt JPEG data";
        QTest::addRow("%s png with bad checksum", engine)
            << name << damaged(png, QByteArray(8, '\x55')) << kDefaultMaxPixels
            << FailureKind::CorruptData << "corrupt PNG data";
        QTest::addRow("%s text named jpg", engine)
            << name << QByteArray("hello, I am not an image\n") << kDefaultMaxPixels
            << FailureKind::UnsupportedFormat << "not an image";
        QTest::addRow("%s over pixel limit", engine)
            << name << jpeg << qint64(100'000) << FailureKind::TooLarge
            << "image is 400x300, over the 0.1 MP limit";
        QTest::addRow("%s missing input", engine)
            << name << QByteArray() << kDefaultMaxPixels << FailureKind::InputUnreadable
            << "cannot read input";
    }
}

void tst_Engine::failures()
{
    QFETCH(QString, engine);
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, maxPixels);
    QFETCH(FailureKind, kind);
    QFETCH(QString, messagePart);
    const QString in = path(QStringLiteral("bad%1.jpg").arg(++m_counter));
    if (!bytes.isEmpty())
        QVERIFY(TestImages::writeBytes(in, bytes));
    Job job;
    job.inputPath = in;
    job.outputPath = path(QStringLiteral("never.png"));
    job.maxPixels = maxPixels;
    const JobResult result = engineNamed(engine)->run(job);
    QCOMPARE(toString(result.status), toString(JobStatus::Failed));
    QCOMPARE(toString(result.failure), toString(kind));
    QVERIFY2(result.message.contains(messagePart), qPrintable(result.message));
    QCOMPARE(result.engine, engine);
    QVERIFY(!QFileInfo::exists(job.outputPath));
}

void tst_Engine::failedJobKeepsExistingOutput_data()
{
    addEngineColumn();
    for (const char *engine : kEngines)
        QTest::newRow(engine) << QString::fromLatin1(engine);
}

void tst_Engine::failedJobKeepsExistingOutput()
{
    QFETCH(QString, engine);
    const QByteArray jpeg = TestImages::encode(kLandscape, QStringLiteral(".jpg"));
    const QString in = path(QStringLiteral("cut.jpg"));
    QVERIFY(TestImages::writeBytes(in, jpeg.left(jpeg.size() / 2)));
    const QByteArray before("the previous output, which must survive");
    const QString out = QStringLiteral("existing.jpg");
    QVERIFY(TestImages::writeBytes(path(out), before));
    const JobResult result = run(engine, in, fit(100, 100), out, /*overwrite=*/true);
    QCOMPARE(toString(result.failure), toString(FailureKind::CorruptData));
    QCOMPARE(TestImages::readBytes(path(out)), before);
}

void tst_Engine::existingOutputIsSkipped_data()
{
    failedJobKeepsExistingOutput_data();
}

void tst_Engine::existingOutputIsSkipped()
{
    QFETCH(QString, engine);
    const QByteArray before("already here");
    const QString out = QStringLiteral("skip-%1.jpg").arg(engine);
    QVERIFY(TestImages::writeBytes(path(out), before));
    const JobResult result =
        run(engine, input(kLandscape, QStringLiteral(".jpg")), fit(100, 100), out, false);
    QCOMPARE(toString(result.status), toString(JobStatus::Skipped));
    QCOMPARE(toString(result.failure), toString(FailureKind::OutputExists));
    QCOMPARE(TestImages::readBytes(path(out)), before);
}

void tst_Engine::pngNamedJpegWorks_data()
{
    failedJobKeepsExistingOutput_data();
}

void tst_Engine::pngNamedJpegWorks()
{
    QFETCH(QString, engine);
    const QString in = path(QStringLiteral("really-a-png.jpg"));
    QVERIFY(TestImages::writeBytes(in, TestImages::encode(kLandscape, QStringLiteral(".png"))));
    const JobResult result = run(engine, in, fit(200, 200), QStringLiteral("named.png"), true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    // "Same" format follows the content, not the name.
    QCOMPARE(toString(sniffImageFormatOfFile(path(QStringLiteral("named.png")))),
             toString(ImageFormat::Png));
    QCOMPARE(result.outputSize, QSize(200, 150));
}

void tst_Engine::bracketsAndUnicodeInNames_data()
{
    failedJobKeepsExistingOutput_data();
}

void tst_Engine::bracketsAndUnicodeInNames()
{
    QFETCH(QString, engine);
    const QString in = path(QStringLiteral("a [b] \u00fc.jpg"));
    QVERIFY(TestImages::write(in, kLandscape, QStringLiteral(".jpg")));
    const QString out = QStringLiteral("out [c] \u00fc %1.jpg").arg(engine);
    const JobResult result = run(engine, in, fit(200, 200), out, true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(result.outputPath, path(out));
    QCOMPARE(toString(sniffImageFormatOfFile(path(out))), toString(ImageFormat::Jpeg));
}

void tst_Engine::resultFields_data()
{
    failedJobKeepsExistingOutput_data();
}

void tst_Engine::resultFields()
{
    QFETCH(QString, engine);
    const QString in = input(kPortrait, QStringLiteral(".jpg"));
    const JobResult result = run(engine, in, fit(100, 100), QStringLiteral("fields.jpg"), true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(toString(result.status), toString(JobStatus::Ok));
    QCOMPARE(toString(result.failure), toString(FailureKind::None));
    QVERIFY(result.message.isEmpty());
    QCOMPARE(result.inputPath, in);
    QCOMPARE(result.outputPath, path(QStringLiteral("fields.jpg")));
    QCOMPARE(result.inputBytes, QFileInfo(in).size());
    QCOMPARE(result.outputBytes, QFileInfo(result.outputPath).size());
    QCOMPARE(result.inputSize, kPortrait);
    QCOMPARE(result.outputSize, QSize(75, 100));
    QCOMPARE(result.engine, engine);
    QVERIFY(result.elapsedMs >= 0);
}

void tst_Engine::autoPicksPerFormat_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("expected");
    QTest::newRow("jpeg") << ".jpg"
                          << "opencv";
    QTest::newRow("png") << ".png"
                         << "opencv";
    QTest::newRow("webp") << ".webp"
                          << "opencv";
    QTest::newRow("tiff") << ".tif"
                          << "vips";
}

void tst_Engine::autoPicksPerFormat()
{
    QFETCH(QString, suffix);
    QFETCH(QString, expected);
    const std::unique_ptr<Engine> engine = makeEngine(EngineChoice::Auto);
    const JobResult result = run(*engine, input(kLandscape, suffix), fit(100, 100),
                                 QStringLiteral("auto") + suffix, true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(result.engine, expected);
    QCOMPARE(makeEngine(EngineChoice::Vips)->name(), QStringLiteral("vips"));
    QCOMPARE(makeEngine(EngineChoice::OpenCv)->name(), QStringLiteral("opencv"));
}

QTEST_GUILESS_MAIN(tst_Engine)
#include "tst_engine.moc"
