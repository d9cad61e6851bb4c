#pragma once

#include <QWidget>

#include "recipe.h"

class QComboBox;
class QSpinBox;
class QToolButton;

// Collapsible advanced options: worker count (default: the machine's cores), engine and
// per-image timeout. Collapsed by default; the defaults are right for most people.
class AdvancedPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AdvancedPanel(QWidget *parent = nullptr);

    int workerCount() const;
    EngineChoice engine() const;
    int timeoutMs() const;
    bool isExpanded() const;

    void setWorkerCount(int count);
    void setEngine(EngineChoice engine);
    void setTimeoutMs(int ms);
    void setExpanded(bool expanded);

Q_SIGNALS:
    void engineChanged(EngineChoice engine);

private:
    QToolButton *m_toggle;
    QWidget *m_body;
    QSpinBox *m_workersSpin;
    QComboBox *m_engineCombo;
    QSpinBox *m_timeoutSpin;
};
