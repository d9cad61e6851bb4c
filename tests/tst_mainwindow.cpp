#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include "batchcontroller.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "presetbar.h"
#include "previewpane.h"
#include "recipepanel.h"
#include "resultsmodel.h"
#include "samples.h"

// End to end through the real window and real pixelmill-worker processes (built beside
// this test). Widgets are found by objectName and driven like a person would.
class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void firstRunPreselectsSamples();
    void processesFolderWithRecipeFromWidgets();
    void cancelStopsMidRun(); // then resumes
    void failureShowsReasonAndRetryRunsOnlyIt();
    void previewIsMadeByWorkers();
    void settingsAndPresetsPersist();
    void colourAndMetadataChoices();

private:
    std::unique_ptr<MainWindow> makeWindow();
    QString makeFolder(const QString &name, int count, QSize size, const char *format);
    void chooseSource(MainWindow &window, const QString &folder, int expectedCount);
    void startAndWait(MainWindow &window);
    template <typename T> T *child(MainWindow &window, const char *name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

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

template <typename T> T *tst_MainWindow::child(MainWindow &window, const char *name)
{
    T *widget = window.findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no widget named %s", name);
    return widget;
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
    auto *edit = child<QLineEdit>(window, "sourceFolderEdit");
    edit->setText(folder);
    QTest::keyClick(edit, Qt::Key_Return); // editingFinished, as when a path is typed
    auto *count = child<QLabel>(window, "imageCountLabel");
    const QString expected = expectedCount == 1
                                 ? QStringLiteral("1 image found")
                                 : QStringLiteral("%1 images found").arg(expectedCount);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), expected, 10'000);
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
    QCOMPARE(model->counts().ok, 3);

    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate)); // fixed between the runs
    f.write(good);
    f.close();
    QSignalSpy started(window->controller(), &BatchController::jobStarted);
    QSignalSpy finished(window->controller(), &BatchController::finished);
    auto *retry = child<QPushButton>(*window, "retryButton");
    QVERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(finished.wait(30'000));
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
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(*window, "previewResultCaption")->text().contains(QStringLiteral("1200")),
        20'000);
    QVERIFY(child<QLabel>(*window, "previewSourceCaption")
                ->text()
                .contains(QStringLiteral("1200 × 900")));
}

void tst_MainWindow::settingsAndPresetsPersist()
{
    const QString in = makeFolder(QStringLiteral("persist"), 1, {50, 50}, "PNG");
    {
        auto window = makeWindow();
        chooseSource(*window, in, 1);
        auto *mode = child<QComboBox>(*window, "resizeModeCombo");
        mode->setCurrentIndex(mode->findData(int(ResizeMode::LongEdge)));
        child<QSpinBox>(*window, "longEdgeSpin")->setValue(640);
        QVERIFY(!window->runOptions().keepJournal); // by default a clean run removes it
        child<QCheckBox>(*window, "keepJournalCheckBox")->setChecked(true);
        Recipe preset;
        preset.grayscale = true;
        window->findChild<PresetBar *>()->savePreset(QStringLiteral("Gray"), preset);
        window->close();
    }
    auto window = makeWindow();
    const RunOptions options = window->runOptions();
    QCOMPARE(options.plan.inputDir, in);
    QCOMPARE(toString(options.plan.recipe.resizeMode), toString(ResizeMode::LongEdge));
    QCOMPARE(options.plan.recipe.longEdge, 640);
    QVERIFY(options.keepJournal);
    auto *presets = child<QComboBox>(*window, "presetCombo");
    const int index = presets->findText(QStringLiteral("Gray"));
    QVERIFY(index > 0);
    presets->setCurrentIndex(index);
    Q_EMIT presets->activated(index);
    QVERIFY(child<QCheckBox>(*window, "grayscaleCheckBox")->isChecked());
    QCOMPARE(toString(window->runOptions().plan.recipe.resizeMode), toString(ResizeMode::None));
}

void tst_MainWindow::colourAndMetadataChoices()
{
    {
        auto window = makeWindow();
        auto *colour = child<QComboBox>(*window, "colourCombo");
        auto *metadata = child<QComboBox>(*window, "metadataCombo");
        // Defaults: convert to sRGB, keep all metadata.
        QCOMPARE(colour->currentText(), QStringLiteral("Convert to sRGB"));
        QCOMPARE(metadata->currentText(), QStringLiteral("Keep all"));
        Recipe r = window->runOptions().plan.recipe;
        QCOMPARE(toString(r.colour), toString(ColourPolicy::Srgb));
        QVERIFY(!r.stripMetadata && !r.stripGps);

        // Labelled in the form's label column and named for assistive technology.
        for (QComboBox *combo : {colour, metadata}) {
            auto *form = qobject_cast<QFormLayout *>(combo->parentWidget()->layout());
            QVERIFY(form);
            auto *label = qobject_cast<QLabel *>(form->labelForField(combo));
            QVERIFY(label && label->buddy() == combo);
            QVERIFY(!combo->accessibleName().isEmpty());
            QVERIFY(!combo->toolTip().isEmpty());
            QVERIFY(combo->focusPolicy() & Qt::TabFocus);
        }
        QCOMPARE(
            qobject_cast<QLabel *>(qobject_cast<QFormLayout *>(colour->parentWidget()->layout())
                                       ->labelForField(colour))
                ->text()
                .remove(QLatin1Char('&')),
            QStringLiteral("Colour:"));
        const QString stripAllTip =
            metadata->itemData(metadata->findText(QStringLiteral("Strip all")), Qt::ToolTipRole)
                .toString();
        QVERIFY2(stripAllTip.contains(QStringLiteral("GPS")) &&
                     stripAllTip.contains(QStringLiteral("IPTC")),
                 qPrintable(stripAllTip));

        // Chosen from the keyboard, as a person without a mouse would.
        QSignalSpy changed(window->findChild<RecipePanel *>(), &RecipePanel::recipeChanged);
        colour->setFocus();
        QTest::keyClick(colour, Qt::Key_Down);
        QCOMPARE(colour->currentText(), QStringLiteral("Keep original profile"));
        metadata->setFocus();
        QTest::keyClick(metadata, Qt::Key_Down);
        QCOMPARE(metadata->currentText(), QStringLiteral("Remove location (GPS)"));
        QCOMPARE(changed.count(), 2);
        r = changed.last().at(0).value<Recipe>();
        QCOMPARE(toString(r.colour), toString(ColourPolicy::Keep));
        QVERIFY(r.stripGps);
        QVERIFY(!r.stripMetadata);
        r = window->runOptions().plan.recipe;
        QCOMPARE(toString(r.colour), toString(ColourPolicy::Keep));
        QVERIFY(r.stripGps && !r.stripMetadata);

        metadata->setCurrentIndex(metadata->findText(QStringLiteral("Strip all")));
        r = window->runOptions().plan.recipe;
        QVERIFY(r.stripMetadata && !r.stripGps);
        metadata->setCurrentIndex(metadata->findText(QStringLiteral("Remove location (GPS)")));

        Recipe preset; // the defaults, to load over the choices above
        window->findChild<PresetBar *>()->savePreset(QStringLiteral("Web"), preset);
        preset.colour = ColourPolicy::Keep;
        preset.stripMetadata = true;
        window->findChild<PresetBar *>()->savePreset(QStringLiteral("Print"), preset);
        window->close(); // saves the settings
    }

    // Saved settings bring the choices back.
    auto window = makeWindow();
    auto *colour = child<QComboBox>(*window, "colourCombo");
    auto *metadata = child<QComboBox>(*window, "metadataCombo");
    QCOMPARE(colour->currentText(), QStringLiteral("Keep original profile"));
    QCOMPARE(metadata->currentText(), QStringLiteral("Remove location (GPS)"));
    Recipe r = window->runOptions().plan.recipe;
    QCOMPARE(toString(r.colour), toString(ColourPolicy::Keep));
    QVERIFY(r.stripGps && !r.stripMetadata);

    // Presets load them too, both ways.
    auto *presets = child<QComboBox>(*window, "presetCombo");
    const auto choose = [presets](const QString &name) {
        const int index = presets->findText(name);
        QVERIFY(index > 0);
        presets->setCurrentIndex(index);
        Q_EMIT presets->activated(index);
    };
    choose(QStringLiteral("Web"));
    QCOMPARE(colour->currentText(), QStringLiteral("Convert to sRGB"));
    QCOMPARE(metadata->currentText(), QStringLiteral("Keep all"));
    r = window->runOptions().plan.recipe;
    QCOMPARE(toString(r.colour), toString(ColourPolicy::Srgb));
    QVERIFY(!r.stripGps && !r.stripMetadata);
    choose(QStringLiteral("Print"));
    QCOMPARE(colour->currentText(), QStringLiteral("Keep original profile"));
    QCOMPARE(metadata->currentText(), QStringLiteral("Strip all"));
    r = window->runOptions().plan.recipe;
    QCOMPARE(toString(r.colour), toString(ColourPolicy::Keep));
    QVERIFY(r.stripMetadata && !r.stripGps);

    // And a recipe set directly (as a preset holding stripGps would) shows GPS removal.
    Recipe gps;
    gps.colour = ColourPolicy::Keep;
    gps.stripGps = true;
    window->findChild<RecipePanel *>()->setRecipe(gps);
    QCOMPARE(colour->currentText(), QStringLiteral("Keep original profile"));
    QCOMPARE(metadata->currentText(), QStringLiteral("Remove location (GPS)"));
    r = window->findChild<RecipePanel *>()->recipe();
    QCOMPARE(toString(r.colour), toString(ColourPolicy::Keep));
    QVERIFY(r.stripGps && !r.stripMetadata);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
