#include "tst_plan.h"

void tst_Plan::namePattern_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("expected");
    const int jpg = int(OutputFormat::Jpeg);
    QTest::newRow("name") << "{name}"
                          << "/a/b/photo.png" << 1 << jpg << "photo.jpg";
    QTest::newRow("dots") << "{name}"
                          << "/a/b/x.y.tif" << 1 << jpg << "x.y.jpg";
    QTest::newRow("parent") << "{parent}-{name}"
                            << "/a/trip/p.png" << 1 << jpg << "trip-p.jpg";
    QTest::newRow("n") << "img_{n}"
                       << "/a/b/p.png" << 7 << jpg << "img_7.jpg";
    QTest::newRow("all twice") << "{n}{name}{n}"
                               << "/a/b/p.png" << 2 << int(OutputFormat::Png) << "2p2.png";
    QTest::newRow("unknown token: no name") << "{x}{name}"
                                            << "/a/b/p.png" << 1 << jpg << "";
    QTest::newRow("token in name") << "{name}"
                                   << "/a/b/{n}.png" << 3 << jpg << "{n}.jpg";
    QTest::newRow("hidden") << "{name}"
                            << "/a/b/.jpg" << 1 << jpg << ".jpg.jpg";
    QTest::newRow("same") << "{name}"
                          << "/a/b/p.png" << 1 << int(OutputFormat::Same) << "p";
}

void tst_Plan::namePattern()
{
    QFETCH(QString, pattern);
    QFETCH(QString, input);
    QFETCH(int, position);
    QFETCH(int, format);
    QFETCH(QString, expected);
    QCOMPARE(outputFileName(pattern, input, position, OutputFormat(format)), expected);
}

void tst_Plan::badPatternIsRefused()
{
    writePng(m_in + QStringLiteral("/a.png"));
    PlanOptions o = options();
    o.namePattern = QStringLiteral("../{name}");
    QVERIFY(planBatch(o).error.contains(QLatin1String("slash")));
    o.namePattern = QStringLiteral("  ");
    QVERIFY(planBatch(o).error.contains(QLatin1String("empty")));
}

void tst_Plan::collisionsWithinBatchGetSuffixes()
{
    writePng(m_in + QStringLiteral("/a.jpg"), 8);
    writePng(m_in + QStringLiteral("/a.png"), 8);
    writePng(m_in + QStringLiteral("/a.tif"), 8);
    PlanOptions o = options();
    o.recipe.format = OutputFormat::Jpeg;
    const BatchPlan plan = planBatch(o);
    QStringList out = outputs(plan);
    out.sort();
    QCOMPARE(out,
             (QStringList{m_out + QStringLiteral("/a (2).jpg"),
                          m_out + QStringLiteral("/a (3).jpg"), m_out + QStringLiteral("/a.jpg")}));
    // Name order decides who gets the plain name.
    for (const Job &job : plan.jobs)
        if (job.inputPath.endsWith(QLatin1String("a.jpg")))
            QCOMPARE(job.outputPath, m_out + QStringLiteral("/a.jpg"));
}

void tst_Plan::conflictPolicies_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<int>("jobs");
    QTest::addColumn<QString>("output");
    QTest::addColumn<bool>("overwrite");
    QTest::newRow("skip") << int(ConflictPolicy::Skip) << 1 << "/b.png" << false;
    QTest::newRow("overwrite") << int(ConflictPolicy::Overwrite) << 2 << "/a.png" << true;
    QTest::newRow("rename") << int(ConflictPolicy::Rename) << 2 << "/a (3).png" << false;
}

