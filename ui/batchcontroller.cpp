#include "batchcontroller.h"

#include <QSet>
#include <QThread>

#include "resultsmodel.h"

BatchController::BatchController(ResultsModel *model, QObject *parent)
    : QObject(parent), m_model(model)
{
}

BatchController::~BatchController() = default;

void BatchController::start(const RunOptions &options)
{
    m_options = options;
    m_model->clear();
    m_jobs.clear();
    m_seconds = 0;
    m_total = 0;
    launch(false, {});
}

void BatchController::retryFailed()
{
    const QList<Job> jobs = failedJobs();
    if (!jobs.isEmpty() && !isRunning())
        launch(true, jobs);
}

void BatchController::cancel()
{
    if (m_run && m_run->isRunning()) {
        m_cancelled = true;
        m_run->cancel();
    }
}

bool BatchController::isRunning() const
{
    return m_run && m_run->isRunning();
}

QList<Job> BatchController::failedJobs() const
{
    QSet<JobId> failed;
    for (const JobResult &r : m_model->allResults())
        if (r.status == JobStatus::Failed)
            failed.insert(r.id);
    QList<Job> jobs;
    for (const Job &job : m_jobs)
        if (failed.contains(job.id))
            jobs.append(job);
    return jobs;
}

BatchCounts BatchController::counts() const
{
    BatchCounts counts = m_model->counts();
    counts.total = qMax(counts.total, m_total);
    return counts;
}

bool BatchController::writeReport(const QString &path, QString *error) const
{
    return ::writeReport(path, m_model->allResults(), counts().total, m_seconds, error);
}

void BatchController::launch(bool retry, const QList<Job> &jobs)
{
    if (m_run)
        m_run->deleteLater(); // may be inside one of its own signals
    m_cancelled = false;
    m_run = new BatchRun(m_options, this);
    BatchRun *run = m_run;
    connect(run, &BatchRun::planned, this, [this, retry, run](int total) {
        if (!retry) {
            m_total = total;
            m_jobs = run->jobs();
        }
        Q_EMIT planned(total);
    });
    connect(run, &BatchRun::jobStarted, this, &BatchController::jobStarted);
    connect(run, &BatchRun::jobFinished, this, [this, run](const JobResult &result) {
        m_model->addResult(result);
        Q_EMIT jobFinished(result.id);
        Q_EMIT progressed(run->counts(), run->imagesPerSecond(), run->etaSeconds());
    });
    connect(run, &BatchRun::setupFailed, this, &BatchController::setupFailed);
    connect(run, &BatchRun::finished, this, &BatchController::onFinished);
    const int workers =
        m_options.pool.workerCount > 0 ? m_options.pool.workerCount : QThread::idealThreadCount();
    Q_EMIT started(workers);
    if (retry)
        run->startJobs(jobs);
    else
        run->start();
}

void BatchController::onFinished()
{
    m_seconds += m_run->elapsedSeconds();
    m_model->flush();
    Q_EMIT finished(counts(), m_cancelled);
}
