// GUI-latency probe (issue 5): the whole MainWindow, shown, runs a batch over a folder with real
// pixelmill-worker processes while a 5 ms QTimer on the GUI thread records the gap between its
// firings. A stall is a gap minus the interval: how long the GUI thread could not react.
//
//   bench_guilatency INPUT_DIR OUTPUT_DIR [--workers N] [--trace]
//
// --trace also lists the slowest events the GUI thread handled, on stderr.
// Prints one JSON line; exits 1 when the batch did not give one result per image, 2 on usage
// or set-up errors. Without a platform given, runs offscreen. Not a test: CI never runs it.
#include <QApplication>
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

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <utility>
#include <vector>

#include "advancedpanel.h"
#include "batchcontroller.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "recipepanel.h"
#include "resultsmodel.h"
#include "sourcepanel.h"

namespace {
constexpr int kProbeIntervalMs = 5;
constexpr double kStallLimitMs = 50;
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

// CPU time of the calling thread, in ms: tells work on the GUI thread from time it spent waiting
// for a core (the machine may be busy with other things while the bench runs).
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// Records the gap between consecutive firings of a fast timer on the calling (GUI) thread, and
// the GUI thread's CPU time within each gap.
class StallProbe
{
public:
    void start()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kProbeIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { fire(); });
        m_clock.start();
        m_last = 0;
        m_lastCpuMs = threadCpuMs();
        m_timer.start();
    }
    // Stops after the next firing, so the work done on the finishing signal is measured too.
    void stopAfterNextFiring(QEventLoop *loop) { m_loopToQuit = loop; }
    const std::vector<double> &stallsMs() const { return m_stalls; }
    const std::vector<double> &busyMs() const { return m_busy; }

private:
    void fire()
    {
        const qint64 now = m_clock.nsecsElapsed();
        m_stalls.push_back(std::max(0.0, (now - m_last) / 1e6 - kProbeIntervalMs));
        m_last = now;
        const double cpu = threadCpuMs();
        m_busy.push_back(cpu - m_lastCpuMs);
        m_lastCpuMs = cpu;
        if (m_loopToQuit) {
            m_timer.stop();
            m_loopToQuit->quit();
        }
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_lastCpuMs = 0;
    std::vector<double> m_stalls;
    std::vector<double> m_busy;
    QEventLoop *m_loopToQuit = nullptr;
};

// With --trace: times every outermost event the GUI thread handles and keeps the slowest, to
// say what a stall was (event type and receiver, with its parents for timers and notifiers).
class TracingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool tracing = false;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!tracing || m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QString what = describe(receiver, event->type()); // either may be gone once handled
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = threadCpuMs();
        const bool result = QApplication::notify(receiver, event);
        const double ms = timer.nsecsElapsed() / 1e6;
        what = QStringLiteral("(cpu %1 ms) %2").arg(threadCpuMs() - cpuBefore, 0, 'f', 2).arg(what);
        --m_depth;
        if (m_slowest.size() < kKept || ms > m_slowest.back().first) {
            m_slowest.emplace_back(ms, std::move(what));
            std::sort(m_slowest.begin(), m_slowest.end(), std::greater<>());
            m_slowest.resize(std::min(m_slowest.size(), kKept));
        }
        return result;
    }

    void printSlowest() const
    {
        for (const auto &[ms, what] : m_slowest)
            std::fprintf(stderr, "%8.2f ms  %s\n", ms, qPrintable(what));
    }

private:
    static constexpr size_t kKept = 12;

    static QString describe(QObject *object, int type)
    {
        QString text = QStringLiteral("event %1 to").arg(type);
        for (int i = 0; object && i < 3; ++i, object = object->parent())
            text += QStringLiteral(" %1(%2)").arg(
                QString::fromLatin1(object->metaObject()->className()), object->objectName());
        return text;
    }

    int m_depth = 0;
    std::vector<std::pair<double, QString>> m_slowest;
};

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "bench_guilatency: %s\n", qPrintable(message));
    std::exit(2);
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

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t rank = size_t(p * double(values.size() - 1) + 0.5);
    return values[std::min(rank, values.size() - 1)];
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TracingApplication app(argc, argv);
    QStringList args = QApplication::arguments().mid(1);
    const bool trace = args.removeAll(QStringLiteral("--trace")) > 0;
    int workers = QThread::idealThreadCount();
    if (const qsizetype at = args.indexOf(QStringLiteral("--workers"));
        at >= 0 && at + 1 < args.size()) {
        workers = args.at(at + 1).toInt();
        args.remove(at, 2);
    }
    if (args.size() != 2 || workers < 1)
        fail(
            QStringLiteral("usage: bench_guilatency INPUT_DIR OUTPUT_DIR [--workers N] [--trace]"));
    const QString input = QDir(args.at(0)).absolutePath();
    const QString output = QDir(args.at(1)).absolutePath();
    if (!QDir(input).exists())
        fail(QStringLiteral("no folder %1").arg(input));

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
        guiCpuMs = threadCpuMs() - guiCpuMs;
        probe.stopAfterNextFiring(&loop);
    });
    probe.start();
    app.tracing = trace;
    QTimer::singleShot(4 * kProbeIntervalMs, &window, [&] {
        wall.start();
        guiCpuMs = threadCpuMs();
        start->click(); // the Start button's own path: settings, controller->start(runOptions())
    });
    loop.exec();

    const std::vector<double> &stalls = probe.stallsMs();
    const std::vector<double> &busy = probe.busyMs();
    const auto worst = std::max_element(stalls.begin(), stalls.end());
    const int results = window.resultsModel()->rowCount();
    const BatchCounts counts = window.controller()->counts();
    const QJsonObject json{
        {QStringLiteral("images"), images},
        {QStringLiteral("results"), results},
        {QStringLiteral("ok"), counts.ok},
        {QStringLiteral("failed"), counts.failed},
        {QStringLiteral("workers"), workers},
        {QStringLiteral("batch_seconds"), seconds},
        {QStringLiteral("gui_thread_cpu_seconds"), guiCpuMs / 1e3},
        {QStringLiteral("probe_samples"), int(stalls.size())},
        {QStringLiteral("max_stall_ms"), worst == stalls.end() ? 0.0 : *worst},
        // GUI-thread CPU time within the worst gap, and the most in any gap: near the stall
        // when our code blocked, far below it when the thread waited for a busy machine.
        {QStringLiteral("max_stall_cpu_ms"),
         worst == stalls.end() ? 0.0 : busy[worst - stalls.begin()]},
        {QStringLiteral("max_busy_ms"),
         busy.empty() ? 0.0 : *std::max_element(busy.begin(), busy.end())},
        {QStringLiteral("p99_stall_ms"), percentile(stalls, 0.99)},
        {QStringLiteral("stalls_over_50ms"),
         int(std::count_if(stalls.begin(), stalls.end(),
                           [](double s) { return s > kStallLimitMs; }))},
    };
    if (trace)
        app.printSlowest();
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    if (results != images) {
        std::fprintf(stderr, "bench_guilatency: %d results for %d images\n", results, images);
        return 1;
    }
    return 0;
}
