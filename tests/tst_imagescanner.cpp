#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include "batch/plan.h"
#include "imagescanner.h"

// The GUI's count and the planner walk the same folder the same way: the number shown before
// Start is the number of verdicts a batch gives. The expected counts are worked out by hand
// from the fixture below, not taken from either side.
class tst_ImageScanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void countEqualsPlan_data();
    void countEqualsPlan();
    void mixedInputsCountEqualsPlan();
    void newScanReplacesOldOne();

private:
    void writeImage(const QString &relativePath, const char *format);
    void writeText(const QString &relativePath, const QByteArray &bytes);
    void link(const QString &target, const QString &relativePath);
    ImageScanner::Summary scan(const QStringList &paths, bool recursive, const QString &exclude,
                               const QSet<QString> &removed = {});

    QTemporaryDir m_dir;
    QString m_in;
    QString m_out;
};

void tst_ImageScanner::writeImage(const QString &relativePath, const char *format)
{
    QImage image(8, 6, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QVERIFY(image.save(m_in + QLatin1Char('/') + relativePath, format));
}

void tst_ImageScanner::writeText(const QString &relativePath, const QByteArray &bytes)
{
    QFile file(m_in + QLatin1Char('/') + relativePath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

void tst_ImageScanner::link(const QString &target, const QString &relativePath)
{
    QVERIFY(QFile::link(target, m_in + QLatin1Char('/') + relativePath));
}

// in/                              top   recursive
//   a.png                          yes   yes
//   .hidden.jpg                    yes   yes   hidden files count like any other
//   fake.jpg (text)                yes   yes   named like an image: it gets a verdict
//   notes.txt, data.bin            no    no
//   link-to-a.png -> a.png         yes   yes   a symlink to a file is that file
//   self.png -> self.png           no    no    a loop: no regular file behind it
//   dangling.png -> missing.png    no    no
//   pipe.jpg (FIFO)                no    no    never opened
//   sub/b.png                      -     yes
//   .hiddendir/c.jpg               -     yes   hidden folders are entered
//   link-to-sub -> sub             -     no    symlinked folders are not entered
//   loop -> .                      -     no
//   out/d.png (the output folder)  -     no    never read
void tst_ImageScanner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_in = m_dir.filePath(QStringLiteral("in"));
    m_out = m_in + QStringLiteral("/out");
    for (const char *folder : {"sub", ".hiddendir", "out"})
        QVERIFY(QDir().mkpath(m_in + QLatin1Char('/') + QLatin1String(folder)));
    writeImage(QStringLiteral("a.png"), "PNG");
    writeImage(QStringLiteral(".hidden.jpg"), "JPEG");
    writeText(QStringLiteral("fake.jpg"), "this is not a JPEG\n");
    writeText(QStringLiteral("notes.txt"), "notes\n");
    writeText(QStringLiteral("data.bin"), QByteArray(64, '\x01'));
    link(QStringLiteral("a.png"), QStringLiteral("link-to-a.png"));
    link(QStringLiteral("self.png"), QStringLiteral("self.png"));
    link(QStringLiteral("missing.png"), QStringLiteral("dangling.png"));
    QCOMPARE(::mkfifo(QFile::encodeName(m_in + QStringLiteral("/pipe.jpg")).constData(), 0600), 0);
    writeImage(QStringLiteral("sub/b.png"), "PNG");
    writeImage(QStringLiteral(".hiddendir/c.jpg"), "JPEG");
    link(QStringLiteral("sub"), QStringLiteral("link-to-sub"));
    link(QStringLiteral("."), QStringLiteral("loop"));
    writeImage(QStringLiteral("out/d.png"), "PNG");
}

ImageScanner::Summary tst_ImageScanner::scan(const QStringList &paths, bool recursive,
                                             const QString &exclude, const QSet<QString> &removed)
{
    ImageScanner scanner;
    QSignalSpy progressed(&scanner, &ImageScanner::progressed);
    scanner.scan(paths, recursive, exclude, removed);
    while (progressed.isEmpty() ||
           !progressed.constLast().first().value<ImageScanner::Summary>().done) {
        if (!progressed.wait(10'000))
            return {};
    }
    return progressed.constLast().first().value<ImageScanner::Summary>();
}

void tst_ImageScanner::countEqualsPlan_data()
{
    QTest::addColumn<bool>("recursive");
    QTest::addColumn<int>("expected");
    QTest::newRow("top folder") << false << 4;
    QTest::newRow("recursive") << true << 6;
}

void tst_ImageScanner::countEqualsPlan()
{
    QFETCH(bool, recursive);
    QFETCH(int, expected);
    const ImageScanner::Summary summary = scan({m_in}, recursive, m_out);
    QVERIFY(summary.done);
    QCOMPARE(summary.count, expected);
    QVERIFY(summary.hasLossyInputs);                                     // .hidden.jpg
    QCOMPARE(summary.firstImage, m_in + QStringLiteral("/.hidden.jpg")); // '.' sorts first

    PlanOptions options;
    options.inputDir = m_in;
    options.outputDir = m_out;
    options.recursive = recursive;
    const BatchPlan plan = planBatch(options);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(plan.total(), expected);
}

// The window's input set (a folder, files added, one of them twice, one removed) counts what
// the planner plans from the same list: sub/b.png once, a.png, and notes.txt, which counts
// because it was named (it fails in the worker). Removing a.png leaves two.
void tst_ImageScanner::mixedInputsCountEqualsPlan()
{
    const QStringList inputs = {m_in + QStringLiteral("/sub"), m_in + QStringLiteral("/a.png"),
                                m_in + QStringLiteral("/sub/b.png"),
                                m_in + QStringLiteral("/notes.txt")};
    const ImageScanner::Summary summary = scan(inputs, false, m_out);
    QVERIFY(summary.done);
    QCOMPARE(summary.count, 3);
    QCOMPARE(summary.firstImage, m_in + QStringLiteral("/sub/b.png"));
    PlanOptions options;
    options.inputs = inputs;
    options.outputDir = m_out;
    const BatchPlan plan = planBatch(options);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(plan.total(), 3);

    const QString a = m_in + QStringLiteral("/a.png");
    QCOMPARE(scan(inputs, false, m_out, {a}).count, 2);
    options.onlyInputs =
        QSet<QString>{m_in + QStringLiteral("/sub/b.png"), m_in + QStringLiteral("/notes.txt")};
    QCOMPARE(planBatch(options).total(), 2);
}

void tst_ImageScanner::newScanReplacesOldOne()
{
    ImageScanner scanner;
    QSignalSpy progressed(&scanner, &ImageScanner::progressed);
    scanner.scan({m_in}, true, m_out);
    scanner.scan({m_in + QStringLiteral("/sub")}, false, QString()); // no output folder yet
    QTRY_VERIFY(!progressed.isEmpty() &&
                progressed.constLast().first().value<ImageScanner::Summary>().done);
    for (const QList<QVariant> &signal : std::as_const(progressed))
        QCOMPARE(signal.first().value<ImageScanner::Summary>().count, 1); // only sub/b.png
}

QTEST_GUILESS_MAIN(tst_ImageScanner)
#include "tst_imagescanner.moc"
