#include "workerside.h"

#include <QByteArray>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
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
} // namespace

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

int serve(int protocolFd, const std::function<JobResult(const Job &)> &runJob, int version)
{
    if (!Protocol::writeFrame(protocolFd, Protocol::helloMessage(getpid(), version)))
        return 1;
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
        if (status == Protocol::ReadStatus::Error ||
            Protocol::messageType(message) != Protocol::MessageType::Jobs) {
            std::fprintf(stderr, "bad request: %s\n",
                         qPrintable(reader.hasError() ? reader.errorString()
                                                      : QStringLiteral("not a jobs message")));
            return 2;
        }
        for (const Job &job : Protocol::jobsFrom(message)) {
            const JobResult result = runJob(job);
            // Stopping: the pool reports this job as cancelled and ignores anything we send.
            if (stopRequested())
                return 0;
            if (!Protocol::writeFrame(protocolFd, Protocol::resultMessage(result)))
                return 1;
        }
    }
}

} // namespace WorkerSide
