#include <QtTest>

#include <QDir>
#include <QHash>

#include "badcorpus.h"
#include "engine/engine.h"
#include "pool/workerpool.h"
#include "testimages.h"

// Issue 6's corpus of bad and awkward inputs through the REAL pixelmill-worker via WorkerPool,
// once per engine, as one batch: every file gets exactly its promised verdict, successes show
// the right pixels, and the batch goes on past every failure.
class tst_BadInputs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void oneResultPerJob();
    void verdicts_data();
    void verdicts();
    void noTempFilesLeft();

private:
    struct Row
    {
        BadCorpus::Case testCase;
        EngineChoice engine;
        Job job;
    };
    QTemporaryDir m_dir;
    QList<Row> m_rows;
    QHash<JobId, JobResult> m_results;
    int m_resultCount = 0;
};

Q_DECLARE_METATYPE(EngineChoice)

namespace {
QString engineName(EngineChoice engine)
{
    return engine == EngineChoice::Vips ? QStringLiteral("vips") : QStringLiteral("opencv");
}

QString outputName(const BadCorpus::Case &c)
{
    return c.fileName + (c.recipe.format == OutputFormat::Jpeg ? QStringLiteral(".jpg")
                                                               : QStringLiteral(".png"));
}
} // namespace

void tst_BadInputs::initTestCase()
{
    QString error;
    QVERIFY2(initializeEngines("tst_badinputs", &error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    QVERIFY2(!locateWorkerExecutable().isEmpty(), "pixelmill-worker must be built beside the test");
    const QList<BadCorpus::Case> cases = BadCorpus::make();
    QVERIFY(cases.size() >= 30);
    QDir root(m_dir.path());
    QVERIFY(root.mkpath(QStringLiteral("in")));
    QList<Job> jobs;
    JobId id = 1;
    for (const EngineChoice engine : {EngineChoice::Vips, EngineChoice::OpenCv}) {
        const QString out = QStringLiteral("out-") + engineName(engine);
        QVERIFY(root.mkpath(out));
        for (const BadCorpus::Case &c : cases) {
            const QString input = root.filePath(QStringLiteral("in/") + c.fileName);
            if (!QFileInfo::exists(input))
                QVERIFY2(TestImages::writeBytes(input, c.bytes), qPrintable(input));
            Job job;
            job.id = id++;
            job.inputPath = input;
            job.outputPath = root.filePath(out + QLatin1Char('/') + outputName(c));
            job.recipe = c.recipe;
            job.recipe.engine = engine;
            jobs.append(job);
            m_rows.append({c, engine, job});
        }
    }
    PoolOptions options;
    options.workerPath = locateWorkerExecutable();
    options.workerCount = 2;
    WorkerPool pool(options);
    connect(&pool, &WorkerPool::jobFinished, this, [this](const JobResult &r) {
        m_results.insert(r.id, r);
        ++m_resultCount;
    });
    QSignalSpy drained(&pool, &WorkerPool::drained);
    pool.submit(jobs);
    QVERIFY(drained.wait(50'000));
}

void tst_BadInputs::oneResultPerJob()
{
    QCOMPARE(m_resultCount, m_rows.size());
    QCOMPARE(m_results.size(), m_rows.size());
}

void tst_BadInputs::verdicts_data()
{
    QTest::addColumn<int>("row");
    for (int i = 0; i < m_rows.size(); ++i)
        QTest::addRow("%s: %s", qPrintable(engineName(m_rows[i].engine)),
                      qPrintable(m_rows[i].testCase.tag))
            << i;
}

void tst_BadInputs::verdicts()
{
    QFETCH(int, row);
    const Row &r = m_rows[row];
    const BadCorpus::Verdict expected = r.testCase.expected(r.engine);
    QVERIFY(m_results.contains(r.job.id));
    const JobResult result = m_results.value(r.job.id);
    const QString why = result.message;
    QCOMPARE(toString(result.status), toString(expected.status));
    QCOMPARE(toString(result.failure), toString(expected.kind));
    if (expected.status != JobStatus::Ok) {
        QVERIFY2(result.message.contains(expected.messagePart), qPrintable(result.message));
        QVERIFY(!QFileInfo::exists(r.job.outputPath));
        return;
    }
    QVERIFY2(QFileInfo::exists(r.job.outputPath), qPrintable(why));
    const vips::VImage output = BadCorpus::normalized(TestImages::load(r.job.outputPath));
    const vips::VImage reference = BadCorpus::normalized(*r.testCase.reference);
    QCOMPARE(QSize(output.width(), output.height()), QSize(reference.width(), reference.height()));
    QCOMPARE(result.outputSize, QSize(output.width(), output.height()));
    const double psnr = TestImages::psnr(output, reference);
    QVERIFY2(psnr >= r.testCase.minPsnr,
             qPrintable(QStringLiteral("PSNR %1 dB < %2").arg(psnr).arg(r.testCase.minPsnr)));
}

void tst_BadInputs::noTempFilesLeft()
{
    for (const EngineChoice engine : {EngineChoice::Vips, EngineChoice::OpenCv}) {
        QDir out(m_dir.filePath(QStringLiteral("out-") + engineName(engine)));
        const QStringList names = out.entryList(QDir::Files | QDir::Hidden | QDir::System);
        QStringList expected;
        for (const Row &r : std::as_const(m_rows))
            if (r.engine == engine && m_results.value(r.job.id).isOk())
                expected.append(QFileInfo(r.job.outputPath).fileName());
        expected.sort();
        QStringList actual = names;
        actual.sort();
        QCOMPARE(actual, expected);
    }
}

QTEST_GUILESS_MAIN(tst_BadInputs)
#include "tst_badinputs.moc"
