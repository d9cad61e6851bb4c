#pragma once

// What every bench_guilatency scenario shares: a stall probe on the GUI thread, an event
// tracer for --trace, and the JSON figures of a probe's run.
#include <QApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <utility>
#include <vector>

class QEventLoop;

namespace GuiProbe {
constexpr int kProbeIntervalMs = 5;
constexpr double kStallLimitMs = 50;

// CPU time of the calling thread, in ms: tells work on the GUI thread from time it spent waiting
// for a core (the machine may be busy with other things while the bench runs).
double threadCpuMs();
// How long the calling thread has waited, runnable, for a core (Linux schedstat), in ms; 0
// where the kernel does not say.
double threadRunQueueMs();

[[noreturn]] void fail(const QString &message);

// Sets $XDG_CACHE_HOME to a new empty folder, so that the person's thumbnail cache is neither
// used nor filled. Call before the first window exists.
void useFreshCache();
} // namespace GuiProbe

// Records the gap between consecutive firings of a fast timer on the calling (GUI) thread, and
// the GUI thread's CPU time within each gap. A stall is a gap minus the interval: how long the
// GUI thread could not react.
class StallProbe
{
public:
    void start();
    // Stops after the next firing, so the work done on the finishing signal is measured too.
    void stopAfterNextFiring(QEventLoop *loop) { m_loopToQuit = loop; }
    // Called on every firing, after the gap is recorded (a scenario's polling).
    void setOnFiring(std::function<void()> onFiring) { m_onFiring = std::move(onFiring); }
    const std::vector<double> &stallsMs() const { return m_stalls; }
    // max_stall_ms, the GUI thread's CPU and its wait for a core within it, p99, stalls over
    // 50 ms, samples.
    QJsonObject figures() const;

private:
    void fire();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_lastCpuMs = 0;
    std::vector<double> m_stalls;
    std::vector<double> m_busy;
    std::vector<double> m_waiting; // for a core, within each gap
    double m_lastWaitMs = 0;
    QEventLoop *m_loopToQuit = nullptr;
    std::function<void()> m_onFiring;
};

// With --trace: times every outermost event the GUI thread handles and keeps the slowest, to
// say what a stall was (event type and receiver, with its parents for timers and notifiers).
class TracingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool tracing = false;

    bool notify(QObject *receiver, QEvent *event) override;
    void printSlowest() const;

private:
    static constexpr size_t kKept = 12;

    int m_depth = 0;
    std::vector<std::pair<double, QString>> m_slowest;
};
