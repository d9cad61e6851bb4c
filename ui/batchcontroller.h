#pragma once

#include <QObject>

#include "batch/run.h"

class ResultsModel;

// Runs batches for the window: one BatchRun at a time, which keeps the verdicts (the
// ResultsModel is a view over them), runs Retry failed in place and writes the report.
//
// Ownership: owns the current BatchRun. The model is not owned; it points into that run's
// results(), so it must not be read after this is destroyed (MainWindow deletes it first).
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
    BatchCounts counts() const; // over every result shown
    double seconds() const;     // the first run and its retries
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
    void announceStart();
    void onFinished();

    ResultsModel *m_model;
    RunOptions m_options;
    BatchRun *m_run = nullptr;
    bool m_cancelled = false;
};
