#include "recipepanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QSlider>
#include <QSpinBox>

#include "encoderoptionrows.h"
#include "operationslist.h"
#include "presetbar.h"

namespace {
constexpr int kMaxSide = 65'535;

QSpinBox *makePixelSpin(QWidget *parent, const QString &name, int value)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(1, kMaxSide);
    spin->setValue(value);
    spin->setSuffix(RecipePanel::tr(" px"));
    spin->setAccelerated(true);
    return spin;
}

QCheckBox *makeCheck(QWidget *parent, const QString &name, const QString &text)
{
    auto *box = new QCheckBox(text, parent);
    box->setObjectName(name);
    return box;
}

template <typename T> void selectData(QComboBox *combo, T value)
{
    combo->setCurrentIndex(qMax(0, combo->findData(int(value))));
}

// The metadata combo's three choices; Recipe holds them as two flags (see recipe()).
enum class MetadataChoice { KeepAll, RemoveGps, StripAll };

void addItem(QComboBox *combo, const QString &text, int data, const QString &toolTip)
{
    combo->addItem(text, data);
    combo->setItemData(combo->count() - 1, toolTip, Qt::ToolTipRole);
}
} // namespace

RecipePanel::RecipePanel(QSettings *settings, QWidget *parent)
    : QWidget(parent), m_form(new QFormLayout(this)), m_presets(new PresetBar(settings, this))
{
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->addRow(m_presets);
    buildResizeRows();
    buildOutputRows();
    connect(m_presets, &PresetBar::presetChosen, this, &RecipePanel::setRecipe);
    connect(m_presets, &PresetBar::saveRequested, this,
            [this](const QString &name) { m_presets->savePreset(name, recipe()); });
    setRecipe(Recipe{});
}

void RecipePanel::buildResizeRows()
{
    m_modeCombo = new QComboBox(this);
    m_modeCombo->setObjectName(QStringLiteral("resizeModeCombo"));
    m_modeCombo->addItem(tr("Keep size"), int(ResizeMode::None));
    m_modeCombo->addItem(tr("Fit inside"), int(ResizeMode::Fit));
    m_modeCombo->addItem(tr("Fill and crop"), int(ResizeMode::Fill));
    m_modeCombo->addItem(tr("Exact size (stretch)"), int(ResizeMode::Exact));
    m_modeCombo->addItem(tr("Percentage"), int(ResizeMode::Percent));
    m_modeCombo->addItem(tr("Long edge"), int(ResizeMode::LongEdge));
    m_widthSpin = makePixelSpin(this, QStringLiteral("widthSpin"), 1920);
    m_heightSpin = makePixelSpin(this, QStringLiteral("heightSpin"), 1080);
    m_longEdgeSpin = makePixelSpin(this, QStringLiteral("longEdgeSpin"), 2048);
    m_percentSpin = new QDoubleSpinBox(this);
    m_percentSpin->setObjectName(QStringLiteral("percentSpin"));
    m_percentSpin->setRange(0.1, 1000);
    m_percentSpin->setDecimals(1);
    m_percentSpin->setSuffix(tr(" %"));
    m_noEnlargeBox =
        makeCheck(this, QStringLiteral("noEnlargeCheckBox"), tr("Don't enlarge smaller images"));

    m_form->addRow(tr("Resize:"), m_modeCombo);
    m_form->addRow(tr("Width:"), m_widthSpin);
    m_form->addRow(tr("Height:"), m_heightSpin);
    m_form->addRow(tr("Scale:"), m_percentSpin);
    m_form->addRow(tr("Long edge:"), m_longEdgeSpin);
    m_form->addRow(QString(), m_noEnlargeBox);
    // Every step in its order, resize and grayscale included: the rows above and the
    // grayscale box are shortcuts to the first resize and the grayscale step in this list.
    m_operations = new OperationsList(this);
    m_operations->setObjectName(QStringLiteral("recipeOperationsList"));
    m_form->addRow(tr("Steps:"), m_operations);
    connect(m_operations, &OperationsList::stepsChanged, this, &RecipePanel::onStepsEdited);

    connect(m_modeCombo, &QComboBox::currentIndexChanged, this, &RecipePanel::onEdited);
    for (QSpinBox *spin : {m_widthSpin, m_heightSpin, m_longEdgeSpin})
        connect(spin, &QSpinBox::valueChanged, this, &RecipePanel::onEdited);
    connect(m_percentSpin, &QDoubleSpinBox::valueChanged, this, &RecipePanel::onEdited);
    connect(m_noEnlargeBox, &QCheckBox::toggled, this, &RecipePanel::onEdited);
}

