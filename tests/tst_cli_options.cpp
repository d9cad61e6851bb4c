#include "tst_cli.h"

void tst_Cli::usageAndSetupErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing input") << QStringList{"{in}/nope", "-o", "{out}"} << "does not exist";
    QTest::newRow("zero width") << QStringList{"{in}", "-o", "{out}", "--resize", "0x5"}
                                << "Width must be between 1 and 100000 pixels (got 0)";
    QTest::newRow("memory limit too low")
        << QStringList{"{in}", "-o", "{out}", "--memory-limit", "100"}
        << "--memory-limit must be 0 (no limit) or at least 256 MB (got 100)";
    QTest::newRow("cpu limit not a number")
        << QStringList{"{in}", "-o", "{out}", "--cpu-limit", "lots"}
        << "--cpu-limit expects a whole number from 0 to 86400";
    QTest::newRow("bad resize") << QStringList{"{in}", "-o", "{out}", "--resize", "big"} << "WxH";
    QTest::newRow("unknown option")
        << QStringList{"{in}", "-o", "{out}", "--bogus"} << "Unknown option";
    QTest::newRow("exclusive") << QStringList{"{in}", "-o",        "{out}", "--resize",
                                              "9x9",  "--percent", "50"}
                               << "mutually exclusive";
    QTest::newRow("no output") << QStringList{"{in}"} << "-o OUTPUT_DIR";
    QTest::newRow("quality") << QStringList{"{in}", "-o", "{out}", "--quality", "101"}
                             << "--quality";
    QTest::newRow("max size 0") << QStringList{"{in}", "-o", "{out}", "--max-size", "0"}
                                << "--max-size expects a whole number from 1 to 1000000";
    QTest::newRow("max size png") << QStringList{"{in}", "-o",         "{out}", "--format",
                                                 "png",  "--max-size", "50"}
                                  << "Max file size needs a format with a quality setting";
    QTest::newRow("conflict") << QStringList{"{in}", "-o", "{out}", "--on-conflict", "ask"}
                              << "--on-conflict";
    QTest::newRow("effort 0") << QStringList{"{in}", "-o", "{out}", "--effort", "0"}
                              << "--effort expects a whole number from 1 to 9";
    QTest::newRow("effort 10") << QStringList{"{in}", "-o", "{out}", "--effort", "10"}
                               << "--effort";
    QTest::newRow("subsampling 422") << QStringList{"{in}", "-o", "{out}", "--subsampling", "422"}
                                     << "--subsampling expects 444|420 (got \"422\")";
    QTest::newRow("png compression 10")
        << QStringList{"{in}", "-o", "{out}", "--png-compression", "10"}
        << "--png-compression expects a whole number from 0 to 9";
    QTest::newRow("png compression text")
        << QStringList{"{in}", "-o", "{out}", "--png-compression", "max"} << "--png-compression";
    QTest::newRow("unknown format")
        << QStringList{"{in}", "-o", "{out}", "--format", "jp2"} << "--format";
    QTest::newRow("output is a file") << QStringList{"{in}", "-o", "{in}/a.png"} << "not a folder";
    QTest::newRow("output below a file")
        << QStringList{"{in}", "-o", "{in}/a.png/sub"} << "Cannot create the output folder";
    QTest::newRow("output is input")
        << QStringList{"{in}", "-o", "{in}"} << "output folder is the input folder";
    QTest::newRow("no images") << QStringList{"{in}/empty", "-o", "{out}"}
                               << "No images were found";
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
    const QList<std::pair<QStringList, const char *>> stepRows{
        {{"--rotate", "45"}, "--rotate expects 90|180|270 (got \"45\")"},
        {{"--flip", "x"}, "--flip expects h|v"},
        {{"--crop", "0:1"}, "--crop expects W:H with both above 0"},
        {{"--crop", "wide"}, "--crop expects W:H (e.g. 16:9) or WxH+X+Y"},
        {{"--gravity", "north"}, "--gravity only applies together with --crop W:H"},
        {{"--crop", "10x10+0+0", "--gravity", "north"}, "--gravity does not apply"},
        {{"--crop", "1:1", "--gravity", "up"}, "--gravity expects"},
        {{"--pad", "0x5"}, "--pad expects WxH"},
        {{"--pad", "9x9", "--background", "puce"}, "--background expects COLOUR"},
        {{"--background", "white"}, "--background only applies together with --pad"},
        {{"--sharpen=20"}, "--sharpen expects a number from 0 to 10"},
        {{"--brightness", "200"}, "--brightness expects a number from -100 to 100"},
        {{"--gamma", "0"}, "--gamma expects a number from 0.1 to 10"},
        {{"--watermark-text", "x", "--watermark-opacity", "150"},
         "--watermark-opacity expects a whole number from 0 to 100"},
        {{"--watermark-text", "x", "--watermark-position", "attention"},
         "--watermark-position expects"},
        {{"--watermark-text", "x", "--watermark-image", "y.png"}, "mutually exclusive"},
        {{"--watermark-size", "5"}, "--watermark-size only applies together with"},
        {{"--recipe", "{in}/none.json"}, "--recipe: cannot read {in}/none.json"},
    };
    for (const auto &[flags, expected] : stepRows)
        QTest::newRow(qPrintable(flags.join(QLatin1Char(' '))))
            << QStringList{"{in}", "-o", "{out}"} + flags << QString::fromUtf8(expected);
    QTest::newRow("report suffix")
        << QStringList{"{in}", "-o", "{out}", "--report", "r.txt"} << ".json or .csv";
}

