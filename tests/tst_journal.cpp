#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include "batch/journal.h"
#include "batch/plan.h"

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
    PlanOptions options(bool resume) const
    {
        PlanOptions o;
        o.inputDir = m_in;
        o.outputDir = m_out;
        o.conflict = ConflictPolicy::Rename;
        o.resume = resume;
        return o;
    }
    // Records `name` as done by an earlier run of `recipe`, with its output on disk.
    void recordDone(const QString &name, const Recipe &recipe, bool writeOutput = true)
    {
        Journal journal;
        QString error;
        QVERIFY2(journal.open(m_out, &error), qPrintable(error));
        const QString output = m_out + QLatin1Char('/') + name;
        if (writeOutput) {
            QFile file(output);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("done");
        }
        journal.recordDone(
            Journal::keyFor(m_in + QLatin1Char('/') + name, recipe, QStringLiteral("{name}")),
            output);
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
        gray.grayscale = true;
        recordDone(QStringLiteral("a.png"), gray);
        QCOMPARE(planBatch(options(true)).jobs.size(), 3);
    }

    void missingOutputIsRedone()
    {
        recordDone(QStringLiteral("a.png"), Recipe{}, false);
        QCOMPARE(planBatch(options(true)).jobs.size(), 3);
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
