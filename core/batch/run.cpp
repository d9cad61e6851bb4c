#include "batch/run.h"

#include "batch/journal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>
#include <QThreadPool>

Q_LOGGING_CATEGORY(lcRun, "pixelmill.run", QtInfoMsg)

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

BatchRun::BatchRun(RunOptions options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->options = std::move(options);
}

BatchRun::~BatchRun()
{
    if (d->planStop)
        d->planStop->store(true); // the application may be waiting on the pool thread to quit
}

void BatchRun::start()
{
    d->reset();
    // Planning sniffs every file of the folder: on a big folder that is seconds, which must
    // not freeze the GUI thread. planBatch is pure, so it runs on a pool thread and the result
    // comes back to this object's thread; a newer start() or cancel() makes it stale.
    // Workers take ~0.2 s each to load their libraries: start them while the folder is read.
    d->planning = true;
    d->pool = new WorkerPool(d->options.pool, this);
    d->connectPool();
    d->pool->warmUp();
    QPointer<BatchRun> self(this);
    const int started = d->generation;
    d->planStop = std::make_shared<std::atomic_bool>(false);
    PlanOptions planOptions = d->options.plan;
    planOptions.stop = d->planStop;
    QThreadPool::globalInstance()->start([self, started, options = std::move(planOptions)] {
        BatchPlan plan = planBatch(options);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, started, plan = std::move(plan)] {
                if (self && self->d->generation == started)
                    self->d->planned(plan);
            },
            Qt::QueuedConnection);
    });
}

void BatchRun::Private::planned(const BatchPlan &plan)
{
    if (!plan.error.isEmpty()) {
        failSetup(plan.error);
        finishLater();
        return;
    }
    planning = false;
    timer.start(); // the rate and the elapsed time leave the planning out
    planFingerprint = plan.fingerprint;
    inputRoot = plan.inputRoot;
    wholePlan = true; // Retry failed reruns part of this same plan: the counts cover it all
    jobs = plan.jobs;
    for (qsizetype i = 0; i < jobs.size(); ++i)
        indexById.insert(jobs.at(i).id, i);
    counts.total = plan.total();
    Q_EMIT q->planned(counts.total);
    for (const JobResult &result : plan.preResolved)
        record(result);
    dispatch(jobs);
}

bool BatchRun::retryFailed()
{
    if (d->running)
        return false;
    QList<Job> failed;
    for (const Job &job : std::as_const(d->jobs)) {
        const qsizetype row = d->rowById.value(job.id, -1);
        if (row >= 0 && d->results.at(row).status == JobStatus::Failed) {
            d->counts.remove(d->results.at(row)); // pending again until its new verdict
            failed.append(job);
        }
    }
    if (failed.isEmpty())
        return false;
    d->beginPass();
    Q_EMIT planned(d->counts.total);
    d->dispatch(failed);
    return true;
}

void BatchRun::cancel()
{
    if (!d->running)
        return;
    if (d->pool && !d->planning) {
        d->pool->cancel();
        return;
    }
    // Still planning: nothing was dispatched, so the run just ends (the plan becomes stale and
    // its scan stops at the next file, so quitting never waits for a big folder's walk).
    if (d->planStop)
        d->planStop->store(true);
    ++d->generation;
    d->finish();
}

bool BatchRun::isRunning() const
{
    return d->running;
}

const QList<JobResult> &BatchRun::results() const
{
    return d->results;
}

qsizetype BatchRun::rowOf(JobId id) const
{
    return d->rowById.value(id, -1);
}

const QList<Job> &BatchRun::jobs() const
{
    return d->jobs;
}

BatchCounts BatchRun::counts() const
{
    return d->counts;
}

double BatchRun::elapsedSeconds() const
{
    if (!d->running)
        return d->earlierSeconds;
    return d->earlierSeconds + d->timer.nsecsElapsed() / 1e9;
}

// Over this pass only. Pre-resolved verdicts (skipped before any work) cost nothing, nor do
// the verdicts of earlier passes: counting them would make the rate and the ETA of a
// mostly-skipped batch, or of a retry, wildly optimistic.
double BatchRun::imagesPerSecond() const
{
    const double seconds = d->running ? d->timer.nsecsElapsed() / 1e9 : d->passSeconds;
    const int processed = d->counts.finished() - d->finishedBeforePass;
    return seconds > 0 && processed > 0 ? processed / seconds : 0;
}

double BatchRun::etaSeconds() const
{
    const int remaining = d->counts.total - d->counts.finished();
    if (remaining <= 0)
        return 0;
    const double rate = imagesPerSecond();
    return rate > 0 ? remaining / rate : -1;
}

bool BatchRun::writeReport(const QString &path, QString *error) const
{
    ReportSummary summary;
    summary.total = d->counts.total;
    summary.seconds = elapsedSeconds();
    summary.planFingerprint = d->planFingerprint;
    summary.shardIndex = d->options.plan.shardIndex;
    summary.shardCount = d->options.plan.shardCount;
    return ::writeReport(path, d->results, summary, error);
}
