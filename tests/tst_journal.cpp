#include <QDir>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "batch/journal.h"
#include "batch/plan.h"

Q_DECLARE_METATYPE(ConflictPolicy)

// The journal and resume: what a re-run after an interruption skips, and what it must not.
class tst_Journal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_in, m_out;

    void writePng(const QString &path, int side)
    {
        QImage image(side, side, QImage::Format_RGB32);
        image.fill(qRgb(side, 100, 200));
        QVERIFY(image.save(path, "PNG"));
    }
    PlanOptions options(bool resume, ConflictPolicy conflict = ConflictPolicy::Rename) const
    {
        PlanOptions o;
        o.inputDir = m_in;
        o.outputDir = m_out;
        o.conflict = conflict;
        o.resume = resume;
        return o;
    }
    // Records `name` as done by an earlier run of `recipe`, with its output on disk ("done",
    // 4 bytes) and `recordedBytes` as its size in the journal (negative: an older line, none).
    void recordDone(const QString &name, const Recipe &recipe, bool writeOutput = true,
                    qint64 recordedBytes = 4)
    {
        Journal journal;
        QString error;
        QVERIFY2(journal.open(Journal::pathIn(m_out), {m_in, QStringLiteral("plan"), 0, 1}, &error),
                 qPrintable(error));
        const QString output = m_out + QLatin1Char('/') + name;
        if (writeOutput) {
            QFile file(output);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("done");
        }
        journal.recordDone(
            Journal::keyFor(m_in, m_in + QLatin1Char('/') + name, recipe, QStringLiteral("{name}")),
            output, recordedBytes);
    }
    void resizeOutput(const QString &name, qint64 size)
    {
        QFile file(m_out + QLatin1Char('/') + name);
        QVERIFY(file.resize(size));
    }
    static const Job *findJob(const BatchPlan &plan, const QString &name)
    {
        for (const Job &job : plan.jobs)
            if (QFileInfo(job.inputPath).fileName() == name)
                return &job;
        return nullptr;
    }
    static QStringList jobNames(const BatchPlan &plan)
    {
        QStringList names;
        for (const Job &job : plan.jobs)
            names << QFileInfo(job.inputPath).fileName();
        names.sort();
        return names;
    }

