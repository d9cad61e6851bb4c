#include "tst_mainwindow.h"
#include "translations.h"

// English whatever the machine's locale, and with its plural forms ("1 image found"), as the
// application installs them (app/gui/main.cpp).
void tst_MainWindow::initTestCase()
{
    QCOMPARE(installTranslations(QCoreApplication::instance(), QLocale(QLocale::English)),
             QStringLiteral("en"));
}

void tst_MainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

void tst_MainWindow::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> tst_MainWindow::makeWindow()
{
    auto window = std::make_unique<MainWindow>(m_settings.get());
    window->show();
    return window;
}

QString tst_MainWindow::makeFolder(const QString &name, int count, QSize size, const char *format)
{
    const QString folder = m_dir->filePath(name);
    QDir().mkpath(folder);
    for (int i = 0; i < count; ++i) {
        QImage image(size, QImage::Format_RGB32);
        for (int y = 0; y < size.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < size.width(); ++x)
                line[x] = qRgb((x * 255) / size.width(), (y * 255) / size.height(), (i * 37) % 256);
        }
        const QString path =
            QStringLiteral("%1/img%2.%3")
                .arg(folder)
                .arg(i, 3, 10, QLatin1Char('0'))
                .arg(qstrcmp(format, "JPEG") == 0 ? QStringLiteral("jpg")
                                                  : QString::fromLatin1(format).toLower());
        if (!image.save(path, format))
            qFatal("cannot write %s", qPrintable(path));
    }
    return folder;
}

void tst_MainWindow::chooseSource(MainWindow &window, const QString &folder, int expectedCount)
{
    QVERIFY2(GuiTest::chooseSource(window, folder, expectedCount),
             qPrintable(child<QLabel>(window, "imageCountLabel")->text()));
}

