#include <QJsonDocument>
#include <QtTest>

#include "recipe.h"

class tst_Recipe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void rejectsBadValues_data();
    void rejectsBadValues();
    void acceptsFormatAliases();
    void missingKeysKeepDefaults();
    void presetWithoutEncoderOptionsLoads();
    void wireRequiresEncoderOptions_data();
    void wireRequiresEncoderOptions();
};

void tst_Recipe::roundTrip_data()
{
    QTest::addColumn<Recipe>("recipe");
    Recipe fit;
    fit.steps = {resizeStep(ResizeMode::Fit, 800, 600, true)};
    fit.setGrayscale(true);
    fit.format = OutputFormat::Jpeg;
    fit.quality = 72;
    fit.maxSizeKb = 150;
    QTest::newRow("fit") << fit;
    ResizeStep percentStep;
    percentStep.mode = ResizeMode::Percent;
    percentStep.percent = 37.5;
    Recipe percent;
    percent.steps = {percentStep};
    percent.format = OutputFormat::Webp;
    percent.stripMetadata = true;
    percent.autoOrient = false;
    percent.engine = EngineChoice::OpenCv;
    QTest::newRow("percent") << percent;
    ResizeStep edgeStep;
    edgeStep.mode = ResizeMode::LongEdge;
    edgeStep.longEdge = 1920;
    Recipe longEdge;
    longEdge.steps = {edgeStep};
    longEdge.format = OutputFormat::Tiff;
    longEdge.engine = EngineChoice::Vips;
    QTest::newRow("long-edge") << longEdge;
    QTest::newRow("default") << Recipe{};
    Recipe photo;
    photo.colour = ColourPolicy::Keep;
    photo.stripGps = true;
    QTest::newRow("keep profile, no location") << photo;
    Recipe encoder;
    encoder.format = OutputFormat::Avif;
    encoder.effort = 9;
    encoder.progressive = true;
    encoder.subsampling = ChromaSubsampling::S444;
    encoder.pngCompression = 0;
    encoder.palette = true;
    encoder.lossless = true;
    QTest::newRow("encoder options") << encoder;
    for (const OutputFormat format : {OutputFormat::Jxl, OutputFormat::Heic}) {
        Recipe modern;
        modern.format = format;
        QTest::addRow("%s", qPrintable(toString(format))) << modern;
    }
}

void tst_Recipe::roundTrip()
{
    QFETCH(Recipe, recipe);
    // Through text, as the worker protocol and presets store it.
    const QByteArray text = QJsonDocument(recipe.toJson()).toJson();
    QString error;
    const auto back = Recipe::fromJson(QJsonDocument::fromJson(text).object(), &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(*back, recipe);
}

void tst_Recipe::rejectsBadValues_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expectedWord");
    QTest::newRow("zero width") << QByteArray(R"({"resize":"fit","width":0,"height":10})")
                                << "Width";
    QTest::newRow("negative height")
        << QByteArray(R"({"resize":"exact","width":5,"height":-3})") << "Height";
    QTest::newRow("huge box") << QByteArray(R"({"resize":"fill","width":5,"height":200000})")
                              << "Height must be between 1 and 100000";
    QTest::newRow("percent zero") << QByteArray(R"({"resize":"percent","percent":0})") << "Percent";
    QTest::newRow("percent huge") << QByteArray(R"({"resize":"percent","percent":5000})")
                                  << "Percent";
    QTest::newRow("long edge zero")
        << QByteArray(R"({"resize":"long-edge","longEdge":0})") << "Long edge";
    QTest::newRow("quality 0") << QByteArray(R"({"quality":0})") << "Quality";
    QTest::newRow("quality 101") << QByteArray(R"({"quality":101})") << "Quality";
    QTest::newRow("max size negative")
        << QByteArray(R"({"maxSizeKb":-5})")
        << "Max file size must be between 0 (no limit) and 1000000 kB (got -5)";
    QTest::newRow("max size beyond 1 GB")
        << QByteArray(R"({"maxSizeKb":1000001})") << "Max file size";
    // A budget needs a quality to lower: refused before a batch starts, not per image.
    QTest::newRow("max size png") << QByteArray(R"({"format":"png","maxSizeKb":100})")
                                  << "Max file size needs a format with a quality setting";
    QTest::newRow("max size tiff")
        << QByteArray(R"({"format":"tiff","maxSizeKb":100})") << "TIFF has none to lower";
    QTest::newRow("max size lossless webp")
        << QByteArray(R"({"format":"webp","lossless":true,"maxSizeKb":100})")
        << "lossless WebP has none to lower";
    QTest::newRow("unknown mode") << QByteArray(R"({"resize":"stretchy"})")
                                  << "Resize mode must be one of";
    QTest::newRow("unknown format") << QByteArray(R"({"format":"bmp"})") << "Format";
    QTest::newRow("width as text")
        << QByteArray(R"({"resize":"fit","width":"800","height":600})") << "Width";
    QTest::newRow("fractional width")
        << QByteArray(R"({"resize":"fit","width":80.5,"height":600})") << "Width";
    // Outside int: refused by name, not cast (which would be undefined behaviour).
    QTest::newRow("width beyond int")
        << QByteArray(R"({"resize":"fit","width":1e300,"height":600})") << "Width";
    QTest::newRow("gray as number") << QByteArray(R"({"grayscale":1})") << "Grayscale";
    QTest::newRow("unknown colour") << QByteArray(R"({"colour":"adobe"})") << "Colour";
    QTest::newRow("strip gps as text") << QByteArray(R"({"stripGps":"yes"})") << "Strip GPS";
    QTest::newRow("effort 0") << QByteArray(R"({"effort":0})") << "Effort must be between 1 and 9";
    QTest::newRow("effort 10") << QByteArray(R"({"effort":10})") << "Effort";
    QTest::newRow("png compression 10")
        << QByteArray(R"({"pngCompression":10})") << "PNG compression must be between 0 and 9";
    QTest::newRow("png compression -1")
        << QByteArray(R"({"pngCompression":-1})") << "PNG compression";
    QTest::newRow("subsampling 422")
        << QByteArray(R"({"subsampling":"422"})") << "Chroma subsampling must be one of 420, 444";
    QTest::newRow("subsampling as number")
        << QByteArray(R"({"subsampling":444})") << "Chroma subsampling";
    QTest::newRow("progressive as text") << QByteArray(R"({"progressive":"yes"})") << "Progressive";
    QTest::newRow("palette as number") << QByteArray(R"({"palette":1})") << "Palette";
    QTest::newRow("lossless as text") << QByteArray(R"({"lossless":"true"})") << "Lossless";
    QTest::newRow("percent as text")
        << QByteArray(R"({"resize":"percent","percent":"50"})") << "Percent";
}

