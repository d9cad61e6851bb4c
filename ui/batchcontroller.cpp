#include "batchcontroller.h"

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
    if (m_run)
        m_run->deleteLater(); // may be inside one of its own signals
    m_run = new BatchRun(m_options, this);
    m_model->setSource(&m_run->results()); // before the old run goes
    BatchRun *run = m_run;
    connect(run, &BatchRun::planned, this, &BatchController::planned);
    connect(run, &BatchRun::jobStarted, this, &BatchController::jobStarted);
    connect(run, &BatchRun::jobFinished, this, [this, run](const JobResult &result) {
        m_model->rowArrived(run->rowOf(result.id));
        Q_EMIT jobFinished(result.id);
        Q_EMIT progressed(run->counts(), run->imagesPerSecond(), run->etaSeconds());
    });
    connect(run, &BatchRun::setupFailed, this, &BatchController::setupFailed);
    connect(run, &BatchRun::finished, this, &BatchController::onFinished);
    announceStart();
    run->start();
}

void BatchController::retryFailed()
{
    if (!m_run || m_run->isRunning() || m_run->counts().failed == 0)
        return;
    announceStart();
    if (m_run->retryFailed()) // the bar starts where the batch is, not at zero
        Q_EMIT progressed(m_run->counts(), m_run->imagesPerSecond(), m_run->etaSeconds());
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

BatchCounts BatchController::counts() const
{
    return m_run ? m_run->counts() : BatchCounts{};
}

double BatchController::seconds() const
{
    return m_run ? m_run->elapsedSeconds() : 0;
}

bool BatchController::writeReport(const QString &path, QString *error) const
{
    if (!m_run) {
        *error = tr("no batch has run");
        return false;
    }
    return m_run->writeReport(path, error);
}

void BatchController::announceStart()
{
    m_cancelled = false;
    const int workers =
        m_options.pool.workerCount > 0 ? m_options.pool.workerCount : QThread::idealThreadCount();
    Q_EMIT started(workers);
}

void BatchController::onFinished()
{
    m_model->flush();
    Q_EMIT finished(counts(), m_cancelled);
}
