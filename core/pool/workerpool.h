#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

#include "job.h"

// The lowest non-zero memory cap a front end accepts: below it a worker cannot even load its
// libraries, and every job would fail to start.
constexpr int kMinMemoryLimitMb = 256;

struct PoolOptions
{
    QString workerPath;          // pixelmill-worker; see locateWorkerExecutable()
    QStringList workerArguments; // extra arguments (the fake worker's script, in tests)
    int workerCount = 0;         // 0: the machine's cores
    int jobTimeoutMs = 60'000;   // per image; the worker is killed and replaced past it
    int maxRestarts = 20;        // respawn budget for the whole pool, with backoff
    // Recycle a worker whose resident memory is still over this after a job: a codec leak or
    // heap fragmentation that outlived its image. Measured from /proc, so a worker that
    // stays lean is kept for the whole batch (each start costs ~0.1 s of CPU). 0: never.
    int recycleResidentMb = 512;
    // Recycle a worker after this many jobs whatever its memory; 0: never.
    int jobsPerWorker = 20'000;
    // Each worker's address-space cap (RLIMIT_AS); a decoder past it fails its job with "not
    // enough memory" or at worst crashes its worker. 0: no cap. Ignored in sanitizer builds.
    int memoryLimitMb = 2048;
    // CPU time one job may use (RLIMIT_CPU, re-armed per job); past it the worker dies and
    // the job fails with "worker ran out of CPU time". 0: no cap. Wall time is jobTimeoutMs.
    int cpuLimitSeconds = 300;
    // Scheduling niceness of the workers (0..19). The GUI asks for a few steps below normal so
    // that its window, and the person's other programs, get a core as soon as they need one
    // (the workers are busy on every core for the whole batch). 0: the front end's priority.
    int workerNiceness = 0;
};

// The worker arguments that carry the resource caps and priority of `options`
// (--memory-limit-mb, --cpu-limit-s, --nice), followed by options.workerArguments.
QStringList workerArgumentsFor(const PoolOptions &options);

// Finds pixelmill-worker for a front end: beside the executable (build tree, extracted
// tree), then ../lib/pixelmill/ (installed). Empty when not found.
QString locateWorkerExecutable();

class WorkerProcess;

// N long-lived worker processes and a queue. Every submitted job ends with exactly one
// jobFinished, in completion order: crashes are retried once on a fresh worker, timeouts and
// protocol errors fail the job, cancel() reports "cancelled" for the rest.
//
// Threading: lives in and is used from one thread (the one with the event loop).
// Ownership: owns its WorkerProcess objects; destroying the pool kills every worker.
class WorkerPool : public QObject
{
    Q_OBJECT
public:
    explicit WorkerPool(PoolOptions options, QObject *parent = nullptr);
    ~WorkerPool() override;

    // Queues jobs (in the given order; callers sort largest first) and starts dispatching.
    void submit(const QList<Job> &jobs);
    // Starts every worker now, before there is work, so that their start-up overlaps the
    // caller's planning. Workers that are already up are left alone.
    void warmUp();
    // Nothing new is dispatched; running and queued jobs report Cancelled; workers are gone
    // within a second. drained() follows.
    void cancel();

    bool isIdle() const;
    int workerCount() const;
    const PoolOptions &options() const;

Q_SIGNALS:
    void jobStarted(JobId id, int workerIndex);
    void jobFinished(const JobResult &result);
    // The queue is empty and no job is running.
    void drained();
    // Emitted once when no worker can be started at all (missing binary, restart budget
    // spent); every job still gets its own jobFinished with FailureKind::WorkerStartFailed.
    void poolFailed(const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
