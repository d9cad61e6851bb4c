#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "batch/inputs.h"
#include "batch/plan.h"

// Planning a mix of files and folders (PlanOptions::inputs): output layout, duplicates, the
// input root that the fingerprint, the journal and --shard share, and errors.
class tst_Inputs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_root;
    QString m_out;

    void writePng(const QString &relative, int side = 4)
    {
        const QString path = m_root + QLatin1Char('/') + relative;
        QVERIFY(QDir().mkpath(QFileInfo(path).path()));
        QImage image(side, side, QImage::Format_RGB32);
        image.fill(qRgb(side, 2 * side, 3));
        QVERIFY(image.save(path, "PNG"));
    }
    PlanOptions options(const QStringList &relativeInputs) const
    {
        PlanOptions o;
        for (const QString &input : relativeInputs)
            o.inputs << m_root + QLatin1Char('/') + input;
        o.outputDir = m_out;
        o.recursive = true;
        return o;
    }
    // Output paths relative to the output folder, keyed by input path relative to the root.
    QMap<QString, QString> layout(const BatchPlan &plan) const
    {
        QMap<QString, QString> map;
        for (const Job &job : plan.jobs)
            map.insert(job.inputPath.mid(m_root.size() + 1), job.outputPath.mid(m_out.size() + 1));
        return map;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        m_root = m_tmp.filePath(QString::fromLatin1(QTest::currentTestFunction()));
        m_out = m_root + QStringLiteral("/out");
        QVERIFY(QDir().mkpath(m_root));
    }

    void commonFolder_data()
    {
        QTest::addColumn<QStringList>("folders");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one") << QStringList{"/a/b"} << "/a/b";
        QTest::newRow("siblings") << QStringList{"/a/b/c", "/a/b/d"} << "/a/b";
        QTest::newRow("prefix is not a parent") << QStringList{"/a/bc", "/a/b"} << "/a";
        QTest::newRow("nested") << QStringList{"/a/b", "/a/b/c/d"} << "/a/b";
        QTest::newRow("only the root") << QStringList{"/x", "/y"} << "/";
    }
    void commonFolder()
    {
        QFETCH(QStringList, folders);
        QFETCH(QString, expected);
        QCOMPARE(::commonFolder(folders), expected);
    }

    void filesLandFlatFoldersKeepLayout()
    {
        writePng(QStringLiteral("a/x.png"), 4);
        writePng(QStringLiteral("b/x.png"), 6);
        writePng(QStringLiteral("shots/s.png"));
        writePng(QStringLiteral("shots/sub/x.png"));
        const BatchPlan plan = planBatch(options({"a/x.png", "b/x.png", "shots"}));
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QCOMPARE(plan.inputRoot, m_root);
        const QMap<QString, QString> expected{{"a/x.png", "x.png"},
                                              {"b/x.png", "x (2).png"},
                                              {"shots/s.png", "s.png"},
                                              {"shots/sub/x.png", "sub/x.png"}};
        QCOMPARE(layout(plan), expected);
    }

    // {n} follows the order given; a file named twice, or also inside a given folder, once.
    void eachFileCountsOnce()
    {
        writePng(QStringLiteral("f/one.png"));
        writePng(QStringLiteral("f/two.png"));
        PlanOptions o = options({"f/two.png", "f", "f/two.png", "f/../f/one.png"});
        o.namePattern = QStringLiteral("{n}-{name}");
        const BatchPlan plan = planBatch(o);
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QCOMPARE(plan.inputRoot, m_root + QStringLiteral("/f"));
        const QMap<QString, QString> expected{{"f/two.png", "1-two.png"},
                                              {"f/one.png", "2-one.png"}};
        QCOMPARE(layout(plan), expected);
    }

    // Every shard plans the whole batch: same fingerprint, disjoint slices that cover it.
    void shardsPartitionMixedInputs()
    {
        QStringList inputs;
        for (int i = 0; i < 6; ++i) {
            writePng(QStringLiteral("d%1/p.png").arg(i));
            inputs << QStringLiteral("d%1/p.png").arg(i);
        }
        writePng(QStringLiteral("folder/q.png"));
        inputs << QStringLiteral("folder");
        const BatchPlan whole = planBatch(options(inputs));
        QVERIFY2(whole.error.isEmpty(), qPrintable(whole.error));
        QSet<QString> covered;
        for (int k = 0; k < 3; ++k) {
            PlanOptions o = options(inputs);
            o.shardIndex = k;
            o.shardCount = 3;
            const BatchPlan shard = planBatch(o);
            QCOMPARE(shard.fingerprint, whole.fingerprint);
            for (const Job &job : shard.jobs) {
                QCOMPARE(shardOf(relativeTo(m_root, job.inputPath), 3), k);
                QVERIFY(!covered.contains(job.inputPath));
                covered.insert(job.inputPath);
            }
        }
        QCOMPARE(covered.size(), whole.jobs.size());
        QCOMPARE(whole.jobs.size(), 7);
    }

    void badInputsAreErrors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing file") << "gone.png"
                                      << "The input does not exist: ";
        QTest::newRow("output folder") << "out"
                                       << "output folder is the input folder";
    }
    void badInputsAreErrors()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        writePng(QStringLiteral("a.png"));
        QVERIFY(QDir().mkpath(m_out));
        const BatchPlan plan = planBatch(options({"a.png", input}));
        QVERIFY(plan.jobs.isEmpty());
        QVERIFY2(plan.error.contains(expected), qPrintable(plan.error));
    }
};

QTEST_GUILESS_MAIN(tst_Inputs)
#include "tst_inputs.moc"
