#include "tst_mainwindow.h"

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
        preset.setGrayscale(true);
        window->findChild<PresetBar *>()->savePreset(QStringLiteral("Gray"), preset);
        window->close();
    }
    auto window = makeWindow();
    const RunOptions options = window->runOptions();
    QCOMPARE(options.plan.inputDir, in);
    const ResizeStep *resize = options.plan.recipe.firstResize();
    QVERIFY(resize);
    QCOMPARE(toString(resize->mode), toString(ResizeMode::LongEdge));
    QCOMPARE(resize->longEdge, 640);
    QVERIFY(options.keepJournal);
    auto *presets = child<QComboBox>(*window, "presetCombo");
    const int index = presets->findText(QStringLiteral("Gray"));
    QVERIFY(index > 0);
    presets->setCurrentIndex(index);
    Q_EMIT presets->activated(index);
    QVERIFY(child<QCheckBox>(*window, "grayscaleCheckBox")->isChecked());
    QVERIFY(!window->runOptions().plan.recipe.firstResize());
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

    // Encoder options: a preset's values show in their rows and come back out; each row is
    // shown only for its format, and editing it reaches the recipe.
    Recipe encoder;
    encoder.format = OutputFormat::Avif;
    encoder.effort = 8;
    encoder.progressive = true;
    encoder.subsampling = ChromaSubsampling::S444;
    encoder.pngCompression = 2;
    encoder.palette = true;
    encoder.lossless = true;
    auto *panel = window->findChild<RecipePanel *>();
    panel->setRecipe(encoder);
    auto *format = window->findChild<QComboBox *>(QStringLiteral("formatCombo"));
    QCOMPARE(format->currentText(), QStringLiteral("AVIF"));
    r = panel->recipe();
    QCOMPARE(r.effort, 8);
    QVERIFY(r.progressive && r.palette && r.lossless);
    QCOMPARE(toString(r.subsampling), QStringLiteral("444"));
    QCOMPARE(r.pngCompression, 2);
    auto *progressive = window->findChild<QCheckBox *>(QStringLiteral("progressiveCheckBox"));
    auto *effort = window->findChild<QSpinBox *>(QStringLiteral("effortSpin"));
    QVERIFY(progressive && effort);
    QVERIFY(!progressive->isVisibleTo(panel) && effort->isVisibleTo(panel));
    format->setCurrentIndex(format->findText(QStringLiteral("JPEG")));
    QVERIFY(progressive->isVisibleTo(panel) && !effort->isVisibleTo(panel));
    progressive->setChecked(false);
    QVERIFY(!panel->recipe().progressive);
    QVERIFY(!window->runOptions().plan.recipe.progressive);
    // The size limit: shown for a format with a quality, in the recipe only there.
    auto *maxSize = window->findChild<QSpinBox *>(QStringLiteral("maxSizeSpin"));
    QVERIFY(maxSize && maxSize->isVisibleTo(panel));
    maxSize->setValue(150);
    QCOMPARE(window->runOptions().plan.recipe.maxSizeKb, 150);
    format->setCurrentIndex(format->findText(QStringLiteral("PNG")));
    QVERIFY(!maxSize->isVisibleTo(panel));
    QCOMPARE(panel->recipe().maxSizeKb, 0); // a hidden limit does not refuse the PNG recipe
    QVERIFY(panel->recipe().isValid());
}

// The Advanced panel's memory and CPU limits: today's pool defaults first, then what the
// person set, in the pool options and after a restart.
void tst_MainWindow::limitsReachThePoolAndPersist()
{
    {
        auto window = makeWindow();
        QCOMPARE(window->runOptions().pool.memoryLimitMb, 2048);
        QCOMPARE(window->runOptions().pool.cpuLimitSeconds, 300);
        child<QSpinBox>(*window, "memoryLimitSpin")->setValue(1024);
        child<QSpinBox>(*window, "cpuLimitSpin")->setValue(0);
        QCOMPARE(window->runOptions().pool.memoryLimitMb, 1024);
        QCOMPARE(window->runOptions().pool.cpuLimitSeconds, 0);
        // Under what a worker needs to start: raised to the lowest usable cap.
        child<QSpinBox>(*window, "memoryLimitSpin")->setValue(100);
        QCOMPARE(window->runOptions().pool.memoryLimitMb, kMinMemoryLimitMb);
        child<QSpinBox>(*window, "memoryLimitSpin")->setValue(1024);
        window->close();
    }
    auto window = makeWindow();
    QCOMPARE(window->runOptions().pool.memoryLimitMb, 1024);
    QCOMPARE(window->runOptions().pool.cpuLimitSeconds, 0);
}
