#pragma once

#include <QHash>
#include <QList>
#include <QTimer>
#include <QWidget>

#include "batch/report.h"
#include "job.h"

class QLabel;
class QProgressBar;
class QVBoxLayout;

// While a batch runs: the overall bar with done / failed / total, rate and ETA, and one lane
// per worker naming the image it is on. Updates are kept and shown on a short timer: a batch of
// small images brings hundreds of starts and results a second, and setting a label's text per
// event costs a relayout and repaint each time on the GUI thread.
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
    struct Lane
    {
        QLabel *label = nullptr;
        QString inputPath; // empty: idle
        bool busy = false;
    };
    struct Stats
    {
        BatchCounts counts;
        double imagesPerSecond = 0;
        double etaSeconds = -1;
    };

    void addLane();
    void scheduleRefresh();
    void refresh(); // shows what the events since the last refresh left
    void showStats(const Stats &stats);
    void showLane(const Lane &lane, int index);

    QProgressBar *m_bar;
    QLabel *m_statsLabel;
    QWidget *m_lanesBox;
    QVBoxLayout *m_lanesLayout;
    QList<Lane> m_lanes;
    QHash<JobId, int> m_laneOfJob;
    Stats m_stats;
    bool m_statsPending = false;
    QTimer m_refreshTimer;
    int m_total = 0;
};
