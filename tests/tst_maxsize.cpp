// --max-size (Recipe::maxSizeKb): the quality search through the engine in-process, for JPEG,
// WebP, AVIF, HEIC and JPEG XL, and through the real pixelmill-cli. Nothing expected comes from the
// search: sizes are read from disk, the budget's maximality is checked by encoding one quality
// higher without a budget, and a JPEG's quality is read back from its quantisation table, computed
// by hand from libjpeg's formula.

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "engine/engine.h"
#include "testimages.h"

Q_DECLARE_METATYPE(OutputFormat)

namespace {

using vips::VImage;

constexpr int kRecipeQuality = 85;
const OutputFormat kFormats[] = {OutputFormat::Jpeg, OutputFormat::Webp, OutputFormat::Avif,
                                 OutputFormat::Heic, OutputFormat::Jxl};

// A gradient with noise (so that quality matters for the size) and an 8 kB XMP packet, which
// the output keeps: metadata counts toward the budget.
QByteArray noisyJpeg(QSize size, int seed)
{
    const VImage noise = VImage::gaussnoise(size.width(), size.height(),
                                            VImage::option()->set("sigma", 24)->set("seed", seed));
    VImage image = (TestImages::make(size) + noise).cast(VIPS_FORMAT_UCHAR).copy_memory();
    const QByteArray xmp =
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
        "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
        "rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:source>" +
        QByteArray(8000, 'm') + "</dc:source></rdf:Description></rdf:RDF></x:xmpmeta>";
    vips_image_set_blob_copy(image.get_image(), VIPS_META_XMP_NAME, xmp.constData(),
                             size_t(xmp.size()));
    return TestImages::toBuffer(image, ".jpg", VImage::option()->set("Q", 95));
}

// libjpeg's luminance table (natural order), its quality scaling (jcparam.c, baseline), and
// the zig-zag order in which a DQT segment lists it.
const int kLuma[64] = {16, 11, 10, 16, 24,  40,  51,  61,  12, 12, 14, 19, 26,  58,  60,  55,
                       14, 13, 16, 24, 40,  57,  69,  56,  14, 17, 22, 29, 51,  87,  80,  62,
                       18, 22, 37, 56, 68,  109, 103, 77,  24, 35, 55, 64, 81,  104, 113, 92,
                       49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
const int kZigZag[64] = {0,  1,  8,  16, 9,  2,  3,  10, 17, 24, 32, 25, 18, 11, 4,  5,
                         12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6,  7,  14, 21, 28,
                         35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
                         58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

QList<int> lumaTableAt(int quality)
{
    const int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
    QList<int> table(64);
    for (int i = 0; i < 64; ++i)
        table[kZigZag[i]] = std::clamp((kLuma[kZigZag[i]] * scale + 50) / 100, 1, 255);
    return table;
}

// The first 8-bit quantisation table of a JPEG (table 0: luminance), in natural order.
QList<int> firstDqt(const QByteArray &jpeg)
{
    qsizetype pos = 2;
    while (pos + 4 <= jpeg.size() && quint8(jpeg[pos]) == 0xFF) {
        const int length = quint8(jpeg[pos + 2]) << 8 | quint8(jpeg[pos + 3]);
        if (quint8(jpeg[pos + 1]) == 0xDB && quint8(jpeg[pos + 4]) == 0 && length >= 67) {
            QList<int> table(64);
            for (int i = 0; i < 64; ++i)
                table[kZigZag[i]] = quint8(jpeg[pos + 5 + i]);
            return table;
        }
        pos += 2 + length;
    }
    return {};
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).exists() ? QFileInfo(path).size() : -1;
}

} // namespace

class tst_MaxSize : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fitsAndIsMaximal_data();
    void fitsAndIsMaximal();
    void impossibleBudgetFailsWithoutOutput_data() { formats(); }
    void impossibleBudgetFailsWithoutOutput();
    void generousBudgetKeepsRecipeQuality_data() { formats(); }
    void generousBudgetKeepsRecipeQuality();
    void losslessOutputIsOnlyChecked();
    void jxlLowestQualityIsSmallest();
    void cliEveryOutputFitsAndReportsQuality();

private:
    static void formats();
    QString path(const QString &name) const { return m_dir.filePath(name); }
    JobResult run(const QString &input, Recipe recipe, int quality, int maxSizeKb,
                  const QString &output);

    QTemporaryDir m_dir;
    QString m_input;
    QString m_largeInput; // over 1 kB at any quality, with or without its metadata
    int m_counter = 0;
};

