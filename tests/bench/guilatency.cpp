// GUI-latency probe (issues 5 and 14): the whole MainWindow, shown, with real pixelmill-worker
// processes, while a 5 ms QTimer on the GUI thread records the gaps between its firings
// (guiprobe.h). Two scenarios:
//
//   bench_guilatency INPUT_DIR OUTPUT_DIR [--workers N] [--trace]
//       results: runs a batch over INPUT_DIR; the stalls while the results stream in.
//   bench_guilatency --folder IMAGE_DIR [--images N] [--trace]
//       folder: opens IMAGE_DIR (made first when it is missing: N small JPEGs and PNGs,
//       10,000 by default); the time until the list is shown and Start enabled, and the
//       stalls while the thumbnails stream in, first from the workers (empty cache), then in a
//       second window from the warm cache (guilatency_folder.cpp).
//
// Both run with $XDG_CACHE_HOME in a new temporary folder: the person's thumbnail cache is
// neither used nor filled. --trace also lists the slowest events the GUI thread handled, on
// stderr. Prints one JSON line; exits 1 when a scenario did not finish its work (a result or
// a thumbnail per image), 2 on usage or set-up errors. Without a platform given, runs
// offscreen on a 1400x900 screen, where the window opens at its first-run size of 1280x820.
// Not a test: CI never runs it.
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>

#include "advancedpanel.h"
#include "batchcontroller.h"
#include "guilatency_folder.h"
#include "guiprobe.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "recipepanel.h"
#include "resultsmodel.h"
#include "sourcepanel.h"

using GuiProbe::fail;

namespace {
constexpr int kScanTimeoutMs = 120'000;

// The job of `make bench`: fit inside 800x600 without enlarging, grayscale, JPEG quality 85.
Recipe benchRecipe()
{
    Recipe recipe;
    recipe.steps = {resizeStep(ResizeMode::Fit, 800, 600, true)};
    recipe.setGrayscale(true);
    recipe.format = OutputFormat::Jpeg;
    recipe.quality = 85;
    return recipe;
}

// Waits (in the event loop, no sleeping) until the source panel has counted the folder.
int waitForScan(SourcePanel *source)
{
    if (!source->summary().done) {
        QEventLoop loop;
        QObject::connect(source, &SourcePanel::scanned, &loop,
                         [&loop](const ImageScanner::Summary &s) {
                             if (s.done)
                                 loop.quit();
                         });
        QTimer::singleShot(kScanTimeoutMs, &loop,
                           [] { fail(QStringLiteral("folder scan timed out")); });
        loop.exec();
    }
    return source->imageCount();
}

// The results scenario: a batch over `input`, the probe running from just before the click on
// Start until just after finished().
int measureResults(TracingApplication &app, const QString &input, const QString &output,
                   int workers, bool trace)
{
    // Settings of its own, so the person's window geometry, folders and presets stay untouched.
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    MainWindow window(&settings);
    window.show();
    window.findChild<RecipePanel *>()->setRecipe(benchRecipe());
    window.findChild<AdvancedPanel *>()->setWorkerCount(workers);
    auto *outputPanel = window.findChild<OutputPanel *>();
    outputPanel->setFolder(output);
    outputPanel->setConflictPolicy(ConflictPolicy::Overwrite);
    window.setSourceFolder(input);
    const int images = waitForScan(window.findChild<SourcePanel *>());
    auto *start = window.findChild<QPushButton *>(QStringLiteral("startButton"));
    if (images == 0 || !start || !start->isEnabled())
        fail(QStringLiteral("cannot start a batch on %1 (%2 images)").arg(input).arg(images));

    // The probe runs before the click, so the work Start does on the GUI thread counts too.
    StallProbe probe;
    QEventLoop loop;
    QElapsedTimer wall;
    double seconds = 0;
    double guiCpuMs = 0; // the GUI thread's, from the click to finished()
    QObject::connect(window.controller(), &BatchController::finished, &loop, [&] {
        seconds = wall.nsecsElapsed() / 1e9;
        guiCpuMs = GuiProbe::threadCpuMs() - guiCpuMs;
        probe.stopAfterNextFiring(&loop);
    });
    probe.start();
    app.tracing = trace;
    QTimer::singleShot(4 * GuiProbe::kProbeIntervalMs, &window, [&] {
        wall.start();
        guiCpuMs = GuiProbe::threadCpuMs();
        start->click(); // the Start button's own path: settings, controller->start(runOptions())
    });
    loop.exec();
    app.tracing = false;

    const int results = window.resultsModel()->rowCount();
    const BatchCounts counts = window.controller()->counts();
    QJsonObject json = probe.figures();
    json.insert(QStringLiteral("images"), images);
    json.insert(QStringLiteral("results"), results);
    json.insert(QStringLiteral("ok"), counts.ok);
    json.insert(QStringLiteral("failed"), counts.failed);
    json.insert(QStringLiteral("workers"), workers);
    json.insert(QStringLiteral("batch_seconds"), seconds);
    json.insert(QStringLiteral("gui_thread_cpu_seconds"), guiCpuMs / 1e3);
    if (trace)
        app.printSlowest();
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    if (results != images) {
        std::fprintf(stderr, "bench_guilatency: %d results for %d images\n", results, images);
        return 1;
    }
    return 0;
}

// Takes `--name VALUE` out of args; `fallback` when it is absent.
QString takeOption(QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype at = args.indexOf(name);
    if (at < 0 || at + 1 >= args.size())
        return fallback;
    const QString value = args.at(at + 1);
    args.remove(at, 2);
    return value;
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" PIXELMILL_BENCH_SCREEN);
    GuiProbe::useFreshCache();
    TracingApplication app(argc, argv);
    app.setQuitOnLastWindowClosed(false); // the folder scenario's first window would end the second
    QStringList args = QApplication::arguments().mid(1);
    const bool trace = args.removeAll(QStringLiteral("--trace")) > 0;
    const QString folder = takeOption(args, QStringLiteral("--folder"), {});
    if (!folder.isEmpty()) {
        const int images = takeOption(args, QStringLiteral("--images"), "10000").toInt();
        if (!args.isEmpty() || images < 1)
            fail(QStringLiteral("usage: bench_guilatency --folder IMAGE_DIR [--images N] "
                                "[--trace]"));
        return measureFolder(app, QDir(folder).absolutePath(), images, trace);
    }
    const int workers =
        takeOption(args, QStringLiteral("--workers"), QString::number(QThread::idealThreadCount()))
            .toInt();
    if (args.size() != 2 || workers < 1)
        fail(
            QStringLiteral("usage: bench_guilatency INPUT_DIR OUTPUT_DIR [--workers N] [--trace]"));
    const QString input = QDir(args.at(0)).absolutePath();
    if (!QDir(input).exists())
        fail(QStringLiteral("no folder %1").arg(input));
    return measureResults(app, input, QDir(args.at(1)).absolutePath(), workers, trace);
}
