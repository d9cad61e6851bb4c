#include "encoderoptionrows.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QSpinBox>

#include "sizebudget.h"

namespace {

QSpinBox *makeSpin(QWidget *parent, const QString &name, int min, int max)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(min, max);
    return spin;
}

QCheckBox *makeCheck(QWidget *parent, const QString &name, const QString &text)
{
    auto *box = new QCheckBox(text, parent);
    box->setObjectName(name);
    return box;
}

} // namespace

EncoderOptionRows::EncoderOptionRows(QFormLayout *form, QWidget *parent)
    : QObject(parent), m_form(form)
{
    m_maxSizeSpin = makeSpin(parent, QStringLiteral("maxSizeSpin"), 0, kMaxSizeKbLimit);
    m_maxSizeSpin->setSuffix(tr(" kB"));
    m_maxSizeSpin->setSpecialValueText(tr("Off"));
    m_maxSizeSpin->setToolTip(tr("Lowers the quality of each image until its file fits "
                                 "(1 kB = 1000 bytes). 0 turns it off."));
    m_effortSpin = makeSpin(parent, QStringLiteral("effortSpin"), 1, 9);
    m_effortSpin->setToolTip(tr("1 is fastest; 9 makes the smallest files."));
    m_progressiveBox =
        makeCheck(parent, QStringLiteral("progressiveCheckBox"), tr("Progressive JPEG"));
    m_fullChromaBox = makeCheck(parent, QStringLiteral("fullChromaCheckBox"),
                                tr("Full colour resolution (4:4:4)"));
    m_pngLevelSpin = makeSpin(parent, QStringLiteral("pngCompressionSpin"), 0, 9);
    m_pngLevelSpin->setToolTip(tr("0 stores, 9 compresses most. The pixels are the same."));
    m_paletteBox =
        makeCheck(parent, QStringLiteral("paletteCheckBox"), tr("Palette (at most 256 colours)"));
    m_losslessBox = makeCheck(parent, QStringLiteral("losslessCheckBox"), tr("Lossless"));
    m_form->addRow(tr("Max file size:"), m_maxSizeSpin);
    m_form->addRow(tr("Effort:"), m_effortSpin);
    m_form->addRow(QString(), m_progressiveBox);
    m_form->addRow(QString(), m_fullChromaBox);
    m_form->addRow(tr("PNG compression:"), m_pngLevelSpin);
    m_form->addRow(QString(), m_paletteBox);
    m_form->addRow(QString(), m_losslessBox);
    setOptions(Recipe());
    for (QSpinBox *spin : {m_maxSizeSpin, m_effortSpin, m_pngLevelSpin})
        connect(spin, &QSpinBox::valueChanged, this, &EncoderOptionRows::edited);
    for (QCheckBox *box : {m_progressiveBox, m_fullChromaBox, m_paletteBox, m_losslessBox})
        connect(box, &QCheckBox::toggled, this, &EncoderOptionRows::edited);
}

void EncoderOptionRows::setOptions(const Recipe &recipe)
{
    const QSignalBlocker blocker(this); // one edit for the whole value, made by the caller
    m_maxSizeSpin->setValue(recipe.maxSizeKb);
    m_effortSpin->setValue(recipe.effort);
    m_progressiveBox->setChecked(recipe.progressive);
    m_fullChromaBox->setChecked(recipe.subsampling == ChromaSubsampling::S444);
    m_pngLevelSpin->setValue(recipe.pngCompression);
    m_paletteBox->setChecked(recipe.palette);
    m_losslessBox->setChecked(recipe.lossless);
}

void EncoderOptionRows::applyTo(Recipe *recipe) const
{
    recipe->effort = m_effortSpin->value();
    recipe->progressive = m_progressiveBox->isChecked();
    recipe->subsampling =
        m_fullChromaBox->isChecked() ? ChromaSubsampling::S444 : ChromaSubsampling::S420;
    recipe->pngCompression = m_pngLevelSpin->value();
    recipe->palette = m_paletteBox->isChecked();
    recipe->lossless = m_losslessBox->isChecked();
    // Only where it is shown: a limit left in the hidden box must not refuse a PNG recipe.
    recipe->maxSizeKb = hasQualitySetting(recipe->format, *recipe) ? m_maxSizeSpin->value() : 0;
}

void EncoderOptionRows::showFor(OutputFormat format)
{
    const bool jpeg = format == OutputFormat::Jpeg;
    const bool png = format == OutputFormat::Png;
    Recipe lossy;
    lossy.format = format;
    m_form->setRowVisible(m_maxSizeSpin, hasQualitySetting(format, lossy));
    m_form->setRowVisible(m_effortSpin, format == OutputFormat::Avif ||
                                            format == OutputFormat::Heic ||
                                            format == OutputFormat::Jxl);
    m_form->setRowVisible(m_progressiveBox, jpeg);
    m_form->setRowVisible(m_fullChromaBox, jpeg);
    m_form->setRowVisible(m_pngLevelSpin, png);
    m_form->setRowVisible(m_paletteBox, png);
    m_form->setRowVisible(m_losslessBox, format == OutputFormat::Webp);
}