void tst_MaxSize::initTestCase()
{
    QString error;
    QVERIFY2(
        initializeEngines(QCoreApplication::applicationFilePath().toUtf8().constData(), &error),
        qPrintable(error));
    QVERIFY(m_dir.isValid());
    m_input = path(QStringLiteral("noisy.jpg"));
    QVERIFY(TestImages::writeBytes(m_input, noisyJpeg({320, 240}, 1)));
    m_largeInput = path(QStringLiteral("large.jpg"));
    QVERIFY(TestImages::writeBytes(m_largeInput, noisyJpeg({800, 600}, 2)));
}

void tst_MaxSize::formats()
{
    QTest::addColumn<OutputFormat>("format");
    for (const OutputFormat format : kFormats)
        QTest::addRow("%s", qPrintable(toString(format))) << format;
}

JobResult tst_MaxSize::run(const QString &input, Recipe recipe, int quality, int maxSizeKb,
                           const QString &output)
{
    recipe.quality = quality;
    recipe.maxSizeKb = maxSizeKb;
    Job job;
    job.id = ++m_counter;
    job.inputPath = input;
    job.outputPath = path(output);
    job.recipe = recipe;
    job.overwrite = true;
    return makeEngine(EngineChoice::Auto)->run(job);
}

void tst_MaxSize::fitsAndIsMaximal_data()
{
    QTest::addColumn<OutputFormat>("format");
    QTest::addColumn<double>("fraction"); // of the size at the recipe's quality
    for (const OutputFormat format : kFormats)
        for (const double fraction : {0.4, 0.7})
            QTest::addRow("%s %.1f", qPrintable(toString(format)), fraction) << format << fraction;
}

// The output fits (its size on disk), the quality above the chosen one does not, and the
// chosen quality without a budget gives the same bytes.
void tst_MaxSize::fitsAndIsMaximal()
{
    QFETCH(OutputFormat, format);
    QFETCH(double, fraction);
    Recipe recipe;
    recipe.format = format;
    const QString ext = QLatin1Char('.') + extensionFor(format);
    const JobResult full = run(m_input, recipe, kRecipeQuality, 0, "full" + ext);
    QVERIFY2(full.isOk(), qPrintable(full.message));
    QCOMPARE(full.chosenQuality, 0); // no budget: nothing searched
    const int budgetKb = int(fileSize(path("full" + ext)) * fraction / 1000);
    QVERIFY(budgetKb >= 2);

    const JobResult fit = run(m_input, recipe, kRecipeQuality, budgetKb, "fit" + ext);
    QVERIFY2(fit.isOk(), qPrintable(fit.message));
    const qint64 size = fileSize(path("fit" + ext));
    QVERIFY2(size <= budgetKb * 1000, qPrintable(QStringLiteral("%1 bytes").arg(size)));
    QCOMPARE(fit.outputBytes, size);
    QVERIFY(fit.chosenQuality >= 1 && fit.chosenQuality < kRecipeQuality);
    const QByteArray fitBytes = TestImages::readBytes(path("fit" + ext));
    if (format != OutputFormat::Jxl) // libvips 8.14's jxlsave writes no metadata
        QVERIFY2(fitBytes.contains(QByteArray(8000, 'm')), "the XMP is kept, and counted");

    const JobResult same = run(m_input, recipe, fit.chosenQuality, 0, "same" + ext);
    QVERIFY2(same.isOk(), qPrintable(same.message));
    QVERIFY(TestImages::readBytes(path("same" + ext)) == fitBytes);
    const JobResult above = run(m_input, recipe, fit.chosenQuality + 1, 0, "above" + ext);
    QVERIFY2(above.isOk(), qPrintable(above.message));
    QVERIFY2(fileSize(path("above" + ext)) > budgetKb * 1000,
             qPrintable(QStringLiteral("quality %1 fits too").arg(fit.chosenQuality + 1)));
    if (format == OutputFormat::Jpeg) // the file says the same quality as the result
        QCOMPARE(firstDqt(fitBytes), lumaTableAt(fit.chosenQuality));
}

void tst_MaxSize::impossibleBudgetFailsWithoutOutput()
{
    QFETCH(OutputFormat, format);
    Recipe recipe;
    recipe.format = format;
    const QString name = "impossible." + extensionFor(format);
    // Quality 10: a short search down to 1 (the message must name quality 1).
    const JobResult result = run(m_largeInput, recipe, 10, 1, name);
    QCOMPARE(toString(result.status), QStringLiteral("failed"));
    QCOMPARE(toString(result.failure), QStringLiteral("too-large"));
    static const QRegularExpression reason(
        QStringLiteral("^cannot fit under 1 kB: \\d+ kB at quality 1; allow more or resize "
                       "smaller$"));
    QVERIFY2(reason.match(result.message).hasMatch(), qPrintable(result.message));
    QVERIFY(!QFileInfo::exists(path(name)));
    QCOMPARE(result.chosenQuality, 0);
}

