#include "advancedpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include "pool/workerpool.h"

AdvancedPanel::AdvancedPanel(QWidget *parent)
    : QWidget(parent), m_toggle(new QToolButton(this)), m_body(new QWidget(this)),
      m_workersSpin(new QSpinBox(m_body)), m_engineCombo(new QComboBox(m_body)),
      m_timeoutSpin(new QSpinBox(m_body)), m_memorySpin(new QSpinBox(m_body)),
      m_cpuSpin(new QSpinBox(m_body))
{
    m_toggle->setObjectName(QStringLiteral("advancedToggle"));
    m_toggle->setText(tr("Advanced"));
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_workersSpin->setObjectName(QStringLiteral("workerCountSpin"));
    m_workersSpin->setRange(1, 64);
    m_workersSpin->setValue(QThread::idealThreadCount());
    m_engineCombo->setObjectName(QStringLiteral("engineCombo"));
    m_engineCombo->addItem(tr("Automatic (fastest per format)"), int(EngineChoice::Auto));
    m_engineCombo->addItem(QStringLiteral("libvips"), int(EngineChoice::Vips));
    m_engineCombo->addItem(QStringLiteral("OpenCV"), int(EngineChoice::OpenCv));
    m_timeoutSpin->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeoutSpin->setRange(1, 3600);
    m_timeoutSpin->setValue(60);
    m_timeoutSpin->setSuffix(tr(" s per image"));
    const PoolOptions defaults;
    // 0 is "no limit"; a worker needs about 256 MB to load its libraries at all, so the
    // steps are coarse and the lowest real value is one step up.
    m_memorySpin->setObjectName(QStringLiteral("memoryLimitSpin"));
    m_memorySpin->setRange(0, 1 << 20);
    m_memorySpin->setSingleStep(256);
    m_memorySpin->setSpecialValueText(tr("No limit"));
    m_memorySpin->setValue(defaults.memoryLimitMb);
    m_memorySpin->setSuffix(tr(" MB per image"));
    m_memorySpin->setToolTip(tr("An image that needs more memory fails with the size it needs; "
                                "the batch goes on."));
    m_cpuSpin->setObjectName(QStringLiteral("cpuLimitSpin"));
    m_cpuSpin->setRange(0, 24 * 3600);
    m_cpuSpin->setSpecialValueText(tr("No limit"));
    m_cpuSpin->setValue(defaults.cpuLimitSeconds);
    m_cpuSpin->setSuffix(tr(" s CPU per image"));

    auto *form = new QFormLayout(m_body);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Workers:"), m_workersSpin);
    form->addRow(tr("Engine:"), m_engineCombo);
    form->addRow(tr("Timeout:"), m_timeoutSpin);
    form->addRow(tr("Memory limit:"), m_memorySpin);
    form->addRow(tr("CPU limit:"), m_cpuSpin);
    m_keepJournalBox = new QCheckBox(tr("Keep the run journal in the output folder"), m_body);
    m_keepJournalBox->setObjectName(QStringLiteral("keepJournalCheckBox"));
    m_keepJournalBox->setToolTip(tr("After a run where every image was done or skipped, the "
                                    "journal is removed so that the folder holds only images. "
                                    "Interrupted runs always keep it for Resume."));
    form->addRow(QString(), m_keepJournalBox);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toggle);
    layout->addWidget(m_body);

    connect(m_toggle, &QToolButton::toggled, this, &AdvancedPanel::setExpanded);
    connect(m_engineCombo, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT engineChanged(engine()); });
    setExpanded(false);
}

int AdvancedPanel::workerCount() const
{
    return m_workersSpin->value();
}

EngineChoice AdvancedPanel::engine() const
{
    return EngineChoice(m_engineCombo->currentData().toInt());
}

int AdvancedPanel::timeoutMs() const
{
    return m_timeoutSpin->value() * 1000;
}

int AdvancedPanel::memoryLimitMb() const
{
    // Values between 0 and the lowest a worker can start with are raised to it.
    const int mb = m_memorySpin->value();
    return mb == 0 ? 0 : qMax(mb, kMinMemoryLimitMb);
}

int AdvancedPanel::cpuLimitSeconds() const
{
    return m_cpuSpin->value();
}

bool AdvancedPanel::isExpanded() const
{
    return m_body->isVisibleTo(this);
}

bool AdvancedPanel::keepsJournal() const
{
    return m_keepJournalBox->isChecked();
}

void AdvancedPanel::setKeepsJournal(bool keep)
{
    m_keepJournalBox->setChecked(keep);
}

void AdvancedPanel::setWorkerCount(int count)
{
    if (count > 0)
        m_workersSpin->setValue(count);
}

void AdvancedPanel::setEngine(EngineChoice engine)
{
    m_engineCombo->setCurrentIndex(qMax(0, m_engineCombo->findData(int(engine))));
}

void AdvancedPanel::setTimeoutMs(int ms)
{
    if (ms > 0)
        m_timeoutSpin->setValue(qMax(1, ms / 1000));
}

void AdvancedPanel::setMemoryLimitMb(int mb)
{
    if (mb >= 0)
        m_memorySpin->setValue(mb);
}

void AdvancedPanel::setCpuLimitSeconds(int seconds)
{
    if (seconds >= 0)
        m_cpuSpin->setValue(seconds);
}

void AdvancedPanel::setExpanded(bool expanded)
{
    m_toggle->setChecked(expanded);
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(expanded);
}
