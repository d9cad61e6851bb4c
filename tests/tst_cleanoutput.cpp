#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "gradientimage.h"

#include "batch/journal.h"
#include "batch/run.h"

// The output folder belongs to the person: after a clean run it holds only images. A run that
// did not finish keeps its journal, and Resume completes it (with the real worker).
class tst_CleanOutput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_in;
    QString m_out;

    RunOptions options(int workers = 2) const
    {
        RunOptions o;
        o.plan.inputDir = m_in;
        o.plan.outputDir = m_out;
        o.plan.recipe.format = OutputFormat::Png;
        o.pool.workerPath = QCoreApplication::applicationDirPath() + "/pixelmill-worker";
        o.pool.workerCount = workers;
        o.pool.jobTimeoutMs = 30'000;
        return o;
    }
    QStringList outputFiles() const
    {
        QStringList files =
            QDir(m_out).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
        return files;
    }
    static BatchCounts runToEnd(BatchRun &run)
    {
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start();
        if (!finished.wait(60'000))
            return {};
        return run.counts();
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

    void cleanRunLeavesOnlyImages()
    {
        for (const char *name : {"a.png", "b.jpg", "c.png"})
            writeGradientImage(m_in + "/" + name, {40, 30}, name[2] == 'j' ? "JPEG" : "PNG");
        BatchRun run(options());
        QCOMPARE(runToEnd(run).ok, 3);
        QCOMPARE(outputFiles(), QStringList({"a.png", "b.png", "c.png"}));
    }

    void keepJournalKeepsIt()
    {
        writeGradientImage(m_in + "/a.png", {40, 30}, "PNG");
        RunOptions o = options();
        o.keepJournal = true;
        BatchRun run(o);
        QCOMPARE(runToEnd(run).ok, 1);
        QCOMPARE(outputFiles(), QStringList({".pixelmill-journal", "a.png"}));
    }

    // A failed image may be fixed and resumed: the journal stays.
    void runWithAFailureKeepsTheJournal()
    {
        writeGradientImage(m_in + "/a.png", {40, 30}, "PNG");
        QFile bad(m_in + "/bad.png");
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(100, 'x'));
        bad.close();
        BatchRun run(options());
        const BatchCounts counts = runToEnd(run);
        QCOMPARE(counts.ok, 1);
        QCOMPARE(counts.failed, 1);
        QCOMPARE(outputFiles(), QStringList({".pixelmill-journal", "a.png"}));
    }

    void cancelledRunKeepsTheJournalAndResumeCompletesIt()
    {
        writeGradientImage(m_in + "/seed.png", {900, 700}, "PNG");
        for (int i = 0; i < 40; ++i)
            QVERIFY(QFile::copy(m_in + "/seed.png", m_in + QStringLiteral("/c%1.png").arg(i)));
        int doneBefore = 0;
        {
            BatchRun run(options(1));
            QSignalSpy jobs(&run, &BatchRun::jobFinished);
            QSignalSpy finished(&run, &BatchRun::finished);
            run.start();
            QVERIFY(jobs.wait(30'000));
            run.cancel();
            QVERIFY(finished.size() == 1 || finished.wait(30'000));
            QVERIFY(run.counts().cancelled > 0);
            doneBefore = run.counts().ok;
        }
        QStringList files = outputFiles();
        QVERIFY(files.removeOne(".pixelmill-journal"));
        QCOMPARE(files.size(), doneBefore);

        RunOptions o = options();
        o.plan.resume = true;
        BatchRun resumed(o);
        const BatchCounts counts = runToEnd(resumed);
        QCOMPARE(counts.total, 41);
        QCOMPARE(counts.skipped, doneBefore);
        QCOMPARE(counts.ok, 41 - doneBefore);
        files = outputFiles();
        QCOMPARE(files.size(), 41);
        QVERIFY(!files.contains(".pixelmill-journal"));
    }

    void journalOfAShardIsItsOwn()
    {
        for (int i = 0; i < 6; ++i)
            writeGradientImage(m_in + QStringLiteral("/s%1.png").arg(i), {20, 20}, "PNG");
        RunOptions o = options();
        o.plan.shardIndex = 1;
        o.plan.shardCount = 2;
        o.keepJournal = true;
        BatchRun run(o);
        runToEnd(run);
        QVERIFY(QFile::exists(Journal::pathIn(m_out, 1, 2)));
        QVERIFY(!QFile::exists(Journal::pathIn(m_out)));
    }
};

QTEST_GUILESS_MAIN(tst_CleanOutput)
#include "tst_cleanoutput.moc"
