#pragma once

#include <QHash>
#include <QList>
#include <QWidget>

#include "batch/report.h"
#include "job.h"

class QLabel;
class QProgressBar;
class QVBoxLayout;

// While a batch runs: the overall bar with done / failed / total, rate and ETA, and one lane
// per worker naming the image it is on.
class ProgressPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProgressPanel(QWidget *parent = nullptr);

    void startRun(int workerCount);
    void setTotal(int total);
    void showJobStarted(JobId id, int workerIndex, const QString &inputPath);
    void showJobFinished(JobId id);
    void showCounts(const BatchCounts &counts, double imagesPerSecond, double etaSeconds);
    // Leaves the final numbers up and clears the lanes.
    void finishRun(const QString &summary);

private:
    void setLaneText(int lane, const QString &text);

    QProgressBar *m_bar;
    QLabel *m_statsLabel;
    QWidget *m_lanesBox;
    QVBoxLayout *m_lanesLayout;
    QList<QLabel *> m_lanes;
    QHash<JobId, int> m_laneOfJob;
    int m_total = 0;
};
