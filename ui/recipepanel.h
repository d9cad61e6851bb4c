#pragma once

#include <QWidget>

#include "recipe.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSettings;
class QSlider;
class QSpinBox;
class EncoderOptionRows;
class OperationsList;
class PresetBar;

// Edits the operations of a Recipe. Every edit emits recipeChanged with the whole value.
// The engine is not edited here (it lives in the advanced options) but is carried through.
class RecipePanel : public QWidget
{
    Q_OBJECT
public:
    // settings: where named presets are kept; not owned, must outlive the panel.
    explicit RecipePanel(QSettings *settings, QWidget *parent = nullptr);

    Recipe recipe() const;
    void setRecipe(const Recipe &recipe);
    // Quality applies to JPEG and WebP output; for "same format" only when inputs may be so.
    void setInputsMayBeLossy(bool lossy);

Q_SIGNALS:
    void recipeChanged(const Recipe &recipe);

private:
    void buildResizeRows();
    void buildOutputRows();
    void updateVisibility();
    void onEdited();
    void onStepsEdited();
    void showStepsInForm(const Recipe &recipe);

    QFormLayout *m_form;
    PresetBar *m_presets;
    QComboBox *m_modeCombo;
    QSpinBox *m_widthSpin;
    QSpinBox *m_heightSpin;
    QDoubleSpinBox *m_percentSpin;
    QSpinBox *m_longEdgeSpin;
    QCheckBox *m_noEnlargeBox;
    OperationsList *m_operations;
    QCheckBox *m_grayscaleBox;
    QComboBox *m_formatCombo;
    QWidget *m_qualityRow;
    QSlider *m_qualitySlider;
    QSpinBox *m_qualitySpin;
    QComboBox *m_colourCombo;
    QComboBox *m_metadataCombo;
    QCheckBox *m_orientBox;
    EngineChoice m_engine = EngineChoice::Auto;
    // The recipe's steps as last set: the form maps onto its first resize and its grayscale
    // step, and leaves the rest alone.
    QList<Step> m_otherSteps;
    bool m_inputsMayBeLossy = true;
    EncoderOptionRows *m_encoderRows;
    bool m_updating = false;
};
