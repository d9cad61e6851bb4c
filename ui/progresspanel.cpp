#include "progresspanel.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

#include "textformat.h"

ProgressPanel::ProgressPanel(QWidget *parent)
    : QWidget(parent), m_bar(new QProgressBar(this)), m_statsLabel(new QLabel(this)),
      m_lanesBox(new QWidget(this)), m_lanesLayout(new QVBoxLayout(m_lanesBox))
{
    m_bar->setObjectName(QStringLiteral("progressBar"));
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_bar->setTextVisible(true);
    m_statsLabel->setObjectName(QStringLiteral("progressLabel"));
    m_statsLabel->setText(tr("Ready"));
    m_lanesLayout->setContentsMargins(0, 0, 0, 0);
    m_lanesLayout->setSpacing(2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_statsLabel);
    layout->addWidget(m_lanesBox);
}

void ProgressPanel::startRun(int workerCount)
{
    qDeleteAll(m_lanes);
    m_lanes.clear();
    m_laneOfJob.clear();
    for (int i = 0; i < workerCount; ++i) {
        auto *lane = new QLabel(m_lanesBox);
        lane->setObjectName(QStringLiteral("workerLane%1").arg(i));
        lane->setForegroundRole(QPalette::PlaceholderText);
        m_lanesLayout->addWidget(lane);
        m_lanes.append(lane);
        setLaneText(i, {});
    }
    m_bar->setRange(0, 0); // busy until the plan says how many
    m_statsLabel->setText(tr("Looking for images…"));
}

void ProgressPanel::setTotal(int total)
{
    m_total = total;
    m_bar->setRange(0, qMax(1, total));
    m_bar->setValue(0);
}

void ProgressPanel::showJobStarted(JobId id, int workerIndex, const QString &inputPath)
{
    // The pool may run more workers than announced; lanes grow to match.
    while (workerIndex >= m_lanes.size()) {
        auto *lane = new QLabel(m_lanesBox);
        lane->setObjectName(QStringLiteral("workerLane%1").arg(m_lanes.size()));
        m_lanesLayout->addWidget(lane);
        m_lanes.append(lane);
    }
    m_laneOfJob.insert(id, workerIndex);
    m_lanes[workerIndex]->setForegroundRole(QPalette::WindowText);
    setLaneText(workerIndex, QFileInfo(inputPath).fileName());
}

void ProgressPanel::showJobFinished(JobId id)
{
    const auto lane = m_laneOfJob.constFind(id);
    if (lane == m_laneOfJob.cend())
        return;
    // Left showing until the worker's next job starts, so fast jobs do not flicker.
    m_lanes[*lane]->setForegroundRole(QPalette::PlaceholderText);
    m_laneOfJob.erase(lane);
}

void ProgressPanel::showCounts(const BatchCounts &counts, double imagesPerSecond, double etaSeconds)
{
    const QLocale locale;
    const int total = qMax(m_total, counts.total);
    m_bar->setRange(0, qMax(1, total));
    m_bar->setValue(counts.finished());
    QString text = tr("%1 of %2 done")
                       .arg(locale.toString(counts.ok + counts.skipped), locale.toString(total));
    if (counts.failed > 0)
        text += tr(" · %1 failed").arg(locale.toString(counts.failed));
    if (imagesPerSecond > 0)
        text += tr(" · %1 images/s").arg(locale.toString(imagesPerSecond, 'f', 1));
    if (etaSeconds >= 0)
        text += tr(" · %1 left").arg(formatDuration(etaSeconds));
    m_statsLabel->setText(text);
}

void ProgressPanel::finishRun(const QString &summary)
{
    m_statsLabel->setText(summary);
    if (m_bar->maximum() == 0)
        m_bar->setRange(0, 1);
    for (int i = 0; i < m_lanes.size(); ++i)
        setLaneText(i, {});
    m_laneOfJob.clear();
}

void ProgressPanel::setLaneText(int lane, const QString &text)
{
    m_lanes[lane]->setText(
        tr("Worker %1: %2").arg(lane + 1).arg(text.isEmpty() ? tr("idle") : text));
}
