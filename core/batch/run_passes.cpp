#include "batch/run_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QThreadPool>

namespace {
// The plan makes output paths absolute and clean, so the folder is the text before the last
// slash: a QFileInfo per job was half the GUI thread's work when a 10,000-image plan arrived.
QString outputFolderOf(const QString &outputPath)
{
    const qsizetype slash = outputPath.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return QFileInfo(outputPath).absolutePath();
    return slash == 0 ? QStringLiteral("/") : outputPath.left(slash);
}
} // namespace

void BatchRun::Private::releasePool()
{
    if (!pool)
        return;
    // Idle workers are not kept between batches; deleting the pool ends them.
    pool->disconnect(q);
    pool->deleteLater();
    pool = nullptr;
}

// Forgets the previous batch entirely (a new start()).
void BatchRun::Private::reset()
{
    releasePool();
    jobs.clear();
    indexById.clear();
    results.clear();
    rowById.clear();
    counts = BatchCounts{};
    earlierSeconds = 0;
    wholePlan = false;
    beginPass();
}

// A pass is one start() or one retryFailed(): its own timer, rate and pool.
void BatchRun::Private::beginPass()
{
    planning = false;
    awaiting.clear();
    finishedBeforePass = counts.finished();
    setupReported = false;
    timer.start();
    running = true;
    ++generation;
}

void BatchRun::Private::dispatch(const QList<Job> &toRun)
{
    finishedBeforePass = counts.finished();
    if (toRun.isEmpty()) {
        finishLater();
        return;
    }
    const QList<Job> runnable = createOutputFolders(toRun);
    if (runnable.isEmpty()) {
        finishLater();
        return;
    }
    QString journalError;
    const Journal::Header header{inputRoot.isEmpty() ? options.plan.inputDir : inputRoot,
                                 planFingerprint, options.plan.shardIndex, options.plan.shardCount};
    // Without a journal the batch still runs; only a later resume loses these images.
    if (!journal.open(Journal::pathFor(options.plan), header, &journalError))
        qWarning("%s", qUtf8Printable(journalError));
    if (!pool) {
        pool = new WorkerPool(options.pool, q);
        connectPool();
    }
    for (const Job &job : runnable)
        awaiting.insert(job.id);
    pool->submit(runnable);
}

// The plan is pure, so the folders it names (the output folder and, when recursive, its
// mirrored subfolders) are made here; a job whose folder cannot be made fails alone.
QList<Job> BatchRun::Private::createOutputFolders(const QList<Job> &newJobs)
{
    QHash<QString, bool> made;
    QList<Job> runnable;
    runnable.reserve(newJobs.size());
    for (const Job &job : newJobs) {
        const QString folder = outputFolderOf(job.outputPath);
        auto it = made.find(folder);
        if (it == made.end())
            it = made.insert(folder, QDir().mkpath(folder));
        if (it.value())
            runnable.append(job);
        else
            record(JobResult::failed(
                job, FailureKind::WriteFailed,
                QStringLiteral("cannot create the output folder %1").arg(folder)));
    }
    return runnable;
}

void BatchRun::Private::connectPool()
{
    QObject::connect(pool, &WorkerPool::jobStarted, q, [this](JobId id, int worker) {
        const qsizetype index = indexById.value(id, -1);
        Q_EMIT q->jobStarted(id, worker, index >= 0 ? jobs.at(index).inputPath : QString());
    });
    QObject::connect(pool, &WorkerPool::jobFinished, q,
                     [this](const JobResult &result) { onPoolJobFinished(result); });
    QObject::connect(pool, &WorkerPool::poolFailed, q,
                     [this](const QString &message) { failSetup(message); });
    QObject::connect(pool, &WorkerPool::drained, q, [this] { onPoolDrained(); });
}

void BatchRun::Private::record(const JobResult &result)
{
    const auto row = rowById.constFind(result.id);
    if (row == rowById.cend()) {
        rowById.insert(result.id, results.size());
        results.append(result);
    } else {
        results[*row] = result; // a retry's verdict: its old one left the counts at retryFailed
    }
    counts.add(result);
    Q_EMIT q->jobFinished(result);
}

void BatchRun::Private::onPoolJobFinished(const JobResult &result)
{
    if (!running)
        return;
    if (!awaiting.remove(result.id)) {
        // The pool promises one verdict per job; a second would count an image twice.
        qCCritical(lcRun,
                   "job %llu (%s): a verdict for a job that has one or was never run; "
                   "ignored",
                   result.id, qUtf8Printable(result.inputPath));
        Q_ASSERT_X(false, "BatchRun", "a second verdict for one job");
        return;
    }
    if (result.isOk()) {
        const qsizetype index = indexById.value(result.id, -1);
        if (index >= 0)
            journal.recordDone(jobs.at(index), options.plan.namePattern, result.outputPath,
                               result.outputBytes);
    }
    record(result);
}

// The run ends here and only here once jobs were submitted: drained() means every job has its
// verdict and, after a cancel, that every worker is gone (and its temp files with it). The
// pool promises one jobFinished per job before it; a job without one is a bug in the pool,
// reported as such rather than covered up with an invented verdict.
void BatchRun::Private::onPoolDrained()
{
    if (!running)
        return;
    for (const JobId id : std::as_const(awaiting)) {
        const qsizetype index = indexById.value(id, -1);
        qCCritical(lcRun, "job %llu (%s): the pool drained without its verdict", id,
                   index >= 0 ? qUtf8Printable(jobs.at(index).inputPath) : "?");
    }
    Q_ASSERT_X(awaiting.isEmpty(), "BatchRun", "the pool drained without a verdict for a job");
    finish();
}

void BatchRun::Private::failSetup(const QString &message)
{
    if (setupReported)
        return;
    setupReported = true;
    Q_EMIT q->setupFailed(message);
}

void BatchRun::Private::finish()
{
    if (!running)
        return;
    running = false;
    passSeconds = timer.isValid() ? timer.nsecsElapsed() / 1e9 : 0;
    earlierSeconds += passSeconds;
    planning = false;
    releasePool();
    journal.close();
    if (endedClean())
        retireJournalThenFinish();
    else
        Q_EMIT q->finished();
}

// Every image of the plan done or skipped: nothing is left for a resume to do.
bool BatchRun::Private::endedClean() const
{
    return wholePlan && !options.keepJournal && counts.total > 0 &&
           counts.finished() == counts.total && counts.failed == 0 && counts.cancelled == 0;
}

// syncfs can take seconds on a slow or network disk, so it runs off the GUI thread; finished()
// comes once the outputs are durable and the journal is gone (the CLI exits on it).
void BatchRun::Private::retireJournalThenFinish()
{
    QPointer<BatchRun> self(q);
    QThreadPool::globalInstance()->start([self, started = generation,
                                          path = Journal::pathFor(options.plan),
                                          outputDir = options.plan.outputDir] {
        QString error;
        if (!Journal::retire(path, outputDir, &error))
            qWarning("%s", qUtf8Printable(error));
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, started] {
                if (self && self->d->generation == started)
                    Q_EMIT self->finished();
            },
            Qt::QueuedConnection);
    });
}
