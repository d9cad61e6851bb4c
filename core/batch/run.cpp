#include "batch/run.h"

#include "batch/journal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

namespace {
constexpr int kDrainGraceMs = 10'000;

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
    // Of the last plan run (start()); a retry (startJobs) keeps them: it is the same batch.
    QString planFingerprint;
    QString inputRoot;
    bool wholePlan = false; // the jobs are a plan's, not a retry's list: a clean end retires
    QList<Job> jobs;
    QHash<JobId, qsizetype> indexById; // into jobs
    QList<JobResult> results;
    BatchCounts counts;
    int preResolved = 0; // finished without a worker; left out of the rate
    QElapsedTimer timer;
    double frozenSeconds = 0; // elapsed time once finished
    bool running = false;
    bool planning = false; // start() is waiting for its plan; the pool is warming up
    std::shared_ptr<std::atomic_bool> planStop; // abandons the scan of the current plan
    bool setupReported = false;
    int generation = 0; // counts start()s, so that a stale timer never ends a newer run

    void reset(const QList<Job> &newJobs, bool keepPool = false);
    void run(const QList<Job> &newJobs, const QList<JobResult> &preResolvedResults,
             bool keepPool = false);
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

void BatchRun::Private::reset(const QList<Job> &newJobs, bool keepPool)
{
    if (!keepPool)
        releasePool();
    planning = false;
    jobs = newJobs;
    indexById.clear();
    for (qsizetype i = 0; i < jobs.size(); ++i)
        indexById.insert(jobs.at(i).id, i);
    results.clear();
    counts = BatchCounts{};
    preResolved = 0;
    frozenSeconds = 0;
    setupReported = false;
    wholePlan = false;
    timer.start();
    running = true;
    ++generation;
}

void BatchRun::Private::run(const QList<Job> &newJobs, const QList<JobResult> &preResolvedResults,
                            bool keepPool)
{
    reset(newJobs, keepPool);
    counts.total = int(newJobs.size() + preResolvedResults.size());
    Q_EMIT q->planned(counts.total);
    for (const JobResult &result : preResolvedResults) {
        ++preResolved;
        record(result);
    }
    if (newJobs.isEmpty()) {
        finishLater();
        return;
    }
    const QList<Job> runnable = createOutputFolders(newJobs);
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
    results.append(result);
    counts.add(result);
    Q_EMIT q->jobFinished(result);
}

void BatchRun::Private::onPoolJobFinished(const JobResult &result)
{
    if (!running)
        return;
    if (result.isOk()) {
        const qsizetype index = indexById.value(result.id, -1);
        if (index >= 0)
            journal.recordDone(jobs.at(index), options.plan.namePattern, result.outputPath,
                               result.outputBytes);
    }
    record(result);
    // The run ends on drained(), which after a cancel also means every worker is gone (and
    // its temp files with it). Should drained() never come, the verdicts are all in anyway.
    if (counts.finished() >= counts.total)
        QTimer::singleShot(kDrainGraceMs, q, [this, started = generation] {
            if (started == generation)
                finish();
        });
}

// The pool promises one jobFinished per job before drained; should one ever be missing, the
// job still gets a verdict so that counts add up and the run ends.
void BatchRun::Private::onPoolDrained()
{
    if (!running)
        return;
    QSet<JobId> seen;
    for (const JobResult &result : std::as_const(results))
        seen.insert(result.id);
    for (const Job &job : std::as_const(jobs))
        if (!seen.contains(job.id))
            record(JobResult::failed(job, FailureKind::Internal,
                                     QStringLiteral("the worker pool ended without a result")));
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
    frozenSeconds = timer.isValid() ? timer.nsecsElapsed() / 1e9 : 0;
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
    d->reset({});
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
    if (plan.error.isEmpty()) {
        planFingerprint = plan.fingerprint;
        inputRoot = plan.inputRoot;
        run(plan.jobs, plan.preResolved, /*keepPool=*/true);
        wholePlan = true;
        return;
    }
    failSetup(plan.error);
    finishLater();
}

void BatchRun::startJobs(const QList<Job> &jobs)
{
    d->run(jobs, {});
    d->wholePlan = false;
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
        return d->frozenSeconds;
    return d->timer.nsecsElapsed() / 1e9;
}

// Pre-resolved verdicts (skipped before any work) cost nothing: counting them would make the
// rate and the ETA of a mostly-skipped batch wildly optimistic.
double BatchRun::imagesPerSecond() const
{
    const double seconds = elapsedSeconds();
    const int processed = d->counts.finished() - d->preResolved;
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
