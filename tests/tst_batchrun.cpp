#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "childprocesses.h"
#include "gradientimage.h"
#include <QThreadPool>

#include <unistd.h>

#include "batch/run.h"

// BatchRun end to end with the real pixelmill-worker (built beside this test).
class tst_BatchRun : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_in;
    QString m_out;

    // Sniffed as PNG (so planned), but no decoder can read it.
    static void writeCorrupt(const QString &path)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(300, '\x5a'));
    }
    RunOptions options() const
    {
        RunOptions o;
        o.plan.inputDir = m_in;
        o.plan.outputDir = m_out;
        o.plan.recipe.steps = {resizeStep(ResizeMode::Fit, 32, 32)};
        o.pool.workerPath = QCoreApplication::applicationDirPath() + "/pixelmill-worker";
        o.pool.workerCount = 2;
        o.pool.jobTimeoutMs = 30'000;
        return o;
    }
    // One input per name (named like a PNG, so planned), run by pixelmill-fakeworker, which
    // misbehaves as each input's name says (tests/fakeworker/main.cpp).
    RunOptions scriptedInputs(const QStringList &names) const
    {
        for (const QString &name : names) {
            QFile file(m_in + "/" + name + ".png");
            if (!file.open(QIODevice::WriteOnly) || file.write("scripted") != 8)
                qFatal("cannot write %s", qPrintable(file.fileName()));
        }
        RunOptions o = options();
        o.pool.workerPath = QCoreApplication::applicationDirPath() + "/pixelmill-fakeworker";
        return o;
    }
    // Every planned input has exactly one verdict, in the signals and in results().
    static void checkOneVerdictEach(const BatchRun &run, const QSignalSpy &verdicts, int inputs)
    {
        QCOMPARE(run.counts().total, inputs);
        QCOMPARE(run.counts().finished(), inputs);
        QCOMPARE(run.results().size(), qsizetype(inputs));
        QCOMPARE(verdicts.size(), inputs);
        QSet<JobId> seen;
        for (const QList<QVariant> &signal : verdicts)
            seen.insert(signal.first().value<JobResult>().id);
        QCOMPARE(seen.size(), inputs);
        for (const Job &job : run.jobs())
            QVERIFY2(seen.contains(job.id), qPrintable(job.inputPath));
    }
    // Starts `run`, cancels it once `signal` came, and checks that it ends with one verdict per
    // input, some of them "cancelled", and no worker left.
    template <typename Signal>
    static void cancelOnceStarted(BatchRun &run, Signal signal, int inputs)
    {
        QSignalSpy cue(&run, signal);
        QSignalSpy verdicts(&run, &BatchRun::jobFinished);
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start();
        QVERIFY(cue.wait(30'000));
        run.cancel();
        QVERIFY(finished.size() == 1 || finished.wait(10'000));
        checkOneVerdictEach(run, verdicts, inputs);
        QVERIFY(run.counts().cancelled > 0);
        QTRY_VERIFY(workerChildren().isEmpty());
    }
    // Worker processes (real or fake) whose parent is this test.
    static QList<int> workerChildren()
    {
        return liveChildProcesses(getpid(), {"pixelmill-work", "pixelmill-fake"});
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        const QString root = m_tmp.filePath(QTest::currentTestFunction());
        m_in = root + "/in";
        m_out = root + "/out";
        QVERIFY(QDir().mkpath(m_in));
    }

    void runsFolderWithOneCorruptFile()
    {
        writeGradientImage(m_in + "/a.png", {64, 48}, "PNG");
        writeGradientImage(m_in + "/b.jpg", {48, 64}, "JPEG");
        writeGradientImage(m_in + "/-dash [1] é.png", {100, 50}, "PNG");
        writeCorrupt(m_in + "/broken.png");
        BatchRun run(options());
        QSignalSpy planned(&run, &BatchRun::planned);
        QSignalSpy started(&run, &BatchRun::jobStarted);
        QSignalSpy finishedJobs(&run, &BatchRun::jobFinished);
        QSignalSpy finished(&run, &BatchRun::finished);
        QSignalSpy setupFailed(&run, &BatchRun::setupFailed);
        run.start();
        QVERIFY(run.isRunning());
        QVERIFY(finished.wait(30'000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(setupFailed.size(), 0);
        QCOMPARE(planned.size(), 1);
        QCOMPARE(planned.first().first().toInt(), 4);
        QCOMPARE(finishedJobs.size(), 4);
        QVERIFY(started.size() >= 4); // a crash retry may start a job twice
        QSet<QString> inputs;
        for (const Job &job : run.jobs())
            inputs.insert(job.inputPath);
        for (const QList<QVariant> &args : std::as_const(started))
            QVERIFY(inputs.contains(args.at(2).toString()));

        const BatchCounts counts = run.counts();
        QCOMPARE(counts.total, 4);
        QCOMPARE(counts.ok, 3);
        QCOMPARE(counts.failed, 1);
        QCOMPARE(run.results().size(), 4);
        QVERIFY(!run.isRunning());
        QCOMPARE(run.etaSeconds(), 0.0);
        QVERIFY(run.imagesPerSecond() > 0);
        QVERIFY(run.elapsedSeconds() > 0);
        for (const JobResult &r : run.results()) {
            if (r.inputPath.endsWith("broken.png")) {
                QVERIFY(r.status == JobStatus::Failed);
                QVERIFY(!r.message.isEmpty());
                QVERIFY(!QFileInfo::exists(m_out + "/broken.png"));
            } else {
                QVERIFY2(r.isOk(), qPrintable(r.message));
            }
        }
        QCOMPARE(QImageReader(m_out + "/a.png").size(), QSize(32, 24));
        QCOMPARE(QImageReader(m_out + "/b.jpg").size(), QSize(24, 32));
        QCOMPARE(QImageReader(m_out + "/-dash [1] é.png").size(), QSize(32, 16));

        QString error;
        QVERIFY2(run.writeReport(m_tmp.filePath("run.json"), &error), qPrintable(error));
        QFile report(m_tmp.filePath("run.json"));
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QJsonObject summary =
            QJsonDocument::fromJson(report.readAll()).object().value("summary").toObject();
        QCOMPARE(summary.value("ok").toInt(), 3);
        QCOMPARE(summary.value("failed").toInt(), 1);
        QTRY_VERIFY(workerChildren().isEmpty()); // the pool goes with the batch
    }

    // Planning runs off the calling thread; a cancel before it returns ends the run with
    // nothing dispatched and nothing written, and the late plan is dropped.
    void cancelWhilePlanningEndsAtOnce()
    {
        for (int i = 0; i < 20; ++i)
            writeGradientImage(m_in + QStringLiteral("/p%1.png").arg(i), {64, 48}, "PNG");
        BatchRun run(options());
        QSignalSpy planned(&run, &BatchRun::planned);
        QSignalSpy started(&run, &BatchRun::jobStarted);
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start();
        QVERIFY(run.isRunning());
        run.cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!run.isRunning());
        // Let the stale plan finish and be delivered: it must not start anything.
        QVERIFY(QThreadPool::globalInstance()->waitForDone(30'000));
        QCoreApplication::processEvents();
        QCOMPARE(planned.size(), 0);
        QCOMPARE(started.size(), 0);
        QCOMPARE(finished.size(), 1);
        QVERIFY(QDir(m_out).entryList(QDir::Files).isEmpty());
    }

    void skippedFilesAreReportedThroughJobFinished()
    {
        writeGradientImage(m_in + "/a.png", {20, 20}, "PNG");
        writeGradientImage(m_in + "/b.png", {20, 20}, "PNG");
        QVERIFY(QDir().mkpath(m_out));
        QFile existing(m_out + "/a.png");
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me");
        existing.close();
        BatchRun run(options());
        QSignalSpy finishedJobs(&run, &BatchRun::jobFinished);
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start();
        QVERIFY(finished.wait(30'000));
        QCOMPARE(finishedJobs.size(), 2);
        QCOMPARE(run.counts().skipped, 1);
        QCOMPARE(run.counts().ok, 1);
        QSet<JobId> ids;
        for (const JobResult &r : run.results())
            ids.insert(r.id);
        QCOMPARE(ids.size(), 2);
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("keep me"));
    }

    void everythingSkippedFinishesAfterStartReturns()
    {
        writeGradientImage(m_in + "/a.png", {20, 20}, "PNG");
        QVERIFY(QDir().mkpath(m_out));
        QVERIFY(QFile::copy(m_in + "/a.png", m_out + "/a.png"));
        BatchRun run(options());
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start();
        QCOMPARE(finished.size(), 0);
        QVERIFY(finished.wait(5000));
        QCOMPARE(run.counts().skipped, 1);
        QCOMPARE(run.results().size(), 1);
    }

    void planErrorReportsSetupFailed()
    {
        RunOptions o = options();
        o.plan.inputDir = m_in + "/missing";
        BatchRun run(o);
        QSignalSpy setupFailed(&run, &BatchRun::setupFailed);
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(setupFailed.size(), 1);
        QVERIFY(setupFailed.first().first().toString().contains("does not exist"));
        QCOMPARE(run.counts().total, 0);
    }

    void missingWorkerFailsEveryJobAndReportsOnce()
    {
        writeGradientImage(m_in + "/a.png", {20, 20}, "PNG");
        writeGradientImage(m_in + "/b.png", {20, 20}, "PNG");
        RunOptions o = options();
        o.pool.workerPath = m_tmp.filePath("no-such-worker");
        BatchRun run(o);
        QSignalSpy setupFailed(&run, &BatchRun::setupFailed);
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start();
        QVERIFY(finished.wait(30'000));
        QCOMPARE(setupFailed.size(), 1);
        QCOMPARE(run.counts().failed, 2);
        for (const JobResult &r : run.results())
            QVERIFY(r.failure == FailureKind::WorkerStartFailed);
    }

    // Outputs are not fsynced one by one: after a power loss during a run (the journal is
    // still there) one may be there but empty. The journal records each output's size, so
    // --resume redoes exactly that one, in place.
    void resumeRedoesAnOutputCutShort()
    {
        for (const char *name : {"a.png", "b.png", "c.png"})
            writeGradientImage(m_in + "/" + name, {64, 64}, "PNG");
        {
            RunOptions o = options();
            o.keepJournal = true; // as if the power went before the run could end
            BatchRun run(o);
            QSignalSpy finished(&run, &BatchRun::finished);
            run.start();
            QVERIFY(finished.wait(30'000));
            QCOMPARE(run.counts().ok, 3);
        }
        QFile cut(m_out + "/b.png");
        QVERIFY(cut.resize(0));
        RunOptions o = options();
        o.plan.resume = true;
        BatchRun resumed(o);
        QSignalSpy finished(&resumed, &BatchRun::finished);
        resumed.start();
        QVERIFY(finished.wait(30'000));
        QCOMPARE(resumed.counts().ok, 1);
        QCOMPARE(resumed.counts().skipped, 2);
        for (const JobResult &r : resumed.results())
            if (r.isOk())
                QCOMPARE(r.outputPath, m_out + "/b.png");
        QCOMPARE(QImageReader(m_out + "/b.png").size(), QSize(32, 32));
        QStringList files = QDir(m_out).entryList(QDir::Files | QDir::Hidden);
        files.sort();
        QCOMPARE(files, QStringList({"a.png", "b.png", "c.png"})); // clean: journal retired
    }

    void retryFailedReplacesItsVerdictInPlace()
    {
        writeGradientImage(m_in + "/a.png", {64, 64}, "PNG");
        writeCorrupt(m_in + "/b.png");
        BatchRun run(options());
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start();
        QVERIFY(finished.wait(30'000));
        QCOMPARE(run.counts().failed, 1);
        qsizetype failedRow = -1;
        for (qsizetype row = 0; row < run.results().size(); ++row)
            if (run.results().at(row).status == JobStatus::Failed)
                failedRow = row;
        QVERIFY(failedRow >= 0);
        const JobId failedId = run.results().at(failedRow).id;
        writeGradientImage(m_in + "/b.png", {64, 32}, "PNG"); // the person fixed the file
        QSignalSpy planned(&run, &BatchRun::planned);
        QSignalSpy verdicts(&run, &BatchRun::jobFinished);
        QVERIFY(run.retryFailed());
        QVERIFY(finished.wait(30'000));
        QCOMPARE(planned.first().first().toInt(), 2); // the whole batch, as before
        QCOMPARE(verdicts.size(), 1);                 // only the failed job ran again
        QCOMPARE(run.counts().total, 2);
        QCOMPARE(run.counts().ok, 2);
        QCOMPARE(run.counts().failed, 0);
        QCOMPARE(run.results().size(), 2); // replaced, not appended
        QCOMPARE(run.rowOf(failedId), failedRow);
        QVERIFY(run.results().at(failedRow).isOk());
        QCOMPARE(QImageReader(m_out + "/b.png").size(), QSize(32, 16));
        QVERIFY(!run.retryFailed()); // nothing left to retry
    }

    // Crashes (retried once, then failed), hangs, garbage and silent exits of the fake worker:
    // the run still ends (on the pool's drained) with exactly one verdict per input.
    void faultyWorkersGiveOneVerdictEach()
    {
        const QStringList names{"crash", "abort", "hang", "garbage", "oversize",
                                "exit0", "fail",  "ok-1", "ok-2",    "ok-3"};
        RunOptions o = scriptedInputs(names);
        o.pool.jobTimeoutMs = 500;
        BatchRun run(o);
        QSignalSpy verdicts(&run, &BatchRun::jobFinished);
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start();
        QVERIFY(finished.wait(60'000));
        checkOneVerdictEach(run, verdicts, int(names.size()));
        QCOMPARE(run.counts().ok, 3);
        QCOMPARE(run.counts().failed, int(names.size()) - 3);
    }

    void cancelOfHungAndSlowJobsGivesOneVerdictEach()
    {
        const QStringList names{"hang", "stuckwrite", "slow-3000-a", "slow-3000-b", "ok-1", "ok-2"};
        BatchRun run(scriptedInputs(names));
        cancelOnceStarted(run, &BatchRun::jobStarted, int(names.size()));
    }

    void cancelEndsEveryJobAndEveryWorker()
    {
        writeGradientImage(m_in + "/seed.png", {900, 700}, "PNG");
        for (int i = 0; i < 60; ++i)
            QVERIFY(QFile::copy(m_in + "/seed.png", m_in + QStringLiteral("/copy%1.png").arg(i)));
        RunOptions o = options();
        o.plan.recipe = Recipe{}; // full-size PNG encodes keep the workers busy
        o.plan.recipe.format = OutputFormat::Tiff;
        o.pool.workerCount = 1;
        BatchRun run(o);
        cancelOnceStarted(run, &BatchRun::jobFinished, 61);
    }
};

QTEST_GUILESS_MAIN(tst_BatchRun)
#include "tst_batchrun.moc"
