#include <QtTest>

#include <QDir>
#include <QImage>
#include <QSet>

#include <csignal>
#include <unistd.h>

#include "workerfixture.h"

// The real pixelmill-worker, driven through WorkerPool, on images generated here.
class tst_Worker : public QObject, private WorkerFixture
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void resizesImages();
    void corruptFileFailsAlone();
    void sigkilledWorkerLosesNoImage();
    void cancelMidBatchLeavesNothing();
    void memoryCapFailsWithReason();
    void imageCodecsLoadOnlyWhenNeeded();
    void vipsModulesLoadOnlyWhenNeeded();
    void workersRunAtTheAskedNiceness();
    void missingCodecModuleFailsOnlyTheJobsThatNeedIt();
};

namespace {
// /proc/<pid>/stat: the command name, and the fields after it (state, ppid, ...: field 3 of
// proc(5) is fields[0]). Empty when the process is gone.
struct ProcStat
{
    QByteArray comm;
    QList<QByteArray> fields;
};

ProcStat procStat(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
    return {line.mid(open + 1, close - open - 1), line.mid(close + 2).split(' ')};
}

// Children of this process running pixelmill-worker, from /proc (no test hook in the pool).
QList<pid_t> workerChildren()
{
    QList<pid_t> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        const pid_t pid = pid_t(entry.toInt());
        if (pid <= 0)
            continue;
        const ProcStat stat = procStat(pid);
        if (stat.fields.size() > 1 && stat.fields[1].toInt() == getpid() &&
            stat.comm.startsWith("pixelmill-wor"))
            pids.append(pid);
    }
    return pids;
}

bool mapsLibrary(pid_t pid, const QByteArray &name)
{
    QFile maps(QStringLiteral("/proc/%1/maps").arg(pid));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains(name);
}
} // namespace

void tst_Worker::resizesImages()
{
    const QList<QPair<QString, QSize>> images{
        {QStringLiteral("wide.png"), QSize(400, 300)},
        {QStringLiteral("tall.jpg"), QSize(300, 600)},
        {QStringLiteral("square.png"), QSize(250, 250)},
        {QStringLiteral("photo.jpg"), QSize(640, 480)},
    };
    const QList<QSize> expected{QSize(100, 75), QSize(50, 100), QSize(100, 100), QSize(100, 75)};
    QList<Job> jobs;
    for (const auto &[name, size] : images) {
        const QString path = makeImage(name, size);
        QVERIFY(!path.isEmpty());
        jobs.append(job(path));
    }
    Recorder rec;
    auto pool = makePool(2, &rec);
    pool->submit(jobs);
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 30'000);
    QCOMPARE(rec.results.size(), jobs.size());
    QVERIFY(rec.poolFailures.isEmpty());
    for (int i = 0; i < jobs.size(); ++i) {
        JobResult r;
        for (const JobResult &candidate : rec.results)
            if (candidate.id == jobs[i].id)
                r = candidate;
        QVERIFY2(r.isOk(), qPrintable(r.message));
        QCOMPARE(r.outputSize, expected[i]);
        QCOMPARE(QImage(jobs[i].outputPath).size(), expected[i]);
        QVERIFY(!r.engine.isEmpty());
    }
}

void tst_Worker::corruptFileFailsAlone()
{
    QList<Job> jobs{job(makeImage(QStringLiteral("a.png"), QSize(300, 200))),
                    job(makeImage(QStringLiteral("b.jpg"), QSize(300, 200)))};
    // A JPEG cut off after its first kilobyte.
    const QString whole = makeImage(QStringLiteral("whole.jpg"), QSize(800, 600));
    QFile source(whole);
    QVERIFY(source.open(QIODevice::ReadOnly));
    QFile corrupt(m_dir->filePath(QStringLiteral("corrupt.jpg")));
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    corrupt.write(source.read(1024));
    corrupt.close();
    const Job bad = job(corrupt.fileName());
    jobs.insert(1, bad);

    Recorder rec;
    auto pool = makePool(2, &rec);
    pool->submit(jobs);
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 30'000);
    QCOMPARE(rec.results.size(), 3);
    for (const JobResult &r : rec.results) {
        if (r.id != bad.id) {
            QVERIFY2(r.isOk(), qPrintable(r.message));
            continue;
        }
        QCOMPARE(toString(r.status), toString(JobStatus::Failed));
        // The engine reports it; the worker does not crash over it.
        QVERIFY2(r.failure != FailureKind::WorkerCrashed && r.failure != FailureKind::ProtocolError,
                 qPrintable(r.message));
        QVERIFY(!QFileInfo::exists(bad.outputPath));
    }
}

