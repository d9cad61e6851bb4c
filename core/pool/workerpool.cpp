#include "workerpool.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <deque>
#include <vector>

#include "outputfile.h"
#include "procmemory.h"
#include "workerprocess.h"

Q_LOGGING_CATEGORY(lcPool, "pixelmill.pool", QtInfoMsg)

namespace {
constexpr int kHandshakeTimeoutMs = 10'000;
constexpr int kStopGraceMs = 400; // then SIGKILL: "workers are gone within a second"
constexpr int kMaxBackoffMs = 2'000;

constexpr int kMaxChunk = 16;
constexpr qint64 kSmallInputBytes = 256 * 1024;

bool isSmallInput(const Job &job)
{
    return QFileInfo(job.inputPath).size() < kSmallInputBytes;
}

// writeFileAtomically writes to an unnamed O_TMPFILE where the file system allows it (nothing
// is left when a worker is killed); elsewhere, and while replacing a file, it uses a hidden
// named temporary file, which a killed worker leaves behind. Only files of that shape,
// touched since the job started, are removed.
void removeLeftoverTempFiles(const QString &outputPath, const QDateTime &since)
{
    if (outputPath.isEmpty())
        return;
    const QFileInfo output(outputPath);
    QDir dir = output.dir();
    const QStringList names = dir.entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
        if (!isAtomicWriteTemp(name, output.fileName()))
            continue;
        if (QFileInfo(dir.filePath(name)).lastModified() >= since.addSecs(-2))
            dir.remove(name);
    }
}
} // namespace

QStringList workerArgumentsFor(const PoolOptions &options)
{
    QStringList arguments;
    if (options.memoryLimitMb > 0)
        arguments << QStringLiteral("--memory-limit-mb") << QString::number(options.memoryLimitMb);
    if (options.cpuLimitSeconds > 0)
        arguments << QStringLiteral("--cpu-limit-s") << QString::number(options.cpuLimitSeconds);
    if (options.workerNiceness > 0)
        arguments << QStringLiteral("--nice") << QString::number(options.workerNiceness);
    return arguments + options.workerArguments;
}