void tst_MaxSize::generousBudgetKeepsRecipeQuality()
{
    QFETCH(OutputFormat, format);
    Recipe recipe;
    recipe.format = format;
    const QString ext = QLatin1Char('.') + extensionFor(format);
    const JobResult result = run(m_input, recipe, kRecipeQuality, 100'000, "generous" + ext);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(result.chosenQuality, kRecipeQuality); // fits at once: the recipe's quality
    QVERIFY(run(m_input, recipe, kRecipeQuality, 0, "plain" + ext).isOk());
    QVERIFY(TestImages::readBytes(path("generous" + ext)) ==
            TestImages::readBytes(path("plain" + ext)));
}

// "Same as input" with a PNG input: no quality to search, so the one encode is checked.
void tst_MaxSize::losslessOutputIsOnlyChecked()
{
    const QString png = path(QStringLiteral("gradient.png"));
    QVERIFY(TestImages::write(png, {200, 150}, QStringLiteral(".png")));
    Recipe recipe; // format Same
    const JobResult fits = run(png, recipe, kRecipeQuality, 10'000, "fits.png");
    QVERIFY2(fits.isOk(), qPrintable(fits.message));
    QCOMPARE(fits.chosenQuality, 0);
    const JobResult over = run(png, recipe, kRecipeQuality, 1, "over.png");
    QCOMPARE(toString(over.status), QStringLiteral("failed"));
    QVERIFY2(over.message.startsWith(QStringLiteral("cannot fit under 1 kB: the PNG output is ")) &&
                 over.message.contains(QStringLiteral("has no quality to lower")),
             qPrintable(over.message));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("over.png"))));
}

// The search assumes size grows with quality. libvips 8.14 gave JPEG XL's Q 1-4 a distance
// libjxl refuses, so they came out as large as Q 90: now Q 1 is the smallest file.
void tst_MaxSize::jxlLowestQualityIsSmallest()
{
    Recipe recipe;
    recipe.format = OutputFormat::Jxl;
    QVERIFY(run(m_input, recipe, 1, 0, "q1.jxl").isOk());
    QVERIFY(run(m_input, recipe, 30, 0, "q30.jxl").isOk());
    QVERIFY(fileSize(path("q1.jxl")) < fileSize(path("q30.jxl")));
}

// The real CLI over a folder: every output fits, and the report and the per-image lines give
// the quality chosen for each.
void tst_MaxSize::cliEveryOutputFitsAndReportsQuality()
{
    const QString in = path(QStringLiteral("cli-in")), out = path(QStringLiteral("cli-out"));
    QVERIFY(QDir().mkpath(in));
    const QList<QSize> sizes{{480, 360}, {360, 480}, {400, 300}};
    for (int i = 0; i < sizes.size(); ++i)
        QVERIFY(TestImages::writeBytes(in + QStringLiteral("/p%1.jpg").arg(i),
                                       noisyJpeg(sizes.at(i), 10 + i)));
    const QString bin = QCoreApplication::applicationDirPath();
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PIXELMILL_WORKER"), bin + QStringLiteral("/pixelmill-worker"));
    cli.setProcessEnvironment(env);
    const int budgetKb = 20;
    const QString report = path(QStringLiteral("report.json"));
    cli.start(bin + QStringLiteral("/pixelmill-cli"),
              {in, "-o", out, "--format", "webp", "--max-size", QString::number(budgetKb),
               "--report", report, "--workers", "2"});
    QVERIFY(cli.waitForFinished(120'000));
    const QByteArray err = cli.readAllStandardError();
    QVERIFY2(cli.exitCode() == 0, err.constData());

    const QJsonObject root = [&] {
        QFile file(report);
        return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                              : QJsonObject();
    }();
    const QJsonArray rows = root.value(QLatin1String("results")).toArray();
    QCOMPARE(rows.size(), sizes.size());
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        const QString output = row.value(QLatin1String("output")).toString();
        const qint64 size = fileSize(output);
        QVERIFY2(size > 0 && size <= budgetKb * 1000,
                 qPrintable(QStringLiteral("%1: %2 bytes").arg(output).arg(size)));
        const int quality = row.value(QLatin1String("quality")).toInt();
        QVERIFY2(quality >= 1 && quality < kRecipeQuality, qPrintable(output));
        // Not on a terminal: one line per image, with the quality.
        const QString line = QStringLiteral("-> %1 (").arg(output);
        QVERIFY2(err.contains(line.toUtf8()) &&
                     err.contains(QStringLiteral("quality %1)").arg(quality).toUtf8()),
                 err.constData());
    }
}

QTEST_GUILESS_MAIN(tst_MaxSize)
#include "tst_maxsize.moc"
