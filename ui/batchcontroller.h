#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include "batch/run.h"

class ResultsModel;

// Runs batches for the window: one BatchRun at a time, its results fed into the
// ResultsModel, Retry failed over the model's failures, and the report over everything shown.
//
// Ownership: owns the current BatchRun; the model is not owned and must outlive this.
class BatchController : public QObject
{
    Q_OBJECT
public:
    explicit BatchController(ResultsModel *model, QObject *parent = nullptr);
    ~BatchController() override;

    void start(const RunOptions &options); // clears the results
    void retryFailed();                    // only the failures of the results shown
    void cancel();

    bool isRunning() const;
    QList<Job> failedJobs() const;
    BatchCounts counts() const; // over every result shown
    double seconds() const { return m_seconds; }
    QString outputFolder() const { return m_options.plan.outputDir; }
    bool writeReport(const QString &path, QString *error) const;

Q_SIGNALS:
    void started(int workerCount);
    void planned(int total);
    void jobStarted(JobId id, int workerIndex, const QString &inputPath);
    void jobFinished(JobId id);
    void progressed(const BatchCounts &counts, double imagesPerSecond, double etaSeconds);
    void setupFailed(const QString &message);
    void finished(const BatchCounts &counts, bool cancelled);

private:
    void launch(bool retry, const QList<Job> &jobs);
    void onFinished();

    ResultsModel *m_model;
    RunOptions m_options;
    BatchRun *m_run = nullptr;
    // Every job of the last start(), for Retry failed (whose jobs are some of these again).
    // A list shared with the run's, not a hash: copying 10,000 jobs into a hash cost the GUI
    // thread milliseconds at the plan and again at the end; Retry looks them up once.
    QList<Job> m_jobs;
    double m_seconds = 0;
    int m_total = 0;
    bool m_cancelled = false;
};