QString locateWorkerExecutable()
{
    const QDir appDir(QCoreApplication::applicationDirPath());
    const QStringList candidates{
        appDir.filePath(QStringLiteral("pixelmill-worker")),
        appDir.filePath(QStringLiteral("../lib/pixelmill/pixelmill-worker")),
    };
    for (const QString &path : candidates) {
        const QFileInfo info(path);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return {};
}

struct WorkerPool::Private
{
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

WorkerPool::WorkerPool(PoolOptions options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->options = std::move(options);
    if (d->options.workerCount <= 0)
        d->options.workerCount = qMax(1, QThread::idealThreadCount());
    d->slots.resize(size_t(d->options.workerCount));
}

WorkerPool::~WorkerPool()
{
    // Each WorkerProcess kills its process and reaps it in its destructor.
    for (Private::Slot &slot : d->slots) {
        if (slot.worker) {
            slot.worker->disconnect(this);
            delete slot.worker;
        }
    }
}

void WorkerPool::submit(const QList<Job> &jobs)
{
    if (jobs.isEmpty())
        return;
    d->drainPending = true;
    d->cancelling = false;
    if (d->failed) {
        for (const Job &job : jobs)
            d->finish(JobResult::failed(job, FailureKind::WorkerStartFailed, d->failMessage));
        d->maybeDrained();
        return;
    }
    d->queue.insert(d->queue.end(), jobs.begin(), jobs.end());
    d->dispatch();
}

void WorkerPool::cancel()
{
    d->cancelling = true;
    const std::deque<Job> queued = std::exchange(d->queue, {});
    for (const Job &job : queued)
        d->finish(JobResult::cancelled(job));
    // Running jobs end as Cancelled once their worker is dead (WorkerProcess::stop).
    for (Private::Slot &slot : d->slots) {
        if (slot.worker) {
            slot.stopRequested = true;
            slot.worker->stop(kStopGraceMs);
        }
    }
    d->maybeDrained();
}

bool WorkerPool::isIdle() const
{
    return d->queue.empty() && d->running.isEmpty();
}

int WorkerPool::workerCount() const
{
    return d->options.workerCount;
}

const PoolOptions &WorkerPool::options() const
{
    return d->options;
}

void WorkerPool::warmUp()
{
    if (d->cancelling || d->failed)
        return;
    for (int i = 0; i < int(d->slots.size()); ++i)
        if (!d->slots[size_t(i)].worker && !d->slots[size_t(i)].respawnScheduled)
            d->spawn(i);
}

void WorkerPool::Private::dispatch()
{
    for (int i = 0; i < int(slots.size()) && !queue.empty(); ++i) {
        if (cancelling || failed)
            return;
        Slot &slot = slots[size_t(i)];
        if (!slot.worker) {
            if (!slot.respawnScheduled && int(queue.size()) > startingCount())
                spawn(i);
            continue;
        }
        if (!slot.worker->isReady())
            continue;
        const QList<Job> chunk = takeChunk();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Job &job : chunk) {
            running.insert(job.id, job);
            startedAt.insert(job.id, now);
        }
        slot.worker->run(chunk, options.jobTimeoutMs);
        for (const Job &job : chunk)
            Q_EMIT q->jobStarted(job.id, i);
    }
}

// Small inputs travel in chunks: a round trip to a worker costs about as much as decoding a
// thumbnail, so 10,000 tiny images would mostly wait on the pipe. Chunks shrink as the queue
// runs out, so the last jobs still spread over every worker.
QList<Job> WorkerPool::Private::takeChunk()
{
    QList<Job> chunk{queue.front()};
    queue.pop_front();
    const int limit = qMin(kMaxChunk, int(queue.size() / (4 * slots.size())));
    if (limit < 2 || !isSmallInput(chunk.first()))
        return chunk;
    while (chunk.size() < limit && !queue.empty() && isSmallInput(queue.front())) {
        chunk.append(queue.front());
        queue.pop_front();
    }
    return chunk;
}

bool WorkerPool::Private::shouldRecycle(const WorkerProcess &worker) const
{
    if (options.jobsPerWorker > 0 && worker.finishedJobs() >= options.jobsPerWorker)
        return true;
    constexpr qint64 kMb = 1024 * 1024;
    return options.recycleResidentMb > 0 && worker.pid() > 0 &&
           processMemory(worker.pid()).residentBytes > options.recycleResidentMb * kMb;
}

int WorkerPool::Private::startingCount() const
{
    int count = 0;
    for (const Slot &slot : slots)
        if (slot.worker && slot.worker->state() == WorkerProcess::State::Starting)
            ++count;
    return count;
}

bool WorkerPool::Private::hasWorkers() const
{
    for (const Slot &slot : slots)
        if (slot.worker)
            return true;
    return false;
}

void WorkerPool::Private::spawn(int index)
{
    auto *worker = new WorkerProcess(index, q);
    slots[size_t(index)] = Slot{worker, false, false, false, QString()};
    QObject::connect(worker, &WorkerProcess::started, q, [this] { dispatch(); });
    QObject::connect(worker, &WorkerProcess::startFailed, q,
                     [this, index](const QString &message, bool fatal) {
                         onStartFailed(index, message, fatal);
                     });
    QObject::connect(worker, &WorkerProcess::jobEnded, q,
                     [this, index](const JobResult &result, WorkerProcess::Ending ending) {
                         onJobEnded(index, result, ending);
                     });
    QObject::connect(worker, &WorkerProcess::gone, q, [this, index] { onGone(index); });
    worker->start(options.workerPath, workerArgumentsFor(options), kHandshakeTimeoutMs);
}

void WorkerPool::Private::onStartFailed(int index, const QString &message, bool fatal)
{
    qCWarning(lcPool, "worker %d failed to start: %s", index, qUtf8Printable(message));
    slots[size_t(index)].lastError = message;
    if (fatal)
        failPool(message);
}

void WorkerPool::Private::onJobEnded(int index, const JobResult &result,
                                     WorkerProcess::Ending ending)
{
    using Ending = WorkerProcess::Ending;
    const Job job = running.take(result.id);
    const QDateTime started = startedAt.take(result.id);
    Slot &slot = slots[size_t(index)];
    if (ending != Ending::Finished && ending != Ending::NotRun)
        slot.jobCausedExit = true;
    if (ending != Ending::Finished && ending != Ending::NotRun)
        removeLeftoverTempFiles(job.outputPath, started);

    if (ending == Ending::NotRun) {
        requeue(job);
        return; // the worker is going; onGone() dispatches
    }
    const bool retryable = ending == Ending::Crashed || ending == Ending::Exited;
    if (retryable && !cancelling && !retried.contains(job.id)) {
        qCInfo(lcPool, "job %llu: %s; retrying on a fresh worker", job.id,
               qUtf8Printable(result.message));
        retried.insert(job.id);
        requeue(job);
        return;
    }
    if (ending == Ending::Finished) {
        unplannedExits = 0;
        if (slot.worker->isReady() && shouldRecycle(*slot.worker)) {
            slot.stopRequested = true;
            slot.worker->stop(kStopGraceMs);
        }
    }
    JobResult finalResult = result;
    if (finalResult.inputPath.isEmpty())
        finalResult.inputPath = job.inputPath;
    finish(finalResult);
    dispatch();
    maybeDrained();
}

void WorkerPool::Private::onGone(int index)
{
    Slot &slot = slots[size_t(index)];
    slot.worker->deleteLater();
    slot.worker = nullptr;
    const bool unplanned = !slot.stopRequested && !slot.jobCausedExit;
    if (unplanned && !failed && !cancelling) {
        ++unplannedExits;
        const QString why = slot.lastError.isEmpty() ? QStringLiteral("worker stopped unexpectedly")
                                                     : slot.lastError;
        if (unplannedExits > options.maxRestarts) {
            failPool(QStringLiteral("workers keep failing (%1 restarts): %2")
                         .arg(unplannedExits - 1)
                         .arg(why));
        } else {
            // Back off so a worker that dies at start does not spin a core.
            const int delay = qMin(kMaxBackoffMs, 50 << qMin(unplannedExits - 1, 6));
            slot.respawnScheduled = true;
            QTimer::singleShot(delay, q, [this, index] {
                slots[size_t(index)].respawnScheduled = false;
                dispatch();
            });
        }
    }
    dispatch();
    maybeDrained();
}

void WorkerPool::Private::requeue(const Job &job)
{
    if (failed)
        finish(JobResult::failed(job, FailureKind::WorkerStartFailed, failMessage));
    else if (cancelling)
        finish(JobResult::cancelled(job));
    else
        queue.push_front(job);
}

void WorkerPool::Private::finish(JobResult result)
{
    retried.remove(result.id);
    Q_EMIT q->jobFinished(result);
}

void WorkerPool::Private::failPool(const QString &message)
{
    if (failed)
        return;
    failed = true;
    failMessage = message;
    // Busy workers finish their job; idle and starting ones are of no further use.
    for (Slot &slot : slots) {
        if (slot.worker && slot.worker->state() != WorkerProcess::State::Busy) {
            slot.stopRequested = true;
            slot.worker->stop(kStopGraceMs);
        }
    }
    Q_EMIT q->poolFailed(message);
    const std::deque<Job> queued = std::exchange(queue, {});
    for (const Job &job : queued)
        finish(JobResult::failed(job, FailureKind::WorkerStartFailed, message));
    maybeDrained();
}

void WorkerPool::Private::maybeDrained()
{
    if (!drainPending || !queue.empty() || !running.isEmpty())
        return;
    // After cancel() the promise is stronger: no worker process is left either.
    if (cancelling && hasWorkers())
        return;
    drainPending = false;
    Q_EMIT q->drained();
}
