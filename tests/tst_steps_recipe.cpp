#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "geometry.h"
#include "recipe.h"
#include "stepjson.h"

Q_DECLARE_METATYPE(Recipe)

// The recipe as an ordered list of steps: each step's JSON, the migration of version-1
// recipes (flat resize keys and "grayscale"), strict wire errors, and the output size folded
// over crop, resize, pad and rotate. Expected values are written out by hand.
class tst_StepsRecipe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachStepRoundTrips_data();
    void eachStepRoundTrips();
    void stepJsonReadsAsDocumented();
    void oldRecipesMigrate_data();
    void oldRecipesMigrate();
    void newerVersionIsRefused();
    void wireRefusesUnknownOpAndVersionOne();
    void badStepValuesNameTheStep();
    void formHelpersKeepOtherSteps();
    void outputSizeFoldsEveryStep_data();
    void outputSizeFoldsEveryStep();
    void cropWindowsByGravity();
};

namespace {
Recipe withSteps(const QList<Step> &steps)
{
    Recipe r;
    r.steps = steps;
    return r;
}

Recipe parse(const QByteArray &json, QString *error = nullptr)
{
    return Recipe::fromJson(QJsonDocument::fromJson(json).object(), error).value_or(Recipe{});
}
} // namespace

void tst_StepsRecipe::eachStepRoundTrips_data()
{
    QTest::addColumn<Recipe>("recipe");
    ResizeStep percent;
    percent.mode = ResizeMode::Percent;
    percent.percent = 37.5;
    QTest::newRow("resize fit") << withSteps({resizeStep(ResizeMode::Fit, 800, 600, true)});
    QTest::newRow("resize percent") << withSteps({percent});
    QTest::newRow("crop aspect") << withSteps({CropStep{16, 9, {}, Gravity::Attention}});
    CropStep box;
    box.box = QRect(10, 20, 800, 600);
    QTest::newRow("crop box") << withSteps({box});
    QTest::newRow("rotate") << withSteps({RotateStep{270}});
    QTest::newRow("flip") << withSteps({FlipStep{FlipAxis::Vertical}});
    QTest::newRow("pad") << withSteps({PadStep{{1200, 900}, {18, 52, 86, 128}, Gravity::North}});
    QTest::newRow("sharpen") << withSteps({SharpenStep{1.5, 0.4}});
    QTest::newRow("adjust") << withSteps({AdjustStep{-10, 25.5, 2.2}});
    QTest::newRow("autolevel") << withSteps({AutoLevelStep{}});
    QTest::newRow("grayscale") << withSteps({GrayscaleStep{}});
    WatermarkStep text;
    text.text = QStringLiteral("© Pixelmill");
    text.colour = {0, 0, 0, 255};
    text.position = Gravity::NorthWest;
    QTest::newRow("watermark text") << withSteps({text});
    WatermarkStep logo;
    logo.imagePath = QStringLiteral("/srv/logo.png");
    logo.opacity = 100;
    logo.sizePercent = 12.5;
    QTest::newRow("watermark image") << withSteps({logo});
    QTest::newRow("a chain in any order")
        << withSteps({GrayscaleStep{}, RotateStep{90}, resizeStep(ResizeMode::Fill, 50, 60),
                      CropStep{1, 1, {}, Gravity::South}, GrayscaleStep{}});
}

void tst_StepsRecipe::eachStepRoundTrips()
{
    QFETCH(Recipe, recipe);
    QVERIFY2(recipe.isValid(), qPrintable(recipe.validationError()));
    const QJsonObject json = recipe.toJson();
    QCOMPARE(json.value(QLatin1String("version")).toInt(), 2);
    FieldError error;
    const auto wire = Recipe::fromWireJson(json, &error);
    QVERIFY2(wire.has_value(), qPrintable(error.wireText({})));
    QVERIFY(*wire == recipe);
    // Through text too, as presets and --recipe files hold it.
    QString sentence;
    const auto file =
        Recipe::fromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object(), &sentence);
    QVERIFY2(file.has_value(), qPrintable(sentence));
    QVERIFY(*file == recipe);
}

