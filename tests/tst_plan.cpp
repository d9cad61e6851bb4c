#include "tst_plan.h"

void tst_Plan::init()
{
    QVERIFY(m_tmp.isValid());
    const QString root = m_tmp.path() + QLatin1Char('/') + QTest::currentTestFunction() +
                         QLatin1Char('_') + QString::fromLatin1(QTest::currentDataTag());
    m_in = root + QStringLiteral("/in");
    m_out = root + QStringLiteral("/out");
    QVERIFY(QDir().mkpath(m_in));
}

// Each job carries what the scan learned of its input (tst_imageprobe checks the probe).
void tst_Plan::jobsCarryTheirProbe()
{
    writePng(m_in + "/a.png", 12);
    writeText(m_in + "/notes.jpg");
    const BatchPlan plan = planBatch(options());
    QCOMPARE(plan.jobs.size(), 2);
    for (const Job &job : plan.jobs) {
        QVERIFY(job.probe.isTaken());
        QVERIFY(job.probe == probeFile(job.inputPath));
    }
}

// A stop flag set from another thread (cancel while planning) ends the scan with no jobs.
void tst_Plan::stopFlagAbandonsTheScan()
{
    for (int i = 0; i < 5; ++i)
        writePng(m_in + QStringLiteral("/s%1.png").arg(i));
    PlanOptions o = options();
    auto stop = std::make_shared<std::atomic_bool>(false);
    o.stop = stop;
    QCOMPARE(planBatch(o).jobs.size(), 5);
    stop->store(true);
    const BatchPlan stopped = planBatch(o);
    QVERIFY(stopped.jobs.isEmpty());
    QVERIFY(stopped.error.contains(QLatin1String("cancelled")));
}

// The input view's selection: only the listed inputs run, with the names and {n} they have
// in the whole folder (c.png stays photo-3, not photo-2); a selection of nothing that
// exists is an error, not an empty success.
void tst_Plan::onlyInputsKeepWholeFolderNames()
{
    for (const char *name : {"a.png", "b.png", "c.png"})
        writePng(m_in + QLatin1Char('/') + QLatin1String(name));
    QDir().mkpath(m_in + QStringLiteral("/sub"));
    writePng(m_in + QStringLiteral("/sub/d.png"));
    PlanOptions o = options();
    o.recursive = true;
    o.namePattern = QStringLiteral("photo-{n}");
    o.onlyInputs =
        QSet<QString>{m_in + QStringLiteral("/c.png"), m_in + QStringLiteral("/sub/d.png")};
    const BatchPlan plan = planBatch(o);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QStringList got = inputNames(plan) + outputs(plan);
    got.sort();
    QCOMPARE(got, QStringList({m_out + QStringLiteral("/photo-3.png"),
                               m_out + QStringLiteral("/sub/photo-4.png"), QStringLiteral("c.png"),
                               QStringLiteral("d.png")}));
    o.onlyInputs = QSet<QString>{m_in + QStringLiteral("/gone.png")};
    const BatchPlan none = planBatch(o);
    QVERIFY(none.jobs.isEmpty());
    QVERIFY(none.error.contains(QLatin1String("None of the chosen images")));
}

// Files that only claim to be images fail in the worker; they must not take the output
// name (or the {n}) of a real image on the way.
void tst_Plan::nonImagesTakeNoNames()
{
    writeText(m_in + QStringLiteral("/a.heic")); // junk, sorted before a.png
    writeText(m_in + QStringLiteral("/a.jpg"));  // text
    writePng(m_in + QStringLiteral("/a.png"));
    PlanOptions o = options();
    o.recipe.format = OutputFormat::Png;
    const BatchPlan plan = planBatch(o);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(plan.jobs.size(), 3);
    for (const Job &job : plan.jobs)
        if (job.inputPath.endsWith(QLatin1String("a.png")))
            QCOMPARE(job.outputPath, m_out + QStringLiteral("/a.png"));
    o.namePattern = QStringLiteral("photo-{n}");
    const BatchPlan numbered = planBatch(o);
    for (const Job &job : numbered.jobs)
        if (job.inputPath.endsWith(QLatin1String("a.png")))
            QCOMPARE(job.outputPath, m_out + QStringLiteral("/photo-1.png"));
}

void tst_Plan::sniffsContentNotExtension()
{
    writePng(m_in + QStringLiteral("/real.jpg"));       // PNG named .jpg: an image
    writeText(m_in + QStringLiteral("/fake.jpg"));      // text named .jpg: planned, to fail
    writePng(m_in + QStringLiteral("/noextension"));    // an image without extension
    writeText(m_in + QStringLiteral("/empty.png"), {}); // planned, to fail
    writeText(m_in + QStringLiteral("/notes.txt"));     // neither: stays out
    const BatchPlan plan = planBatch(options());
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QStringList names = inputNames(plan);
    names.sort();
    // A file whose name claims an image is planned whatever its content, so that the
    // worker gives it a verdict ("empty file", "looks like text") instead of it vanishing.
    QCOMPARE(names, (QStringList{QStringLiteral("empty.png"), QStringLiteral("fake.jpg"),
                                 QStringLiteral("noextension"), QStringLiteral("real.jpg")}));
    // Format Same keeps the sniffed format: the .jpg that is a PNG becomes real.png.
    QVERIFY(outputs(plan).contains(m_out + QStringLiteral("/real.png")));
    QVERIFY(outputs(plan).contains(m_out + QStringLiteral("/noextension.png")));
}

