#include "tst_cli.h"

void tst_Cli::initTestCase()
{
    QVERIFY(VIPS_INIT("tst_cli") == 0);
    QVERIFY(QFileInfo(binary("pixelmill-cli")).isExecutable());
    QVERIFY(QFileInfo(binary("pixelmill-worker")).isExecutable());
    qputenv("PIXELMILL_WORKER", binary("pixelmill-worker").toLocal8Bit());
}

void tst_Cli::init()
{
    QVERIFY(m_tmp.isValid());
    const QString root = m_tmp.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                        QLatin1Char('_') + QTest::currentDataTag());
    m_in = root + "/in";
    m_out = root + "/out";
    QVERIFY(QDir().mkpath(m_in));
}

void tst_Cli::batchWithCorruptFileExitsOne()
{
    writeGradientImage(m_in + "/wide.png", {200, 100}, "PNG");
    writeGradientImage(m_in + "/tall.jpg", {60, 120}, "JPEG");
    writeGradientImage(m_in + "/-odd name [x].png", {80, 80}, "PNG");
    writeCorrupt(m_in + "/broken.jpg");
    const QString report = m_tmp.filePath("corrupt.json");
    const Run run =
        cli({"--resize", "50x50", "--workers", "2", "--report", report, "-o", m_out, "--", m_in});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("failed: " + m_in.toUtf8() + "/broken.jpg: "), run.err);
    QVERIFY2(run.err.contains("3 done, 1 failed, 0 skipped in "), run.err);

    const QJsonObject json = readJson(report);
    const QJsonObject summary = json.value("summary").toObject();
    QCOMPARE(summary.value("total").toInt(), 4);
    QCOMPARE(summary.value("ok").toInt(), 3);
    QCOMPARE(summary.value("failed").toInt(), 1);
    QCOMPARE(summary.value("skipped").toInt(), 0);
    QCOMPARE(summary.value("cancelled").toInt(), 0);
    QVERIFY(summary.value("seconds").toDouble() > 0);
    const QJsonArray results = json.value("results").toArray();
    QCOMPARE(results.size(), 4);
    for (const QJsonValue &value : results) {
        const QJsonObject r = value.toObject();
        const QString input = r.value("input").toString();
        if (input.endsWith("broken.jpg")) {
            QCOMPARE(r.value("status").toString(), QStringLiteral("failed"));
            QVERIFY(!r.value("error").toString().isEmpty());
            QCOMPARE(r.value("output").toString(), QString());
        } else {
            QCOMPARE(r.value("status").toString(), QStringLiteral("ok"));
            QVERIFY(QFileInfo::exists(r.value("output").toString()));
            QVERIFY(!r.value("engine").toString().isEmpty());
        }
    }
    QCOMPARE(QImageReader(m_out + "/wide.png").size(), QSize(50, 25));
    QCOMPARE(QImageReader(m_out + "/tall.jpg").size(), QSize(25, 50));
    QCOMPARE(QImageReader(m_out + "/-odd name [x].png").size(), QSize(50, 50));
    QVERIFY(!QFileInfo::exists(m_out + "/broken.jpg"));
}