// The JSON forms of the issue, written by hand.
void tst_StepsRecipe::stepJsonReadsAsDocumented()
{
    QString error;
    const Recipe r = parse(R"({"version":2,"steps":[
        {"op":"crop","aspect":"16:9","gravity":"attention"},
        {"op":"crop","box":"800x600+10+20"},
        {"op":"resize","mode":"long-edge","longEdge":1600},
        {"op":"pad","size":"1200x1200","background":"#ff000080","gravity":"west"},
        {"op":"rotate","degrees":180},
        {"op":"flip","axis":"h"},
        {"op":"sharpen","sigma":1,"amount":0.5},
        {"op":"adjust","brightness":5,"contrast":-5,"gamma":1.2},
        {"op":"autolevel"},
        {"op":"grayscale"},
        {"op":"watermark","image":"logo.png","opacity":40,"position":"centre","size":20}
    ],"format":"webp","quality":80})",
                           &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(r.steps.size(), 11);
    QVERIFY(std::get<CropStep>(r.steps[0]) == (CropStep{16, 9, {}, Gravity::Attention}));
    QCOMPARE(std::get<CropStep>(r.steps[1]).box, QRect(10, 20, 800, 600));
    QCOMPARE(std::get<ResizeStep>(r.steps[2]).longEdge, 1600);
    QVERIFY(std::get<ResizeStep>(r.steps[2]).mode == ResizeMode::LongEdge);
    const PadStep pad = std::get<PadStep>(r.steps[3]);
    QCOMPARE(pad.size, QSize(1200, 1200));
    QVERIFY(pad.background == (Rgba{255, 0, 0, 128}));
    QVERIFY(pad.gravity == Gravity::West);
    QCOMPARE(std::get<RotateStep>(r.steps[4]).degrees, 180);
    QVERIFY(std::get<FlipStep>(r.steps[5]).axis == FlipAxis::Horizontal);
    QCOMPARE(std::get<SharpenStep>(r.steps[6]).amount, 0.5);
    QCOMPARE(std::get<AdjustStep>(r.steps[7]).gamma, 1.2);
    QVERIFY(std::holds_alternative<AutoLevelStep>(r.steps[8]));
    QVERIFY(std::holds_alternative<GrayscaleStep>(r.steps[9]));
    const WatermarkStep mark = std::get<WatermarkStep>(r.steps[10]);
    QCOMPARE(mark.imagePath, QStringLiteral("logo.png"));
    QCOMPARE(mark.opacity, 40);
    QCOMPARE(mark.sizePercent, 20.0);
    QCOMPARE(mark.font, WatermarkStep().font); // missing keys keep their defaults
    QVERIFY(r.format == OutputFormat::Webp);
    // Colours are written as people write them.
    QCOMPARE(stepToJson(pad).value(QLatin1String("background")).toString(),
             QStringLiteral("#ff000080"));
    QCOMPARE(toString(Rgba{255, 255, 255, 255}), QStringLiteral("#ffffff"));
}

void tst_StepsRecipe::oldRecipesMigrate_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Recipe>("expected");
    // A preset as version 0.4 saved it (PresetBar: compact recipe JSON, protocol 5 keys).
    QTest::newRow("preset: fit and gray")
        << QByteArray(R"({"autoOrient":true,"colour":"srgb","effort":4,"engine":"auto",)"
                      R"("format":"jpg","grayscale":true,"height":600,"longEdge":0,)"
                      R"("lossless":false,"noEnlarge":true,"palette":false,"percent":100,)"
                      R"("pngCompression":6,"progressive":false,"quality":80,"resize":"fit",)"
                      R"("strip":false,"stripGps":false,"subsampling":"420","width":800})")
        << [] {
               Recipe r = withSteps({resizeStep(ResizeMode::Fit, 800, 600, true), GrayscaleStep{}});
               r.format = OutputFormat::Jpeg;
               r.quality = 80;
               return r;
           }();
    // The settings' last recipe from before the encoder options (protocol 3 keys).
    QTest::newRow("settings: long edge")
        << QByteArray(R"({"resize":"long-edge","width":0,"height":0,"percent":100,)"
                      R"("longEdge":1920,"noEnlarge":false,"grayscale":false,"format":"same",)"
                      R"("quality":85,"strip":true,"stripGps":false,"colour":"keep",)"
                      R"("autoOrient":true,"engine":"auto"})")
        << [] {
               ResizeStep edge;
               edge.mode = ResizeMode::LongEdge;
               edge.longEdge = 1920;
               Recipe r = withSteps({edge});
               r.stripMetadata = true;
               r.colour = ColourPolicy::Keep;
               return r;
           }();
    // The GUI saved every spin box's value; only the mode's own count.
    QTest::newRow("gui preset: fill with stale long edge")
        << QByteArray(R"({"resize":"fill","width":300,"height":200,"percent":37,)"
                      R"("longEdge":2048,"noEnlarge":false})")
        << withSteps({resizeStep(ResizeMode::Fill, 300, 200)});
    QTest::newRow("none and colour: no steps")
        << QByteArray(R"({"resize":"none","width":800,"height":600,"grayscale":false})")
        << Recipe{};
    QTest::newRow("gray only") << QByteArray(R"({"grayscale":true})")
                               << withSteps({GrayscaleStep{}});
    QTest::newRow("version 1 percent")
        << QByteArray(R"({"version":1,"resize":"percent","percent":50})") << [] {
               ResizeStep half;
               half.mode = ResizeMode::Percent;
               half.percent = 50;
               return withSteps({half});
           }();
}

