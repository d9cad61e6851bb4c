#include <QCheckBox>
#include <QComboBox>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include "guitestsupport.h"
#include "operationslist.h"
#include "presetbar.h"
#include "recipepanel.h"

// The recipe panel's resize form and Grayscale box edit the first resize step and the
// grayscale step of the recipe; every other step of a loaded recipe stays as it was, in its
// place. Presets saved before steps existed load as the steps they meant.
class tst_RecipePanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GuiTest::useEnglish(); }
    void formKeepsOtherSteps();
    void oldPresetLoadsAsSteps();
    void operationsListAndFormAgree();
};

namespace {
template <typename T> T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}
} // namespace

void tst_RecipePanel::formKeepsOtherSteps()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    RecipePanel panel(&settings);
    const CropStep square{1, 1, {}, Gravity::Attention};
    const WatermarkStep mark{QStringLiteral("(c)")};
    Recipe loaded;
    loaded.steps = {square, resizeStep(ResizeMode::Fit, 800, 600), RotateStep{90}, mark};
    panel.setRecipe(loaded);
    QCOMPARE(child<QSpinBox>(panel, "widthSpin")->value(), 800);

    child<QSpinBox>(panel, "widthSpin")->setValue(640);
    QVERIFY(panel.recipe().steps ==
            (QList<Step>{square, resizeStep(ResizeMode::Fit, 640, 600), RotateStep{90}, mark}));
    // Gray goes before the watermark, so that a logo keeps its colours.
    child<QCheckBox>(panel, "grayscaleCheckBox")->setChecked(true);
    QVERIFY(panel.recipe().steps == (QList<Step>{square, resizeStep(ResizeMode::Fit, 640, 600),
                                                 RotateStep{90}, GrayscaleStep{}, mark}));
    auto *mode = child<QComboBox>(panel, "resizeModeCombo");
    mode->setCurrentIndex(mode->findData(int(ResizeMode::None)));
    child<QCheckBox>(panel, "grayscaleCheckBox")->setChecked(false);
    QVERIFY(panel.recipe().steps == (QList<Step>{square, RotateStep{90}, mark}));
}

void tst_RecipePanel::oldPresetLoadsAsSteps()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    // As PresetBar wrote it before version 2 (compact JSON, flat keys).
    settings.setValue(
        QStringLiteral("presets/Web gray"),
        QStringLiteral(R"({"autoOrient":true,"colour":"srgb","effort":4,"engine":"auto",)"
                       R"("format":"webp","grayscale":true,"height":0,"longEdge":1600,)"
                       R"("lossless":false,"noEnlarge":true,"palette":false,"percent":100,)"
                       R"("pngCompression":6,"progressive":false,"quality":80,)"
                       R"("resize":"long-edge","strip":true,"stripGps":false,)"
                       R"("subsampling":"420","width":0})"));
    RecipePanel panel(&settings);
    const std::optional<Recipe> preset =
        panel.findChild<PresetBar *>()->preset(QStringLiteral("Web gray"));
    QVERIFY(preset.has_value());
    panel.setRecipe(*preset);
    ResizeStep edge;
    edge.mode = ResizeMode::LongEdge;
    edge.longEdge = 1600;
    edge.noEnlarge = true;
    const Recipe r = panel.recipe();
    QCOMPARE(r.steps.size(), 2);
    QVERIFY(std::get<ResizeStep>(r.steps[0]).mode == ResizeMode::LongEdge);
    QCOMPARE(std::get<ResizeStep>(r.steps[0]).longEdge, 1600);
    QVERIFY(std::get<ResizeStep>(r.steps[0]).noEnlarge);
    QVERIFY(std::holds_alternative<GrayscaleStep>(r.steps[1]));
    QVERIFY(child<QCheckBox>(panel, "grayscaleCheckBox")->isChecked());
    QVERIFY(r.format == OutputFormat::Webp);
    QCOMPARE(r.quality, 80);
    QVERIFY(r.stripMetadata);
}

// The Steps list holds the whole chain; the form's resize rows and Grayscale box edit the
// same steps, so an edit on either side shows on the other and in the recipe.
void tst_RecipePanel::operationsListAndFormAgree()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    RecipePanel panel(&settings);
    auto *list = child<OperationsList>(panel, "recipeOperationsList");
    const CropStep square{1, 1, {}, Gravity::Centre};
    Recipe loaded;
    loaded.steps = {square, resizeStep(ResizeMode::Fit, 800, 600)};
    panel.setRecipe(loaded);
    QVERIFY(list->steps() == loaded.steps);

    // The form edits the list's resize step in place.
    child<QSpinBox>(panel, "widthSpin")->setValue(640);
    QVERIFY(list->steps() == (QList<Step>{square, resizeStep(ResizeMode::Fit, 640, 600)}));

    // The list's steps reach the recipe and the form: a rotate added at the end, and the
    // resize replaced by a long-edge one.
    QSignalSpy changed(&panel, &RecipePanel::recipeChanged);
    ResizeStep longEdge;
    longEdge.mode = ResizeMode::LongEdge;
    longEdge.longEdge = 1600;
    list->setSteps({square, longEdge, RotateStep{270}});
    QVERIFY(changed.count() >= 1);
    QVERIFY(panel.recipe().steps == (QList<Step>{square, longEdge, RotateStep{270}}));
    auto *mode = panel.findChildren<QComboBox *>(QStringLiteral("resizeModeCombo")).first();
    QVERIFY(ResizeMode(mode->currentData().toInt()) == ResizeMode::LongEdge);
    QCOMPARE(child<QSpinBox>(panel, "longEdgeSpin")->value(), 1600);
    QVERIFY(!child<QCheckBox>(panel, "grayscaleCheckBox")->isChecked());
    list->setSteps({GrayscaleStep{}});
    QVERIFY(child<QCheckBox>(panel, "grayscaleCheckBox")->isChecked());
    QVERIFY(panel.recipe().steps == QList<Step>{GrayscaleStep{}});
}

QTEST_MAIN(tst_RecipePanel)
#include "tst_recipepanel.moc"
