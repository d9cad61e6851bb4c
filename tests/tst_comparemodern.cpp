#include <QTemporaryDir>
#include <QtTest>

#include <vips/vips8>

#include "compareimage.h"
#include "engine/engine.h"
#include "testimages.h"

using vips::VImage;

// The compare view on HEIF, AVIF and JPEG XL files, which Qt has no readers for here: a
// worker decodes them, and what is shown must be what libvips itself decodes from the file.
class tst_CompareModern : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void shownAsLibvipsDecodesIt_data();
    void shownAsLibvipsDecodesIt();
    void damagedModernFileShowsReason();

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_scratch;
};

namespace {
constexpr QSize kSize(96, 64);

QString written(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}
} // namespace

void tst_CompareModern::initTestCase()
{
    QVERIFY(m_dir.isValid() && m_scratch.isValid());
    QString error;
    QVERIFY2(
        initializeEngines(QCoreApplication::applicationFilePath().toUtf8().constData(), &error),
        qPrintable(error));
}

void tst_CompareModern::shownAsLibvipsDecodesIt_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("caption");
    QTest::newRow("avif") << "avif"
                          << "AVIF";
    QTest::newRow("heic") << "heic"
                          << "HEIF";
    QTest::newRow("jxl") << "jxl"
                         << "JPEG XL";
}

void tst_CompareModern::shownAsLibvipsDecodesIt()
{
    QFETCH(QString, format);
    QFETCH(QString, caption);
    const QString path =
        written(m_dir.filePath(QStringLiteral("picture.") + format),
                TestImages::encodedAs(TestImages::make(kSize).copy_memory(), format));
    QVERIFY(!path.isEmpty());

    const CompareImage shown = loadCompareImage(path, m_scratch.path());
    QVERIFY2(shown.isValid(), qPrintable(shown.error));
    QCOMPARE(shown.format, caption);
    QCOMPARE(shown.fileBytes, QFileInfo(path).size());
    QCOMPARE(shown.image.size(), kSize);

    const VImage reference = TestImages::load(path).colourspace(VIPS_INTERPRETATION_sRGB);
    const QImage rgb = shown.image.convertToFormat(QImage::Format_RGB888);
    int worst = 0;
    for (int y = 0; y < kSize.height(); ++y)
        for (int x = 0; x < kSize.width(); ++x) {
            const std::vector<double> expected = reference.getpoint(x, y);
            const uchar *got = rgb.constScanLine(y) + 3 * x;
            for (int c = 0; c < 3; ++c)
                worst = qMax(worst, qAbs(int(got[c]) - qRound(expected[c])));
        }
    QVERIFY2(worst <= 1, qPrintable(QStringLiteral("largest channel difference %1").arg(worst)));
    QVERIFY2(QDir(m_scratch.path()).isEmpty(), "the worker's PNG is removed once read");
}

void tst_CompareModern::damagedModernFileShowsReason()
{
    QByteArray bytes =
        TestImages::encodedAs(TestImages::make(kSize).copy_memory(), QStringLiteral("avif"));
    bytes.truncate(bytes.size() / 2);
    const QString path = written(m_dir.filePath(QStringLiteral("cut.avif")), bytes);
    const CompareImage shown = loadCompareImage(path, m_scratch.path());
    QVERIFY(!shown.isValid());
    QVERIFY2(shown.error.startsWith(QStringLiteral("Cannot show ")), qPrintable(shown.error));
    QCOMPARE(shown.format, QStringLiteral("AVIF"));
}

QTEST_MAIN(tst_CompareModern)
#include "tst_comparemodern.moc"
