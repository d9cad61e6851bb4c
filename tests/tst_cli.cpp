#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "gradientimage.h"

#include <vips/vips8>

#include <csignal>
#include <unistd.h>

// pixelmill-cli as a user runs it: exit codes, report, outputs, one-line errors, SIGINT.
class tst_Cli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_in;
    QString m_out;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static QString binary(const char *name)
    {
        return QCoreApplication::applicationDirPath() + QLatin1Char('/') + QLatin1String(name);
    }
    static void writeCorrupt(const QString &path)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(500, '\x33'));
    }
    static Run cli(const QStringList &arguments)
    {
        QProcess process;
        process.start(binary("pixelmill-cli"), arguments);
        Run run;
        if (!process.waitForFinished(60'000)) {
            process.kill();
            process.waitForFinished();
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }
    static QJsonObject readJson(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }
    // Live pixelmill-worker processes whose parent is `parent`.
    static QList<int> workersOf(qint64 parent)
    {
        QList<int> pids;
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString &entry : entries) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray text = stat.readAll();
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
            if (text.contains("(pixelmill-work") && fields.size() > 1 &&
                fields.at(1).toLongLong() == parent && fields.at(0) != "Z")
                pids << entry.toInt();
        }
        return pids;
    }
    static bool isAlive(int pid)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray text = stat.readAll();
        return !text.mid(text.lastIndexOf(')') + 2).startsWith('Z');
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(VIPS_INIT("tst_cli") == 0);
        QVERIFY(QFileInfo(binary("pixelmill-cli")).isExecutable());
        QVERIFY(QFileInfo(binary("pixelmill-worker")).isExecutable());
        qputenv("PIXELMILL_WORKER", binary("pixelmill-worker").toLocal8Bit());
    }

    void init()
    {
        QVERIFY(m_tmp.isValid());
        const QString root = m_tmp.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                            QLatin1Char('_') + QTest::currentDataTag());
        m_in = root + "/in";
        m_out = root + "/out";
        QVERIFY(QDir().mkpath(m_in));
    }

    void batchWithCorruptFileExitsOne()
    {
        writeGradientImage(m_in + "/wide.png", {200, 100}, "PNG");
        writeGradientImage(m_in + "/tall.jpg", {60, 120}, "JPEG");
        writeGradientImage(m_in + "/-odd name [x].png", {80, 80}, "PNG");
        writeCorrupt(m_in + "/broken.jpg");
        const QString report = m_tmp.filePath("corrupt.json");
        const Run run = cli(
            {"--resize", "50x50", "--workers", "2", "--report", report, "-o", m_out, "--", m_in});
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
    void memoryLimitRefusesOversizedTiff()
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
        const Run run = cli({"--percent", "50", "--workers", "1", "--memory-limit", "400",
                             "--report", report, "-o", m_out, m_in});
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

    // A file named like an image whose content is none still gets exactly one verdict, with
    // a reason a person can act on; a file with another name stays out of the count.
    void filesNamedLikeImagesAreAccountedFor()
    {
        writeGradientImage(m_in + "/photo.jpg", {40, 30}, "JPEG");
        const QList<QPair<QString, QByteArray>> impostors = {
            {"empty.jpg", {}},
            {"notes.png", "Shopping list\n- milk\n- bread\n"},
            {"logo.webp", "<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>"},
        };
        for (const auto &[name, bytes] : impostors) {
            QFile file(m_in + "/" + name);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        QFile readme(m_in + "/readme.txt");
        QVERIFY(readme.open(QIODevice::WriteOnly));
        readme.write("not an image, and not named like one");
        readme.close();
        const QString report = m_tmp.filePath("impostors.json");
        const Run run = cli({"--report", report, "-o", m_out, "--", m_in});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("1 done, 3 failed, 0 skipped in "), run.err);
        QHash<QString, QString> reasons;
        const QJsonArray results = readJson(report).value("results").toArray();
        for (const QJsonValue &value : results)
            reasons.insert(QFileInfo(value.toObject().value("input").toString()).fileName(),
                           value.toObject().value("error").toString());
        QCOMPARE(reasons.size(), 4);
        QCOMPARE(reasons.value("photo.jpg"), QString());
        QCOMPARE(reasons.value("empty.jpg"), QStringLiteral("empty file (0 bytes)"));
        QCOMPARE(reasons.value("notes.png"), QStringLiteral("not an image (looks like text)"));
        QVERIFY2(reasons.value("logo.webp").startsWith("unsupported format: SVG"),
                 qPrintable(reasons.value("logo.webp")));
    }

    void allSucceedExitsZero()
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

    // Files land flat (the same name from two folders gets " (2)"), a folder keeps its layout;
    // the journal's relative paths work across folders: a resumed run finds all four done.
    void filesAndFoldersMix()
    {
        for (const char *dir : {"/a", "/b", "/shots/sub"})
            QVERIFY(QDir().mkpath(m_in + dir));
        writeGradientImage(m_in + "/a/x.png", {30, 20}, "PNG");
        writeGradientImage(m_in + "/b/x.png", {40, 20}, "PNG");
        writeGradientImage(m_in + "/shots/s.jpg", {16, 16}, "JPEG");
        writeGradientImage(m_in + "/shots/sub/t.png", {8, 8}, "PNG");
        const QStringList inputs{m_in + "/a/x.png", m_in + "/b/x.png", m_in + "/shots"};
        const Run run = cli(inputs + QStringList{"-o", m_out, "--recursive", "--keep-journal"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QImageReader(m_out + "/x.png").size(), QSize(30, 20));
        QCOMPARE(QImageReader(m_out + "/x (2).png").size(), QSize(40, 20));
        QVERIFY(QFileInfo::exists(m_out + "/s.jpg"));
        QVERIFY(QFileInfo::exists(m_out + "/sub/t.png"));
        QVERIFY2(run.err.contains("4 done, 0 failed, 0 skipped"), run.err);

        const Run resumed = cli(inputs + QStringList{"-o", m_out, "--recursive", "--resume",
                                                     "--on-conflict", "overwrite"});
        QCOMPARE(resumed.exitCode, 0);
        QVERIFY2(resumed.err.contains("0 done, 0 failed, 4 skipped"), resumed.err);
    }

    void filesFromStandardInput()
    {
        for (const char *dir : {"/a", "/shots/sub"})
            QVERIFY(QDir().mkpath(m_in + dir));
        writeGradientImage(m_in + "/a/x.png", {30, 20}, "PNG");
        writeGradientImage(m_in + "/shots/s.jpg", {16, 16}, "JPEG");
        writeGradientImage(m_in + "/shots/sub/t.png", {8, 8}, "PNG");
        writeGradientImage(m_in + "/not listed.png", {8, 8}, "PNG");
        QProcess process;
        process.start(binary("pixelmill-cli"), {"--files-from", "-", "-o", m_out});
        QVERIFY(process.waitForStarted());
        process.write(
            ("# a comment\n\n" + m_in + "/a/x.png\n   \n" + m_in + "/shots\r\n").toUtf8());
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(60'000));
        QCOMPARE(process.exitCode(), 0);
        QStringList written =
            QDir(m_out).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(written, (QStringList{"s.jpg", "x.png"})); // not recursive: no sub/
    }

    void quietPrintsNothingOnSuccess()
    {
        writeGradientImage(m_in + "/a.png", {30, 20}, "PNG");
        const Run run = cli({m_in, "-o", m_out, "--quiet"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, QByteArray());
        QCOMPARE(run.out, QByteArray());
    }

    void usageAndSetupErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing input")
            << QStringList{"{in}/nope", "-o", "{out}"} << "does not exist";
        QTest::newRow("zero width") << QStringList{"{in}", "-o", "{out}", "--resize", "0x5"}
                                    << "Width must be between 1 and 100000 pixels (got 0)";
        QTest::newRow("memory limit too low")
            << QStringList{"{in}", "-o", "{out}", "--memory-limit", "100"}
            << "--memory-limit must be 0 (no limit) or at least 256 MB (got 100)";
        QTest::newRow("cpu limit not a number")
            << QStringList{"{in}", "-o", "{out}", "--cpu-limit", "lots"}
            << "--cpu-limit expects a whole number from 0 to 86400";
        QTest::newRow("bad resize")
            << QStringList{"{in}", "-o", "{out}", "--resize", "big"} << "WxH";
        QTest::newRow("unknown option")
            << QStringList{"{in}", "-o", "{out}", "--bogus"} << "Unknown option";
        QTest::newRow("exclusive")
            << QStringList{"{in}", "-o", "{out}", "--resize", "9x9", "--percent", "50"}
            << "mutually exclusive";
        QTest::newRow("no output") << QStringList{"{in}"} << "-o OUTPUT_DIR";
        QTest::newRow("quality") << QStringList{"{in}", "-o", "{out}", "--quality", "101"}
                                 << "--quality";
        QTest::newRow("conflict") << QStringList{"{in}", "-o", "{out}", "--on-conflict", "ask"}
                                  << "--on-conflict";
        QTest::newRow("effort 0") << QStringList{"{in}", "-o", "{out}", "--effort", "0"}
                                  << "--effort expects a whole number from 1 to 9";
        QTest::newRow("effort 10")
            << QStringList{"{in}", "-o", "{out}", "--effort", "10"} << "--effort";
        QTest::newRow("subsampling 422")
            << QStringList{"{in}", "-o", "{out}", "--subsampling", "422"}
            << "--subsampling expects 444|420 (got \"422\")";
        QTest::newRow("png compression 10")
            << QStringList{"{in}", "-o", "{out}", "--png-compression", "10"}
            << "--png-compression expects a whole number from 0 to 9";
        QTest::newRow("png compression text")
            << QStringList{"{in}", "-o", "{out}", "--png-compression", "max"}
            << "--png-compression";
        QTest::newRow("unknown format")
            << QStringList{"{in}", "-o", "{out}", "--format", "jp2"} << "--format";
        QTest::newRow("output is a file")
            << QStringList{"{in}", "-o", "{in}/a.png"} << "not a folder";
        QTest::newRow("output below a file")
            << QStringList{"{in}", "-o", "{in}/a.png/sub"} << "Cannot create the output folder";
        QTest::newRow("output is input")
            << QStringList{"{in}", "-o", "{in}"} << "output folder is the input folder";
        QTest::newRow("no images")
            << QStringList{"{in}/empty", "-o", "{out}"} << "No images were found";
        QTest::newRow("unknown token")
            << QStringList{"{in}", "-o", "{out}", "--name", "x{nope}"} << "Unknown token {nope}";
        QTest::newRow("malformed counter")
            << QStringList{"{in}", "-o", "{out}", "--name", "{n:x}"} << "{n:x} is malformed";
        QTest::newRow("unclosed brace")
            << QStringList{"{in}", "-o", "{out}", "--name", "{name"} << "not closed: {name";
        QTest::newRow("missing file among inputs")
            << QStringList{"{in}/a.png", "{in}/gone.png", "-o", "{out}"}
            << "The input does not exist: {in}/gone.png";
        QTest::newRow("unreadable list")
            << QStringList{"--files-from", "{in}/no-list.txt", "-o", "{out}"}
            << "Cannot read the list of inputs {in}/no-list.txt";
        QTest::newRow("empty list") << QStringList{"--files-from", "{in}/empty.txt", "-o", "{out}"}
                                    << "names no file or folder";
        QTest::newRow("report suffix")
            << QStringList{"{in}", "-o", "{out}", "--report", "r.txt"} << ".json or .csv";
    }
    void usageAndSetupErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        writeGradientImage(m_in + "/a.png", {10, 10}, "PNG");
        QVERIFY(QDir().mkpath(m_in + "/empty"));
        QFile emptyList(m_in + "/empty.txt");
        QVERIFY(emptyList.open(QIODevice::WriteOnly));
        emptyList.write("# nothing here\n\n");
        emptyList.close();
        for (QString &argument : arguments)
            argument.replace("{in}", m_in).replace("{out}", m_out);
        expected.replace("{in}", m_in);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(expected.toUtf8()), run.err);
        QCOMPARE(run.err.count('\n'), 1); // one line
        QVERIFY2(!QFileInfo::exists(m_out), "no output folder is left behind by a setup error");
    }

    // Each encoder flag reaches the file, read by hand: SOF2 and its sampling factors, the
    // PNG IHDR colour type (3: palette), WebP's VP8L chunk, the AVIF brand.
    void encoderFlagsReachTheOutput()
    {
        writeGradientImage(m_in + "/a.png", {64, 48}, "PNG");
        const auto outputOf = [&](const QStringList &flags, const QString &name) {
            QDir(m_out).removeRecursively();
            const Run run = cli(QStringList{m_in, "-o", m_out} + flags);
            if (run.exitCode != 0)
                qWarning("%s", run.err.constData());
            QFile file(m_out + "/" + name);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        const QByteArray jpeg = outputOf(
            {"--format", "jpg", "--progressive", "--subsampling", "444"}, QStringLiteral("a.jpg"));
        const qsizetype sof2 = jpeg.indexOf(QByteArray("\xFF\xC2", 2));
        QVERIFY(sof2 > 0);
        QVERIFY(!jpeg.contains(QByteArray("\xFF\xC0", 2)));
        QCOMPARE(int(quint8(jpeg[sof2 + 11])), 0x11); // luma 1x1: 4:4:4
        const QByteArray png =
            outputOf({"--palette", "--png-compression", "9"}, QStringLiteral("a.png"));
        QCOMPARE(png.mid(12, 4), QByteArray("IHDR"));
        QCOMPARE(int(quint8(png[25])), 3);
        const QByteArray webp =
            outputOf({"--format", "webp", "--lossless"}, QStringLiteral("a.webp"));
        QCOMPARE(webp.mid(12, 4), QByteArray("VP8L"));
        const QByteArray avif =
            outputOf({"--format", "avif", "--effort", "1"}, QStringLiteral("a.avif"));
        QCOMPARE(avif.mid(4, 8), QByteArray("ftypavif"));
    }

    void unwritableOutputExitsTwo()
    {
        if (::geteuid() == 0)
            QSKIP("root ignores permissions; the regular-file case covers root");
        writeGradientImage(m_in + "/a.png", {10, 10}, "PNG");
        const QString locked = m_tmp.filePath("locked");
        QVERIFY(QDir().mkpath(locked));
        QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
        const Run run = cli({m_in, "-o", locked});
        const Run below = cli({m_in, "-o", locked + "/new"});
        QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("not writable"), run.err);
        QCOMPARE(below.exitCode, 2);
        QVERIFY2(below.err.contains("Cannot create"), below.err);
    }

    void missingWorkerExitsTwo()
    {
        writeGradientImage(m_in + "/a.png", {10, 10}, "PNG");
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PIXELMILL_WORKER", m_tmp.filePath("no-such-worker"));
        process.setProcessEnvironment(env);
        process.start(binary("pixelmill-cli"), {m_in, "-o", m_out});
        QVERIFY(process.waitForFinished(30'000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("no-such-worker"));
    }

    void helpAndVersion()
    {
        const Run help = cli({"--help"});
        QCOMPARE(help.exitCode, 0);
        for (const char *option :
             {"--resize",       "--mode",      "--percent",      "--long-edge",   "--no-enlarge",
              "--grayscale",    "--format",    "--quality",      "--strip",       "--workers",
              "--engine",       "--recursive", "--name",         "--on-conflict", "--timeout",
              "--memory-limit", "--cpu-limit", "--report",       "--quiet",       "--version",
              "--output",       "--shard",     "--keep-journal", "merge-reports"})
            QVERIFY2(help.out.contains(option), option);
        const Run version = cli({"--version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("pixelmill-cli "));
    }

    // Three shards into one folder, then their reports merged: every image once, the names of
    // an unsharded run, only images left in the folder.
    void shardsMergeIntoOneReport()
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

        const Run merge =
            cli(QStringList{"merge-reports", reports + "/merged.json"} + shardReports);
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

        const Run partial = cli(
            {"merge-reports", reports + "/partial.csv", shardReports.at(0), shardReports.at(2)});
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
        const Run other = cli(
            {"merge-reports", reports + "/mixed.json", shardReports.at(0), reports + "/gray.json"});
        QCOMPARE(other.exitCode, 2);
        QVERIFY2(other.err.contains("from another batch"), other.err);
    }

    void badShardIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("K = N") << QStringList{"--shard", "3/3"};
        QTest::newRow("not K/N") << QStringList{"--shard", "two"};
        QTest::newRow("rename") << QStringList{"--shard", "0/2", "--on-conflict", "rename"};
    }
    void badShardIsAUsageError()
    {
        QFETCH(QStringList, arguments);
        writeGradientImage(m_in + "/a.png", {20, 20}, "PNG");
        const Run run = cli(QStringList{m_in, "-o", m_out} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("shard") || run.err.contains("Shard"), run.err);
    }

    void sigintCancelsCleanly()
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
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
