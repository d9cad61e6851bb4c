#include "tst_workerpool.h"

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

QList<Job> tst_WorkerPool::numberedJobs(const QString &prefix, int count)
{
    QList<Job> jobs;
    for (int i = 0; i < count; ++i)
        jobs.append(job(QStringLiteral("%1%2.png").arg(prefix).arg(i)));
    return jobs;
}

void tst_WorkerPool::checkPoolFailedOnce(const Recorder &rec, const QString &fragment, int jobs)
{
    QCOMPARE(rec.poolFailures.size(), 1);
    QVERIFY2(rec.poolFailures.first().contains(fragment), qPrintable(rec.poolFailures.first()));
    QCOMPARE(rec.results.size(), jobs);
    for (const JobResult &r : rec.results)
        QCOMPARE(toString(r.failure), toString(FailureKind::WorkerStartFailed));
}

void tst_WorkerPool::checkOnlyOneFailed(const Recorder &rec, int jobs, const Job &bad,
                                        FailureKind kind, const QString &fragment)
{
    QCOMPARE(rec.results.size(), jobs);
    const JobResult result = resultFor(rec.results, bad.id);
    QCOMPARE(toString(result.status), toString(JobStatus::Failed));
    QCOMPARE(toString(result.failure), toString(kind));
    QVERIFY2(result.message.contains(fragment), qPrintable(result.message));
    QCOMPARE(result.inputPath, bad.inputPath);
    for (const JobResult &r : rec.results)
        if (r.id != bad.id)
            QVERIFY2(r.isOk(), qPrintable(r.message));
    QVERIFY(rec.poolFailures.isEmpty());
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
    const QList<Job> jobs = numberedJobs(QStringLiteral("ok"), 20);
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
    const QList<Job> jobs = numberedJobs(QStringLiteral("r"), 6);
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
    const QList<Job> lean = numberedJobs(QStringLiteral("lean"), 4);
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

QTEST_GUILESS_MAIN(tst_WorkerPool)
