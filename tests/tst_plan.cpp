#include <QDir>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include "batch/plan.h"

// planBatch on real folders made by each test: content sniffing, special files, recursion,
// the output-folder guards, naming and conflicts.
class tst_Plan : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_in;
    QString m_out;

    // A real PNG of the given byte size class (bigger sides make bigger files).
    void writePng(const QString &path, int side = 8)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QImage image(side, side, QImage::Format_RGB32);
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x)
                image.setPixel(x, y, qRgb((x * 37 + y * 11) & 255, (x * y) & 255, y & 255));
        QVERIFY2(image.save(path, "PNG"), qPrintable(path));
    }
    void writeText(const QString &path, const QByteArray &text = "not an image")
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }
    PlanOptions options() const
    {
        PlanOptions o;
        o.inputDir = m_in;
        o.outputDir = m_out;
        return o;
    }
    static QStringList outputs(const BatchPlan &plan)
    {
        QStringList list;
        for (const Job &job : plan.jobs)
            list << job.outputPath;
        return list;
    }
    static QStringList inputNames(const BatchPlan &plan)
    {
        QStringList list;
        for (const Job &job : plan.jobs)
            list << QFileInfo(job.inputPath).fileName();
        return list;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        const QString root = m_tmp.path() + QLatin1Char('/') + QTest::currentTestFunction() +
                             QLatin1Char('_') + QString::fromLatin1(QTest::currentDataTag());
        m_in = root + QStringLiteral("/in");
        m_out = root + QStringLiteral("/out");
        QVERIFY(QDir().mkpath(m_in));
    }

    // Each job carries what the scan learned of its input (tst_imageprobe checks the probe).
    void jobsCarryTheirProbe()
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
    void stopFlagAbandonsTheScan()
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
    void onlyInputsKeepWholeFolderNames()
    {
        for (const char *name : {"a.png", "b.png", "c.png"})
            writePng(m_in + QLatin1Char('/') + QLatin1String(name));
        QDir().mkpath(m_in + QStringLiteral("/sub"));
        writePng(m_in + QStringLiteral("/sub/d.png"));
        PlanOptions o = options();
        o.recursive = true;
        o.namePattern = QStringLiteral("photo-{n}");
        o.onlyInputs = QSet<QString>{QStringLiteral("c.png"), QStringLiteral("sub/d.png")};
        const BatchPlan plan = planBatch(o);
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QStringList got = inputNames(plan) + outputs(plan);
        got.sort();
        QCOMPARE(got, QStringList({m_out + QStringLiteral("/photo-3.png"),
                                   m_out + QStringLiteral("/sub/photo-4.png"),
                                   QStringLiteral("c.png"), QStringLiteral("d.png")}));
        o.onlyInputs = QSet<QString>{QStringLiteral("gone.png")};
        const BatchPlan none = planBatch(o);
        QVERIFY(none.jobs.isEmpty());
        QVERIFY(none.error.contains(QLatin1String("None of the chosen images")));
    }

    // Files that only claim to be images fail in the worker; they must not take the output
    // name (or the {n}) of a real image on the way.
    void nonImagesTakeNoNames()
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

    void sniffsContentNotExtension()
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

    void skipsSpecialFilesWithoutBlocking()
    {
        writePng(m_in + QStringLiteral("/a.png"));
        QVERIFY(::mkfifo(QFile::encodeName(m_in + QStringLiteral("/fifo.jpg")).constData(), 0600) ==
                0);
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

    void recursionMirrorsSubfolders()
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

    void outputInsideInputIsNotScanned()
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

    void outputEqualToInputIsRefused_data()
    {
        QTest::addColumn<QString>("spelling");
        QTest::newRow("same") << QString();
        QTest::newRow("trailing slash") << QStringLiteral("/");
        QTest::newRow("dot segment") << QStringLiteral("/./");
        QTest::newRow("symlink") << QStringLiteral("symlink");
    }
    void outputEqualToInputIsRefused()
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

    void setupErrors_data()
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
    void setupErrors()
    {
        QFETCH(QString, inputDir);
        QFETCH(bool, badRecipe);
        QFETCH(QString, expected);
        writeText(m_in + QStringLiteral("/file"));
        PlanOptions o = options();
        o.inputDir = m_in + inputDir;
        if (badRecipe) {
            o.recipe.resizeMode = ResizeMode::Fit;
            o.recipe.width = 0;
            o.recipe.height = 5;
        }
        const BatchPlan plan = planBatch(o);
        QVERIFY(plan.jobs.isEmpty());
        QVERIFY2(plan.error.contains(expected), qPrintable(plan.error));
        QVERIFY(!QFileInfo::exists(m_out)); // planning writes nothing
    }

    void namePattern_data()
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
    void namePattern()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, input);
        QFETCH(int, position);
        QFETCH(int, format);
        QFETCH(QString, expected);
        QCOMPARE(outputFileName(pattern, input, position, OutputFormat(format)), expected);
    }

    void badPatternIsRefused()
    {
        writePng(m_in + QStringLiteral("/a.png"));
        PlanOptions o = options();
        o.namePattern = QStringLiteral("../{name}");
        QVERIFY(planBatch(o).error.contains(QLatin1String("slash")));
        o.namePattern = QStringLiteral("  ");
        QVERIFY(planBatch(o).error.contains(QLatin1String("empty")));
    }

    void collisionsWithinBatchGetSuffixes()
    {
        writePng(m_in + QStringLiteral("/a.jpg"), 8);
        writePng(m_in + QStringLiteral("/a.png"), 8);
        writePng(m_in + QStringLiteral("/a.tif"), 8);
        PlanOptions o = options();
        o.recipe.format = OutputFormat::Jpeg;
        const BatchPlan plan = planBatch(o);
        QStringList out = outputs(plan);
        out.sort();
        QCOMPARE(out, (QStringList{m_out + QStringLiteral("/a (2).jpg"),
                                   m_out + QStringLiteral("/a (3).jpg"),
                                   m_out + QStringLiteral("/a.jpg")}));
        // Name order decides who gets the plain name.
        for (const Job &job : plan.jobs)
            if (job.inputPath.endsWith(QLatin1String("a.jpg")))
                QCOMPARE(job.outputPath, m_out + QStringLiteral("/a.jpg"));
    }

    void conflictPolicies_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<int>("jobs");
        QTest::addColumn<QString>("output");
        QTest::addColumn<bool>("overwrite");
        QTest::newRow("skip") << int(ConflictPolicy::Skip) << 1 << "/b.png" << false;
        QTest::newRow("overwrite") << int(ConflictPolicy::Overwrite) << 2 << "/a.png" << true;
        QTest::newRow("rename") << int(ConflictPolicy::Rename) << 2 << "/a (3).png" << false;
    }
    void conflictPolicies()
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

    void neverOverwritesAnInput()
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

    void largestFirstAndIds()
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

    void weirdNamesWorkLiterally_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("unicode") << QStringLiteral("café 東京 ✓.png");
        QTest::newRow("spaces") << QStringLiteral("  two  spaces .png");
        QTest::newRow("leading dash") << QStringLiteral("-rf.png");
        QTest::newRow("brackets") << QStringLiteral("x[shrink=2].png");
        QTest::newRow("newline") << QStringLiteral("line\nbreak.png");
        QTest::newRow("quotes") << QStringLiteral("it's \"q\", ok.png");
    }
    void weirdNamesWorkLiterally()
    {
        QFETCH(QString, name);
        writePng(m_in + QLatin1Char('/') + name);
        const BatchPlan plan = planBatch(options());
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QCOMPARE(plan.jobs.size(), 1);
        QCOMPARE(plan.jobs.first().inputPath, m_in + QLatin1Char('/') + name);
        QCOMPARE(plan.jobs.first().outputPath, m_out + QLatin1Char('/') + name);
    }

    void conflictPolicyNames()
    {
        for (ConflictPolicy p :
             {ConflictPolicy::Skip, ConflictPolicy::Overwrite, ConflictPolicy::Rename})
            QVERIFY(conflictPolicyFromString(toString(p)) == p);
        QVERIFY(!conflictPolicyFromString(QStringLiteral("ask")));
    }
};

QTEST_GUILESS_MAIN(tst_Plan)
#include "tst_plan.moc"
