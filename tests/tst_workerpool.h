#pragma once

// The worker pool's test: one class, one executable, in two files:
//   tst_workerpool.cpp         the fixture, and the pool's life: reuse, cancel, completion order,
//                              warm-up, recycling, workers gone with the pool or its parent, caps
//   tst_workerpool_faults.cpp  a job or a worker that misbehaves: crash, hang, garbage, silent
//                              exit, bad version, restart budget, missing binary, runaway jobs

#include <QtTest>

#include <QDir>
#include <QSet>

#include <cerrno>
#include <csignal>
#include <memory>

#include "pool/workerpool.h"

// The pool against pixelmill-fakeworker, whose behaviour each job's input name scripts.
class tst_WorkerPool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void allSucceedOnReusedWorkers();
    void poisonedJob_data();
    void poisonedJob();
    void crashOnceSucceedsOnRetry();
    void killedAfterWritingSucceedsOnRetry();
    void retryKeepsAnOlderOutput();
    void slowStart();
    void badVersionFailsPoolOnce();
    void restartBudgetFailsPoolOnce();
    void missingBinaryFailsPoolOnce();
    void cancelMidBatch();
    void completionOrder();
    void warmUpStartsWorkersBeforeWork();
    void recyclesWorkers();
    void recyclesWorkersThatGrow();
    void thousandJobsOneResultEach();
    void workersGoneAfterDestroy();
    void workerDiesWithItsParent();
    void resourceCapsReachTheWorker();
    void runawayJob_data();
    void runawayJob();

private:
    struct Recorder
    {
        QList<JobResult> results;
        QList<QString> poolFailures;
        int drained = 0;
        QSet<JobId> started;
    };

    Job job(const QString &name);
    // count jobs named <prefix>0.png, <prefix>1.png, ...
    QList<Job> numberedJobs(const QString &prefix, int count);
    // The pool reported one failure, naming `fragment`, and every job failed to start.
    static void checkPoolFailedOnce(const Recorder &rec, const QString &fragment, int jobs);
    // `jobs` results: `bad` failed with `kind` and a message naming `fragment`, the rest ok.
    static void checkOnlyOneFailed(const Recorder &rec, int jobs, const Job &bad, FailureKind kind,
                                   const QString &fragment);
    PoolOptions options(const QStringList &extraArguments = {}) const;
    std::unique_ptr<WorkerPool> makePool(const PoolOptions &options, Recorder *recorder);
    QSet<qint64> workerPids() const;
    QStringList leftoverTempFiles() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    JobId m_nextId = 1;
};

inline bool processGone(qint64 pid)
{
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return true;
    // An orphan is reaped by whoever adopted it; a container's pid 1 may never reap it.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2, 1) == "Z";
}

inline JobResult resultFor(const QList<JobResult> &results, JobId id)
{
    for (const JobResult &r : results)
        if (r.id == id)
            return r;
    return {};
}
