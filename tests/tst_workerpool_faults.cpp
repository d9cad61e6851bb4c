#include "tst_workerpool.h"

void tst_WorkerPool::poisonedJob_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("segv") << "crash.png" << FailureKind::WorkerCrashed
                          << "worker crashed (signal 11)";
    QTest::newRow("abort") << "abort.png" << FailureKind::WorkerCrashed
                           << "worker crashed (signal 6)";
    QTest::newRow("oom abort") << "oom-abort.png" << FailureKind::WorkerCrashed
                               << "not enough memory to decode image (worker crashed (signal 6))";
    QTest::newRow("hang") << "hang.png" << FailureKind::Timeout << "timed out after 0.5 s";
    QTest::newRow("garbage") << "garbage.png" << FailureKind::ProtocolError << "not JSON";
    QTest::newRow("oversize") << "oversize.png" << FailureKind::ProtocolError << "exceeds";
    QTest::newRow("exit0") << "exit0.png" << FailureKind::ProtocolError << "without a result";
}

void tst_WorkerPool::poisonedJob()
{
    QFETCH(QString, name);
    QFETCH(FailureKind, kind);
    QFETCH(QString, fragment);
    PoolOptions o = options();
    o.jobTimeoutMs = 500;
    Recorder rec;
    auto pool = makePool(o, &rec);
    const Job poison = job(name);
    pool->submit({poison, job(QStringLiteral("a.png")), job(QStringLiteral("b.png")),
                  job(QStringLiteral("c.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    checkOnlyOneFailed(rec, 4, poison, kind, fragment);
    QVERIFY(leftoverTempFiles().isEmpty());
}

void tst_WorkerPool::crashOnceSucceedsOnRetry()
{
    Recorder rec;
    auto pool = makePool(options(), &rec);
    pool->submit({job(QStringLiteral("crash-once.png")), job(QStringLiteral("a.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    QCOMPARE(rec.results.size(), 2);
    for (const JobResult &r : rec.results)
        QVERIFY2(r.isOk(), qPrintable(r.message));
    QVERIFY(QFileInfo::exists(m_dir->filePath(QStringLiteral("in/crash-once.png.crashed"))));
}

// The output was in place when the worker died: the retry replaces it and the job is done.
void tst_WorkerPool::killedAfterWritingSucceedsOnRetry()
{
    Recorder rec;
    auto pool = makePool(options(), &rec);
    const Job killed = job(QStringLiteral("killedafterwrite.png"));
    pool->submit({killed, job(QStringLiteral("a.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    QCOMPARE(rec.results.size(), 2);
    for (const JobResult &r : rec.results)
        QVERIFY2(r.isOk(), qPrintable(r.message));
    QVERIFY(QFileInfo::exists(killed.inputPath + QStringLiteral(".killed")));
    QFile output(killed.outputPath);
    QVERIFY(output.open(QIODevice::ReadOnly));
    QCOMPARE(output.readAll(), "fake output of " + killed.inputPath.toUtf8());
}

// A file that was at the output path before the job started is not the crashed attempt's:
// the retry still refuses to replace it.
void tst_WorkerPool::retryKeepsAnOlderOutput()
{
    Recorder rec;
    auto pool = makePool(options(), &rec);
    const Job crashing = job(QStringLiteral("crash-once.png"));
    QVERIFY(QDir().mkpath(QFileInfo(crashing.outputPath).path()));
    QFile older(crashing.outputPath);
    QVERIFY(older.open(QIODevice::WriteOnly));
    older.write("someone else's");
    QVERIFY(older.flush()); // before the time is set: a later flush would stamp it anew
    QVERIFY(older.setFileTime(QDateTime::currentDateTime().addSecs(-3600),
                              QFileDevice::FileModificationTime));
    older.close();
    pool->submit({crashing});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    QCOMPARE(rec.results.size(), 1);
    QCOMPARE(int(rec.results[0].failure), int(FailureKind::OutputExists));
    QVERIFY(older.open(QIODevice::ReadOnly));
    QCOMPARE(older.readAll(), QByteArray("someone else's"));
}

void tst_WorkerPool::slowStart()
{
    Recorder rec;
    auto pool = makePool(options({QStringLiteral("--slow-start"), QStringLiteral("300")}), &rec);
    pool->submit({job(QStringLiteral("a.png")), job(QStringLiteral("b.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    QCOMPARE(rec.results.size(), 2);
    for (const JobResult &r : rec.results)
        QVERIFY2(r.isOk(), qPrintable(r.message));
}

void tst_WorkerPool::badVersionFailsPoolOnce()
{
    Recorder rec;
    auto pool = makePool(options({QStringLiteral("--bad-version")}), &rec);
    pool->submit(
        {job(QStringLiteral("a.png")), job(QStringLiteral("b.png")), job(QStringLiteral("c.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    checkPoolFailedOnce(rec, QStringLiteral("version"), 3);
}

void tst_WorkerPool::restartBudgetFailsPoolOnce()
{
    PoolOptions o = options({QStringLiteral("--exit-before-hello")});
    o.maxRestarts = 3;
    Recorder rec;
    auto pool = makePool(o, &rec);
    pool->submit({job(QStringLiteral("a.png")), job(QStringLiteral("b.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    // The worker's own last words reach the person.
    checkPoolFailedOnce(rec, QStringLiteral("exiting before hello"), 2);
    QVERIFY(workerPids().size() <= 2 * (o.maxRestarts + 1));
}

void tst_WorkerPool::missingBinaryFailsPoolOnce()
{
    PoolOptions o = options();
    o.workerPath = m_dir->filePath(QStringLiteral("no-such-worker"));
    Recorder rec;
    auto pool = makePool(o, &rec);
    const QList<Job> jobs = numberedJobs(QStringLiteral("a"), 5);
    pool->submit(jobs);
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    checkPoolFailedOnce(rec, QStringLiteral("no-such-worker"), 5);
    // A later batch fails the same way, without a second poolFailed.
    pool->submit({job(QStringLiteral("late.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 2, 20'000);
    QCOMPARE(rec.results.size(), 6);
    QCOMPARE(rec.poolFailures.size(), 1);
}

void tst_WorkerPool::thousandJobsOneResultEach()
{
    const QStringList poisons{QStringLiteral("crash"), QStringLiteral("garbage"),
                              QStringLiteral("exit0")};
    Recorder rec;
    auto pool = makePool(options(), &rec);
    QList<Job> jobs;
    QSet<JobId> poisoned;
    for (int i = 0; i < 1000; ++i) {
        const bool poison = i % 20 == 7;
        jobs.append(job(poison ? QStringLiteral("%1-%2.png").arg(poisons[(i / 20) % 3]).arg(i)
                               : QStringLiteral("ok-%1.png").arg(i)));
        if (poison)
            poisoned.insert(jobs.last().id);
    }
    QCOMPARE(poisoned.size(), 50);
    pool->submit(jobs);
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 60'000);
    QCOMPARE(rec.results.size(), 1000);
    QSet<JobId> seen;
    for (const JobResult &r : rec.results) {
        QVERIFY2(!seen.contains(r.id), "a job reported twice");
        seen.insert(r.id);
        QCOMPARE(r.isOk(), !poisoned.contains(r.id));
    }
    for (const Job &j : jobs)
        QVERIFY(seen.contains(j.id));
    QVERIFY(rec.poolFailures.isEmpty());
}

void tst_WorkerPool::runawayJob_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("cpu") << "spin.png" << FailureKind::Timeout << "worker ran out of CPU time";
#if !defined(__SANITIZE_ADDRESS__)
    QTest::newRow("memory") << "hog.png" << FailureKind::TooLarge
                            << "not enough memory to decode image";
#endif
}

// A job that burns CPU or asks for 8 GiB costs that job only, well before the wall-clock
// timeout, and is not retried (it would do the same again).
void tst_WorkerPool::runawayJob()
{
    QFETCH(QString, name);
    QFETCH(FailureKind, kind);
    QFETCH(QString, fragment);
    PoolOptions o = options();
    o.cpuLimitSeconds = 1;
    o.memoryLimitMb = 512;
    Recorder rec;
    auto pool = makePool(o, &rec);
    const Job runaway = job(name);
    pool->submit({runaway, job(QStringLiteral("a.png")), job(QStringLiteral("b.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 15'000);
    checkOnlyOneFailed(rec, 3, runaway, kind, fragment);
}
