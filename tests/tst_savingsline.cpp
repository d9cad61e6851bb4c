#include <QComboBox>
#include <QDirIterator>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "batchcontroller.h"
#include "compareview.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "translations.h"

// After a real batch (real window, real pixelmill-worker): the line under the progress bar
// says what was saved, by the sizes of the files on disk, and Compare opens a row's images.
class tst_SavingsLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void summaryEndsWithTheTotalSaved();
};

namespace {
qint64 bytesOfFiles(const QString &dir, const QString &pattern)
{
    qint64 total = 0;
    QDirIterator it(dir, {pattern}, QDir::Files);
    while (it.hasNext())
        total += QFileInfo(it.next()).size();
    return total;
}
} // namespace

void tst_SavingsLine::initTestCase()
{
    installTranslations(QCoreApplication::instance(), QLocale(QLocale::English));
}

void tst_SavingsLine::summaryEndsWithTheTotalSaved()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    const QString in = dir.filePath(QStringLiteral("in")),
                  out = dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(in));
    // Noise compresses badly as PNG, so the JPEG outputs are far smaller.
    QImage image(200, 200, QImage::Format_RGB32);
    QRandomGenerator random(14);
    for (int i = 0; i < 3; ++i) {
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                image.setPixel(x, y, random.generate() | 0xff000000u);
        QVERIFY(image.save(QStringLiteral("%1/noise%2.png").arg(in).arg(i)));
    }

    MainWindow window(&settings);
    window.findChild<OutputPanel *>()->setFolder(out);
    window.findChild<QSpinBox *>(QStringLiteral("workerCountSpin"))->setValue(1);
    auto *format = window.findChild<QComboBox *>(QStringLiteral("formatCombo"));
    QVERIFY(format);
    format->setCurrentIndex(format->findText(QStringLiteral("JPEG")));
    QVERIFY(format->currentIndex() > 0);
    window.setSourceFolder(in);
    window.show();
    auto *start = window.findChild<QPushButton *>(QStringLiteral("startButton"));
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 10'000);
    QSignalSpy finished(window.controller(), &BatchController::finished);
    start->click();
    QVERIFY(finished.wait(60'000));
    QCOMPARE(window.controller()->counts().ok, 3);

    const qint64 inputBytes = bytesOfFiles(in, QStringLiteral("*.png"));
    const qint64 outputBytes = bytesOfFiles(out, QStringLiteral("*.jpg"));
    QVERIFY(outputBytes > 0 && outputBytes < inputBytes);
    const qint64 percent = qRound64(100.0 * (inputBytes - outputBytes) / inputBytes);
    const QString text = window.findChild<QLabel *>(QStringLiteral("progressLabel"))->text();
    QVERIFY2(text.contains(QStringLiteral(" → ")), qPrintable(text));
    QVERIFY2(text.endsWith(QStringLiteral(", %1% smaller").arg(percent)), qPrintable(text));

    // Compare from the results: the window of a finished row shows the worker's real JPEG.
    auto *view = window.findChild<QTableView *>(QStringLiteral("resultsView"));
    view->setCurrentIndex(view->model()->index(0, 0));
    window.findChild<QPushButton *>(QStringLiteral("compareButton"))->click();
    auto *compare = window.findChild<CompareView *>();
    QVERIFY(compare);
    QVERIFY(compare->isVisible());
    QSignalSpy shown(compare, &CompareView::imagesShown);
    QVERIFY(shown.wait());
    QVERIFY2(compare->before().isValid(), qPrintable(compare->before().error));
    QVERIFY2(compare->after().isValid(), qPrintable(compare->after().error));
    QCOMPARE(compare->after().format, QStringLiteral("JPEG"));
    QCOMPARE(compare->after().image.size(), QSize(200, 200));
}

QTEST_MAIN(tst_SavingsLine)
#include "tst_savingsline.moc"
