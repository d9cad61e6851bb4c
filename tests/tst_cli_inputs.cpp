#include "tst_cli.h"

// A file named like an image whose content is none still gets exactly one verdict, with
// a reason a person can act on; a file with another name stays out of the count.
void tst_Cli::filesNamedLikeImagesAreAccountedFor()
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

// Files land flat (the same name from two folders gets " (2)"), a folder keeps its layout;
// the journal's relative paths work across folders: a resumed run finds all four done.
void tst_Cli::filesAndFoldersMix()
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

    const Run resumed = cli(
        inputs + QStringList{"-o", m_out, "--recursive", "--resume", "--on-conflict", "overwrite"});
    QCOMPARE(resumed.exitCode, 0);
    QVERIFY2(resumed.err.contains("0 done, 0 failed, 4 skipped"), resumed.err);
}

void tst_Cli::filesFromStandardInput()
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
    process.write(("# a comment\n\n" + m_in + "/a/x.png\n   \n" + m_in + "/shots\r\n").toUtf8());
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.exitCode(), 0);
    QStringList written = QDir(m_out).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(written, (QStringList{"s.jpg", "x.png"})); // not recursive: no sub/
}
