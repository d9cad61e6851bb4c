#include <QDir>
#include <QFile>
#include <QImage>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include "batch/plan.h"

// --shard K/N: every shard plans the whole folder and takes its slice. The slices cover the
// batch exactly once, with the names, {n} and conflict suffixes of the unsharded plan.
class tst_Shard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_in;
    QString m_out;

    void writePng(const QString &path)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QImage image(4, 4, QImage::Format_RGB32);
        image.fill(Qt::red);
        QVERIFY2(image.save(path, "PNG"), qPrintable(path));
    }
    PlanOptions options(int index = 0, int count = 1) const
    {
        PlanOptions o;
        o.inputDir = m_in;
        o.outputDir = m_out;
        o.recursive = true;
        o.namePattern = QStringLiteral("{parent}"); // "a", "a (2)", ...: conflict suffixes
        o.shardIndex = index;
        o.shardCount = count;
        return o;
    }
    // input path -> output path, over jobs and pre-resolved skips.
    static QMap<QString, QString> namesOf(const BatchPlan &plan)
    {
        QMap<QString, QString> names;
        for (const Job &job : plan.jobs)
            names.insert(job.inputPath, job.outputPath);
        for (const JobResult &result : plan.preResolved) // "output exists: PATH"
            names.insert(result.inputPath, result.message.section(QStringLiteral(": "), 1));
        return names;
    }

private Q_SLOTS:
    void init()
    {
        m_in = m_tmp.filePath(QTest::currentTestFunction()) + "/in";
        m_out = m_tmp.filePath(QTest::currentTestFunction()) + "/out";
        for (int i = 0; i < 40; ++i)
            writePng(m_in + QStringLiteral("/%1/p%2.png").arg(i % 3 ? "a" : "b").arg(i));
        writePng(m_in + "/x/a/p0.png");
        QVERIFY(QDir().mkpath(m_out + "/a"));
        QFile existing(m_out + "/a/a (2).png"); // skipped under the default policy
        QVERIFY(existing.open(QIODevice::WriteOnly));
    }

    // Values computed independently (Python: FNV-1a 64 over UTF-8, splitmix64 finaliser, mod N).
    void shardOfIsTheDocumentedHash_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("shard");
        QTest::newRow("a.png/4") << "a.png" << 4 << 2;
        QTest::newRow("a.png/1000") << "a.png" << 1000 << 222;
        QTest::newRow("sub/b.jpg/7") << "sub/b.jpg" << 7 << 6;
        QTest::newRow("unicode/1000") << QStringLiteral("été/ü.png") << 1000 << 796;
        QTest::newRow("one shard") << "x" << 1 << 0;
    }
    void shardOfIsTheDocumentedHash()
    {
        QFETCH(QString, path);
        QFETCH(int, count);
        QFETCH(int, shard);
        QCOMPARE(shardOf(path, count), shard);
    }

    void shardsCoverTheBatchOnceWithTheSameNames()
    {
        const BatchPlan whole = planBatch(options());
        QVERIFY2(whole.error.isEmpty(), qPrintable(whole.error));
        const QMap<QString, QString> expected = namesOf(whole);
        QCOMPARE(expected.size(), 41);
        QCOMPARE(whole.preResolved.size(), 1);
        QVERIFY(expected.values().contains(m_out + "/a/a (26).png"));
        QMap<QString, QString> union_;
        for (int k = 0; k < 4; ++k) {
            const BatchPlan shard = planBatch(options(k, 4));
            QVERIFY2(shard.error.isEmpty(), qPrintable(shard.error));
            QCOMPARE(shard.fingerprint, whole.fingerprint);
            const QMap<QString, QString> names = namesOf(shard);
            QVERIFY(!names.isEmpty()); // 42 inputs over 4 shards: none is empty
            for (auto it = names.cbegin(); it != names.cend(); ++it) {
                QVERIFY2(!union_.contains(it.key()), qPrintable(it.key()));
                QCOMPARE(shardOf(relativeTo(whole.inputRoot, it.key()), 4), k);
                union_.insert(it.key(), it.value());
            }
        }
        QCOMPARE(union_, expected);
    }

    void addingAFileMovesOnlyThatFile()
    {
        QMap<QString, int> before;
        for (int k = 0; k < 3; ++k)
            for (const QString &input : namesOf(planBatch(options(k, 3))).keys())
                before.insert(input, k);
        writePng(m_in + "/b/new.png");
        for (int k = 0; k < 3; ++k)
            for (const QString &input : namesOf(planBatch(options(k, 3))).keys())
                QCOMPARE(before.value(input, k), k);
    }

    void fingerprintFollowsTheRecipeAndTheFiles()
    {
        const QString first = planBatch(options()).fingerprint;
        QCOMPARE(first.size(), 40);
        PlanOptions gray = options();
        gray.recipe.setGrayscale(true);
        QVERIFY(planBatch(gray).fingerprint != first);
        writePng(m_in + "/b/new.png");
        QVERIFY(planBatch(options()).fingerprint != first);
    }

    void badShardsAreRefused_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("conflict");
        QTest::newRow("K = N") << 4 << 4 << int(ConflictPolicy::Skip);
        QTest::newRow("negative") << -1 << 4 << int(ConflictPolicy::Skip);
        QTest::newRow("zero shards") << 0 << 0 << int(ConflictPolicy::Skip);
        QTest::newRow("rename") << 0 << 2 << int(ConflictPolicy::Rename);
    }
    void badShardsAreRefused()
    {
        QFETCH(int, index);
        QFETCH(int, count);
        QFETCH(int, conflict);
        PlanOptions o = options(index, count);
        o.conflict = ConflictPolicy(conflict);
        const BatchPlan plan = planBatch(o);
        QVERIFY(!plan.error.isEmpty());
        QVERIFY(plan.jobs.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Shard)
#include "tst_shard.moc"
