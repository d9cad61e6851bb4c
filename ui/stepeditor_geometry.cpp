// The forms of the steps that change an image's shape: resize, crop, rotate, flip, pad.
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

#include "colourbutton.h"
#include "stepeditor.h"

namespace {
constexpr int kMaxSide = 65'535;

template <typename T> void selectData(QComboBox *combo, T value)
{
    combo->setCurrentIndex(qMax(0, combo->findData(int(value))));
}

template <typename T> T currentData(const QComboBox *combo)
{
    return T(combo->currentData().toInt());
}
} // namespace

void StepEditor::buildResize()
{
    const auto &s = std::get<ResizeStep>(m_step);
    auto *mode = new QComboBox(m_form);
    mode->setObjectName(QStringLiteral("resizeModeCombo"));
    mode->addItem(tr("Fit inside"), int(ResizeMode::Fit));
    mode->addItem(tr("Fill and crop"), int(ResizeMode::Fill));
    mode->addItem(tr("Exact size (stretch)"), int(ResizeMode::Exact));
    mode->addItem(tr("Percentage"), int(ResizeMode::Percent));
    mode->addItem(tr("Long edge"), int(ResizeMode::LongEdge));
    mode->addItem(tr("Keep size"), int(ResizeMode::None));
    selectData(mode, s.mode);
    m_layout->addRow(tr("Mode:"), mode);
    const QString px = tr(" px");
    // A size of 0 (unset) shows the usual 1920×1080 / 2048 until the person changes it.
    auto *width =
        addSpin(tr("Width:"), "resizeWidthSpin", 1, kMaxSide, s.width > 0 ? s.width : 1920, px);
    auto *height =
        addSpin(tr("Height:"), "resizeHeightSpin", 1, kMaxSide, s.height > 0 ? s.height : 1080, px);
    auto *percent =
        addDoubleSpin(tr("Scale:"), "resizePercentSpin", 0.1, 1000, s.percent, tr(" %"));
    auto *longEdge = addSpin(tr("Long edge:"), "resizeLongEdgeSpin", 1, kMaxSide,
                             s.longEdge > 0 ? s.longEdge : 2048, px);
    auto *noEnlarge = new QCheckBox(tr("Don't enlarge smaller images"), m_form);
    noEnlarge->setObjectName(QStringLiteral("resizeNoEnlargeCheckBox"));
    noEnlarge->setChecked(s.noEnlarge);
    m_layout->addRow(QString(), noEnlarge);

    // Every field is written back with the mode, so the step holds what the form shows.
    auto write = [=] {
        apply<ResizeStep>([=](ResizeStep &r) {
            r = {currentData<ResizeMode>(mode),
                 width->value(),
                 height->value(),
                 percent->value(),
                 longEdge->value(),
                 noEnlarge->isChecked()};
        });
    };
    connect(mode, &QComboBox::currentIndexChanged, this, write);
    for (QSpinBox *spin : {width, height, longEdge})
        connect(spin, &QSpinBox::valueChanged, this, write);
    connect(percent, &QDoubleSpinBox::valueChanged, this, write);
    connect(noEnlarge, &QCheckBox::toggled, this, write);
    m_refresh = [=] {
        const auto m = currentData<ResizeMode>(mode);
        const bool box = m == ResizeMode::Fit || m == ResizeMode::Fill || m == ResizeMode::Exact;
        m_layout->setRowVisible(width, box);
        m_layout->setRowVisible(height, box);
        m_layout->setRowVisible(percent, m == ResizeMode::Percent);
        m_layout->setRowVisible(longEdge, m == ResizeMode::LongEdge);
        m_layout->setRowVisible(noEnlarge, m != ResizeMode::None);
    };
}