void tst_MainWindow::startAndWait(MainWindow &window)
{
    QSignalSpy finished(window.controller(), &BatchController::finished);
    auto *start = child<QPushButton>(window, "startButton");
    QTRY_VERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(finished.wait(45'000));
}

void tst_MainWindow::firstRunPreselectsSamples()
{
    const QString samples = locateSamplesFolder();
    QVERIFY2(!samples.isEmpty(), "the build copies the samples to share/pixelmill/samples");
    auto window = makeWindow();
    QVERIFY(window->windowTitle().contains(QStringLiteral("Pixelmill")));
    QCOMPARE(window->runOptions().plan.inputDir, samples);
    QVERIFY(window->runOptions().plan.outputDir != samples);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(*window, "imageCountLabel")->text().startsWith(QStringLiteral("5 ")), 10'000);
    QTRY_VERIFY(child<QPushButton>(*window, "startButton")->isEnabled());
}

void tst_MainWindow::processesFolderWithRecipeFromWidgets()
{
    makeFolder(QStringLiteral("in"), 3, {320, 240}, "PNG");
    const QString in = makeFolder(QStringLiteral("in"), 0, {1, 1}, "PNG");
    QImage(200, 400, QImage::Format_RGB32).save(in + QStringLiteral("/tall.jpg"), "JPEG");
    const QString out = m_dir->filePath(QStringLiteral("out"));
    auto window = makeWindow();
    window->findChild<OutputPanel *>()->setFolder(out);
    chooseSource(*window, in, 4);

    auto *mode = child<QComboBox>(*window, "resizeModeCombo");
    mode->setCurrentIndex(mode->findData(int(ResizeMode::Fit)));
    child<QSpinBox>(*window, "widthSpin")->setValue(100);
    child<QSpinBox>(*window, "heightSpin")->setValue(100);
    auto *format = child<QComboBox>(*window, "formatCombo");
    format->setCurrentIndex(format->findData(int(OutputFormat::Png)));
    child<QCheckBox>(*window, "grayscaleCheckBox")->setChecked(true);
    QVERIFY(!child<QSpinBox>(*window, "qualitySpin")->isVisibleTo(window.get())); // PNG: lossless
    const QString example = child<QLabel>(*window, "nameExampleLabel")->text();
    QVERIFY2(example.contains(QStringLiteral("img000.png")), qPrintable(example));
    // Naming tokens: an unknown one is shown where it is typed and disables Start; {width}
    // and {height} are the output's (320x240 fit into 100x100: 100x75).
    auto *pattern = child<QLineEdit>(*window, "namePatternEdit");
    auto *start = child<QPushButton>(*window, "startButton");
    pattern->setText(QStringLiteral("{name}{nope}"));
    const QString refused = child<QLabel>(*window, "nameExampleLabel")->toolTip(); // unelided
    QVERIFY2(refused.contains(QStringLiteral("{nope}")), qPrintable(refused));
    QVERIFY(!start->isEnabled());
    pattern->setText(QStringLiteral("{name}_{width}x{height}"));
    const QString sized = child<QLabel>(*window, "nameExampleLabel")->text();
    QVERIFY2(sized.contains(QStringLiteral("img000_100x75.png")), qPrintable(sized));
    QVERIFY(start->isEnabled());
    pattern->setText(QStringLiteral("{name}"));

    startAndWait(*window);
    ResultsModel *model = window->resultsModel();
    QCOMPARE(model->rowCount(), 4);
    for (int row = 0; row < model->rowCount(); ++row) {
        const JobResult &r = model->result(row);
        QCOMPARE(toString(r.status), toString(JobStatus::Ok));
        const QImage output(r.outputPath);
        QVERIFY2(!output.isNull(), qPrintable(r.outputPath));
        QVERIFY(output.width() <= 100 && output.height() <= 100);
        QVERIFY(output.isGrayscale());
    }
    QVERIFY(QFile::exists(out + QStringLiteral("/tall.png")));
    QCOMPARE(QDir(out).entryList(QDir::Files).size(), 4);
    QVERIFY(child<QLabel>(*window, "progressLabel")->text().contains(QStringLiteral("4 done")));
    QVERIFY(child<QPushButton>(*window, "exportButton")->isEnabled());

    const QString report = m_dir->filePath(QStringLiteral("report.csv"));
    QString error;
    QVERIFY2(window->controller()->writeReport(report, &error), qPrintable(error));
    QFile csv(report);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), 5); // header + one line per image
}

