#pragma once

#include <QGroupBox>

#include <functional>

#include "stepsummary.h"

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSpinBox;

// The form of one step, shown under the Operations list for the selected step: spin boxes,
// combos, a text field, a colour button or a file chooser, per kind. Every change applies at
// once: stepEdited carries the whole new value. The form is rebuilt only by edit(), so typing
// is never interrupted by the list's repaint of the summary.
class StepEditor : public QGroupBox
{
    Q_OBJECT
public:
    explicit StepEditor(QWidget *parent = nullptr);

    // Shows the form for this step; clear() removes it and hides the box.
    void edit(const Step &step, StepKind kind);
    void clear();
    Step step() const { return m_step; }
    // The form's fields in the order they are shown, for the list's Tab order.
    QList<QWidget *> fields() const;

Q_SIGNALS:
    void stepEdited(const Step &step);

private:
    // Applies `change` to the step being edited, as type T, and announces the new value.
    template <typename T> void apply(const std::function<void(T &)> &change)
    {
        change(std::get<T>(m_step));
        if (m_refresh)
            m_refresh();
        Q_EMIT stepEdited(m_step);
    }

    // One builder per kind; each adds its rows to m_layout (stepeditor_*.cpp).
    void buildResize();
    void buildCrop();
    void buildRotate();
    void buildFlip();
    void buildPad();
    void buildSharpen();
    void buildAdjust();
    void buildTextWatermark();
    void buildImageWatermark();
    void buildPlacementRows(const WatermarkStep &mark);

    QSpinBox *addSpin(const QString &label, const char *name, int min, int max, int value,
                      const QString &suffix);
    QDoubleSpinBox *addDoubleSpin(const QString &label, const char *name, double min, double max,
                                  double value, const QString &suffix);
    QComboBox *addGravityCombo(const QString &label, const char *name, Gravity value,
                               bool withAttention);

    QWidget *m_form = nullptr;
    QFormLayout *m_layout = nullptr;
    Step m_step;
    // Shows or hides rows after an edit (the resize mode's fields, the crop's box or aspect).
    std::function<void()> m_refresh;
};