void RecipePanel::buildOutputRows()
{
    m_formatCombo = new QComboBox(this);
    m_formatCombo->setObjectName(QStringLiteral("formatCombo"));
    m_formatCombo->addItem(tr("Same as input"), int(OutputFormat::Same));
    m_formatCombo->addItem(QStringLiteral("JPEG"), int(OutputFormat::Jpeg));
    m_formatCombo->addItem(QStringLiteral("PNG"), int(OutputFormat::Png));
    m_formatCombo->addItem(QStringLiteral("WebP"), int(OutputFormat::Webp));
    m_formatCombo->addItem(QStringLiteral("TIFF"), int(OutputFormat::Tiff));
    m_formatCombo->addItem(QStringLiteral("AVIF"), int(OutputFormat::Avif));
    m_formatCombo->addItem(QStringLiteral("JPEG XL"), int(OutputFormat::Jxl));
    m_formatCombo->addItem(QStringLiteral("HEIC"), int(OutputFormat::Heic));
    m_qualityRow = new QWidget(this);
    m_qualitySlider = new QSlider(Qt::Horizontal, m_qualityRow);
    m_qualitySlider->setRange(1, 100);
    m_qualitySpin = new QSpinBox(m_qualityRow);
    m_qualitySpin->setObjectName(QStringLiteral("qualitySpin"));
    m_qualitySpin->setRange(1, 100);
    auto *qualityLayout = new QHBoxLayout(m_qualityRow);
    qualityLayout->setContentsMargins(0, 0, 0, 0);
    qualityLayout->addWidget(m_qualitySlider, 1);
    qualityLayout->addWidget(m_qualitySpin);
    m_colourCombo = new QComboBox(this);
    m_colourCombo->setObjectName(QStringLiteral("colourCombo"));
    const QString grayscaleNote = tr("Grayscale always converts to sRGB first.");
    addItem(m_colourCombo, tr("Convert to sRGB"), int(ColourPolicy::Srgb),
            tr("Colours look the same everywhere: the output is untagged sRGB, which browsers "
               "and viewers assume."));
    addItem(m_colourCombo, tr("Keep original profile"), int(ColourPolicy::Keep),
            tr("Pixels and the embedded colour profile stay as they are (for print or further "
               "editing). %1")
                .arg(grayscaleNote));
    m_colourCombo->setToolTip(
        tr("<p><b>Convert to sRGB</b>: colours look the same everywhere; the output is untagged "
           "sRGB, which browsers and viewers assume.</p>"
           "<p><b>Keep original profile</b>: pixels and the embedded profile stay as they are, "
           "for print or further editing.</p><p>%1</p>")
            .arg(grayscaleNote));
    m_colourCombo->setAccessibleName(tr("Colour profile"));
    m_colourCombo->setAccessibleDescription(
        tr("Convert to sRGB, or keep the original colour profile. %1").arg(grayscaleNote));
    m_grayscaleBox = makeCheck(this, QStringLiteral("grayscaleCheckBox"), tr("Grayscale"));

    m_metadataCombo = new QComboBox(this);
    m_metadataCombo->setObjectName(QStringLiteral("metadataCombo"));
    const QString stripAllMeaning =
        tr("removes camera, date, copyright, GPS and keywords (EXIF, XMP, IPTC). A kept colour "
           "profile stays, so colours do not change.");
    addItem(m_metadataCombo, tr("Keep all"), int(MetadataChoice::KeepAll),
            tr("Metadata is copied to the output unchanged."));
    addItem(m_metadataCombo, tr("Remove location (GPS)"), int(MetadataChoice::RemoveGps),
            tr("Only where the photo was taken is removed; everything else is kept."));
    addItem(m_metadataCombo, tr("Strip all"), int(MetadataChoice::StripAll),
            tr("Strip all %1").arg(stripAllMeaning));
    m_metadataCombo->setToolTip(
        tr("<p><b>Keep all</b>: metadata is copied unchanged.</p>"
           "<p><b>Remove location (GPS)</b>: only the location is removed.</p>"
           "<p><b>Strip all</b> %1</p>")
            .arg(stripAllMeaning));
    m_metadataCombo->setAccessibleName(tr("Metadata"));
    m_metadataCombo->setAccessibleDescription(
        tr("Keep all metadata, remove only the location (GPS), or strip all. Strip all %1")
            .arg(stripAllMeaning));
    m_orientBox = makeCheck(this, QStringLiteral("autoOrientCheckBox"),
                            tr("Rotate upright (EXIF orientation)"));

    m_form->addRow(tr("Format:"), m_formatCombo);
    m_form->addRow(tr("Quality:"), m_qualityRow);
    m_encoderRows = new EncoderOptionRows(m_form, this);
    m_form->addRow(tr("&Colour:"), m_colourCombo);
    m_form->addRow(QString(), m_grayscaleBox);
    m_form->addRow(tr("&Metadata:"), m_metadataCombo);
    m_form->addRow(QString(), m_orientBox);

    connect(m_qualitySlider, &QSlider::valueChanged, m_qualitySpin, &QSpinBox::setValue);
    connect(m_qualitySpin, &QSpinBox::valueChanged, m_qualitySlider, &QSlider::setValue);
    connect(m_qualitySpin, &QSpinBox::valueChanged, this, &RecipePanel::onEdited);
    for (QComboBox *combo : {m_formatCombo, m_colourCombo, m_metadataCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &RecipePanel::onEdited);
    for (QCheckBox *box : {m_grayscaleBox, m_orientBox})
        connect(box, &QCheckBox::toggled, this, &RecipePanel::onEdited);
    connect(m_encoderRows, &EncoderOptionRows::edited, this, &RecipePanel::onEdited);
}

Recipe RecipePanel::recipe() const
{
    // The form edits the first resize and the grayscale switch; other steps (from a preset,
    // a recipe file) are kept as they were, in their order.
    Recipe r;
    r.steps = m_otherSteps;
    ResizeStep resize;
    resize.mode = ResizeMode(m_modeCombo->currentData().toInt());
    resize.width = m_widthSpin->value();
    resize.height = m_heightSpin->value();
    resize.percent = m_percentSpin->value();
    resize.longEdge = m_longEdgeSpin->value();
    resize.noEnlarge = m_noEnlargeBox->isChecked();
    // The other modes' spin values are not part of the recipe: an unedited one comes back
    // equal (and hashes the same in the journal).
    r.setResize(usedFieldsOnly(resize));
    r.setGrayscale(m_grayscaleBox->isChecked());
    r.format = OutputFormat(m_formatCombo->currentData().toInt());
    r.quality = m_qualitySpin->value();
    r.colour = ColourPolicy(m_colourCombo->currentData().toInt());
    // Strip all removes the location too, so it needs no stripGps of its own.
    const auto metadata = MetadataChoice(m_metadataCombo->currentData().toInt());
    r.stripMetadata = metadata == MetadataChoice::StripAll;
    r.stripGps = metadata == MetadataChoice::RemoveGps;
    r.autoOrient = m_orientBox->isChecked();
    r.engine = m_engine;
    m_encoderRows->applyTo(&r);
    return r;
}

void RecipePanel::setRecipe(const Recipe &recipe)
{
    m_updating = true; // one recipeChanged for the whole value, not one per widget
    m_encoderRows->setOptions(recipe);
    m_otherSteps = recipe.steps;
    showStepsInForm(recipe);
    m_operations->setSteps(recipe.steps);
    selectData(m_formatCombo, recipe.format);
    m_qualitySpin->setValue(recipe.quality);
    selectData(m_colourCombo, recipe.colour);
    selectData(m_metadataCombo, recipe.stripMetadata ? MetadataChoice::StripAll
                                : recipe.stripGps    ? MetadataChoice::RemoveGps
                                                     : MetadataChoice::KeepAll);
    m_orientBox->setChecked(recipe.autoOrient);
    m_engine = recipe.engine;
    m_updating = false;
    onEdited();
}

// The resize rows and the grayscale box show the recipe's first resize and grayscale step.
void RecipePanel::showStepsInForm(const Recipe &recipe)
{
    ResizeStep resize;
    resize.mode = ResizeMode::None;
    if (const ResizeStep *first = recipe.firstResize())
        resize = *first;
    selectData(m_modeCombo, resize.mode);
    if (resize.width > 0)
        m_widthSpin->setValue(resize.width);
    if (resize.height > 0)
        m_heightSpin->setValue(resize.height);
    m_percentSpin->setValue(resize.percent);
    if (resize.longEdge > 0)
        m_longEdgeSpin->setValue(resize.longEdge);
    m_noEnlargeBox->setChecked(resize.noEnlarge);
    m_grayscaleBox->setChecked(recipe.hasGrayscale());
}

void RecipePanel::onStepsEdited()
{
    if (m_updating)
        return;
    m_otherSteps = m_operations->steps();
    Recipe steps;
    steps.steps = m_otherSteps;
    m_updating = true; // the form follows the list without writing back into it
    showStepsInForm(steps);
    m_updating = false;
    updateVisibility();
    Q_EMIT recipeChanged(recipe());
}

void RecipePanel::setInputsMayBeLossy(bool lossy)
{
    m_inputsMayBeLossy = lossy;
    updateVisibility();
}

void RecipePanel::updateVisibility()
{
    const auto mode = ResizeMode(m_modeCombo->currentData().toInt());
    const bool box =
        mode == ResizeMode::Fit || mode == ResizeMode::Fill || mode == ResizeMode::Exact;
    m_form->setRowVisible(m_widthSpin, box);
    m_form->setRowVisible(m_heightSpin, box);
    m_form->setRowVisible(m_percentSpin, mode == ResizeMode::Percent);
    m_form->setRowVisible(m_longEdgeSpin, mode == ResizeMode::LongEdge);
    m_form->setRowVisible(m_noEnlargeBox, mode != ResizeMode::None);
    const auto format = OutputFormat(m_formatCombo->currentData().toInt());
    const bool lossy = (format != OutputFormat::Same && format != OutputFormat::Png &&
                        format != OutputFormat::Tiff) ||
                       (format == OutputFormat::Same && m_inputsMayBeLossy);
    m_form->setRowVisible(m_qualityRow, lossy);
    m_encoderRows->showFor(format);
}

void RecipePanel::onEdited()
{
    if (m_updating)
        return;
    updateVisibility();
    const Recipe edited = recipe();
    if (edited.steps != m_otherSteps) { // a form edit: the list shows it too
        m_otherSteps = edited.steps;
        m_updating = true;
        m_operations->setSteps(edited.steps);
        m_updating = false;
    }
    Q_EMIT recipeChanged(edited);
}
