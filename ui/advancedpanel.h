#pragma once

#include <QWidget>

#include "recipe.h"

class QCheckBox;
class QComboBox;
class QSpinBox;
class QToolButton;

// Collapsible advanced options: worker count (default: the machine's cores), engine,
// per-image timeout, the memory and CPU time one image may use (defaults: PoolOptions'), and
// whether to keep the run journal after a clean run. Collapsed by default; the defaults are
// right for most people.
class AdvancedPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AdvancedPanel(QWidget *parent = nullptr);

    int workerCount() const;
    EngineChoice engine() const;
    int timeoutMs() const;
    int memoryLimitMb() const;   // 0: no limit
    int cpuLimitSeconds() const; // 0: no limit
    bool isExpanded() const;
    bool keepsJournal() const;

    void setWorkerCount(int count);
    void setEngine(EngineChoice engine);
    void setTimeoutMs(int ms);
    void setMemoryLimitMb(int mb);
    void setCpuLimitSeconds(int seconds);
    void setExpanded(bool expanded);
    void setKeepsJournal(bool keep);

Q_SIGNALS:
    void engineChanged(EngineChoice engine);

private:
    QToolButton *m_toggle;
    QWidget *m_body;
    QSpinBox *m_workersSpin;
    QComboBox *m_engineCombo;
    QSpinBox *m_timeoutSpin;
    QSpinBox *m_memorySpin;
    QSpinBox *m_cpuSpin;
    QCheckBox *m_keepJournalBox = nullptr;
};
