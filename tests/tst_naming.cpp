#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <utime.h>

#include "batch/plan.h"

// The name pattern's tokens, planned from real files: EXIF bytes built here by hand (not by
// the reader under test), file times set with utime, sizes worked out by hand.
class tst_Naming : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_in;
    QString m_out;

    // A little-endian EXIF block: IFD0 with Orientation and the Exif pointer, then an Exif IFD
    // with DateTimeOriginal (ASCII[20]).
    static QByteArray exifBlock(quint16 orientation, const QByteArray &date)
    {
        QByteArray tiff;
        const auto u16 = [&](quint32 v) { tiff += char(v & 0xff), tiff += char(v >> 8 & 0xff); };
        const auto u32 = [&](quint32 v) { u16(v & 0xffff), u16(v >> 16); };
        tiff += "II";
        u16(42);
        u32(8); // IFD0
        u16(2);
        u16(0x0112), u16(3), u32(1), u16(orientation), u16(0); // SHORT in the value field
        u16(0x8769), u16(4), u32(1), u32(38);                  // Exif IFD at 8 + 30
        u32(0);                                                // no IFD1
        u16(1);
        u16(0x9003), u16(2), u32(20), u32(56); // its value at 38 + 18
        u32(0);
        tiff += date;
        tiff += '\0';
        return "Exif" + QByteArray(2, '\0') + tiff;
    }
    // A real JPEG of w x h with an APP1 EXIF segment right after SOI.
    void writeJpeg(const QString &path, QSize size, quint16 orientation, const QByteArray &date)
    {
        const QString plain = path + QStringLiteral(".plain");
        QImage image(size, QImage::Format_RGB32);
        image.fill(qRgb(200, 100, 50));
        QVERIFY(image.save(plain, "JPEG"));
        QFile in(plain);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray jpeg = in.readAll();
        in.remove();
        const QByteArray exif = exifBlock(orientation, date);
        const int length = int(exif.size()) + 2;
        const QByteArray app1 =
            QByteArray("\xff\xe1", 2) + char(length >> 8) + char(length & 0xff) + exif;
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(jpeg.left(2) + app1 + jpeg.mid(2));
    }
    void writeImage(const QString &path, QSize size, const char *format)
    {
        QImage image(size, QImage::Format_RGB32);
        image.fill(qRgb(10, 20, 30));
        QVERIFY2(image.save(path, format), qPrintable(path));
    }
    static void setModified(const QString &path, const QDateTime &when)
    {
        struct utimbuf times;
        times.actime = times.modtime = time_t(when.toSecsSinceEpoch());
        QCOMPARE(::utime(QFile::encodeName(path).constData(), &times), 0);
    }
    PlanOptions options(const QString &pattern) const
    {
        PlanOptions o;
        o.inputDir = m_in;
        o.outputDir = m_out;
        o.namePattern = pattern;
        return o;
    }
    static QStringList outputNames(const BatchPlan &plan)
    {
        QStringList names;
        for (const Job &job : plan.jobs)
            names << QFileInfo(job.outputPath).fileName();
        names.sort();
        return names;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        const QString root = m_tmp.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                            QLatin1Char('_') + QTest::currentDataTag());
        m_in = root + QStringLiteral("/in");
        m_out = root + QStringLiteral("/out");
        QVERIFY(QDir().mkpath(m_in));
    }

    void expandsWithoutFiles_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("expected");
        QTest::newRow("padded") << "img_{n:04}"
                                << "/a/b/p.png" << 7 << "img_0007.jpg";
        QTest::newRow("padded, no zero") << "{n:3}"
                                         << "/a/b/p.png" << 12 << "012.jpg";
        QTest::newRow("wider than padding") << "{n:02}"
                                            << "/a/b/p.png" << 123 << "123.jpg";
        QTest::newRow("ext") << "{name}_{ext}"
                             << "/a/b/p.tif" << 1 << "p_tif.jpg";
        QTest::newRow("ext of dotted") << "{ext}"
                                       << "/a/b/x.y.PNG" << 1 << "PNG.jpg";
        QTest::newRow("ext of hidden") << "{name}{ext}"
                                       << "/a/b/.jpg" << 1 << ".jpg.jpg";
        QTest::newRow("parent") << "{parent}_{name}"
                                << "/a/trip/p.png" << 1 << "trip_p.jpg";
    }
    void expandsWithoutFiles()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, input);
        QFETCH(int, position);
        QFETCH(QString, expected);
        QCOMPARE(namePatternError(pattern), QString());
        QCOMPARE(outputFileName(pattern, input, position, OutputFormat::Jpeg), expected);
    }

    void badPatternsNameTheirToken_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown") << "{name}{nope}"
                                 << "Unknown token {nope}";
        QTest::newRow("empty") << "a{}"
                               << "Unknown token {}";
        QTest::newRow("counter letters") << "{n:x}"
                                         << "{n:x} is malformed";
        QTest::newRow("counter too wide") << "{n:010}"
                                          << "{n:010} is malformed";
        QTest::newRow("date directive") << "{date:%Y-%q}"
                                        << "%q is not one of";
        QTest::newRow("date trailing %") << "{date:%Y%}"
                                         << "{date:%Y%} is malformed";
        QTest::newRow("argument on name") << "{name:2}"
                                          << "{name:2} takes no";
        QTest::newRow("unclosed") << "{name"
                                  << "not closed: {name";
        QTest::newRow("nested") << "{na{n}me}"
                                << "not closed";
        QTest::newRow("lone close") << "name}"
                                    << "without its";
        QTest::newRow("case") << "{Name}"
                              << "Unknown token {Name}";
    }
    void badPatternsNameTheirToken()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, expected);
        const QString error = namePatternError(pattern);
        QVERIFY2(error.contains(expected), qPrintable(error));
        QString expandError;
        QCOMPARE(outputFileName(pattern, {}, OutputFormat::Jpeg, &expandError), QString());
        QCOMPARE(expandError, error);
        // The planner refuses the batch before naming anything.
        writeImage(m_in + QStringLiteral("/a.png"), {4, 4}, "PNG");
        const BatchPlan plan = planBatch(options(pattern));
        QVERIFY(plan.jobs.isEmpty());
        QCOMPARE(plan.error, error);
    }

    void dateComesFromExif()
    {
        writeJpeg(m_in + QStringLiteral("/shot.jpg"), {16, 8}, 1, "2019:07:14 09:08:07");
        // The file time is another day: EXIF wins.
        setModified(m_in + QStringLiteral("/shot.jpg"), QDateTime(QDate(2024, 1, 2), QTime(3, 4)));
        const BatchPlan plan =
            planBatch(options(QStringLiteral("{date}_{date:%Y%m%d-%H%M%S}_{date:%%d}")));
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QCOMPARE(outputNames(plan), QStringList{"2019-07-14_20190714-090807_%d.jpg"});
    }

    void dateFallsBackToFileTime_data()
    {
        QTest::addColumn<QByteArray>("exifDate");
        QTest::newRow("png, no exif") << QByteArray();
        QTest::newRow("unknown exif date") << QByteArray("    :  :     :  :  ");
        QTest::newRow("impossible exif date") << QByteArray("2019:13:40 25:00:00");
    }
    void dateFallsBackToFileTime()
    {
        QFETCH(QByteArray, exifDate);
        const QString path =
            m_in + (exifDate.isEmpty() ? QStringLiteral("/a.png") : QStringLiteral("/a.jpg"));
        if (exifDate.isEmpty())
            writeImage(path, {4, 4}, "PNG");
        else
            writeJpeg(path, {4, 4}, 1, exifDate);
        setModified(path, QDateTime(QDate(2021, 3, 4), QTime(5, 6, 7))); // local time
        const BatchPlan plan = planBatch(options(QStringLiteral("{date:%Y-%m-%d %H.%M.%S}")));
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QCOMPARE(outputNames(plan),
                 QStringList{QStringLiteral("2021-03-04 05.06.07.") + QFileInfo(path).suffix()});
    }

    void sizeIsTheOutputs_data()
    {
        QTest::addColumn<int>("orientation");
        QTest::addColumn<bool>("autoOrient");
        QTest::addColumn<QString>("expected");
        // 320x240 fit into 100x100: 100x75. Orientation 6 stands it up (240x320): 75x100.
        QTest::newRow("upright") << 1 << true << "p_100x75.jpg";
        QTest::newRow("rotated") << 6 << true << "p_75x100.jpg";
        QTest::newRow("rotated, not oriented") << 6 << false << "p_100x75.jpg";
    }
    void sizeIsTheOutputs()
    {
        QFETCH(int, orientation);
        QFETCH(bool, autoOrient);
        QFETCH(QString, expected);
        writeJpeg(m_in + QStringLiteral("/p.jpg"), {320, 240}, quint16(orientation),
                  "2020:01:01 00:00:00");
        PlanOptions o = options(QStringLiteral("{name}_{width}x{height}"));
        o.recipe.steps = {resizeStep(ResizeMode::Fit, 100, 100)};
        o.recipe.autoOrient = autoOrient;
        const BatchPlan plan = planBatch(o);
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QCOMPARE(outputNames(plan), QStringList{expected});
    }

    // Every step's geometry, folded in order: 320x240 cropped 1:1 (240x240), fitted into
    // 100x100, padded to 150x120, turned a quarter: 120x150.
    void sizeFoldsEveryStep()
    {
        writeJpeg(m_in + QStringLiteral("/p.jpg"), {320, 240}, 1, "2020:01:01 00:00:00");
        PlanOptions o = options(QStringLiteral("{name}_{width}x{height}"));
        o.recipe.steps = {CropStep{1, 1, {}, Gravity::Attention},
                          resizeStep(ResizeMode::Fit, 100, 100),
                          PadStep{{150, 120}, {}, Gravity::Centre}, RotateStep{270}};
        const BatchPlan plan = planBatch(o);
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QCOMPARE(outputNames(plan), QStringList{"p_120x150.jpg"});
    }

    // The planner reads dimensions from JPEG and PNG headers only: {width} of a BMP is that
    // file's failed verdict, before any work, and the others still run with their numbers.
    void sizeUnknownAtPlanningFailsThatFile()
    {
        writeImage(m_in + QStringLiteral("/a.png"), {30, 20}, "PNG");
        writeImage(m_in + QStringLiteral("/b.bmp"), {30, 20}, "BMP");
        writeImage(m_in + QStringLiteral("/c.png"), {8, 6}, "PNG");
        const BatchPlan plan = planBatch(options(QStringLiteral("{n}-{width}")));
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QCOMPARE(outputNames(plan), (QStringList{"1-30.png", "3-8.png"}));
        QCOMPARE(plan.preResolved.size(), 1);
        const JobResult &failed = plan.preResolved.constFirst();
        QCOMPARE(toString(failed.status), toString(JobStatus::Failed));
        QVERIFY(failed.inputPath.endsWith(QStringLiteral("/b.bmp")));
        QVERIFY2(failed.message.contains(QStringLiteral("{width}")), qPrintable(failed.message));
        QCOMPARE(plan.total(), 3);
    }
};

QTEST_GUILESS_MAIN(tst_Naming)
#include "tst_naming.moc"
