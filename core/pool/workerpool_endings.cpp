// WorkerPool, continued: what happens when a job ends (retry, requeue, verdict) or a worker
// goes (respawn with backoff, or the pool fails), and when the pool has drained.
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include "outputfile.h"
#include "workerpool_p.h"

namespace {
constexpr int kMaxBackoffMs = 2'000;

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
// True when `path` holds a file made since `since`: by the attempt that crashed, since the
// plan found the path free (or was told to replace what is there). The kernel stamps files
// with a coarse clock that may lag the pool's by a few ms, hence the margin.
bool writtenSince(const QString &path, const QDateTime &since)
{
    const QFileInfo output(path);
    return !path.isEmpty() && output.exists() && output.lastModified() >= since.addMSecs(-50);
}
} // namespace

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
        // A worker killed between putting its output in place and reporting it leaves a
        // whole file (the link is atomic) that the retry must replace, not fail on.
        Job again = job;
        if (!again.overwrite && writtenSince(job.outputPath, started))
            again.overwrite = true;
        requeue(again);
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
