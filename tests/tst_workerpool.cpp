#include <QtTest>

#include <QDir>
#include <QSet>

#include <cerrno>
#include <csignal>
#include <memory>

#include "pool/workerpool.h"

// The pool against pixelmill-fakeworker, whose behaviour each job's input name scripts.
class tst_WorkerPool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void allSucceedOnReusedWorkers();
    void poisonedJob_data();
    void poisonedJob();
    void crashOnceSucceedsOnRetry();
    void slowStart();
    void badVersionFailsPoolOnce();
    void restartBudgetFailsPoolOnce();
    void missingBinaryFailsPoolOnce();
    void cancelMidBatch();
    void completionOrder();
    void warmUpStartsWorkersBeforeWork();
    void recyclesWorkers();
    void recyclesWorkersThatGrow();
    void thousandJobsOneResultEach();
    void workersGoneAfterDestroy();
    void workerDiesWithItsParent();
    void resourceCapsReachTheWorker();
    void runawayJob_data();
    void runawayJob();

private:
    struct Recorder
    {
        QList<JobResult> results;
        QList<QString> poolFailures;
        int drained = 0;
        QSet<JobId> started;
    };

    Job job(const QString &name);
    PoolOptions options(const QStringList &extraArguments = {}) const;
    std::unique_ptr<WorkerPool> makePool(const PoolOptions &options, Recorder *recorder);
    QSet<qint64> workerPids() const;
    QStringList leftoverTempFiles() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    JobId m_nextId = 1;
};

namespace {
bool processGone(qint64 pid)
{
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return true;
    // An orphan is reaped by whoever adopted it; a container's pid 1 may never reap it.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2, 1) == "Z";
}

JobResult resultFor(const QList<JobResult> &results, JobId id)
{
    for (const JobResult &r : results)
        if (r.id == id)
            return r;
    return {};
}
} // namespace

void tst_WorkerPool::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QDir(m_dir->path()).mkpath(QStringLiteral("in"));
    QDir(m_dir->path()).mkpath(QStringLiteral("out"));
    QDir(m_dir->path()).mkpath(QStringLiteral("pids"));
}

Job tst_WorkerPool::job(const QString &name)
{
    Job j;
    j.id = m_nextId++;
    j.inputPath = m_dir->filePath(QStringLiteral("in/") + name);
    j.outputPath = m_dir->filePath(QStringLiteral("out/%1-%2.out").arg(name).arg(j.id));
    return j;
}

PoolOptions tst_WorkerPool::options(const QStringList &extraArguments) const
{
    PoolOptions o;
    o.workerPath = QCoreApplication::applicationDirPath() + QStringLiteral("/pixelmill-fakeworker");
    o.workerArguments =
        QStringList{QStringLiteral("--pid-dir"), m_dir->filePath(QStringLiteral("pids"))} +
        extraArguments;
    o.workerCount = 2;
    o.jobTimeoutMs = 20'000;
    return o;
}

std::unique_ptr<WorkerPool> tst_WorkerPool::makePool(const PoolOptions &options, Recorder *recorder)
{
    auto pool = std::make_unique<WorkerPool>(options);
    connect(pool.get(), &WorkerPool::jobFinished, this,
            [recorder](const JobResult &r) { recorder->results.append(r); });
    connect(pool.get(), &WorkerPool::jobStarted, this,
            [recorder](JobId id, int) { recorder->started.insert(id); });
    connect(pool.get(), &WorkerPool::drained, this, [recorder] { ++recorder->drained; });
    connect(pool.get(), &WorkerPool::poolFailed, this,
            [recorder](const QString &message) { recorder->poolFailures.append(message); });
    return pool;
}

QSet<qint64> tst_WorkerPool::workerPids() const
{
    QSet<qint64> pids;
    const QStringList names = QDir(m_dir->filePath(QStringLiteral("pids"))).entryList(QDir::Files);
    for (const QString &name : names)
        pids.insert(name.toLongLong());
    return pids;
}

