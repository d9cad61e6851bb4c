#pragma once

#include <QList>
#include <QSize>
#include <QString>
#include <QTemporaryDir>

#include <memory>

#include "job.h"
#include "pool/workerpool.h"

// What the tests of the real pixelmill-worker share: a fresh folder per test with images
// drawn by Qt (the expected values come from there, not from the engine), jobs for them that
// fit into 100x100 and write into out/, and pools whose verdicts are recorded.
class WorkerFixture
{
protected:
    struct Recorder
    {
        QList<JobResult> results;
        QList<QString> poolFailures;
        int drained = 0;
    };

    // From the test's init(): a new folder with out/ in it, and the worker beside the test.
    void setUp();
    QString makeImage(const QString &name, QSize size);
    Job job(const QString &inputPath);
    std::unique_ptr<WorkerPool> makePool(int workers, Recorder *recorder);

    std::unique_ptr<QTemporaryDir> m_dir;
    JobId m_nextId = 1;
};