void tst_Plan::conflictPolicies()
{
    QFETCH(int, policy);
    QFETCH(int, jobs);
    QFETCH(QString, output);
    QFETCH(bool, overwrite);
    writePng(m_in + QStringLiteral("/a.png"), 30);
    writePng(m_in + QStringLiteral("/b.png"), 8);
    QVERIFY(QDir().mkpath(m_out));
    writeText(m_out + QStringLiteral("/a.png"));
    writeText(m_out + QStringLiteral("/a (2).png"));
    PlanOptions o = options();
    o.conflict = ConflictPolicy(policy);
    const BatchPlan plan = planBatch(o);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(plan.jobs.size(), jobs);
    QCOMPARE(plan.total(), 2);
    QCOMPARE(plan.jobs.first().outputPath, m_out + output);
    QCOMPARE(plan.jobs.first().overwrite, overwrite);
    if (ConflictPolicy(policy) == ConflictPolicy::Skip) {
        QCOMPARE(plan.preResolved.size(), 1);
        const JobResult &skipped = plan.preResolved.first();
        QVERIFY(skipped.status == JobStatus::Skipped);
        QCOMPARE(skipped.message, QStringLiteral("output exists: %1/a.png").arg(m_out));
        QCOMPARE(skipped.inputPath, m_in + QStringLiteral("/a.png"));
        QCOMPARE(skipped.id, JobId(2)); // after the jobs
    }
}

void tst_Plan::neverOverwritesAnInput()
{
    // Output is the parent of the input: in/in/x.png would map onto in/x.png, an input.
    m_out = QFileInfo(m_in).absolutePath();
    writePng(m_in + QStringLiteral("/x.png"));
    writePng(m_in + QStringLiteral("/in/x.png"));
    PlanOptions o = options();
    o.recursive = true;
    o.conflict = ConflictPolicy::Overwrite;
    const BatchPlan plan = planBatch(o);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QSet<QString> inputs;
    for (const Job &job : plan.jobs)
        inputs.insert(QFileInfo(job.inputPath).canonicalFilePath());
    for (const Job &job : plan.jobs) {
        QVERIFY2(!inputs.contains(QFileInfo(job.outputPath).canonicalFilePath()) ||
                     !QFileInfo::exists(job.outputPath),
                 qPrintable(job.outputPath));
    }
    QVERIFY(outputs(plan).contains(m_out + QStringLiteral("/in/x (2).png")));
}

void tst_Plan::largestFirstAndIds()
{
    writePng(m_in + QStringLiteral("/small.png"), 4);
    writePng(m_in + QStringLiteral("/large.png"), 200);
    writePng(m_in + QStringLiteral("/medium.png"), 40);
    const BatchPlan plan = planBatch(options());
    QCOMPARE(inputNames(plan),
             (QStringList{QStringLiteral("large.png"), QStringLiteral("medium.png"),
                          QStringLiteral("small.png")}));
    for (int i = 0; i < plan.jobs.size(); ++i)
        QCOMPARE(plan.jobs.at(i).id, JobId(i + 1));
}

void tst_Plan::weirdNamesWorkLiterally_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("unicode") << QStringLiteral("café 東京 ✓.png");
    QTest::newRow("spaces") << QStringLiteral("  two  spaces .png");
    QTest::newRow("leading dash") << QStringLiteral("-rf.png");
    QTest::newRow("brackets") << QStringLiteral("x[shrink=2].png");
    QTest::newRow("newline") << QStringLiteral("line\nbreak.png");
    QTest::newRow("quotes") << QStringLiteral("it's \"q\", ok.png");
}

void tst_Plan::weirdNamesWorkLiterally()
{
    QFETCH(QString, name);
    writePng(m_in + QLatin1Char('/') + name);
    const BatchPlan plan = planBatch(options());
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(plan.jobs.size(), 1);
    QCOMPARE(plan.jobs.first().inputPath, m_in + QLatin1Char('/') + name);
    QCOMPARE(plan.jobs.first().outputPath, m_out + QLatin1Char('/') + name);
}

void tst_Plan::conflictPolicyNames()
{
    for (ConflictPolicy p :
         {ConflictPolicy::Skip, ConflictPolicy::Overwrite, ConflictPolicy::Rename})
        QVERIFY(conflictPolicyFromString(toString(p)) == p);
    QVERIFY(!conflictPolicyFromString(QStringLiteral("ask")));
}