QStringList tst_WorkerPool::leftoverTempFiles() const
{
    QStringList temps;
    const QStringList names =
        QDir(m_dir->filePath(QStringLiteral("out"))).entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : names)
        if (!name.endsWith(QLatin1String(".out")))
            temps.append(name);
    return temps;
}

void tst_WorkerPool::allSucceedOnReusedWorkers()
{
    Recorder rec;
    auto pool = makePool(options(), &rec);
    QList<Job> jobs;
    for (int i = 0; i < 20; ++i)
        jobs.append(job(QStringLiteral("ok%1.png").arg(i)));
    pool->submit(jobs);
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    QCOMPARE(rec.results.size(), 20);
    for (const JobResult &r : rec.results) {
        QVERIFY2(r.isOk(), qPrintable(r.message));
        QVERIFY(QFileInfo::exists(r.outputPath));
    }
    QCOMPARE(workerPids().size(), 2); // reused, not one process per job
    QVERIFY(pool->isIdle());
}

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
    QCOMPARE(rec.results.size(), 4);
    const JobResult bad = resultFor(rec.results, poison.id);
    QCOMPARE(toString(bad.status), toString(JobStatus::Failed));
    QCOMPARE(toString(bad.failure), toString(kind));
    QVERIFY2(bad.message.contains(fragment), qPrintable(bad.message));
    QCOMPARE(bad.inputPath, poison.inputPath);
    for (const JobResult &r : rec.results)
        if (r.id != poison.id)
            QVERIFY2(r.isOk(), qPrintable(r.message));
    QVERIFY(rec.poolFailures.isEmpty());
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
    QCOMPARE(rec.poolFailures.size(), 1);
    QVERIFY2(rec.poolFailures.first().contains(QLatin1String("version")),
             qPrintable(rec.poolFailures.first()));
    QCOMPARE(rec.results.size(), 3);
    for (const JobResult &r : rec.results)
        QCOMPARE(toString(r.failure), toString(FailureKind::WorkerStartFailed));
}