void tst_Cli::usageAndSetupErrorsExitTwo()
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
void tst_Cli::encoderFlagsReachTheOutput()
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
    const QByteArray jpeg = outputOf({"--format", "jpg", "--progressive", "--subsampling", "444"},
                                     QStringLiteral("a.jpg"));
    const qsizetype sof2 = jpeg.indexOf(QByteArray("\xFF\xC2", 2));
    QVERIFY(sof2 > 0);
    QVERIFY(!jpeg.contains(QByteArray("\xFF\xC0", 2)));
    QCOMPARE(int(quint8(jpeg[sof2 + 11])), 0x11); // luma 1x1: 4:4:4
    const QByteArray png =
        outputOf({"--palette", "--png-compression", "9"}, QStringLiteral("a.png"));
    QCOMPARE(png.mid(12, 4), QByteArray("IHDR"));
    QCOMPARE(int(quint8(png[25])), 3);
    const QByteArray webp = outputOf({"--format", "webp", "--lossless"}, QStringLiteral("a.webp"));
    QCOMPARE(webp.mid(12, 4), QByteArray("VP8L"));
    const QByteArray avif =
        outputOf({"--format", "avif", "--effort", "1"}, QStringLiteral("a.avif"));
    QCOMPARE(avif.mid(4, 8), QByteArray("ftypavif"));
}

void tst_Cli::unwritableOutputExitsTwo()
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

void tst_Cli::missingWorkerExitsTwo()
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

void tst_Cli::helpAndVersion()
{
    const Run help = cli({"--help"});
    QCOMPARE(help.exitCode, 0);
    for (const char *option : {"--resize",
                               "--mode",
                               "--percent",
                               "--long-edge",
                               "--no-enlarge",
                               "--grayscale",
                               "--format",
                               "--quality",
                               "--strip",
                               "--workers",
                               "--engine",
                               "--recursive",
                               "--name",
                               "--on-conflict",
                               "--timeout",
                               "--memory-limit",
                               "--cpu-limit",
                               "--report",
                               "--quiet",
                               "--version",
                               "--output",
                               "--shard",
                               "--keep-journal",
                               "merge-reports",
                               "--crop",
                               "--gravity",
                               "--rotate",
                               "--flip",
                               "--pad",
                               "--background",
                               "--sharpen",
                               "--brightness",
                               "--contrast",
                               "--gamma",
                               "--auto-level",
                               "--watermark-text",
                               "--watermark-image",
                               "--watermark-position",
                               "--watermark-opacity",
                               "--watermark-size",
                               "--recipe",
                               "--print-recipe",
                               "crop, resize, pad, rotate, flip"})
        QVERIFY2(help.out.contains(option), option);
    const Run version = cli({"--version"});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("pixelmill-cli "));
}

void tst_Cli::badShardIsAUsageError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("K = N") << QStringList{"--shard", "3/3"};
    QTest::newRow("not K/N") << QStringList{"--shard", "two"};
    QTest::newRow("rename") << QStringList{"--shard", "0/2", "--on-conflict", "rename"};
}

void tst_Cli::badShardIsAUsageError()
{
    QFETCH(QStringList, arguments);
    writeGradientImage(m_in + "/a.png", {20, 20}, "PNG");
    const Run run = cli(QStringList{m_in, "-o", m_out} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("shard") || run.err.contains("Shard"), run.err);
}