// A TIFF whose decode cannot fit under --memory-limit: uniform, so the file is small while
// its pixels are not. libvips (not the code under test) writes it. Halving it keeps the
// whole image in memory: the worker refuses it before decoding, with the size it needs,
// instead of dying in glib (a crash and a retry); the batch goes on.
void tst_Cli::memoryLimitRefusesOversizedTiff()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("the memory cap is off under AddressSanitizer");
#endif
    const QString huge = m_in + "/huge.tif";
    vips::VImage pixels =
        (vips::VImage::black(8000, 8000, vips::VImage::option()->set("bands", 3)) + 90)
            .cast(VIPS_FORMAT_UCHAR);
    pixels.tiffsave(huge.toLocal8Bit().data(),
                    vips::VImage::option()
                        ->set("compression", VIPS_FOREIGN_TIFF_COMPRESSION_DEFLATE)
                        ->set("tile", true));
    QVERIFY(QFileInfo(huge).size() < 2'000'000);
    writeGradientImage(m_in + "/fine.png", {200, 100}, "PNG");
    const QString report = m_tmp.filePath("memory.json");
    const Run run = cli({"--percent", "50", "--workers", "1", "--memory-limit", "400", "--report",
                         report, "-o", m_out, m_in});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("1 done, 1 failed, 0 skipped in "), run.err);
    const QJsonArray results = readJson(report).value("results").toArray();
    QCOMPARE(results.size(), 2);
    for (const QJsonValue &value : results) {
        const QJsonObject r = value.toObject();
        if (!r.value("input").toString().endsWith("huge.tif")) {
            QCOMPARE(r.value("status").toString(), QStringLiteral("ok"));
            continue;
        }
        QCOMPARE(r.value("status").toString(), QStringLiteral("failed"));
        // At least the 8-bit image twice (libvips' result and the copy handed on) plus the
        // decode itself: 8000 * 8000 * 3 bytes * 3 = 549.3 MB.
        static const QRegularExpression reason(QStringLiteral(
            "^not enough memory to decode image: 8000x8000 needs about (\\d+) MB, over the "
            "400 MB memory limit$"));
        const QRegularExpressionMatch match = reason.match(r.value("error").toString());
        QVERIFY2(match.hasMatch(), qPrintable(r.value("error").toString()));
        QVERIFY2(match.captured(1).toInt() >= 550, qPrintable(match.captured(1)));
    }
    QVERIFY(!QFileInfo::exists(m_out + "/huge.tif"));
}

void tst_Cli::allSucceedExitsZero()
{
    writeGradientImage(m_in + "/a.png", {300, 200}, "PNG");
    QVERIFY(QDir().mkpath(m_in + "/sub"));
    writeGradientImage(m_in + "/sub/b.jpg", {100, 400}, "JPEG");
    const QString report = m_tmp.filePath("ok.csv");
    const Run run =
        cli({m_in, "--output", m_out, "--long-edge", "100", "--format", "png", "--grayscale",
             "--recursive", "--name", "{name}_small", "--report", report});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QImageReader(m_out + "/a_small.png").size(), QSize(100, 67));
    QCOMPARE(QImageReader(m_out + "/sub/b_small.png").size(), QSize(25, 100));
    QVERIFY(QImage(m_out + "/a_small.png").allGray());
    QFile csv(report);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readAll().startsWith("input,output,status,error,ms,engine"));

    // The same batch again: everything exists, skipped, still success.
    const Run again = cli({m_in, "-o", m_out, "--long-edge", "100", "--format", "png",
                           "--recursive", "--name", "{name}_small"});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.err.contains("0 done, 0 failed, 2 skipped"), again.err);
}