void tst_Recipe::rejectsBadValues()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expectedWord);
    QString error;
    const auto recipe = Recipe::fromJson(QJsonDocument::fromJson(json).object(), &error);
    QVERIFY(!recipe.has_value());
    QVERIFY2(error.contains(expectedWord), qPrintable(error));
    QVERIFY2(error.endsWith(QLatin1Char('.')), "errors read as sentences");
}

void tst_Recipe::acceptsFormatAliases()
{
    QVERIFY(outputFormatFromString(QStringLiteral("JPEG")) == OutputFormat::Jpeg);
    QVERIFY(outputFormatFromString(QStringLiteral("tif")) == OutputFormat::Tiff);
    QVERIFY(outputFormatFromString(QStringLiteral("heif")) == OutputFormat::Heic);
    QVERIFY(outputFormatFromString(QStringLiteral("AVIF")) == OutputFormat::Avif);
    QVERIFY(outputFormatFromString(QStringLiteral("jxl")) == OutputFormat::Jxl);
    QVERIFY(resizeModeFromString(QStringLiteral("Long-Edge")) == ResizeMode::LongEdge);
    QVERIFY(!engineChoiceFromString(QStringLiteral("gimp")).has_value());
}

void tst_Recipe::missingKeysKeepDefaults()
{
    const auto recipe = Recipe::fromJson(QJsonObject{{QStringLiteral("grayscale"), true}});
    QVERIFY(recipe.has_value());
    Recipe expected;
    expected.setGrayscale(true);
    QCOMPARE(*recipe, expected);
}

// A preset saved before the encoder options (protocol version 3's keys, written out here as
// such a file held them) loads with the options' defaults: 4:2:0 baseline JPEG, zlib level 6,
// no palette, lossy WebP, effort 4.
void tst_Recipe::presetWithoutEncoderOptionsLoads()
{
    const QByteArray version3 = R"({"resize":"fit","width":800,"height":600,"percent":100,
        "longEdge":0,"noEnlarge":false,"grayscale":false,"format":"jpg","quality":80,
        "strip":false,"stripGps":false,"colour":"srgb","autoOrient":true,"engine":"auto"})";
    QString error;
    const auto recipe = Recipe::fromJson(QJsonDocument::fromJson(version3).object(), &error);
    QVERIFY2(recipe.has_value(), qPrintable(error));
    QCOMPARE(recipe->quality, 80);
    QCOMPARE(recipe->effort, 4);
    QCOMPARE(recipe->progressive, false);
    QVERIFY(recipe->subsampling == ChromaSubsampling::S420);
    QCOMPARE(recipe->pngCompression, 6);
    QCOMPARE(recipe->palette, false);
    QCOMPARE(recipe->lossless, false);
    QCOMPARE(recipe->maxSizeKb, 0); // no budget
}

// The wire is strict: a job from a worker or pool of the old schema names the missing key.
void tst_Recipe::wireRequiresEncoderOptions_data()
{
    QTest::addColumn<QString>("key");
    for (const char *key : {"effort", "progressive", "subsampling", "pngCompression", "palette",
                            "lossless", "maxSizeKb"})
        QTest::newRow(key) << QString::fromLatin1(key);
}

void tst_Recipe::wireRequiresEncoderOptions()
{
    QFETCH(QString, key);
    QJsonObject json = Recipe().toJson();
    QVERIFY(Recipe::fromWireJson(json, nullptr).has_value());
    json.remove(key);
    FieldError error;
    QVERIFY(!Recipe::fromWireJson(json, &error).has_value());
    QCOMPARE(error.field, key);
    QCOMPARE(error.problem, QStringLiteral("is missing"));
}

QTEST_GUILESS_MAIN(tst_Recipe)
#include "tst_recipe.moc"