private Q_SLOTS:
    void init()
    {
        m_in = m_tmp.path() + QStringLiteral("/in");
        m_out = m_tmp.path() + QStringLiteral("/out");
        QDir(m_tmp.path()).removeRecursively();
        QVERIFY(QDir().mkpath(m_in) && QDir().mkpath(m_out));
        writePng(m_in + QStringLiteral("/a.png"), 10);
        writePng(m_in + QStringLiteral("/b.png"), 20);
        writePng(m_in + QStringLiteral("/c.png"), 30);
    }

    void resumeSkipsRecordedInputs()
    {
        recordDone(QStringLiteral("a.png"), Recipe{});
        const BatchPlan plan = planBatch(options(true));
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QCOMPARE(jobNames(plan), QStringList({QStringLiteral("b.png"), QStringLiteral("c.png")}));
        QCOMPARE(plan.preResolved.size(), 1);
        QVERIFY(plan.preResolved.first().status == JobStatus::Skipped);
        QVERIFY(plan.preResolved.first().message.contains(QLatin1String("earlier run")));
    }

    void withoutResumeNothingIsSkipped()
    {
        recordDone(QStringLiteral("a.png"), Recipe{});
        const BatchPlan plan = planBatch(options(false));
        QCOMPARE(plan.jobs.size(), 3); // rename policy: a.png gets "a (2).png"
    }

    void changedInputIsRedone()
    {
        recordDone(QStringLiteral("a.png"), Recipe{});
        writePng(m_in + QStringLiteral("/a.png"), 64); // new content, new size
        QCOMPARE(planBatch(options(true)).jobs.size(), 3);
    }

    void otherRecipeIsRedone()
    {
        Recipe gray;
        gray.setGrayscale(true);
        recordDone(QStringLiteral("a.png"), gray);
        QCOMPARE(planBatch(options(true)).jobs.size(), 3);
    }

    void missingOutputIsRedone()
    {
        recordDone(QStringLiteral("a.png"), Recipe{}, false);
        QCOMPARE(planBatch(options(true)).jobs.size(), 3);
    }

    // A power loss before the kernel wrote the data back can leave the output empty or short:
    // redone, in place (it is this input's own broken output), whatever the conflict policy.
    void outputCutShortIsRedoneInPlace_data()
    {
        QTest::addColumn<ConflictPolicy>("conflict");
        QTest::addColumn<qint64>("size");
        QTest::newRow("skip, empty") << ConflictPolicy::Skip << qint64(0);
        QTest::newRow("rename, empty") << ConflictPolicy::Rename << qint64(0);
        QTest::newRow("overwrite, empty") << ConflictPolicy::Overwrite << qint64(0);
        QTest::newRow("skip, short") << ConflictPolicy::Skip << qint64(3);
        QTest::newRow("rename, short") << ConflictPolicy::Rename << qint64(3);
    }
    void outputCutShortIsRedoneInPlace()
    {
        QFETCH(ConflictPolicy, conflict);
        QFETCH(qint64, size);
        recordDone(QStringLiteral("a.png"), Recipe{});
        resizeOutput(QStringLiteral("a.png"), size);
        const BatchPlan plan = planBatch(options(true, conflict));
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QCOMPARE(jobNames(plan), QStringList({QStringLiteral("a.png"), QStringLiteral("b.png"),
                                              QStringLiteral("c.png")}));
        QCOMPARE(plan.preResolved.size(), 0);
        const Job *a = findJob(plan, QStringLiteral("a.png"));
        QVERIFY(a);
        QCOMPARE(a->outputPath, m_out + QStringLiteral("/a.png"));
        QVERIFY(a->overwrite);
        QSet<JobId> ids;
        for (const Job &job : plan.jobs)
            ids.insert(job.id);
        QCOMPARE(ids.size(), 3);
    }

    // Larger than written: not a cut-short output but someone else's content now. Not trusted,
    // and not replaced either: the conflict policy decides as for any existing file.
    void outputGrownIsNotTrustedNorReplaced()
    {
        recordDone(QStringLiteral("a.png"), Recipe{});
        resizeOutput(QStringLiteral("a.png"), 100);
        const BatchPlan renamed = planBatch(options(true, ConflictPolicy::Rename));
        const Job *a = findJob(renamed, QStringLiteral("a.png"));
        QVERIFY(a);
        QCOMPARE(a->outputPath, m_out + QStringLiteral("/a (2).png"));
        QVERIFY(!a->overwrite);
        const BatchPlan skipped = planBatch(options(true, ConflictPolicy::Skip));
        QCOMPARE(jobNames(skipped),
                 QStringList({QStringLiteral("b.png"), QStringLiteral("c.png")}));
        QCOMPARE(skipped.preResolved.size(), 1);
        QVERIFY(skipped.preResolved.first().message.startsWith(QLatin1String("output exists")));
    }

    void recordedSizeIsTrusted()
    {
        recordDone(QStringLiteral("a.png"), Recipe{}, true, 4);
        const BatchPlan plan = planBatch(options(true, ConflictPolicy::Overwrite));
        QCOMPARE(jobNames(plan), QStringList({QStringLiteral("b.png"), QStringLiteral("c.png")}));
        QCOMPARE(plan.preResolved.size(), 1);
        QVERIFY(plan.preResolved.first().message.contains(QLatin1String("earlier run")));
    }

    // Journals written before sizes were recorded: the output being there is enough.
    void lineWithoutSizeNeedsOnlyTheOutput()
    {
        recordDone(QStringLiteral("a.png"), Recipe{}, true, -1);
        QFile journal(Journal::pathIn(m_out));
        QVERIFY(journal.open(QIODevice::ReadOnly));
        QVERIFY(!journal.readAll().contains("bytes"));
        resizeOutput(QStringLiteral("a.png"), 1);
        const BatchPlan plan = planBatch(options(true));
        QCOMPARE(jobNames(plan), QStringList({QStringLiteral("b.png"), QStringLiteral("c.png")}));
    }

    // The journal sits in a folder that gets uploaded and shared: it names inputs relative to
    // the input root and outputs relative to the output folder, never where they live.
    void journalHoldsNoAbsolutePaths()
    {
        Journal journal;
        QString error;
        QVERIFY2(journal.open(Journal::pathIn(m_out), {m_in, QStringLiteral("f1"), 0, 1}, &error),
                 qPrintable(error));
        Job job;
        job.inputPath = m_in + QStringLiteral("/a.png");
        journal.recordDone(job, QStringLiteral("{name}"), m_out + QStringLiteral("/a.png"), 4);
        journal.close();
        QFile file(Journal::pathIn(m_out));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // header, one image, the empty rest after the last newline
        QCOMPARE(lines.at(0), QByteArray(R"({"plan":"f1","shard":"0/1"})"));
        QVERIFY2(lines.at(1).startsWith(R"({"bytes":4,"key":"a.png|)"), lines.at(1));
        QVERIFY2(lines.at(1).endsWith(R"(","output":"a.png"})"), lines.at(1));
        QVERIFY(!lines.at(1).contains(m_tmp.path().toUtf8()));
    }

    // Relative names make the pair of folders movable: resume still knows what was done.
    void resumeWorksAfterMovingBothFolders()
    {
        recordDone(QStringLiteral("a.png"), Recipe{});
        const QString moved = m_tmp.path() + QStringLiteral("/moved");
        QVERIFY(QDir().mkpath(moved));
        QVERIFY(QDir().rename(m_in, moved + QStringLiteral("/in")));
        QVERIFY(QDir().rename(m_out, moved + QStringLiteral("/out")));
        m_in = moved + QStringLiteral("/in");
        m_out = moved + QStringLiteral("/out");
        const BatchPlan plan = planBatch(options(true));
        QCOMPARE(jobNames(plan), QStringList({QStringLiteral("b.png"), QStringLiteral("c.png")}));
        QCOMPARE(plan.preResolved.first().outputPath, m_out + QStringLiteral("/a.png"));
    }

    // Each shard resumes from its own journal, never another's.
    void shardJournalsAreSeparate()
    {
        QCOMPARE(Journal::fileName(2, 4), QStringLiteral(".pixelmill-journal-2-of-4"));
        QCOMPARE(Journal::fileName(0, 1), QStringLiteral(".pixelmill-journal"));
        recordDone(QStringLiteral("a.png"), Recipe{}); // written to the unsharded journal
        PlanOptions o = options(true, ConflictPolicy::Overwrite);
        o.shardCount = 2;
        o.shardIndex = shardOf(QStringLiteral("a.png"), 2);
        const BatchPlan plan = planBatch(o);
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QVERIFY(findJob(plan, QStringLiteral("a.png"))); // not skipped: not this shard's journal
    }

    void retireSyncsAndRemovesTheJournal()
    {
        recordDone(QStringLiteral("a.png"), Recipe{});
        QVERIFY(QFile::exists(Journal::pathIn(m_out)));
        QString error;
        QVERIFY2(Journal::retire(Journal::pathIn(m_out), m_out, &error), qPrintable(error));
        QVERIFY(!QFile::exists(Journal::pathIn(m_out)));
        QVERIFY(QFile::exists(m_out + QStringLiteral("/a.png")));
        QVERIFY(!Journal::retire(Journal::pathIn(m_tmp.path() + "/none"), m_tmp.path() + "/none",
                                 &error));
        QVERIFY2(error.contains(QLatin1String("cannot sync")), qPrintable(error));
    }

    void tornLastLineIsIgnored()
    {
        recordDone(QStringLiteral("a.png"), Recipe{});
        QFile file(Journal::pathIn(m_out));
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"key\":\"trunc"); // a kill mid-write
        file.close();
        const BatchPlan plan = planBatch(options(true));
        QCOMPARE(jobNames(plan), QStringList({QStringLiteral("b.png"), QStringLiteral("c.png")}));
    }
};

QTEST_GUILESS_MAIN(tst_Journal)
#include "tst_journal.moc"
