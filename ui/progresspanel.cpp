#include "progresspanel.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

#include "textformat.h"

namespace {
// Ten refreshes a second read as live; the labels and bar cost one layout and paint per refresh.
constexpr int kRefreshIntervalMs = 100;
} // namespace

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
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ProgressPanel::refresh);
}

void ProgressPanel::startRun(int workerCount)
{
    m_refreshTimer.stop();
    m_statsPending = false;
    for (const Lane &lane : std::as_const(m_lanes))
        delete lane.label;
    m_lanes.clear();
    m_laneOfJob.clear();
    for (int i = 0; i < workerCount; ++i)
        addLane();
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
    while (workerIndex >= m_lanes.size())
        addLane();
    m_laneOfJob.insert(id, workerIndex);
    m_lanes[workerIndex].inputPath = inputPath;
    m_lanes[workerIndex].busy = true;
    scheduleRefresh();
}

void ProgressPanel::showJobFinished(JobId id)
{
    const auto lane = m_laneOfJob.constFind(id);
    if (lane == m_laneOfJob.cend())
        return;
    // The name stays until the worker's next job starts, so fast jobs do not flicker.
    m_lanes[*lane].busy = false;
    m_laneOfJob.erase(lane);
    scheduleRefresh();
}

void ProgressPanel::showCounts(const BatchCounts &counts, double imagesPerSecond, double etaSeconds)
{
    m_stats = {counts, imagesPerSecond, etaSeconds};
    m_statsPending = true;
    scheduleRefresh();
}

void ProgressPanel::finishRun(const QString &summary)
{
    m_refreshTimer.stop();
    if (m_statsPending)
        showStats(m_stats);
    m_statsPending = false;
    m_statsLabel->setText(summary);
    if (m_bar->maximum() == 0)
        m_bar->setRange(0, 1);
    for (int i = 0; i < m_lanes.size(); ++i) {
        m_lanes[i].inputPath.clear();
        m_lanes[i].busy = false;
        showLane(m_lanes[i], i);
    }
    m_laneOfJob.clear();
}

void ProgressPanel::addLane()
{
    Lane lane;
    lane.label = new QLabel(m_lanesBox);
    lane.label->setObjectName(QStringLiteral("workerLane%1").arg(m_lanes.size()));
    m_lanesLayout->addWidget(lane.label);
    m_lanes.append(lane);
    showLane(lane, int(m_lanes.size()) - 1);
}

void ProgressPanel::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void ProgressPanel::refresh()
{
    if (m_statsPending)
        showStats(m_stats);
    m_statsPending = false;
    for (int i = 0; i < m_lanes.size(); ++i)
        showLane(m_lanes[i], i);
}

void ProgressPanel::showStats(const Stats &stats)
{
    const QLocale locale;
    const BatchCounts &counts = stats.counts;
    const int total = qMax(m_total, counts.total);
    // Cancelled jobs have a verdict but were never processed: a cancelled batch must not read
    // as complete, nor skipped images as done.
    const int processed = counts.ok + counts.failed + counts.skipped;
    m_bar->setRange(0, qMax(1, total));
    m_bar->setValue(processed);
    QString text = tr("%1 of %2 done").arg(locale.toString(counts.ok), locale.toString(total));
    if (counts.skipped > 0)
        text += tr(" · %1 skipped").arg(locale.toString(counts.skipped));
    if (counts.failed > 0)
        text += tr(" · %1 failed").arg(locale.toString(counts.failed));
    if (counts.cancelled > 0) {
        // Nothing is left to wait for, and the rate would count the cancelled as work.
        text += tr(" · %1 cancelled").arg(locale.toString(counts.cancelled));
        m_statsLabel->setText(text);
        return;
    }
    if (stats.imagesPerSecond > 0)
        text += tr(" · %1 images/s").arg(locale.toString(stats.imagesPerSecond, 'f', 1));
    if (stats.etaSeconds > 0)
        text += tr(" · %1 left").arg(formatDuration(stats.etaSeconds));
    m_statsLabel->setText(text);
}

// Sets only what changed: most refreshes leave most lanes as they were.
void ProgressPanel::showLane(const Lane &lane, int index)
{
    const QString image =
        lane.inputPath.isEmpty() ? tr("idle") : QFileInfo(lane.inputPath).fileName();
    const QString text = tr("Worker %1: %2").arg(index + 1).arg(image);
    if (lane.label->text() != text)
        lane.label->setText(text);
    const QPalette::ColorRole role = lane.busy ? QPalette::WindowText : QPalette::PlaceholderText;
    if (lane.label->foregroundRole() != role)
        lane.label->setForegroundRole(role);
}
