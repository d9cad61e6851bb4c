#include <QtTest>

#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <unistd.h>

#include "imageprobe.h"

// The planner's probe of one input, and the one way inputs are read. Expected values come
// from Qt (which wrote the files) and QFileInfo (which stats them).
class tst_ImageProbe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void probesWhatQtWrote();
    void specialFilesAreNotProbed();
    void readErrorsInWords();
    void permissionDeniedInWords();
    void wholeFileReadWithoutGrowing();
    void roundTripsThroughJson();

private:
    QTemporaryDir m_dir;
};

void tst_ImageProbe::probesWhatQtWrote()
{
    QImage rgba(30, 20, QImage::Format_ARGB32);
    rgba.fill(qRgba(10, 200, 30, 128));
    const QString png = m_dir.filePath(QStringLiteral("alpha.png"));
    QVERIFY(rgba.save(png, "PNG"));
    QImage rgb(40, 10, QImage::Format_RGB32);
    rgb.fill(qRgb(200, 100, 50));
    const QString jpeg = m_dir.filePath(QStringLiteral("photo.jpg"));
    QVERIFY(rgb.save(jpeg, "JPEG"));
    const QString text = m_dir.filePath(QStringLiteral("notes.jpg"));
    QFile notes(text);
    QVERIFY(notes.open(QIODevice::WriteOnly) && notes.write("not an image") > 0);
    notes.close();

    const struct
    {
        QString path;
        ImageFormat format;
        QSize size;
        bool alpha;
        int orientation;
    } cases[] = {{png, ImageFormat::Png, {30, 20}, true, 1},
                 {jpeg, ImageFormat::Jpeg, {40, 10}, false, 1},
                 {text, ImageFormat::Unknown, {}, false, 0}};
    for (const auto &c : cases) {
        const ImageProbe probe = probeFile(c.path);
        const QFileInfo info(c.path);
        QCOMPARE(probe.fileBytes, info.size());
        QCOMPARE(probe.modifiedMs, info.lastModified().toMSecsSinceEpoch());
        QCOMPARE(toString(probe.format), toString(c.format));
        QCOMPARE(probe.size, c.size);
        QCOMPARE(probe.hasAlpha, c.alpha);
        QCOMPARE(probe.orientation, c.orientation);
    }
}

// A FIFO (which would block a plain open) and a folder: no probe, at once.
void tst_ImageProbe::specialFilesAreNotProbed()
{
    const QString fifo = m_dir.filePath(QStringLiteral("pipe.png"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(!probeFile(fifo).isTaken());
    QVERIFY(!probeFile(m_dir.path()).isTaken());
    QVERIFY(!probeFile(m_dir.filePath(QStringLiteral("missing.png"))).isTaken());
}

void tst_ImageProbe::readErrorsInWords()
{
    QByteArray bytes;
    QCOMPARE(readRegularFile(m_dir.filePath(QStringLiteral("missing.png")), -1, &bytes),
             QStringLiteral("file not found"));
    QCOMPARE(readRegularFile(m_dir.path(), -1, &bytes), QStringLiteral("not a regular file"));
    const QString file = m_dir.filePath(QStringLiteral("data.bin"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    const QByteArray content(200'000, 'x');
    out.write(content);
    out.close();
    qint64 size = 0;
    QCOMPARE(readRegularFile(file, -1, &bytes, &size), QString());
    QCOMPARE(bytes, content);
    QCOMPARE(size, qint64(content.size()));
    QCOMPARE(readRegularFile(file, kProbeBytes, &bytes), QString());
    QCOMPARE(bytes, content.left(kProbeBytes));
}

void tst_ImageProbe::permissionDeniedInWords()
{
    if (geteuid() == 0)
        QSKIP("root reads files whatever their permissions");
    QFile out(m_dir.filePath(QStringLiteral("secret.png")));
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write("x") == 1);
    out.close();
    QVERIFY(out.setPermissions(QFileDevice::WriteOwner));
    QByteArray bytes;
    QCOMPARE(readRegularFile(out.fileName(), -1, &bytes), QStringLiteral("permission denied"));
}

// A file read to its end must not make the buffer grow: Qt grows a full QByteArray to its next
// power of two and copies the bytes over, which held a 144 MB JPEG twice in a worker.
void tst_ImageProbe::wholeFileReadWithoutGrowing()
{
    const qint64 size = 3 * 1024 * 1024 + 5; // a growth to 4 MB would show
    const QString path = m_dir.filePath(QStringLiteral("big.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray content(qsizetype(size), '\0');
    for (qsizetype i = 0; i < content.size(); ++i)
        content[i] = char(i * 7);
    QCOMPARE(file.write(content), size);
    file.close();
    QByteArray bytes;
    QCOMPARE(readRegularFile(path, -1, &bytes), QString());
    QCOMPARE(bytes, content);
    QVERIFY2(bytes.capacity() <= size + 64, qPrintable(QString::number(bytes.capacity())));
}

void tst_ImageProbe::roundTripsThroughJson()
{
    ImageProbe probe;
    probe.format = ImageFormat::Webp;
    probe.fileBytes = 5'000'000'000;
    probe.modifiedMs = 1'700'000'000'123;
    probe.size = QSize(16383, 2);
    probe.hasAlpha = true;
    probe.orientation = 8;
    QString error;
    const std::optional<ImageProbe> back = ImageProbe::fromJson(probe.toJson(), &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QVERIFY(*back == probe);
    const std::optional<ImageProbe> untaken = ImageProbe::fromJson(ImageProbe().toJson(), &error);
    QVERIFY(untaken.has_value());
    QVERIFY(!untaken->isTaken());
}

QTEST_GUILESS_MAIN(tst_ImageProbe)
#include "tst_imageprobe.moc"