void tst_Plan::skipsSpecialFilesWithoutBlocking()
{
    writePng(m_in + QStringLiteral("/a.png"));
    QVERIFY(::mkfifo(QFile::encodeName(m_in + QStringLiteral("/fifo.jpg")).constData(), 0600) == 0);
    QVERIFY(QDir().mkpath(m_in + QStringLiteral("/x.jpg")));
    // A symlink to the FIFO must not be followed into it either.
    QVERIFY(QFile::link(m_in + QStringLiteral("/fifo.jpg"),
                        m_in + QStringLiteral("/link-to-fifo.png")));
    QVERIFY(QFile::link(m_in + QStringLiteral("/a.png"), m_in + QStringLiteral("/b.png")));
    const BatchPlan plan = planBatch(options()); // hangs here if the FIFO were opened
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QStringList names = inputNames(plan);
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("a.png"), QStringLiteral("b.png")}));
}

void tst_Plan::recursionMirrorsSubfolders()
{
    writePng(m_in + QStringLiteral("/top.png"));
    writePng(m_in + QStringLiteral("/sub/mid.png"));
    writePng(m_in + QStringLiteral("/sub/deeper/low.png"));
    PlanOptions o = options();
    BatchPlan flat = planBatch(o);
    QCOMPARE(outputs(flat), QStringList{m_out + QStringLiteral("/top.png")});
    o.recursive = true;
    BatchPlan deep = planBatch(o);
    QStringList out = outputs(deep);
    out.sort();
    QCOMPARE(out, (QStringList{m_out + QStringLiteral("/sub/deeper/low.png"),
                               m_out + QStringLiteral("/sub/mid.png"),
                               m_out + QStringLiteral("/top.png")}));
}

void tst_Plan::outputInsideInputIsNotScanned()
{
    m_out = m_in + QStringLiteral("/converted");
    writePng(m_in + QStringLiteral("/a.png"));
    writePng(m_out + QStringLiteral("/old-output.png"));
    writePng(m_out + QStringLiteral("/nested/old.png"));
    PlanOptions o = options();
    o.recursive = true;
    const BatchPlan plan = planBatch(o);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(inputNames(plan), QStringList{QStringLiteral("a.png")});
}

void tst_Plan::outputEqualToInputIsRefused_data()
{
    QTest::addColumn<QString>("spelling");
    QTest::newRow("same") << QString();
    QTest::newRow("trailing slash") << QStringLiteral("/");
    QTest::newRow("dot segment") << QStringLiteral("/./");
    QTest::newRow("symlink") << QStringLiteral("symlink");
}

void tst_Plan::outputEqualToInputIsRefused()
{
    QFETCH(QString, spelling);
    writePng(m_in + QStringLiteral("/a.png"));
    m_out = m_in + spelling;
    if (spelling == QLatin1String("symlink")) {
        m_out = m_in + QStringLiteral("-link");
        QVERIFY(QFile::link(m_in, m_out));
    }
    const BatchPlan plan = planBatch(options());
    QVERIFY(plan.jobs.isEmpty());
    QVERIFY2(plan.error.contains(QLatin1String("output folder is the input folder")),
             qPrintable(plan.error));
}

void tst_Plan::setupErrors_data()
{
    QTest::addColumn<QString>("inputDir");
    QTest::addColumn<bool>("badRecipe");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << QStringLiteral("/nope") << false << "does not exist";
    QTest::newRow("file") << QStringLiteral("/file") << false << "not a folder";
    QTest::newRow("no images") << QString() << false << "No images were found";
    QTest::newRow("recipe") << QString() << true
                            << "Width must be between 1 and 100000 pixels (got 0)";
}

void tst_Plan::setupErrors()
{
    QFETCH(QString, inputDir);
    QFETCH(bool, badRecipe);
    QFETCH(QString, expected);
    writeText(m_in + QStringLiteral("/file"));
    PlanOptions o = options();
    o.inputDir = m_in + inputDir;
    if (badRecipe) {
        o.recipe.steps = {resizeStep(ResizeMode::Fit, 0, 5)};
    }
    const BatchPlan plan = planBatch(o);
    QVERIFY(plan.jobs.isEmpty());
    QVERIFY2(plan.error.contains(expected), qPrintable(plan.error));
    QVERIFY(!QFileInfo::exists(m_out)); // planning writes nothing
}

QTEST_GUILESS_MAIN(tst_Plan)
