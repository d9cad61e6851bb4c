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
// It is the one owner of the batch's verdicts: the CLI's report and the GUI's table
// (ResultsModel, a view over results()) both read them here.
// A run ends only when its pool has drained: every job it submitted then has its verdict.
// Signals carry values. Ownership: owns its pool. Threading: GUI/main thread.
class BatchRun : public QObject
{
    Q_OBJECT
public:
    explicit BatchRun(RunOptions options, QObject *parent = nullptr);
    ~BatchRun() override;

    // Plans and starts; emits setupFailed (and finished) when nothing can run.
    void start();
    // Runs the jobs whose verdict is Failed again, once the run has finished. Each new verdict
    // replaces the old one in place (same row of results()); counts, the report and the
    // elapsed time cover the whole batch. False when there is nothing to retry.
    bool retryFailed();
    void cancel();

    bool isRunning() const;
    // One verdict per job, in arrival order; a retried job keeps its row. The list object
    // lives as long as this run (a view may keep a pointer to it).
    const QList<JobResult> &results() const;
    // The row of results() that holds `id`'s verdict; -1 before it has one.
    qsizetype rowOf(JobId id) const;
    const QList<Job> &jobs() const;
    BatchCounts counts() const;
    // Over every pass (the first run and each retry).
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
