#include "guiprobe.h"

#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

namespace {
double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t rank = size_t(p * double(values.size() - 1) + 0.5);
    return values[std::min(rank, values.size() - 1)];
}

QString describe(QObject *object, int type)
{
    QString text = QStringLiteral("event %1 to").arg(type);
    for (int i = 0; object && i < 3; ++i, object = object->parent())
        text += QStringLiteral(" %1(%2)").arg(
            QString::fromLatin1(object->metaObject()->className()), object->objectName());
    return text;
}
} // namespace

double GuiProbe::threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double GuiProbe::threadRunQueueMs()
{
    // "on-CPU ns, runqueue-wait ns, timeslices" (Documentation/scheduler/sched-stats.rst)
    QFile file(QStringLiteral("/proc/thread-self/schedstat"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    return fields.size() >= 2 ? fields.at(1).toLongLong() / 1e6 : 0;
}

void GuiProbe::fail(const QString &message)
{
    std::fprintf(stderr, "bench_guilatency: %s\n", qPrintable(message));
    std::exit(2);
}

void GuiProbe::useFreshCache()
{
    static QTemporaryDir cache; // removed at exit, with every thumbnail made
    if (!cache.isValid())
        fail(QStringLiteral("no temporary folder for the thumbnail cache"));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(cache.path()));
}

void StallProbe::start()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(GuiProbe::kProbeIntervalMs);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { fire(); });
    m_clock.start();
    m_last = 0;
    m_lastCpuMs = GuiProbe::threadCpuMs();
    m_lastWaitMs = GuiProbe::threadRunQueueMs();
    m_timer.start();
}

void StallProbe::fire()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_stalls.push_back(std::max(0.0, (now - m_last) / 1e6 - GuiProbe::kProbeIntervalMs));
    m_last = now;
    const double cpu = GuiProbe::threadCpuMs();
    m_busy.push_back(cpu - m_lastCpuMs);
    m_lastCpuMs = cpu;
    const double waited = GuiProbe::threadRunQueueMs();
    m_waiting.push_back(waited - m_lastWaitMs);
    m_lastWaitMs = waited;
    if (m_onFiring)
        m_onFiring();
    if (m_loopToQuit) {
        m_timer.stop();
        m_loopToQuit->quit();
        m_loopToQuit = nullptr;
    }
}

QJsonObject StallProbe::figures() const
{
    const auto worst = std::max_element(m_stalls.begin(), m_stalls.end());
    const bool none = worst == m_stalls.end();
    return {
        {QStringLiteral("probe_samples"), int(m_stalls.size())},
        {QStringLiteral("max_stall_ms"), none ? 0.0 : *worst},
        // GUI-thread CPU time within the worst gap, and the most in any gap: near the stall
        // when our code blocked, far below it when the thread waited for a busy machine.
        {QStringLiteral("max_stall_cpu_ms"), none ? 0.0 : m_busy[worst - m_stalls.begin()]},
        // ... and the time in it the thread was ready to run but had no core.
        {QStringLiteral("max_stall_waiting_ms"), none ? 0.0 : m_waiting[worst - m_stalls.begin()]},
        {QStringLiteral("max_busy_ms"),
         m_busy.empty() ? 0.0 : *std::max_element(m_busy.begin(), m_busy.end())},
        {QStringLiteral("p99_stall_ms"), percentile(m_stalls, 0.99)},
        {QStringLiteral("stalls_over_50ms"),
         int(std::count_if(m_stalls.begin(), m_stalls.end(),
                           [](double s) { return s > GuiProbe::kStallLimitMs; }))},
    };
}

bool TracingApplication::notify(QObject *receiver, QEvent *event)
{
    if (!tracing || m_depth > 0)
        return QApplication::notify(receiver, event);
    ++m_depth;
    QString what = describe(receiver, event->type()); // either may be gone once handled
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = GuiProbe::threadCpuMs();
    const bool result = QApplication::notify(receiver, event);
    const double ms = timer.nsecsElapsed() / 1e6;
    what = QStringLiteral("(cpu %1 ms) %2")
               .arg(GuiProbe::threadCpuMs() - cpuBefore, 0, 'f', 2)
               .arg(what);
    --m_depth;
    if (m_slowest.size() < kKept || ms > m_slowest.back().first) {
        m_slowest.emplace_back(ms, std::move(what));
        std::sort(m_slowest.begin(), m_slowest.end(), std::greater<>());
        m_slowest.resize(std::min(m_slowest.size(), kKept));
    }
    return result;
}

void TracingApplication::printSlowest() const
{
    for (const auto &[ms, what] : m_slowest)
        std::fprintf(stderr, "%8.2f ms  %s\n", ms, qPrintable(what));
}