void StepEditor::buildCrop()
{
    const auto &s = std::get<CropStep>(m_step);
    const bool aspect = s.aspectWidth > 0 && s.aspectHeight > 0;
    auto *shape = new QComboBox(m_form);
    shape->setObjectName(QStringLiteral("cropShapeCombo"));
    shape->addItem(tr("Aspect ratio"), true);
    shape->addItem(tr("Pixel box"), false);
    shape->setCurrentIndex(aspect ? 0 : 1);
    m_layout->addRow(tr("Crop to:"), shape);
    auto *ratio = addSpin(tr("Aspect width:"), "cropAspectWidthSpin", 1, 1000,
                          aspect ? s.aspectWidth : 1, QString());
    auto *ratioHeight = addSpin(tr("Aspect height:"), "cropAspectHeightSpin", 1, 1000,
                                aspect ? s.aspectHeight : 1, QString());
    const QRect box = s.box.isEmpty() ? QRect(0, 0, 800, 600) : s.box;
    const QString px = tr(" px");
    auto *x = addSpin(tr("Left:"), "cropLeftSpin", 0, kMaxSide, box.x(), px);
    auto *y = addSpin(tr("Top:"), "cropTopSpin", 0, kMaxSide, box.y(), px);
    auto *w = addSpin(tr("Width:"), "cropWidthSpin", 1, kMaxSide, box.width(), px);
    auto *h = addSpin(tr("Height:"), "cropHeightSpin", 1, kMaxSide, box.height(), px);
    auto *gravity = addGravityCombo(tr("Keep:"), "cropGravityCombo", s.gravity, true);

    // step.h: an aspect of 0:0 means the box; the box is left empty for an aspect crop.
    auto write = [=] {
        apply<CropStep>([=](CropStep &c) {
            const bool byAspect = shape->currentData().toBool();
            c.aspectWidth = byAspect ? ratio->value() : 0;
            c.aspectHeight = byAspect ? ratioHeight->value() : 0;
            c.box = byAspect ? QRect() : QRect(x->value(), y->value(), w->value(), h->value());
            c.gravity = currentData<Gravity>(gravity);
        });
    };
    connect(shape, &QComboBox::currentIndexChanged, this, write);
    connect(gravity, &QComboBox::currentIndexChanged, this, write);
    for (QSpinBox *spin : {ratio, ratioHeight, x, y, w, h})
        connect(spin, &QSpinBox::valueChanged, this, write);
    m_refresh = [=] {
        const bool byAspect = shape->currentData().toBool();
        for (QSpinBox *field : {ratio, ratioHeight})
            m_layout->setRowVisible(field, byAspect);
        for (QSpinBox *field : {x, y, w, h})
            m_layout->setRowVisible(field, !byAspect);
        m_layout->setRowVisible(gravity, byAspect); // a box is where it says
    };
}

void StepEditor::buildRotate()
{
    auto *angle = new QComboBox(m_form);
    angle->setObjectName(QStringLiteral("rotateCombo"));
    angle->addItem(tr("90° clockwise"), 90);
    angle->addItem(tr("180°"), 180);
    angle->addItem(tr("90° counter-clockwise"), 270);
    selectData(angle, std::get<RotateStep>(m_step).degrees);
    m_layout->addRow(tr("Angle:"), angle);
    connect(angle, &QComboBox::currentIndexChanged, this, [=] {
        apply<RotateStep>([=](RotateStep &r) { r.degrees = angle->currentData().toInt(); });
    });
}

void StepEditor::buildFlip()
{
    auto *axis = new QComboBox(m_form);
    axis->setObjectName(QStringLiteral("flipCombo"));
    axis->addItem(tr("Horizontally (mirror)"), int(FlipAxis::Horizontal));
    axis->addItem(tr("Vertically (upside down)"), int(FlipAxis::Vertical));
    selectData(axis, std::get<FlipStep>(m_step).axis);
    m_layout->addRow(tr("Flip:"), axis);
    connect(axis, &QComboBox::currentIndexChanged, this,
            [=] { apply<FlipStep>([=](FlipStep &f) { f.axis = currentData<FlipAxis>(axis); }); });
}

void StepEditor::buildPad()
{
    const auto &s = std::get<PadStep>(m_step);
    const QString px = tr(" px");
    auto *width = addSpin(tr("Width:"), "padWidthSpin", 1, kMaxSide,
                          s.size.width() > 0 ? s.size.width() : 1200, px);
    auto *height = addSpin(tr("Height:"), "padHeightSpin", 1, kMaxSide,
                           s.size.height() > 0 ? s.size.height() : 1200, px);
    auto *colour = new ColourButton(m_form);
    colour->setObjectName(QStringLiteral("padColourButton"));
    colour->setColour(s.background);
    m_layout->addRow(tr("Background:"), colour);
    colour->setAccessibleName(tr("Background colour"));
    auto *gravity = addGravityCombo(tr("Image at:"), "padGravityCombo", s.gravity, false);

    auto write = [=] {
        apply<PadStep>([=](PadStep &p) {
            p.size = QSize(width->value(), height->value());
            p.background = colour->colour();
            p.gravity = currentData<Gravity>(gravity);
        });
    };
    connect(width, &QSpinBox::valueChanged, this, write);
    connect(height, &QSpinBox::valueChanged, this, write);
    connect(colour, &ColourButton::colourChosen, this, write);
    connect(gravity, &QComboBox::currentIndexChanged, this, write);
}
