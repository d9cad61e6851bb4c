#pragma once

#include <QObject>

#include "recipe.h"

class QCheckBox;
class QFormLayout;
class QSpinBox;

// The recipe's encoder options as rows of the recipe panel's form, each shown only for the
// output format it applies to: progressive and 4:4:4 for JPEG, zlib level and palette for
// PNG, lossless for WebP, effort for AVIF, HEIC and JPEG XL, the file size limit for every
// format with a quality. "Same as input" shows none.
class EncoderOptionRows : public QObject
{
    Q_OBJECT
public:
    // Adds its rows to `form` (not owned); the widgets are children of `parent`.
    EncoderOptionRows(QFormLayout *form, QWidget *parent);

    void setOptions(const Recipe &recipe);
    void applyTo(Recipe *recipe) const;
    void showFor(OutputFormat format);

Q_SIGNALS:
    void edited();

private:
    QFormLayout *m_form;
    QSpinBox *m_maxSizeSpin; // kB, 0 = off (Recipe::maxSizeKb)
    QSpinBox *m_effortSpin;
    QCheckBox *m_progressiveBox;
    QCheckBox *m_fullChromaBox;
    QSpinBox *m_pngLevelSpin;
    QCheckBox *m_paletteBox;
    QCheckBox *m_losslessBox;
};
