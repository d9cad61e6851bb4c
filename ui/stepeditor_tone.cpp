// The forms of the steps that change pixels in place: sharpen, brightness/contrast/gamma, and
// the two watermarks.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include "colourbutton.h"
#include "stepeditor.h"

void StepEditor::buildSharpen()
{
    const auto &s = std::get<SharpenStep>(m_step);
    auto *amount = addDoubleSpin(tr("Amount:"), "sharpenAmountSpin", 0, 5, s.amount, QString());
    auto *radius =
        addDoubleSpin(tr("Radius (sigma):"), "sharpenSigmaSpin", 0.1, 10, s.sigma, tr(" px"));
    amount->setToolTip(tr("How much of the detail is added back: 0 leaves the image as it is."));
    radius->setToolTip(tr("The size of the detail sharpened; 0.5 to 1 suits a downscaled photo."));
    auto write = [=] {
        apply<SharpenStep>([=](SharpenStep &sharpen) {
            sharpen.amount = amount->value();
            sharpen.sigma = radius->value();
        });
    };
    connect(amount, &QDoubleSpinBox::valueChanged, this, write);
    connect(radius, &QDoubleSpinBox::valueChanged, this, write);
}

void StepEditor::buildAdjust()
{
    const auto &s = std::get<AdjustStep>(m_step);
    auto *brightness = addDoubleSpin(tr("Brightness:"), "adjustBrightnessSpin", -100, 100,
                                     s.brightness, QString());
    auto *contrast =
        addDoubleSpin(tr("Contrast:"), "adjustContrastSpin", -100, 100, s.contrast, QString());
    auto *gamma = addDoubleSpin(tr("Gamma:"), "adjustGammaSpin", 0.1, 10, s.gamma, QString());
    for (QDoubleSpinBox *spin : {brightness, contrast})
        spin->setDecimals(0);
    auto write = [=] {
        apply<AdjustStep>([=](AdjustStep &a) {
            a = {brightness->value(), contrast->value(), gamma->value()};
        });
    };
    for (QDoubleSpinBox *spin : {brightness, contrast, gamma})
        connect(spin, &QDoubleSpinBox::valueChanged, this, write);
}

void StepEditor::buildTextWatermark()
{
    const auto &s = std::get<WatermarkStep>(m_step);
    auto *text = new QLineEdit(s.text, m_form);
    text->setObjectName(QStringLiteral("watermarkTextEdit"));
    m_layout->addRow(tr("Text:"), text);
    auto *font = new QLineEdit(s.font, m_form);
    font->setObjectName(QStringLiteral("watermarkFontEdit"));
    font->setToolTip(tr("A font description such as “Sans Bold” or “Serif Italic”."));
    m_layout->addRow(tr("Font:"), font);
    auto *colour = new ColourButton(m_form);
    colour->setObjectName(QStringLiteral("watermarkColourButton"));
    colour->setColour(s.colour);
    colour->setAccessibleName(tr("Text colour"));
    m_layout->addRow(tr("Colour:"), colour);
    auto *size = addDoubleSpin(tr("Height:"), "watermarkSizeSpin", 0.5, 50, s.sizePercent,
                               tr(" % of the image's height"));
    connect(text, &QLineEdit::textChanged, this, [=](const QString &value) {
        apply<WatermarkStep>([=](WatermarkStep &m) { m.text = value; });
    });
    connect(font, &QLineEdit::textChanged, this, [=](const QString &value) {
        apply<WatermarkStep>([=](WatermarkStep &m) { m.font = value; });
    });
    connect(colour, &ColourButton::colourChosen, this, [=](const Rgba &value) {
        apply<WatermarkStep>([=](WatermarkStep &m) { m.colour = value; });
    });
    connect(size, &QDoubleSpinBox::valueChanged, this, [=](double value) {
        apply<WatermarkStep>([=](WatermarkStep &m) { m.sizePercent = value; });
    });
    buildPlacementRows(s);
}

void StepEditor::buildImageWatermark()
{
    const auto &s = std::get<WatermarkStep>(m_step);
    auto *row = new QWidget(m_form);
    auto *path = new QLineEdit(s.imagePath, row);
    path->setObjectName(QStringLiteral("watermarkImageEdit"));
    path->setPlaceholderText(tr("A PNG logo"));
    auto *browse = new QPushButton(tr("Browse…"), row);
    browse->setObjectName(QStringLiteral("watermarkImageBrowseButton"));
    browse->setAccessibleName(tr("Choose the logo file"));
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(path, 1);
    rowLayout->addWidget(browse);
    m_layout->addRow(tr("Image:"), row);
    auto *size = addDoubleSpin(tr("Width:"), "watermarkSizeSpin", 0.5, 100, s.sizePercent,
                               tr(" % of the image's width"));
    connect(path, &QLineEdit::textChanged, this, [=](const QString &value) {
        apply<WatermarkStep>([=](WatermarkStep &m) {
            m.imagePath = value;
            m.text.clear(); // exactly one of the two is set
        });
    });
    connect(browse, &QPushButton::clicked, this, [=] {
        const QString chosen = QFileDialog::getOpenFileName(this, tr("Choose a logo"), path->text(),
                                                            tr("PNG images (*.png)"));
        if (!chosen.isEmpty())
            path->setText(chosen);
    });
    connect(size, &QDoubleSpinBox::valueChanged, this, [=](double value) {
        apply<WatermarkStep>([=](WatermarkStep &m) { m.sizePercent = value; });
    });
    buildPlacementRows(s);
}

// Where a watermark sits and how strongly it shows: the rows both kinds share.
void StepEditor::buildPlacementRows(const WatermarkStep &mark)
{
    auto *opacity = addSpin(tr("Opacity:"), "watermarkOpacitySpin", 0, 100, mark.opacity, tr(" %"));
    auto *position =
        addGravityCombo(tr("Position:"), "watermarkPositionCombo", mark.position, false);
    auto *margin = addDoubleSpin(tr("Margin:"), "watermarkMarginSpin", 0, 25, mark.marginPercent,
                                 tr(" % of the shorter side"));
    connect(opacity, &QSpinBox::valueChanged, this,
            [=](int value) { apply<WatermarkStep>([=](WatermarkStep &m) { m.opacity = value; }); });
    connect(position, &QComboBox::currentIndexChanged, this, [=] {
        apply<WatermarkStep>(
            [=](WatermarkStep &m) { m.position = Gravity(position->currentData().toInt()); });
    });
    connect(margin, &QDoubleSpinBox::valueChanged, this, [=](double value) {
        apply<WatermarkStep>([=](WatermarkStep &m) { m.marginPercent = value; });
    });
}