void tst_StepsRecipe::oldRecipesMigrate()
{
    QFETCH(QByteArray, json);
    QFETCH(Recipe, expected);
    QString error;
    const auto recipe = Recipe::fromJson(QJsonDocument::fromJson(json).object(), &error);
    QVERIFY2(recipe.has_value(), qPrintable(error));
    QCOMPARE(QJsonDocument(recipe->toJson()).toJson(), QJsonDocument(expected.toJson()).toJson());
    QVERIFY(*recipe == expected);
}

void tst_StepsRecipe::newerVersionIsRefused()
{
    QString error;
    QVERIFY(
        !Recipe::fromJson(QJsonDocument::fromJson(R"({"version":3,"steps":[]})").object(), &error));
    QCOMPARE(error, QStringLiteral(
                        "Recipe version must be 1 or 2 (got 3): written by a newer Pixelmill."));
}

void tst_StepsRecipe::wireRefusesUnknownOpAndVersionOne()
{
    QJsonObject json = withSteps({RotateStep{90}}).toJson();
    json.insert(QStringLiteral("steps"),
                QJsonArray{QJsonObject{{"op", "rotate"}, {"degrees", 90}},
                           QJsonObject{{"op", "vignette"}, {"amount", 3}}});
    FieldError error;
    QVERIFY(!Recipe::fromWireJson(json, &error));
    QCOMPARE(error.wireText(QStringLiteral("recipe.")),
             QStringLiteral("recipe.steps[1].op: is not a known operation (got \"vignette\")"));
    // People's files are not lenient about operations either: skipping one changes the result.
    QString sentence;
    QVERIFY(!Recipe::fromJson(json, &sentence));
    QCOMPARE(sentence,
             QStringLiteral("Operation 2: Operation is not a known operation (got \"vignette\")."));
    json = withSteps({}).toJson();
    json.insert(QStringLiteral("version"), 1);
    QVERIFY(!Recipe::fromWireJson(json, &error));
    QCOMPARE(error.field, QStringLiteral("version"));
}

void tst_StepsRecipe::badStepValuesNameTheStep()
{
    const struct
    {
        Step step;
        const char *field;
    } rows[] = {
        {RotateStep{45}, "steps[1].degrees"},
        {CropStep{0, 5, {}, Gravity::Centre}, "steps[1].aspect"},
        {CropStep{}, "steps[1].box"},
        {PadStep{{0, 10}, {}, Gravity::Centre}, "steps[1].size"},
        {PadStep{{10, 10}, {}, Gravity::Attention}, "steps[1].gravity"},
        {SharpenStep{0.75, 11}, "steps[1].amount"},
        {AdjustStep{-101, 0, 1}, "steps[1].brightness"},
        {AdjustStep{0, 0, 0.05}, "steps[1].gamma"},
        {WatermarkStep{}, "steps[1].text"},
        {resizeStep(ResizeMode::Exact, 10, 0), "steps[1].height"},
    };
    for (const auto &row : rows) {
        const Recipe r = withSteps({GrayscaleStep{}, row.step});
        const std::optional<FieldError> error = r.invalidField();
        QVERIFY2(error.has_value(), row.field);
        QCOMPARE(error->field, QLatin1String(row.field));
        QVERIFY2(r.validationError().startsWith(QLatin1String("Operation 2: ")),
                 qPrintable(r.validationError()));
    }
}

// The GUI's form and the flags edit one resize and the grayscale switch only.
void tst_StepsRecipe::formHelpersKeepOtherSteps()
{
    Recipe r = withSteps({CropStep{1, 1, {}, Gravity::North}, resizeStep(ResizeMode::Fit, 9, 9),
                          WatermarkStep{QStringLiteral("x")}});
    r.setResize(resizeStep(ResizeMode::Fill, 5, 6));
    r.setGrayscale(true);
    QVERIFY(r.steps ==
            (QList<Step>{CropStep{1, 1, {}, Gravity::North}, resizeStep(ResizeMode::Fill, 5, 6),
                         GrayscaleStep{}, WatermarkStep{QStringLiteral("x")}}));
    ResizeStep none;
    none.mode = ResizeMode::None;
    r.setResize(none);
    r.setGrayscale(false);
    QVERIFY(r.steps ==
            (QList<Step>{CropStep{1, 1, {}, Gravity::North}, WatermarkStep{QStringLiteral("x")}}));
    r.setResize(resizeStep(ResizeMode::Exact, 4, 4));
    QVERIFY(r.leadingResize() && r.leadingResize()->mode == ResizeMode::Exact);
}

