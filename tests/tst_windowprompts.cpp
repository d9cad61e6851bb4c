#include <QImage>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "batchcontroller.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "translations.h"

// What the window says when something needs the person: a folder it cannot open, and closing
// while a batch runs. Real window, real pixelmill-worker (built beside this test).
class tst_WindowPrompts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void openOutputFolderFailureIsShown();
    void closingMidRunAsks_data();
    void closingMidRunAsks();

private:
    std::unique_ptr<MainWindow> makeWindow(int images, int side);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void tst_WindowPrompts::initTestCase()
{
    installTranslations(QCoreApplication::instance(), QLocale(QLocale::English));
}

void tst_WindowPrompts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

void tst_WindowPrompts::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

// A window on a folder of `images` PNGs, one worker, output to "out".
std::unique_ptr<MainWindow> tst_WindowPrompts::makeWindow(int images, int side)
{
    const QString in = m_dir->filePath(QStringLiteral("in"));
    QDir().mkpath(in);
    QImage image(side, side, QImage::Format_RGB32);
    for (int i = 0; i < images; ++i) {
        image.fill(QColor::fromHsv((i * 40) % 360, 200, 200));
        if (!image.save(QStringLiteral("%1/img%2.png").arg(in).arg(i)))
            qFatal("cannot write into %s", qPrintable(in));
    }
    auto window = std::make_unique<MainWindow>(m_settings.get());
    window->findChild<OutputPanel *>()->setFolder(m_dir->filePath(QStringLiteral("out")));
    window->findChild<QSpinBox *>(QStringLiteral("workerCountSpin"))->setValue(1);
    window->setSourceFolder(in);
    window->show();
    return window;
}

void tst_WindowPrompts::openOutputFolderFailureIsShown()
{
    const auto window = makeWindow(2, 16);
    auto *start = window->findChild<QPushButton *>(QStringLiteral("startButton"));
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 10'000);
    QSignalSpy finished(window->controller(), &BatchController::finished);
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(finished.wait(30'000));

    // A system with nothing to open folders: no desktop session, no xdg-open on PATH.
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", m_dir->path().toLocal8Bit());
    for (const char *name :
         {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID"})
        qunsetenv(name);
    auto *open = window->findChild<QPushButton *>(QStringLiteral("openOutputButton"));
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    qputenv("PATH", path);
    const QString message = window->statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Could not open ")), qPrintable(message));
    QVERIFY2(message.contains(QDir::toNativeSeparators(m_dir->filePath(QStringLiteral("out")))),
             qPrintable(message));
}

void tst_WindowPrompts::closingMidRunAsks_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("closes");
    QTest::newRow("keep running") << QStringLiteral("Keep running") << false;
    QTest::newRow("stop and close") << QStringLiteral("Stop and close") << true;
}

void tst_WindowPrompts::closingMidRunAsks()
{
    QFETCH(QString, answer);
    QFETCH(bool, closes);
    const auto window = makeWindow(12, 1000); // seconds of work for one worker
    auto *start = window->findChild<QPushButton *>(QStringLiteral("startButton"));
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 10'000);
    QSignalSpy finished(window->controller(), &BatchController::finished);

    QStringList choices;
    QTimer::singleShot(0, this, [&] { // runs inside the question's own event loop
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        for (QAbstractButton *button : box->buttons())
            choices.append(button->text());
        for (QAbstractButton *button : box->buttons())
            if (button->text() == answer)
                button->click();
    });
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(window->controller()->isRunning());
    QCOMPARE(window->close(), closes);

    choices.sort();
    QCOMPARE(choices,
             (QStringList{QStringLiteral("Keep running"), QStringLiteral("Stop and close")}));
    QCOMPARE(window->isVisible(), !closes);
    if (!closes) {
        QVERIFY(window->controller()->isRunning()); // "Keep running" kept it running
        window->controller()->cancel();
    }
    // Stopping is asynchronous (workers are told, then reaped): the batch ends cancelled.
    QVERIFY(finished.count() == 1 || finished.wait(30'000));
    QVERIFY(finished.at(0).at(1).toBool());
    QVERIFY(!window->controller()->isRunning());
}

QTEST_MAIN(tst_WindowPrompts)
#include "tst_windowprompts.moc"
