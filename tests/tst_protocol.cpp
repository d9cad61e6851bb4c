#include "tst_protocol.h"

Job sampleJob(JobId id)
{
    Job job;
    job.id = id;
    job.inputPath = QStringLiteral("/in/ünïcode %1.jpg").arg(id);
    job.outputPath = QStringLiteral("/out/%1.webp").arg(id);
    job.recipe.format = OutputFormat::Webp;
    job.recipe.quality = 70;
    job.overwrite = true;
    job.probe.format = ImageFormat::Jpeg;
    job.probe.fileBytes = 123456;
    job.probe.modifiedMs = 1'700'000'000'123;
    job.probe.size = QSize(4000, 3000);
    job.probe.orientation = 6;
    job.probe.captureDate = QStringLiteral("2019:07:14 09:08:07");
    return job;
}

void tst_Protocol::roundTrip()
{
    JobResult result;
    result.id = 42;
    result.status = JobStatus::Ok;
    result.outputSize = QSize(640, 480);
    result.engine = QStringLiteral("vips");
    result.chosenQuality = 61;
    Protocol::FrameReader reader;
    reader.append(Protocol::encodeFrame(Protocol::resultMessage(result)));
    const std::optional<QJsonObject> frame = reader.takeFrame();
    QVERIFY(frame);
    QCOMPARE(Protocol::messageType(*frame), Protocol::MessageType::Result);
    const JobResult back = Protocol::resultFrom(*frame);
    QCOMPARE(back.id, result.id);
    QCOMPARE(toString(back.status), toString(JobStatus::Ok));
    QCOMPARE(back.outputSize, QSize(640, 480));
    QCOMPARE(back.engine, QStringLiteral("vips"));
    QCOMPARE(back.chosenQuality, 61);
    QVERIFY(!reader.takeFrame());
    QCOMPARE(reader.bufferedBytes(), 0);
    QVERIFY(!reader.hasError());
}

void tst_Protocol::byteByByte()
{
    const QByteArray frame = Protocol::encodeFrame(Protocol::jobsMessage({sampleJob(7)}));
    Protocol::FrameReader reader;
    for (qsizetype i = 0; i < frame.size() - 1; ++i) {
        reader.append(frame.constData() + i, 1);
        QVERIFY2(!reader.takeFrame(), "a frame must not be complete before its last byte");
    }
    reader.append(frame.constData() + frame.size() - 1, 1);
    const std::optional<QJsonObject> message = reader.takeFrame();
    QVERIFY(message);
    const QList<Protocol::JobRequest> jobs = Protocol::jobsFrom(*message);
    QCOMPARE(jobs.size(), 1);
    QVERIFY2(jobs.first().isValid(), qPrintable(jobs.first().error));
    QCOMPARE(jobs.first().job.inputPath, sampleJob(7).inputPath);
    QCOMPARE(jobs.first().job.recipe, sampleJob(7).recipe);
    QVERIFY(jobs.first().job.probe == sampleJob(7).probe);
}

void tst_Protocol::severalFramesInOneChunk()
{
    QByteArray bytes;
    for (int pid = 1; pid <= 3; ++pid)
        bytes += Protocol::encodeFrame(Protocol::helloMessage(pid));
    Protocol::FrameReader reader;
    reader.append(bytes);
    for (int pid = 1; pid <= 3; ++pid) {
        const std::optional<QJsonObject> frame = reader.takeFrame();
        QVERIFY(frame);
        QCOMPARE(Protocol::helloPid(*frame), pid);
    }
    QVERIFY(!reader.takeFrame());
}

void tst_Protocol::oversizeRejected()
{
    Protocol::FrameReader reader(1024);
    QByteArray header(4, '\0');
    qToBigEndian<quint32>(1025, header.data());
    reader.append(header);
    QVERIFY(!reader.takeFrame());
    QVERIFY(reader.hasError());
    QVERIFY(reader.errorString().contains(QLatin1String("1025")));
    QCOMPARE(reader.bufferedBytes(), 0);
}

void tst_Protocol::garbageRejected()
{
    Protocol::FrameReader reader;
    reader.append(QByteArray("\0\0\0\x05hello", 9));
    QVERIFY(!reader.takeFrame());
    QVERIFY(reader.hasError());
}

void tst_Protocol::nonObjectRejected()
{
    Protocol::FrameReader reader;
    reader.append(QByteArray("\0\0\0\x07[1,2,3]", 11));
    QVERIFY(!reader.takeFrame());
    QVERIFY(reader.hasError());
}

void tst_Protocol::errorIsSticky()
{
    Protocol::FrameReader reader;
    reader.append(QByteArray("\0\0\0\x01x", 5));
    QVERIFY(!reader.takeFrame());
    reader.append(Protocol::encodeFrame(Protocol::helloMessage(1)));
    QVERIFY(!reader.takeFrame());
    QVERIFY(reader.hasError());
    QCOMPARE(reader.bufferedBytes(), 0);
}

void tst_Protocol::hello_data()
{
    QTest::addColumn<QJsonObject>("message");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("current") << Protocol::helloMessage(12) << true;
    QTest::newRow("newer") << Protocol::helloMessage(12, Protocol::kVersion + 1) << false;
    QTest::newRow("older") << Protocol::helloMessage(12, Protocol::kVersion - 1) << false;
    QTest::newRow("no version") << QJsonObject{{QStringLiteral("type"), QStringLiteral("hello")}}
                                << false;
    QTest::newRow("not hello") << Protocol::jobsMessage({}) << false;
}

void tst_Protocol::hello()
{
    QFETCH(QJsonObject, message);
    QFETCH(bool, accepted);
    // Through the wire, as the pool sees it.
    Protocol::FrameReader reader;
    reader.append(Protocol::encodeFrame(message));
    const std::optional<QJsonObject> frame = reader.takeFrame();
    QVERIFY(frame);
    QCOMPARE(Protocol::checkHello(*frame).isEmpty(), accepted);
}

void tst_Protocol::jobsCarrySeveral()
{
    const QList<Job> jobs{sampleJob(1), sampleJob(2), sampleJob(3)};
    Protocol::FrameReader reader;
    reader.append(Protocol::encodeFrame(Protocol::jobsMessage(jobs)));
    const std::optional<QJsonObject> frame = reader.takeFrame();
    QVERIFY(frame);
    const QList<Protocol::JobRequest> back = Protocol::jobsFrom(*frame);
    QCOMPARE(back.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(back[i].isValid(), qPrintable(back[i].error));
        QCOMPARE(back[i].job.id, jobs[i].id);
        QCOMPARE(back[i].job.outputPath, jobs[i].outputPath);
        QCOMPARE(back[i].job.overwrite, true);
    }
}

QTEST_APPLESS_MAIN(tst_Protocol)