void tst_WorkerPool::restartBudgetFailsPoolOnce()
{
    PoolOptions o = options({QStringLiteral("--exit-before-hello")});
    o.maxRestarts = 3;
    Recorder rec;
    auto pool = makePool(o, &rec);
    pool->submit({job(QStringLiteral("a.png")), job(QStringLiteral("b.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    QCOMPARE(rec.poolFailures.size(), 1);
    // The worker's own last words reach the person.
    QVERIFY2(rec.poolFailures.first().contains(QLatin1String("exiting before hello")),
             qPrintable(rec.poolFailures.first()));
    QCOMPARE(rec.results.size(), 2);
    for (const JobResult &r : rec.results)
        QCOMPARE(toString(r.failure), toString(FailureKind::WorkerStartFailed));
    QVERIFY(workerPids().size() <= 2 * (o.maxRestarts + 1));
}

void tst_WorkerPool::missingBinaryFailsPoolOnce()
{
    PoolOptions o = options();
    o.workerPath = m_dir->filePath(QStringLiteral("no-such-worker"));
    Recorder rec;
    auto pool = makePool(o, &rec);
    QList<Job> jobs;
    for (int i = 0; i < 5; ++i)
        jobs.append(job(QStringLiteral("a%1.png").arg(i)));
    pool->submit(jobs);
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    QCOMPARE(rec.poolFailures.size(), 1);
    QVERIFY2(rec.poolFailures.first().contains(QLatin1String("no-such-worker")),
             qPrintable(rec.poolFailures.first()));
    QCOMPARE(rec.results.size(), 5);
    for (const JobResult &r : rec.results)
        QCOMPARE(toString(r.failure), toString(FailureKind::WorkerStartFailed));
    // A later batch fails the same way, without a second poolFailed.
    pool->submit({job(QStringLiteral("late.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 2, 20'000);
    QCOMPARE(rec.results.size(), 6);
    QCOMPARE(rec.poolFailures.size(), 1);
}

void tst_WorkerPool::cancelMidBatch()
{
    Recorder rec;
    auto pool = makePool(options(), &rec);
    QList<Job> jobs{job(QStringLiteral("slowwrite.png")), job(QStringLiteral("stuckwrite.png"))};
    for (int i = 0; i < 10; ++i)
        jobs.append(job(QStringLiteral("slow-50-%1.png").arg(i)));
    pool->submit(jobs);
    // Both writers hold a named temp file, as QSaveFile does where O_TMPFILE is unavailable.
    QTRY_COMPARE_WITH_TIMEOUT(leftoverTempFiles().size(), 2, 20'000);
    const QSet<qint64> pids = workerPids();
    QCOMPARE(pids.size(), 2);

    pool->cancel();
    const auto allGone = [&pids] {
        for (qint64 pid : pids)
            if (!processGone(pid))
                return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allGone(), 1'000);
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 1'000);
    QCOMPARE(rec.results.size(), jobs.size());
    QSet<JobId> seen;
    for (const JobResult &r : rec.results) {
        QCOMPARE(toString(r.status), toString(JobStatus::Cancelled));
        QCOMPARE(toString(r.failure), toString(FailureKind::Cancelled));
        seen.insert(r.id);
    }
    QCOMPARE(seen.size(), jobs.size());
    QCOMPARE(leftoverTempFiles(), QStringList());
    QVERIFY(pool->isIdle());
}

void tst_WorkerPool::completionOrder()
{
    Recorder rec;
    auto pool = makePool(options(), &rec);
    const Job gated = job(QStringLiteral("gate.png"));
    pool->submit({gated, job(QStringLiteral("a.png")), job(QStringLiteral("b.png")),
                  job(QStringLiteral("c.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 3, 20'000);
    for (const JobResult &r : rec.results)
        QVERIFY(r.id != gated.id);
    QFile go(gated.inputPath + QStringLiteral(".go"));
    QVERIFY(go.open(QIODevice::WriteOnly));
    go.close();
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    QCOMPARE(rec.results.size(), 4);
    QCOMPARE(rec.results.last().id, gated.id);
    QVERIFY(rec.results.last().isOk());
}

void tst_WorkerPool::recyclesWorkers()
{
    PoolOptions o = options();
    o.workerCount = 1;
    o.jobsPerWorker = 2;
    Recorder rec;
    auto pool = makePool(o, &rec);
    QList<Job> jobs;
    for (int i = 0; i < 6; ++i)
        jobs.append(job(QStringLiteral("r%1.png").arg(i)));
    pool->submit(jobs);
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    QCOMPARE(rec.results.size(), 6);
    for (const JobResult &r : rec.results)
        QVERIFY2(r.isOk(), qPrintable(r.message));
    QCOMPARE(workerPids().size(), 3);
}

// A worker that stays lean is kept; one whose memory stays up after a job is replaced.
void tst_WorkerPool::recyclesWorkersThatGrow()
{
    PoolOptions o = options();
    o.workerCount = 1;
    o.recycleResidentMb = 48; // the fake worker idles well under it; one bloat is 64 MB more
    Recorder rec;
    auto pool = makePool(o, &rec);
    QList<Job> lean;
    for (int i = 0; i < 4; ++i)
        lean.append(job(QStringLiteral("lean%1.png").arg(i)));
    pool->submit(lean);
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    QCOMPARE(workerPids().size(), 1);

    pool->submit({job(QStringLiteral("a.png")), job(QStringLiteral("bloat.png")),
                  job(QStringLiteral("b.png")), job(QStringLiteral("c.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 2, 20'000);
    QCOMPARE(rec.results.size(), 8);
    for (const JobResult &r : rec.results)
        QVERIFY2(r.isOk(), qPrintable(r.message));
    QCOMPARE(workerPids().size(), 2);
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

// Warm-up starts every worker without work; it must not count as a batch (no drained) and
// the warm workers are the ones that then take the jobs.
void tst_WorkerPool::warmUpStartsWorkersBeforeWork()
{
    Recorder rec;
    auto pool = makePool(options(), &rec);
    pool->warmUp();
    QTRY_COMPARE_WITH_TIMEOUT(workerPids().size(), 2, 20'000);
    const QSet<qint64> warm = workerPids();
    QCOMPARE(rec.drained, 0);
    pool->warmUp(); // idempotent: no third worker
    pool->submit({job(QStringLiteral("a.png")), job(QStringLiteral("b.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
    QCOMPARE(rec.results.size(), 2);
    QCOMPARE(workerPids(), warm);
}

void tst_WorkerPool::workersGoneAfterDestroy()
{
    Recorder rec;
    auto pool = makePool(options(), &rec);
    const Job stuck = job(QStringLiteral("hang.png"));
    pool->submit({stuck, job(QStringLiteral("a.png")), job(QStringLiteral("b.png"))});
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 2, 20'000);
    QVERIFY(rec.started.contains(stuck.id));
    const QSet<qint64> pids = workerPids();
    QCOMPARE(pids.size(), 2);
    for (qint64 pid : pids)
        QVERIFY(!processGone(pid));
    pool.reset();
    for (qint64 pid : pids)
        QVERIFY2(processGone(pid), qPrintable(QString::number(pid)));
}

void tst_WorkerPool::workerDiesWithItsParent()
{
    // A shell starts the worker and is then SIGKILLed. The worker's stdin stays open (this
    // test holds the pipe; fd 3 because sh gives background jobs /dev/null), so only
    // PR_SET_PDEATHSIG can end it.
    const QString fake = options().workerPath;
    const QString pidDir = m_dir->filePath(QStringLiteral("pids"));
    QProcess shell;
    shell.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    shell.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("exec 3<&0; \"$0\" --pid-dir \"$1\" <&3 & wait"), fake, pidDir});
    QVERIFY(shell.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(workerPids().size(), 1, 10'000);
    const qint64 pid = *workerPids().begin();
    QVERIFY(!processGone(pid));
    shell.kill();
    QVERIFY(shell.waitForFinished());
    QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), 5'000);
}

void tst_WorkerPool::resourceCapsReachTheWorker()
{
    const QStringList defaults = workerArgumentsFor(PoolOptions());
    QCOMPARE(defaults, QStringList({QStringLiteral("--memory-limit-mb"), QStringLiteral("2048"),
                                    QStringLiteral("--cpu-limit-s"), QStringLiteral("300")}));
    QCOMPARE(PoolOptions().jobsPerWorker, 20'000);
    QCOMPARE(PoolOptions().recycleResidentMb, 512);

    PoolOptions o = options();
    o.workerCount = 1;
    o.memoryLimitMb = 700;
    Recorder rec;
    auto pool = makePool(o, &rec);
    const Job gated = job(QStringLiteral("gate.png"));
    pool->submit({gated});
    // The worker caps itself before its hello; it is in force once it runs a job.
    QTRY_VERIFY_WITH_TIMEOUT(rec.started.contains(gated.id), 20'000);
    QCOMPARE(workerPids().size(), 1);
    QFile limits(QStringLiteral("/proc/%1/limits").arg(*workerPids().begin()));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    const QByteArray text = limits.readAll();
    QByteArray addressSpace;
    for (const QByteArray &line : text.split('\n'))
        if (line.startsWith("Max address space"))
            addressSpace = line.simplified().split(' ').value(3);
#if !defined(__SANITIZE_ADDRESS__) // the memory cap is skipped under AddressSanitizer
    QCOMPARE(addressSpace, QByteArray::number(700LL * 1024 * 1024));
#endif
    QFile go(gated.inputPath + QStringLiteral(".go"));
    QVERIFY(go.open(QIODevice::WriteOnly));
    go.close();
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 20'000);
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
    QCOMPARE(rec.results.size(), 3);
    const JobResult bad = resultFor(rec.results, runaway.id);
    QCOMPARE(toString(bad.status), toString(JobStatus::Failed));
    QCOMPARE(toString(bad.failure), toString(kind));
    QVERIFY2(bad.message.contains(fragment), qPrintable(bad.message));
    for (const JobResult &r : rec.results)
        if (r.id != runaway.id)
            QVERIFY2(r.isOk(), qPrintable(r.message));
    QVERIFY(rec.poolFailures.isEmpty());
}

QTEST_GUILESS_MAIN(tst_WorkerPool)
#include "tst_workerpool.moc"
