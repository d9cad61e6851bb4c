#include "tst_engine.h"

using namespace EngineTest;

void tst_Engine::failures_data()
{
    addEngineColumn();
    QTest::addColumn<QByteArray>("bytes"); // empty: no input file at all
    QTest::addColumn<qint64>("maxPixels");
    QTest::addColumn<FailureKind>("kind");
    QTest::addColumn<QString>("messagePart");
    const QByteArray jpeg = TestImages::encode(kLandscape, QStringLiteral(".jpg"));
    const QByteArray png = TestImages::encode(kLandscape, QStringLiteral(".png"));
    const QByteArray webp = TestImages::encode(kLandscape, QStringLiteral(".webp"));
    for (const char *engine : kEngines) {
        const QString name = QString::fromLatin1(engine);
        QTest::addRow("%s truncated jpeg", engine)
            << name << jpeg.left(jpeg.size() * 6 / 10) << kDefaultMaxPixels
            << FailureKind::CorruptData << "truncated JPEG data";
        QTest::addRow("%s truncated png", engine)
            << name << png.left(png.size() * 6 / 10) << kDefaultMaxPixels
            << FailureKind::CorruptData << "truncated PNG data";
        QTest::addRow("%s truncated webp", engine)
            << name << webp.left(webp.size() * 6 / 10) << kDefaultMaxPixels
            << FailureKind::CorruptData << "truncated WebP data";
        QTest::addRow("%s damaged jpeg scan", engine)
            << name << damaged(jpeg, QByteArray("\xFF\x37", 2)) << kDefaultMaxPixels
            << FailureKind::CorruptData << "corrupt JPEG data";
        QTest::addRow("%s png with bad checksum", engine)
            << name << damaged(png, QByteArray(8, '\x55')) << kDefaultMaxPixels
            << FailureKind::CorruptData << "corrupt PNG data";
        QTest::addRow("%s text named jpg", engine)
            << name << QByteArray("hello, I am not an image\n") << kDefaultMaxPixels
            << FailureKind::UnsupportedFormat << "not an image";
        QTest::addRow("%s over pixel limit", engine)
            << name << jpeg << qint64(100'000) << FailureKind::TooLarge
            << "image is 400x300, over the 0.1 MP limit";
        QTest::addRow("%s missing input", engine)
            << name << QByteArray() << kDefaultMaxPixels << FailureKind::InputUnreadable
            << "cannot read input";
    }
}

void tst_Engine::failures()
{
    QFETCH(QString, engine);
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, maxPixels);
    QFETCH(FailureKind, kind);
    QFETCH(QString, messagePart);
    const QString in = path(QStringLiteral("bad%1.jpg").arg(++m_counter));
    if (!bytes.isEmpty())
        QVERIFY(TestImages::writeBytes(in, bytes));
    Job job;
    job.inputPath = in;
    job.outputPath = path(QStringLiteral("never.png"));
    job.maxPixels = maxPixels;
    const JobResult result = engineNamed(engine)->run(job);
    QCOMPARE(toString(result.status), toString(JobStatus::Failed));
    QCOMPARE(toString(result.failure), toString(kind));
    QVERIFY2(result.message.contains(messagePart), qPrintable(result.message));
    QCOMPARE(result.engine, engine);
    QVERIFY(!QFileInfo::exists(job.outputPath));
}

void tst_Engine::failedJobKeepsExistingOutput_data()
{
    addEngineColumn();
    for (const char *engine : kEngines)
        QTest::newRow(engine) << QString::fromLatin1(engine);
}

void tst_Engine::failedJobKeepsExistingOutput()
{
    QFETCH(QString, engine);
    const QByteArray jpeg = TestImages::encode(kLandscape, QStringLiteral(".jpg"));
    const QString in = path(QStringLiteral("cut.jpg"));
    QVERIFY(TestImages::writeBytes(in, jpeg.left(jpeg.size() / 2)));
    const QByteArray before("the previous output, which must survive");
    const QString out = QStringLiteral("existing.jpg");
    QVERIFY(TestImages::writeBytes(path(out), before));
    const JobResult result = run(engine, in, fit(100, 100), out, /*overwrite=*/true);
    QCOMPARE(toString(result.failure), toString(FailureKind::CorruptData));
    QCOMPARE(TestImages::readBytes(path(out)), before);
}