void tst_Worker::sigkilledWorkerLosesNoImage()
{
    QList<Job> jobs;
    for (int i = 0; i < 24; ++i)
        jobs.append(job(makeImage(QStringLiteral("img%1.png").arg(i), QSize(1200, 900))));
    Recorder rec;
    auto pool = makePool(2, &rec);
    pool->submit(jobs);
    QTRY_VERIFY_WITH_TIMEOUT(rec.results.size() >= 2, 30'000);
    const QList<pid_t> workers = workerChildren();
    QVERIFY(!workers.isEmpty());
    QCOMPARE(::kill(workers.first(), SIGKILL), 0);
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 60'000);
    QCOMPARE(rec.results.size(), jobs.size());
    QSet<JobId> seen;
    for (const JobResult &r : rec.results) {
        QVERIFY2(r.isOk(), qPrintable(r.message));
        seen.insert(r.id);
    }
    QCOMPARE(seen.size(), jobs.size());
    QVERIFY(rec.poolFailures.isEmpty());
}

// Large images, so that both workers are mid-decode or mid-write when the cancel comes.
void tst_Worker::cancelMidBatchLeavesNothing()
{
    const QString big = makeImage(QStringLiteral("big.png"), QSize(4000, 3000));
    QVERIFY(!big.isEmpty());
    QList<Job> jobs;
    for (int i = 0; i < 12; ++i) {
        const QString copy = m_dir->filePath(QStringLiteral("big%1.png").arg(i));
        QVERIFY(QFile::copy(big, copy));
        Job j = job(copy);
        ResizeStep ninety; // a large output: long writes
        ninety.mode = ResizeMode::Percent;
        ninety.percent = 90;
        j.recipe.steps = {ninety};
        jobs.append(j);
    }
    Recorder rec;
    auto pool = makePool(2, &rec);
    QSet<JobId> started;
    connect(pool.get(), &WorkerPool::jobStarted, this,
            [&started](JobId id) { started.insert(id); });
    pool->submit(jobs);
    QTRY_VERIFY_WITH_TIMEOUT(started.size() >= 2 && workerChildren().size() == 2, 30'000);
    pool->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 2'000);
    QTRY_VERIFY_WITH_TIMEOUT(workerChildren().isEmpty(), 2'000);
    QCOMPARE(rec.results.size(), jobs.size());
    QSet<JobId> seen;
    QStringList expectedOutputs;
    for (const JobResult &r : std::as_const(rec.results)) {
        seen.insert(r.id);
        if (r.isOk())
            expectedOutputs.append(QFileInfo(r.outputPath).fileName());
        else
            QCOMPARE(toString(r.status), toString(JobStatus::Cancelled));
    }
    QCOMPARE(seen.size(), jobs.size());
    QVERIFY(expectedOutputs.size() < jobs.size());
    // Only complete outputs of finished jobs: no temp file, no partial file.
    QStringList outputs = QDir(m_dir->filePath(QStringLiteral("out")))
                              .entryList(QDir::Files | QDir::Hidden | QDir::System);
    outputs.sort();
    expectedOutputs.sort();
    QCOMPARE(outputs, expectedOutputs);
}

// The OpenCV engine decodes whole images: one that cannot fit under the worker's memory cap
// fails with the sizes in words, and the worker lives on for the next image.
void tst_Worker::memoryCapFailsWithReason()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("the memory cap is off under AddressSanitizer");
#endif
    QImage huge(12000, 12000, QImage::Format_Grayscale8);
    huge.fill(90);
    const QString hugePath = m_dir->filePath(QStringLiteral("huge.png"));
    QVERIFY(huge.save(hugePath));
    huge = QImage();
    Job bad = job(hugePath);
    bad.recipe.engine = EngineChoice::OpenCv;
    Job fine = job(makeImage(QStringLiteral("fine.png"), QSize(300, 200)));
    fine.recipe.engine = EngineChoice::OpenCv;
    PoolOptions options;
    options.workerPath = locateWorkerExecutable();
    options.workerCount = 1;
    options.memoryLimitMb = 400;
    WorkerPool pool(options);
    QList<JobResult> results;
    connect(&pool, &WorkerPool::jobFinished, this,
            [&results](const JobResult &r) { results.append(r); });
    QSignalSpy drained(&pool, &WorkerPool::drained);
    pool.submit({bad, fine});
    QVERIFY(drained.wait(30'000));
    QCOMPARE(results.size(), 2);
    QCOMPARE(toString(results[0].failure), toString(FailureKind::TooLarge));
    QVERIFY2(results[0].message.startsWith(QLatin1String("not enough memory to decode image: "
                                                         "12000x12000 needs about 412 MB")),
             qPrintable(results[0].message));
    QVERIFY2(results[1].isOk(), qPrintable(results[1].message));
}

// OpenCV's imgcodecs (and GDAL, GDCM, ... behind it) stays out of a worker whose jobs the
// direct JPEG path covers, and is loaded the first time a job needs it (BMP input here, which
// only OpenCV reads).
void tst_Worker::imageCodecsLoadOnlyWhenNeeded()
{
    const QString photo = makeImage(QStringLiteral("photo.jpg"), QSize(640, 480));
    QVERIFY(!photo.isEmpty());
    Recorder rec;
    auto pool = makePool(1, &rec);
    Job jpeg = job(photo);
    jpeg.recipe.setGrayscale(true);
    pool->submit({jpeg});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 30'000);
    QVERIFY2(rec.results.value(0).isOk(), qPrintable(rec.results.value(0).message));
    const QList<pid_t> workers = workerChildren();
    QCOMPARE(workers.size(), 1);
    QVERIFY(mapsLibrary(workers[0], "libopencv_core"));
    QVERIFY(!mapsLibrary(workers[0], "libopencv_imgcodecs"));

    const QString bitmap = makeImage(QStringLiteral("photo.bmp"), QSize(640, 480));
    QVERIFY(!bitmap.isEmpty());
    Job bmp = job(bitmap);
    bmp.outputPath = m_dir->filePath(QStringLiteral("out/photo-bmp.jpg"));
    pool->submit({bmp});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 2, 30'000);
    QVERIFY2(rec.results.value(1).isOk(), qPrintable(rec.results.value(1).message));
    QCOMPARE(QImage(bmp.outputPath).size(), QSize(100, 75));
    QCOMPARE(workerChildren(), workers);
    QVERIFY(mapsLibrary(workers[0], "libopencv_imgcodecs"));
}

// libvips' HEIF and JPEG XL modules open with the first job that needs each; ImageMagick's,
// poppler's and openslide's (blocked loaders) never do.
void tst_Worker::vipsModulesLoadOnlyWhenNeeded()
{
    const QString photo = makeImage(QStringLiteral("photo.jpg"), QSize(64, 48));
    QVERIFY(!photo.isEmpty());
    Recorder rec;
    auto pool = makePool(1, &rec);
    auto runAs = [&](const QString &input, OutputFormat format, const QString &output) {
        Job j = job(input);
        j.recipe.format = format;
        j.outputPath = m_dir->filePath(QStringLiteral("out/") + output);
        const int before = rec.drained;
        pool->submit({j});
        return QTest::qWaitFor([&] { return rec.drained > before; }, 30'000) &&
               rec.results.last().isOk() && QFileInfo(j.outputPath).size() > 0;
    };
    QVERIFY(runAs(photo, OutputFormat::Jpeg, QStringLiteral("plain.jpg")));
    const QList<pid_t> workers = workerChildren();
    QCOMPARE(workers.size(), 1);
    QVERIFY(!mapsLibrary(workers[0], "vips-modules"));

    QVERIFY(runAs(photo, OutputFormat::Avif, QStringLiteral("photo.avif")));
    QVERIFY(runAs(m_dir->filePath(QStringLiteral("out/photo.avif")), OutputFormat::Jpeg,
                  QStringLiteral("from-avif.jpg")));
    QVERIFY(mapsLibrary(workers[0], "vips-heif.so"));
    QVERIFY(!mapsLibrary(workers[0], "vips-jxl.so"));

    QVERIFY(runAs(photo, OutputFormat::Jxl, QStringLiteral("photo.jxl")));
    QVERIFY(runAs(m_dir->filePath(QStringLiteral("out/photo.jxl")), OutputFormat::Jpeg,
                  QStringLiteral("from-jxl.jpg")));
    QVERIFY(mapsLibrary(workers[0], "vips-jxl.so"));
    for (const char *blocked : {"vips-magick.so", "vips-poppler.so", "vips-openslide.so"})
        QVERIFY2(!mapsLibrary(workers[0], blocked), blocked);
    QCOMPARE(workerChildren(), workers);
}

void tst_Worker::workersRunAtTheAskedNiceness()
{
    const QString photo = makeImage(QStringLiteral("photo.jpg"), QSize(64, 48));
    QVERIFY(!photo.isEmpty());
    Recorder rec;
    PoolOptions options;
    options.workerPath = locateWorkerExecutable();
    options.workerCount = 1;
    options.workerNiceness = 7;
    WorkerPool pool(options);
    connect(&pool, &WorkerPool::drained, this, [&rec] { ++rec.drained; });
    pool.submit({job(photo)});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 30'000);
    const QList<pid_t> workers = workerChildren();
    QCOMPARE(workers.size(), 1);
    // Nice is field 19 of proc(5); fields[0] is field 3.
    QCOMPARE(procStat(workers[0]).fields.value(19 - 3).toInt(), 7);
}

// A worker installed without libpixelmill_cvcodecs.so (a broken package) still does what its
// direct paths cover, and fails the rest with a reason instead of crashing.
void tst_Worker::missingCodecModuleFailsOnlyTheJobsThatNeedIt()
{
    const QString lonely = m_dir->filePath(QStringLiteral("lonely/pixelmill-worker"));
    QVERIFY(QDir().mkpath(QFileInfo(lonely).path()));
    QVERIFY(QFile::copy(locateWorkerExecutable(), lonely));
    const QString photo = makeImage(QStringLiteral("photo.jpg"), QSize(64, 48));
    QVERIFY(!photo.isEmpty());
    const QString bitmap = makeImage(QStringLiteral("photo.bmp"), QSize(64, 48));
    QVERIFY(!bitmap.isEmpty());
    Job jpeg = job(photo);
    Job bmp = job(bitmap);
    bmp.outputPath = m_dir->filePath(QStringLiteral("out/photo-bmp.jpg"));

    Recorder rec;
    PoolOptions options;
    options.workerPath = lonely;
    options.workerCount = 1;
    WorkerPool pool(options);
    connect(&pool, &WorkerPool::jobFinished, this,
            [&rec](const JobResult &r) { rec.results.append(r); });
    connect(&pool, &WorkerPool::drained, this, [&rec] { ++rec.drained; });
    pool.submit({jpeg, bmp});
    QTRY_COMPARE_WITH_TIMEOUT(rec.drained, 1, 30'000);
    QCOMPARE(rec.results.size(), 2);
    for (const JobResult &r : std::as_const(rec.results)) {
        if (r.id == jpeg.id) {
            QVERIFY2(r.isOk(), qPrintable(r.message));
        } else {
            QCOMPARE(toString(r.status), toString(JobStatus::Failed));
            QCOMPARE(toString(r.failure), toString(FailureKind::Internal));
            QVERIFY2(r.message.contains(QLatin1String("reinstall Pixelmill")),
                     qPrintable(r.message));
            QVERIFY(!QFileInfo::exists(bmp.outputPath));
        }
    }
}

QTEST_MAIN(tst_Worker)
#include "tst_worker.moc"
