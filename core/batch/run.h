#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <memory>

#include "batch/plan.h"
#include "batch/report.h"
#include "pool/workerpool.h"

struct RunOptions
{
    PlanOptions plan;
    PoolOptions pool;
    // Keep the journal after a clean run too (normally removed once every image is done or
    // skipped and the outputs are synced; see Journal::retire).
    bool keepJournal = false;
};

// One batch: plans the folder, feeds a WorkerPool, keeps results, counts, rate and ETA.
// Signals carry values. Ownership: owns its pool. Threading: GUI/main thread.
class BatchRun : public QObject
{
    Q_OBJECT
public:
    explicit BatchRun(RunOptions options, QObject *parent = nullptr);
    ~BatchRun() override;

    // Plans and starts; emits setupFailed (and finished) when nothing can run.
    void start();
    // Runs an explicit job list (Retry failed) instead of planning a folder.
    void startJobs(const QList<Job> &jobs);
    void cancel();

    bool isRunning() const;
    const QList<JobResult> &results() const;
    const QList<Job> &jobs() const;
    BatchCounts counts() const;
    double elapsedSeconds() const;
    double imagesPerSecond() const;
    // Estimated seconds to the end; negative while unknown.
    double etaSeconds() const;
    bool writeReport(const QString &path, QString *error) const;

Q_SIGNALS:
    void planned(int total);
    void jobStarted(JobId id, int workerIndex, const QString &inputPath);
    void jobFinished(const JobResult &result);
    void setupFailed(const QString &message);
    void finished();

private:
    struct Private;
    std::unique_ptr<Private> d;
};