void tst_StepsRecipe::outputSizeFoldsEveryStep_data()
{
    QTest::addColumn<Recipe>("recipe");
    QTest::addColumn<QSize>("input");
    QTest::addColumn<QSize>("expected");
    // 1:1 of 4000x3000 is 3000x3000; fit 800x800: 800x800; canvas 1000x900; a quarter turn.
    QTest::newRow("crop resize pad rotate")
        << withSteps({CropStep{1, 1, {}, Gravity::Centre}, resizeStep(ResizeMode::Fit, 800, 800),
                      PadStep{{1000, 900}, {}, Gravity::Centre}, RotateStep{90}})
        << QSize(4000, 3000) << QSize(900, 1000);
    // 16:9 of 1920x1200 is 1920x1080; turned 1080x1920; fit 500x500: 500/1920 of each side,
    // 1080 * 0.2604 = 281.25 -> 281, and 500.
    QTest::newRow("crop rotate resize")
        << withSteps({CropStep{16, 9, {}, Gravity::Attention}, RotateStep{270},
                      resizeStep(ResizeMode::Fit, 500, 500)})
        << QSize(1920, 1200) << QSize(281, 500);
    CropStep edgeBox;
    edgeBox.box = QRect(3900, 10, 800, 600);
    QTest::newRow("box clipped to the image")
        << withSteps({edgeBox}) << QSize(4000, 3000) << QSize(100, 600);
    CropStep outside;
    outside.box = QRect(5000, 0, 10, 10);
    QTest::newRow("box outside: nothing")
        << withSteps({outside}) << QSize(4000, 3000) << QSize(0, 0);
    QTest::newRow("rotate 180 keeps the size")
        << withSteps({RotateStep{180}, FlipStep{}, GrayscaleStep{}}) << QSize(30, 20)
        << QSize(30, 20);
    QTest::newRow("pad smaller than the image")
        << withSteps({PadStep{{100, 100}, {}, Gravity::Centre}}) << QSize(400, 200)
        << QSize(100, 100);
    // Resize twice: fill 300x300 of 400x200 is 300x300; then 50%.
    ResizeStep half;
    half.mode = ResizeMode::Percent;
    half.percent = 50;
    QTest::newRow("two resizes") << withSteps({resizeStep(ResizeMode::Fill, 300, 300), half})
                                 << QSize(400, 200) << QSize(150, 150);
}

void tst_StepsRecipe::outputSizeFoldsEveryStep()
{
    QFETCH(Recipe, recipe);
    QFETCH(QSize, input);
    QFETCH(QSize, expected);
    QCOMPARE(plannedOutputSize(recipe, input), expected);
}

void tst_StepsRecipe::cropWindowsByGravity()
{
    const QSize wide(1920, 1200);
    QCOMPARE(cropWindow(CropStep{16, 9, {}, Gravity::North}, wide), QRect(0, 0, 1920, 1080));
    QCOMPARE(cropWindow(CropStep{16, 9, {}, Gravity::Centre}, wide), QRect(0, 60, 1920, 1080));
    QCOMPARE(cropWindow(CropStep{16, 9, {}, Gravity::South}, wide), QRect(0, 120, 1920, 1080));
    const QSize photo(400, 300);
    QCOMPARE(cropWindow(CropStep{1, 1, {}, Gravity::East}, photo), QRect(100, 0, 300, 300));
    QCOMPARE(cropWindow(CropStep{1, 1, {}, Gravity::SouthWest}, photo), QRect(0, 0, 300, 300));
    // 4:5 of 400x300: full height, 300 * 4 / 5 = 240 wide.
    QCOMPARE(cropWindow(CropStep{4, 5, {}, Gravity::NorthEast}, photo), QRect(160, 0, 240, 300));
    QCOMPARE(paddedImageSize(PadStep{{100, 100}, {}, Gravity::Centre}, QSize(400, 200)),
             QSize(100, 50));
}

QTEST_GUILESS_MAIN(tst_StepsRecipe)
#include "tst_steps_recipe.moc"
