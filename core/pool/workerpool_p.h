#pragma once

// WorkerPool's private state, shared by workerpool.cpp (the public API and dispatching) and
// workerpool_endings.cpp (what happens when a job or a worker ends). Not part of the API.

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>

#include <deque>
#include <vector>

#include "workerpool.h"
#include "workerprocess.h"

Q_DECLARE_LOGGING_CATEGORY(lcPool)

struct WorkerPool::Private
{
    static constexpr int kStopGraceMs = 400; // then SIGKILL: "workers are gone within a second"

    struct Slot
    {
        WorkerProcess *worker = nullptr;
        bool stopRequested = false; // we asked it to go (cancel, recycle): not a failure
        bool jobCausedExit = false; // a job's crash/timeout/garbage ended it: not a failure
        bool respawnScheduled = false;
        QString lastError;
    };

    WorkerPool *q;
    PoolOptions options;
    std::deque<Job> queue;
    QHash<JobId, Job> running;
    QHash<JobId, QDateTime> startedAt;
    QSet<JobId> retried;
    std::vector<Slot> slots;
    int unplannedExits = 0; // since the last result from any worker
    bool failed = false;
    QString failMessage;
    bool cancelling = false;
    bool drainPending = false;

    void dispatch();
    QList<Job> takeChunk();
    void spawn(int index);
    void onStartFailed(int index, const QString &message, bool fatal);
    void onJobEnded(int index, const JobResult &result, WorkerProcess::Ending ending);
    void onGone(int index);
    void requeue(const Job &job);
    void finish(JobResult result);
    void failPool(const QString &message);
    void maybeDrained();
    int startingCount() const;
    bool hasWorkers() const;
    bool shouldRecycle(const WorkerProcess &worker) const;
};
