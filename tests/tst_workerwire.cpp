#include <QtTest>

#include <QJsonArray>
#include <QProcess>

#include <sys/stat.h>

#include "protocol.h"
#include "workerfixture.h"

// The wire and the probe through the real pixelmill-worker: a bad job is answered with its
// own verdict naming the field (never run with defaults), and a probe taken at planning is a
// hint the worker's reading of the file overrules.
class tst_WorkerWire : public QObject, private WorkerFixture
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void badJobFailsAloneNamingTheField();
    void rawBadFrameIsAnsweredPerJob();
    void staleProbeIsOnlyAHint();
};

// A recipe the worker must not run (the pool sends what it is given): each bad job gets its
// own failed verdict naming the field, nothing is written for it, and no default recipe runs.
void tst_WorkerWire::badJobFailsAloneNamingTheField()
{
    Job zeroWidth = job(makeImage(QStringLiteral("zero-width.png"), QSize(300, 200)));
    zeroWidth.recipe.steps = {resizeStep(ResizeMode::Fit, 0, 100)};
    Job zeroQuality = job(makeImage(QStringLiteral("zero-quality.jpg"), QSize(300, 200)));
    zeroQuality.recipe.quality = 0;
    const Job good = job(makeImage(QStringLiteral("good.png"), QSize(300, 200)));
    Recorder rec;
    auto pool = makePool(1, &rec);
    QSignalSpy drained(pool.get(), &WorkerPool::drained);
    pool->submit({zeroWidth, zeroQuality, good});
    QVERIFY(drained.wait(30'000));
    QCOMPARE(rec.results.size(), 3);
    const QHash<JobId, QString> expected{
        {zeroWidth.id,
         QStringLiteral("recipe.steps[0].width: must be between 1 and 100000 pixels (got 0)")},
        {zeroQuality.id, QStringLiteral("recipe.quality: must be between 1 and 100 (got 0)")}};
    for (const JobResult &r : std::as_const(rec.results)) {
        if (r.id == good.id) {
            QVERIFY2(r.isOk(), qPrintable(r.message));
            continue;
        }
        QCOMPARE(toString(r.status), toString(JobStatus::Failed));
        QCOMPARE(toString(r.failure), toString(FailureKind::ProtocolError));
        QVERIFY2(r.message.endsWith(expected.value(r.id)), qPrintable(r.message));
        QVERIFY(!QFileInfo::exists(r.id == zeroWidth.id ? zeroWidth.outputPath
                                                        : zeroQuality.outputPath));
    }
    QVERIFY(rec.poolFailures.isEmpty());
}

// Files changed between planning and processing: the probe (taken at planning) says a
// 300x200 PNG, the bytes now say otherwise. The worker trusts the bytes: a different image is
// processed as what it is, a damaged one fails as damaged, a FIFO or a missing file fails
// with its reason, and nothing hangs or crashes.
void tst_WorkerWire::staleProbeIsOnlyAHint()
{
    QList<Job> jobs;
    const QStringList names{QStringLiteral("replaced.png"), QStringLiteral("truncated.png"),
                            QStringLiteral("fifo.png"), QStringLiteral("deleted.png")};
    for (const QString &name : names) {
        Job j = job(makeImage(name, QSize(300, 200)));
        j.probe = probeFile(j.inputPath);
        QCOMPARE(j.probe.size, QSize(300, 200));
        jobs.append(j);
    }
    QFile::remove(jobs[0].inputPath);
    QImage wide(500, 100, QImage::Format_RGB32);
    wide.fill(Qt::darkGreen);
    QVERIFY(wide.save(jobs[0].inputPath, "JPEG"));
    QFile truncated(jobs[1].inputPath);
    QVERIFY(truncated.resize(truncated.size() / 2));
    QVERIFY(QFile::remove(jobs[2].inputPath));
    QCOMPARE(::mkfifo(QFile::encodeName(jobs[2].inputPath).constData(), 0600), 0);
    QVERIFY(QFile::remove(jobs[3].inputPath));

    Recorder rec;
    auto pool = makePool(1, &rec);
    QSignalSpy drained(pool.get(), &WorkerPool::drained);
    pool->submit(jobs);
    QVERIFY(drained.wait(30'000));
    QCOMPARE(rec.results.size(), jobs.size());
    QHash<JobId, JobResult> byId;
    for (const JobResult &r : std::as_const(rec.results))
        byId.insert(r.id, r);
    const JobResult replaced = byId.value(jobs[0].id);
    QVERIFY2(replaced.isOk(), qPrintable(replaced.message));
    QCOMPARE(replaced.inputSize, QSize(500, 100));
    QCOMPARE(QImage(replaced.outputPath).size(), QSize(100, 20));
    const JobResult cut = byId.value(jobs[1].id);
    QCOMPARE(toString(cut.failure), toString(FailureKind::CorruptData));
    QCOMPARE(byId.value(jobs[2].id).message,
             QStringLiteral("cannot read input: not a regular file"));
    QCOMPARE(byId.value(jobs[3].id).message, QStringLiteral("cannot read input: file not found"));
    for (const JobResult &r : std::as_const(rec.results))
        QVERIFY2(r.failure != FailureKind::WorkerCrashed && r.failure != FailureKind::Timeout,
                 qPrintable(r.message));
}

// The worker on its own, as any peer could talk to it: one jobs frame with a wrongly typed
// field and an unreadable id. Each job gets its own answer naming the field, in order, and
// the worker stays up for the next frame.
void tst_WorkerWire::rawBadFrameIsAnsweredPerJob()
{
    QProcess worker;
    worker.start(locateWorkerExecutable(), {});
    QVERIFY(worker.waitForStarted());
    Protocol::FrameReader reader;
    const auto nextFrame = [&]() -> std::optional<QJsonObject> {
        for (int i = 0; i < 100; ++i) {
            if (std::optional<QJsonObject> frame = reader.takeFrame())
                return frame;
            if (!worker.waitForReadyRead(10'000))
                break;
            reader.append(worker.readAllStandardOutput());
        }
        return std::nullopt;
    };
    const std::optional<QJsonObject> hello = nextFrame();
    QVERIFY(hello);
    QCOMPARE(Protocol::checkHello(*hello), QString());

    QJsonObject wrongType = job(makeImage(QStringLiteral("typed.png"), QSize(30, 20))).toJson();
    QJsonObject recipe = wrongType.value(QLatin1String("recipe")).toObject();
    recipe.insert(QStringLiteral("quality"), QStringLiteral("abc"));
    wrongType.insert(QStringLiteral("recipe"), recipe);
    QJsonObject noId = job(makeImage(QStringLiteral("noid.png"), QSize(30, 20))).toJson();
    noId.insert(QStringLiteral("id"), QStringLiteral("x"));
    worker.write(Protocol::encodeFrame({{QStringLiteral("type"), QStringLiteral("jobs")},
                                        {QStringLiteral("jobs"), QJsonArray{wrongType, noId}}}));

    const std::optional<QJsonObject> first = nextFrame();
    QVERIFY(first);
    const JobResult typed = Protocol::resultFrom(*first);
    QCOMPARE(QString::number(typed.id), wrongType.value(QLatin1String("id")).toString());
    QCOMPARE(toString(typed.failure), toString(FailureKind::ProtocolError));
    QCOMPARE(typed.message,
             QStringLiteral(
                 "bad job from the pool: recipe.quality: must be a whole number (got \"abc\")"));
    const std::optional<QJsonObject> second = nextFrame();
    QVERIFY(second);
    const JobResult unnamed = Protocol::resultFrom(*second);
    QCOMPARE(unnamed.id, JobId(0));
    QCOMPARE(
        unnamed.message,
        QStringLiteral("bad job from the pool: id: must be a positive decimal number (got \"x\")"));
    QCOMPARE(worker.state(), QProcess::Running);
    worker.closeWriteChannel();
    QVERIFY(worker.waitForFinished(10'000));
    QCOMPARE(worker.exitCode(), 0);
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("out/typed.png"))));
}

QTEST_MAIN(tst_WorkerWire)
#include "tst_workerwire.moc"
