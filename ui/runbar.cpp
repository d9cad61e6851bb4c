#include "runbar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>

#include "uiresources.h"

namespace {
QPushButton *makeButton(QWidget *parent, const QString &name, const QString &text)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    return button;
}
} // namespace

RunBar::RunBar(QWidget *parent)
    : QWidget(parent), m_startButton(makeButton(this, QStringLiteral("startButton"), tr("Start"))),
      m_cancelButton(makeButton(this, QStringLiteral("cancelButton"), tr("Cancel"))),
      m_openButton(makeButton(this, QStringLiteral("openOutputButton"), tr("Open output folder"))),
      m_retryButton(makeButton(this, QStringLiteral("retryButton"), tr("Retry failed"))),
      m_exportButton(makeButton(this, QStringLiteral("exportButton"), tr("Export report…")))
{
    // Not setDefault(): in a main window it adds no key (Ctrl+Enter is the shortcut), and its
    // highlight looks just like keyboard focus, so focus on Start could not be seen.
    QFont emphasised = m_startButton->font();
    emphasised.setBold(true);
    m_startButton->setFont(emphasised);
    m_startButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_startButton->setToolTip(tr("Process every image (Ctrl+Enter)"));
    m_cancelButton->setShortcut(QKeySequence::Cancel);
    m_cancelButton->setToolTip(tr("Stop the batch (Esc); finished images are kept"));
    updateIcons();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_openButton);
    layout->addWidget(m_retryButton);
    layout->addWidget(m_exportButton);
    layout->addStretch(1);
    layout->addWidget(m_cancelButton);
    layout->addWidget(m_startButton);
    // Tab goes left to right, as laid out, not in the order the buttons were made.
    QWidget::setTabOrder(m_exportButton, m_cancelButton);
    QWidget::setTabOrder(m_cancelButton, m_startButton);

    connect(m_startButton, &QPushButton::clicked, this, &RunBar::startRequested);
    connect(m_cancelButton, &QPushButton::clicked, this, &RunBar::cancelRequested);
    connect(m_openButton, &QPushButton::clicked, this, &RunBar::openOutputRequested);
    connect(m_retryButton, &QPushButton::clicked, this, &RunBar::retryRequested);
    connect(m_exportButton, &QPushButton::clicked, this, &RunBar::exportRequested);
    updateButtons();
}

void RunBar::setRunning(bool running)
{
    m_running = running;
    updateButtons();
}

void RunBar::setCanStart(bool canStart, const QString &whyNot)
{
    m_canStart = canStart;
    m_startButton->setToolTip(canStart ? tr("Process every image (Ctrl+Enter)") : whyNot);
    updateButtons();
}

void RunBar::setResultsAvailable(bool hasResults, int failedCount)
{
    m_hasResults = hasResults;
    m_failed = failedCount;
    m_retryButton->setText(failedCount > 0 ? tr("Retry %Ln failed", nullptr, failedCount)
                                           : tr("Retry failed"));
    updateButtons();
}

void RunBar::updateButtons()
{
    m_startButton->setEnabled(!m_running && m_canStart);
    m_cancelButton->setEnabled(m_running);
    m_openButton->setEnabled(!m_running && m_hasResults);
    m_retryButton->setEnabled(!m_running && m_failed > 0);
    m_exportButton->setEnabled(!m_running && m_hasResults);
}

void RunBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateIcons(); // a dark palette needs light fallback shapes, and back
}

void RunBar::updateIcons()
{
    m_startButton->setIcon(themedIcon(QStringLiteral("media-playback-start"), palette()));
    m_cancelButton->setIcon(themedIcon(QStringLiteral("media-playback-stop"), palette()));
    m_openButton->setIcon(themedIcon(QStringLiteral("folder-open"), palette()));
}
