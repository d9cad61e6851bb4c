#include "workerpool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QThread>

#include "procmemory.h"
#include "workerpool_p.h"

Q_LOGGING_CATEGORY(lcPool, "pixelmill.pool", QtInfoMsg)

namespace {
constexpr int kHandshakeTimeoutMs = 10'000;

constexpr int kMaxChunk = 16;
constexpr qint64 kSmallInputBytes = 256 * 1024;

bool isSmallInput(const Job &job)
{
    return QFileInfo(job.inputPath).size() < kSmallInputBytes;
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
    // All are killed first, then each WorkerProcess reaps its process in its destructor.
    for (Private::Slot &slot : d->slots) {
        if (slot.worker) {
            slot.worker->disconnect(this);
            slot.worker->killWithoutWaiting();
        }
    }
    for (Private::Slot &slot : d->slots)
        delete slot.worker;
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
            slot.worker->stop(Private::kStopGraceMs);
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