void tst_Cli::quietPrintsNothingOnSuccess()
{
    writeGradientImage(m_in + "/a.png", {30, 20}, "PNG");
    const Run run = cli({m_in, "-o", m_out, "--quiet"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.out, QByteArray());
}

// Three shards into one folder, then their reports merged: every image once, the names of
// an unsharded run, only images left in the folder.
void tst_Cli::shardsMergeIntoOneReport()
{
    for (int i = 0; i < 12; ++i)
        writeGradientImage(m_in + QStringLiteral("/s%1.png").arg(i), {30 + i, 20}, "PNG");
    const QString reports = m_tmp.filePath("shard-reports");
    QVERIFY(QDir().mkpath(reports));
    QStringList shardReports;
    for (int k = 0; k < 3; ++k) {
        const Run run = cli({m_in, "-o", m_out, "--shard", QStringLiteral("%1/3").arg(k),
                             "--report", reports + "/run-{shard}.json", "--quiet"});
        QCOMPARE(run.exitCode, 0);
        shardReports << reports + QStringLiteral("/run-%1.json").arg(k);
        QCOMPARE(readJson(shardReports.last())["summary"].toObject()["shard"].toString(),
                 QStringLiteral("%1/3").arg(k));
    }
    QStringList outputs = QDir(m_out).entryList(QDir::Files | QDir::Hidden, QDir::Name);
    QStringList inputs = QDir(m_in).entryList(QDir::Files, QDir::Name);
    QCOMPARE(outputs, inputs);

    const Run merge = cli(QStringList{"merge-reports", reports + "/merged.json"} + shardReports);
    QCOMPARE(merge.exitCode, 0);
    const QJsonObject merged = readJson(reports + "/merged.json");
    const QJsonObject summary = merged["summary"].toObject();
    QCOMPARE(summary["total"].toInt(), 12);
    QCOMPARE(summary["ok"].toInt(), 12);
    QCOMPARE(summary["shard"].toString(), QStringLiteral("0,1,2/3"));
    QStringList listed;
    for (const QJsonValue &row : merged["results"].toArray())
        listed << QFileInfo(row.toObject()["input"].toString()).fileName();
    listed.sort();
    QCOMPARE(listed, inputs);

    const Run partial =
        cli({"merge-reports", reports + "/partial.csv", shardReports.at(0), shardReports.at(2)});
    QCOMPARE(partial.exitCode, 1);
    QVERIFY2(partial.err.contains("without shard(s) 1 of 3"), partial.err);
    const Run twice =
        cli({"merge-reports", reports + "/twice.json", shardReports.at(0), shardReports.at(0)});
    QCOMPARE(twice.exitCode, 2);
    // Another recipe is another plan: its report is refused.
    QCOMPARE(cli({m_in, "-o", m_out + "-gray", "--grayscale", "--shard", "1/3", "--report",
                  reports + "/gray.json", "--quiet"})
                 .exitCode,
             0);
    const Run other =
        cli({"merge-reports", reports + "/mixed.json", shardReports.at(0), reports + "/gray.json"});
    QCOMPARE(other.exitCode, 2);
    QVERIFY2(other.err.contains("from another batch"), other.err);
}

void tst_Cli::sigintCancelsCleanly()
{
    writeGradientImage(m_in + "/seed.png", {1200, 900}, "PNG");
    for (int i = 0; i < 120; ++i)
        QVERIFY(QFile::copy(m_in + "/seed.png", m_in + QStringLiteral("/c%1.png").arg(i)));
    QProcess process;
    process.start(binary("pixelmill-cli"), {m_in, "-o", m_out, "--workers", "2"});
    QVERIFY(process.waitForStarted());
    // Wait for the first per-image line: workers are running then.
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError()).contains("ok: "), 30'000);
    const QList<int> workers = workersOf(process.processId());
    QVERIFY(!workers.isEmpty());
    QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    for (int pid : workers)
        QTRY_VERIFY2(!isAlive(pid), qPrintable(QString::number(pid)));
    // Only complete outputs, with their final names: no temp or partial files.
    QStringList files = QDir(m_out).entryList(QDir::Files | QDir::Hidden | QDir::System);
    // An interrupted run keeps its journal: a header line, then exactly the outputs that
    // were finished, one line each.
    QVERIFY(files.removeOne(QStringLiteral(".pixelmill-journal")));
    QFile journal(m_out + QStringLiteral("/.pixelmill-journal"));
    QVERIFY(journal.open(QIODevice::ReadOnly));
    const QByteArray lines = journal.readAll();
    QVERIFY(lines.startsWith("{\"plan\":\""));
    QCOMPARE(lines.count('\n'), files.size() + 1);
    QVERIFY(files.size() < 120);
    for (const QString &name : files) {
        QVERIFY2(name.endsWith(".png") && !name.startsWith('.'), qPrintable(name));
        QCOMPARE(QImageReader(m_out + "/" + name).size(), QSize(1200, 900));
    }
}

QTEST_GUILESS_MAIN(tst_Cli)
