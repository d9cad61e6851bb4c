#pragma once

// BatchRun's state and steps, shared by run.cpp (the public API and the plan's arrival) and
// run_passes.cpp (dispatch to the pool, verdicts, and the end of a run).

#include "batch/journal.h"
#include "batch/run.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>

#include <atomic>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcRun)

// The run's state and steps. Kept out of run.h so that the declared interface stays as
// agreed; signals are emitted through q.
struct BatchRun::Private
{
    BatchRun *q = nullptr;
    RunOptions options;
    QPointer<WorkerPool> pool;
    Journal journal;
    // Of the last plan run (start()); Retry failed keeps them: it is the same batch.
    QString planFingerprint;
    QString inputRoot;
    bool wholePlan = false; // the jobs are a plan's (retries included): a clean end retires
    QList<Job> jobs;
    QHash<JobId, qsizetype> indexById; // into jobs
    QList<JobResult> results;          // the batch's verdicts: the one copy of them
    QHash<JobId, qsizetype> rowById;   // into results
    QSet<JobId> awaiting;              // submitted to the pool in this pass, no verdict yet
    BatchCounts counts;
    int finishedBeforePass = 0; // verdicts that cost this pass nothing; left out of the rate
    QElapsedTimer timer;        // this pass
    double passSeconds = 0;     // the last pass's length, once it has finished
    double earlierSeconds = 0;  // the passes before this one (all of them once finished)
    bool running = false;
    bool planning = false; // start() is waiting for its plan; the pool is warming up
    std::shared_ptr<std::atomic_bool> planStop; // abandons the scan of the current plan
    bool setupReported = false;
    int generation = 0; // counts start()s, so that a stale timer never ends a newer run

    void reset();
    void beginPass();
    void dispatch(const QList<Job> &toRun);
    void releasePool();
    QList<Job> createOutputFolders(const QList<Job> &newJobs);
    void connectPool();
    void record(const JobResult &result);
    void onPoolJobFinished(const JobResult &result);
    void onPoolDrained();
    void failSetup(const QString &message);
    void planned(const BatchPlan &plan);
    void finish();
    bool endedClean() const;
    void retireJournalThenFinish();
    // Queued so that finished() never arrives before start() has returned.
    void finishLater()
    {
        QMetaObject::invokeMethod(
            q,
            [this, started = generation] {
                if (started == generation)
                    finish();
            },
            Qt::QueuedConnection);
    }
};
