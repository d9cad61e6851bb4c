#include "batch/run_p.h"

#include <QCoreApplication>
#include <QThreadPool>

Q_LOGGING_CATEGORY(lcRun, "pixelmill.run", QtInfoMsg)

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
