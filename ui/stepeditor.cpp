#include "stepeditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

StepEditor::StepEditor(QWidget *parent) : QGroupBox(parent)
{
    setObjectName(QStringLiteral("stepEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    clear();
}

void StepEditor::clear()
{
    delete m_form;
    m_form = nullptr;
    m_layout = nullptr;
    m_refresh = {};
    setTitle(QString());
    hide();
}

void StepEditor::edit(const Step &step, StepKind kind)
{
    clear();
    m_step = step;
    m_form = new QWidget(this);
    m_layout = new QFormLayout(m_form);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    setTitle(stepTitle(kind));
    switch (kind) {
    case StepKind::Resize:
        buildResize();
        break;
    case StepKind::Crop:
        buildCrop();
        break;
    case StepKind::Rotate:
        buildRotate();
        break;
    case StepKind::Flip:
        buildFlip();
        break;
    case StepKind::Pad:
        buildPad();
        break;
    case StepKind::Sharpen:
        buildSharpen();
        break;
    case StepKind::Adjust:
        buildAdjust();
        break;
    case StepKind::AutoLevel:
    case StepKind::Grayscale:
        m_layout->addRow(new QLabel(tr("This step has no settings."), m_form));
        break;
    case StepKind::TextWatermark:
        buildTextWatermark();
        break;
    case StepKind::ImageWatermark:
        buildImageWatermark();
        break;
    }
    if (m_refresh)
        m_refresh();
    this->layout()->addWidget(m_form);
    show();
}

QList<QWidget *> StepEditor::fields() const
{
    QList<QWidget *> fields;
    if (!m_form)
        return fields;
    // Children come in creation order, which is the order of the rows; a row of several
    // widgets (the logo's path and Browse) is a plain QWidget holding them.
    for (QWidget *child : m_form->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        const bool container = child->metaObject() == &QWidget::staticMetaObject;
        const QList<QWidget *> parts =
            container ? child->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)
                      : QList<QWidget *>{child};
        for (QWidget *part : parts)
            if (part->focusPolicy() & Qt::TabFocus)
                fields.append(part);
    }
    return fields;
}

QSpinBox *StepEditor::addSpin(const QString &label, const char *name, int min, int max, int value,
                              const QString &suffix)
{
    auto *spin = new QSpinBox(m_form);
    spin->setObjectName(QLatin1String(name));
    spin->setRange(min, max);
    spin->setValue(value);
    spin->setSuffix(suffix);
    spin->setAccelerated(true);
    m_layout->addRow(label, spin);
    return spin;
}

QDoubleSpinBox *StepEditor::addDoubleSpin(const QString &label, const char *name, double min,
                                          double max, double value, const QString &suffix)
{
    auto *spin = new QDoubleSpinBox(m_form);
    spin->setObjectName(QLatin1String(name));
    spin->setRange(min, max);
    spin->setDecimals(2);
    spin->setSingleStep(max - min > 20 ? 1 : 0.05);
    spin->setValue(value);
    spin->setSuffix(suffix);
    spin->setAccelerated(true);
    m_layout->addRow(label, spin);
    return spin;
}

QComboBox *StepEditor::addGravityCombo(const QString &label, const char *name, Gravity value,
                                       bool withAttention)
{
    auto *combo = new QComboBox(m_form);
    combo->setObjectName(QLatin1String(name));
    // Reading order: the top row, the middle, the bottom.
    for (const Gravity g :
         {Gravity::NorthWest, Gravity::North, Gravity::NorthEast, Gravity::West, Gravity::Centre,
          Gravity::East, Gravity::SouthWest, Gravity::South, Gravity::SouthEast})
        combo->addItem(gravityName(g), int(g));
    if (withAttention) {
        combo->addItem(tr("attention (the most interesting part)"), int(Gravity::Attention));
        combo->setItemData(combo->count() - 1,
                           tr("Keeps the part of the image a viewer would look at first (libvips' "
                              "smart crop)."),
                           Qt::ToolTipRole);
    }
    combo->setCurrentIndex(qMax(0, combo->findData(int(value))));
    // The long "attention" entry would otherwise set the whole list's minimum width.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(12);
    combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed); // room left: all of it
    m_layout->addRow(label, combo);
    return combo;
}