void tst_MainWindow::cancelStopsMidRun()
{
    constexpr int kImages = 40;
    const QString in = makeFolder(QStringLiteral("big"), kImages, {1400, 1400}, "PNG");
    auto window = makeWindow();
    window->findChild<OutputPanel *>()->setFolder(m_dir->filePath(QStringLiteral("bigout")));
    chooseSource(*window, in, kImages);
    child<QSpinBox>(*window, "workerCountSpin")->setValue(1);
    auto *format = child<QComboBox>(*window, "formatCombo");
    format->setCurrentIndex(format->findData(int(OutputFormat::Png)));

    QSignalSpy jobDone(window->controller(), &BatchController::jobFinished);
    QSignalSpy finished(window->controller(), &BatchController::finished);
    auto *start = child<QPushButton>(*window, "startButton");
    QTRY_VERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(jobDone.wait(30'000));
    auto *cancel = child<QPushButton>(*window, "cancelButton");
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(finished.count() == 1 || finished.wait(20'000));
    QVERIFY(finished.at(0).at(1).toBool()); // reported as cancelled

    const BatchCounts counts = window->controller()->counts();
    QVERIFY2(counts.ok >= 1 && counts.ok < kImages,
             qPrintable(QStringLiteral("ok %1, first: %2")
                            .arg(counts.ok)
                            .arg(window->resultsModel()->result(0).message)));
    QVERIFY(counts.cancelled > 0);
    QCOMPARE(window->resultsModel()->rowCount(), counts.finished());
    QVERIFY(start->isEnabled());
    QVERIFY(!cancel->isEnabled());

    // Resume with the rename policy: what was done is skipped, not redone as "img (2).png".
    auto *conflict = child<QComboBox>(*window, "conflictCombo");
    conflict->setCurrentIndex(conflict->findData(int(ConflictPolicy::Rename)));
    child<QCheckBox>(*window, "resumeCheckBox")->setChecked(true);
    child<QSpinBox>(*window, "workerCountSpin")->setValue(2);
    startAndWait(*window);
    const BatchCounts resumed = window->controller()->counts();
    QCOMPARE(resumed.skipped, counts.ok);
    QCOMPARE(resumed.ok, kImages - counts.ok);
    const QStringList written =
        QDir(m_dir->filePath(QStringLiteral("bigout"))).entryList({QStringLiteral("*.png")});
    QVERIFY2(written.size() == kImages, qPrintable(written.join(QLatin1Char(' '))));
}

void tst_MainWindow::failureShowsReasonAndRetryRunsOnlyIt()
{
    const QString in = makeFolder(QStringLiteral("mixed"), 3, {200, 150}, "JPEG");
    const QString broken = in + QStringLiteral("/broken.jpg");
    QByteArray good;
    {
        QFile f(in + QStringLiteral("/img000.jpg"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        good = f.readAll();
    }
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(good.left(good.size() / 3)); // a truncated JPEG: recognised, then fails to decode
    f.close();

    auto window = makeWindow();
    window->findChild<OutputPanel *>()->setFolder(m_dir->filePath(QStringLiteral("mixedout")));
    chooseSource(*window, in, 4);
    startAndWait(*window);

    ResultsModel *model = window->resultsModel();
    QCOMPARE(model->rowCount(), 4);
    int failedRow = -1;
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->result(row).status == JobStatus::Failed)
            failedRow = row;
    QVERIFY(failedRow >= 0);
    QCOMPARE(model->result(failedRow).inputPath, broken);
    QVERIFY(!model->data(model->index(failedRow, ResultsModel::ReasonColumn)).toString().isEmpty());
    QCOMPARE(window->controller()->counts().ok, 3);

    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate)); // fixed between the runs
    f.write(good);
    f.close();
    QSignalSpy started(window->controller(), &BatchController::jobStarted);
    QSignalSpy finished(window->controller(), &BatchController::finished);
    QSignalSpy progressed(window->controller(), &BatchController::progressed);
    auto *retry = child<QPushButton>(*window, "retryButton");
    QVERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(finished.wait(30'000));
    // Progress covers the whole batch: the retried job is pending again, the rest stay done.
    const auto atStart = progressed.first().first().value<BatchCounts>();
    QCOMPARE(atStart.total, 4);
    QCOMPARE(atStart.ok, 3);
    QCOMPARE(atStart.failed, 0);
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.at(0).at(2).toString(), broken);
    QCOMPARE(model->rowCount(), 4); // the failed row was replaced, not appended
    QCOMPARE(toString(model->result(failedRow).status), toString(JobStatus::Ok));
    QCOMPARE(window->controller()->counts().ok, 4);
    QVERIFY(!retry->isEnabled());
}

void tst_MainWindow::previewIsMadeByWorkers()
{
    const QString in = makeFolder(QStringLiteral("preview"), 1, {1200, 900}, "JPEG");
    auto window = makeWindow();
    auto *preview = window->findChild<PreviewPane *>();
    QSignalSpy ready(preview, &PreviewPane::previewReady);
    chooseSource(*window, in, 1);
    QTRY_VERIFY_WITH_TIMEOUT(
        ready.count() > 0 && preview->imagePath().endsWith(QStringLiteral("img000.jpg")), 20'000);
    // A caption may be elided to fit its half of the pane; its tooltip has the whole text.
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(*window, "previewResultCaption")->toolTip().contains(QStringLiteral("1200")),
        20'000);
    QVERIFY(child<QLabel>(*window, "previewSourceCaption")
                ->toolTip()
                .contains(QStringLiteral("1200 × 900")));
}

QTEST_MAIN(tst_MainWindow)