void tst_Engine::existingOutputIsSkipped_data()
{
    failedJobKeepsExistingOutput_data();
}

void tst_Engine::existingOutputIsSkipped()
{
    QFETCH(QString, engine);
    const QByteArray before("already here");
    const QString out = QStringLiteral("skip-%1.jpg").arg(engine);
    QVERIFY(TestImages::writeBytes(path(out), before));
    const JobResult result =
        run(engine, input(kLandscape, QStringLiteral(".jpg")), fit(100, 100), out, false);
    QCOMPARE(toString(result.status), toString(JobStatus::Skipped));
    QCOMPARE(toString(result.failure), toString(FailureKind::OutputExists));
    QCOMPARE(TestImages::readBytes(path(out)), before);
}

void tst_Engine::pngNamedJpegWorks_data()
{
    failedJobKeepsExistingOutput_data();
}

void tst_Engine::pngNamedJpegWorks()
{
    QFETCH(QString, engine);
    const QString in = path(QStringLiteral("really-a-png.jpg"));
    QVERIFY(TestImages::writeBytes(in, TestImages::encode(kLandscape, QStringLiteral(".png"))));
    const JobResult result = run(engine, in, fit(200, 200), QStringLiteral("named.png"), true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    // "Same" format follows the content, not the name.
    QCOMPARE(toString(sniffImageFormatOfFile(path(QStringLiteral("named.png")))),
             toString(ImageFormat::Png));
    QCOMPARE(result.outputSize, QSize(200, 150));
}

void tst_Engine::bracketsAndUnicodeInNames_data()
{
    failedJobKeepsExistingOutput_data();
}

void tst_Engine::bracketsAndUnicodeInNames()
{
    QFETCH(QString, engine);
    const QString in = path(QStringLiteral("a [b] \u00fc.jpg"));
    QVERIFY(TestImages::write(in, kLandscape, QStringLiteral(".jpg")));
    const QString out = QStringLiteral("out [c] \u00fc %1.jpg").arg(engine);
    const JobResult result = run(engine, in, fit(200, 200), out, true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(result.outputPath, path(out));
    QCOMPARE(toString(sniffImageFormatOfFile(path(out))), toString(ImageFormat::Jpeg));
}

void tst_Engine::resultFields_data()
{
    failedJobKeepsExistingOutput_data();
}

void tst_Engine::resultFields()
{
    QFETCH(QString, engine);
    const QString in = input(kPortrait, QStringLiteral(".jpg"));
    const JobResult result = run(engine, in, fit(100, 100), QStringLiteral("fields.jpg"), true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(toString(result.status), toString(JobStatus::Ok));
    QCOMPARE(toString(result.failure), toString(FailureKind::None));
    QVERIFY(result.message.isEmpty());
    QCOMPARE(result.inputPath, in);
    QCOMPARE(result.outputPath, path(QStringLiteral("fields.jpg")));
    QCOMPARE(result.inputBytes, QFileInfo(in).size());
    QCOMPARE(result.outputBytes, QFileInfo(result.outputPath).size());
    QCOMPARE(result.inputSize, kPortrait);
    QCOMPARE(result.outputSize, QSize(75, 100));
    QCOMPARE(result.engine, engine);
    QVERIFY(result.elapsedMs >= 0);
}

void tst_Engine::autoPicksPerFormat_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("expected");
    QTest::newRow("jpeg") << ".jpg"
                          << "opencv";
    QTest::newRow("png") << ".png"
                         << "opencv";
    QTest::newRow("webp") << ".webp"
                          << "opencv";
    QTest::newRow("tiff") << ".tif"
                          << "vips";
}

void tst_Engine::autoPicksPerFormat()
{
    QFETCH(QString, suffix);
    QFETCH(QString, expected);
    const std::unique_ptr<Engine> engine = makeEngine(EngineChoice::Auto);
    const JobResult result = run(*engine, input(kLandscape, suffix), fit(100, 100),
                                 QStringLiteral("auto") + suffix, true);
    QVERIFY2(result.isOk(), qPrintable(result.message));
    QCOMPARE(result.engine, expected);
    QCOMPARE(makeEngine(EngineChoice::Vips)->name(), QStringLiteral("vips"));
    QCOMPARE(makeEngine(EngineChoice::OpenCv)->name(), QStringLiteral("opencv"));
}
