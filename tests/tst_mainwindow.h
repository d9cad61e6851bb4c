#pragma once

// The main window's test: one class, one executable, in two files:
//   tst_mainwindow.cpp           the fixture; first run, batches through the window (recipe from
//                                the widgets, cancel and resume, failure and Retry), the preview
//   tst_mainwindow_settings.cpp  settings and presets persist; colour and metadata choices

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
#include "guitestsupport.h"
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
    void initTestCase();
    void init();
    void cleanup();
    void firstRunPreselectsSamples();
    void processesFolderWithRecipeFromWidgets();
    void cancelStopsMidRun(); // then resumes
    void failureShowsReasonAndRetryRunsOnlyIt();
    void previewIsMadeByWorkers();
    void settingsAndPresetsPersist();
    void limitsReachThePoolAndPersist();
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

template <typename T> T *tst_MainWindow::child(MainWindow &window, const char *name)
{
    T *widget = window.findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no widget named %s", name);
    return widget;
}
