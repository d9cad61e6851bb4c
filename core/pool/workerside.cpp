#include "workerside.h"

#include <QByteArray>

#include "outputfile.h"

#if defined(__SANITIZE_ADDRESS__)
#define PIXELMILL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PIXELMILL_ASAN 1
#endif
#endif

#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace WorkerSide {

namespace {
volatile std::sig_atomic_t g_stop = 0;

void onStopSignal(int)
{
    g_stop = 1;
}

bool parentIsGone()
{
    // The pool passes its pid: under a subreaper an orphan is not re-parented to pid 1.
    const QByteArray expected = qgetenv("PIXELMILL_POOL_PID");
    const pid_t parent = getppid();
    return expected.isEmpty() ? parent == 1 : parent != pid_t(expected.toLongLong());
}

void installStopHandler()
{
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocking read() returns EINTR
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN); // a vanished pool shows up as EPIPE from write()
}

qint64 flagNumber(int argc, char **argv, const char *flag)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], flag) == 0)
            return qMax<qint64>(0, QByteArray(argv[i + 1]).toLongLong());
    return 0;
}

double cpuSecondsUsed()
{
    rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// RLIMIT_CPU counts the process's whole life; a long-lived worker gets a fresh allowance per
// job by moving the soft limit past what it has used so far.
void armCpuLimit(int seconds)
{
    if (seconds <= 0)
        return;
    rlimit limit = {};
    getrlimit(RLIMIT_CPU, &limit);
    const rlim_t wanted = rlim_t(cpuSecondsUsed()) + rlim_t(seconds) + 1;
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : qMin(wanted, limit.rlim_max);
    setrlimit(RLIMIT_CPU, &limit);
}
} // namespace

Limits limitsFromArguments(int argc, char **argv)
{
    Limits limits;
    limits.memoryBytes = flagNumber(argc, argv, "--memory-limit-mb") * 1024 * 1024;
    limits.cpuSeconds = int(qMin<qint64>(flagNumber(argc, argv, "--cpu-limit-s"), 1 << 30));
    limits.niceness = int(qBound(qint64(0), flagNumber(argc, argv, "--nice"), qint64(19)));
    return limits;
}

void applyNiceness(const Limits &limits)
{
    if (limits.niceness > 0)
        setpriority(PRIO_PROCESS, 0, limits.niceness); // best effort: a failure costs nothing
}

bool applyMemoryLimit(const Limits &limits, QString *error)
{
#ifdef PIXELMILL_ASAN
    Q_UNUSED(limits);
    Q_UNUSED(error);
    return true;
#else
    if (limits.memoryBytes <= 0)
        return true;
    rlimit limit = {};
    getrlimit(RLIMIT_AS, &limit);
    limit.rlim_cur = rlim_t(limits.memoryBytes);
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_cur > limit.rlim_max)
        limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_AS, &limit) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    return true;
#endif
}

qint64 memoryLimitBytes()
{
    rlimit limit = {};
    if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return 0;
    return qint64(limit.rlim_cur);
}

int prepare()
{
#ifdef __linux__
    // SIGKILL, not SIGTERM: an orphan mid-decode must not finish a job nobody waits for.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (parentIsGone())
        return -1;
    installStopHandler();
    const int protocolFd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
    if (protocolFd < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0)
        return -1;
    return protocolFd;
}

bool stopRequested()
{
    return g_stop != 0;
}

int serve(int protocolFd, const std::function<JobResult(const Job &)> &runJob, const Limits &limits,
          int version)
{
    if (!Protocol::writeFrame(protocolFd, Protocol::helloMessage(getpid(), version)))
        return 1;
    setWriteAbortCheck(&stopRequested);
    Protocol::FrameReader reader;
    QJsonObject message;
    for (;;) {
        if (stopRequested())
            return 0;
        const Protocol::ReadStatus status = Protocol::readFrame(STDIN_FILENO, reader, &message);
        if (status == Protocol::ReadStatus::EndOfFile)
            return 0;
        if (status == Protocol::ReadStatus::Interrupted)
            continue;
        QString error;
        if (status == Protocol::ReadStatus::Error)
            error = reader.errorString();
        else if (Protocol::messageType(message) != Protocol::MessageType::Jobs)
            error = QStringLiteral("not a jobs message");
        const QList<Protocol::JobRequest> requests =
            error.isEmpty() ? Protocol::jobsFrom(message, &error) : QList<Protocol::JobRequest>();
        if (!error.isEmpty()) {
            std::fprintf(stderr, "bad request: %s\n", qPrintable(error));
            return 2;
        }
        for (const Protocol::JobRequest &request : requests) {
            armCpuLimit(limits.cpuSeconds);
            // A bad job is answered, never run with defaults in place of its bad fields.
            const JobResult result =
                request.isValid() ? runJob(request.job) : Protocol::badJobResult(request);
            // Sent even when stopping: an output that is already written is done, and the
            // pool reports it so (a resumed run must not redo it). Then stop.
            if (!Protocol::writeFrame(protocolFd, Protocol::resultMessage(result)))
                return 1;
            if (stopRequested())
                return 0;
        }
    }
}

} // namespace WorkerSide
