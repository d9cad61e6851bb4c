// pixelmill-fakeworker: the pool's fault injector. It speaks the real protocol through
// WorkerSide::serve() and misbehaves according to each job's input file name:
//   crash-once  crash the first time (a marker file next to the input remembers), then succeed
//   killedafterwrite  the first time, put the output in place, then die by SIGKILL before
//               reporting it (as a worker killed at that moment); then succeed
//   crash       raise(SIGSEGV)            abort   abort()
//   hang        sleep forever, even through SIGTERM
//   garbage     write a frame that is not JSON, then hang
//   oversize    announce a 100 MB frame, then hang
//   exit0       exit(0) without a result
//   slow-<ms>   sleep (stopping early on SIGTERM), then succeed
//   gate        wait until "<input>.go" exists, then succeed
//   slowwrite   write ".<output>.pixelmill-XXXXXX" like writeFileAtomically's named fallback,
//               wait for SIGTERM,
//               leave through the temp file's destructor (the polite path)
//   stuckwrite  as slowwrite but ignore SIGTERM: only SIGKILL ends it (the pool cleans up)
//   fail        an ordinary Failed result (corrupt-data)
//   oom-...     print glib's "failed to allocate" and abort, as g_malloc does
//   spin        burn CPU until the --cpu-limit-s cap kills the process (SIGXCPU)
//   hog         try to allocate 8 GiB; under --memory-limit-mb that fails as a result
//   bloat       leak 64 MB of touched memory, then succeed (a codec that leaks)
// Anything else succeeds, writing a tiny output through writeFileAtomically.
// Flags: --slow-start MS, --bad-version, --exit-before-hello, --pid-dir DIR (writes DIR/<pid>).

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTemporaryFile>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <unistd.h>

#include "outputfile.h"
#include "pool/workerside.h"

namespace {

int g_protocolFd = -1;

void sleepMs(int ms)
{
    usleep(useconds_t(ms) * 1000);
}

[[noreturn]] void hangForever()
{
    for (;;)
        pause();
}

void writeRaw(const QByteArray &bytes)
{
    if (::write(g_protocolFd, bytes.constData(), size_t(bytes.size())) < 0)
        std::_Exit(3);
}

JobResult succeed(const Job &job)
{
    JobResult result;
    result.id = job.id;
    result.status = JobStatus::Ok;
    result.inputPath = job.inputPath;
    result.engine = QStringLiteral("fake");
    if (!job.outputPath.isEmpty()) {
        const QByteArray bytes = "fake output of " + job.inputPath.toUtf8();
        QString error;
        const FailureKind kind = writeFileAtomically(job.outputPath, bytes, job.overwrite, &error);
        if (kind != FailureKind::None)
            return JobResult::failed(job, kind, error);
        result.outputPath = job.outputPath;
        result.outputBytes = bytes.size();
    }
    return result;
}

// Like writeFileAtomically on a file system without O_TMPFILE: a hidden named temp file
// beside the output (".<name>.pixelmill-XXXXXX").
JobResult writeSlowly(const Job &job, bool ignoreTerm)
{
    if (ignoreTerm)
        std::signal(SIGTERM, SIG_IGN);
    const QFileInfo output(job.outputPath);
    QTemporaryFile temp(output.dir().filePath(QLatin1Char('.') + output.fileName() +
                                              QStringLiteral(".pixelmill-XXXXXX")));
    if (!temp.open())
        return JobResult::failed(job, FailureKind::WriteFailed, temp.errorString());
    // QTemporaryFile is unnamed (O_TMPFILE) until its name is asked for; give it one.
    if (temp.fileName().isEmpty())
        return JobResult::failed(job, FailureKind::WriteFailed, QStringLiteral("no temp name"));
    temp.write("partial");
    temp.flush();
    while (!WorkerSide::stopRequested())
        sleepMs(10);
    return JobResult::cancelled(job); // temp's destructor removes the file
}

JobResult waitForGate(const Job &job)
{
    while (!QFileInfo::exists(job.inputPath + QStringLiteral(".go")))
        sleepMs(10);
    return succeed(job);
}

JobResult crashOnce(const Job &job)
{
    QFile marker(job.inputPath + QStringLiteral(".crashed"));
    if (marker.exists())
        return succeed(job);
    marker.open(QIODevice::WriteOnly);
    marker.close();
    std::raise(SIGSEGV);
    return succeed(job);
}

JobResult killedAfterWrite(const Job &job)
{
    QFile marker(job.inputPath + QStringLiteral(".killed"));
    if (marker.exists())
        return succeed(job);
    marker.open(QIODevice::WriteOnly);
    marker.close();
    succeed(job);
    std::raise(SIGKILL);
    return {};
}

// Burns CPU until the per-job CPU cap's SIGXCPU ends the process.
JobResult spinForever(const Job &job)
{
    volatile quint64 sink = 0;
    for (;;)
        sink = sink + 1;
    return succeed(job);
}

// Asks for 8 GiB, as a codec trusting a hostile header would: under the memory cap the
// allocation fails and the job must fail, not the process.
JobResult allocateTooMuch(const Job &job)
{
    try {
        // Through a volatile pointer: the compiler may not elide an allocation that escapes.
        static char *volatile block = nullptr;
        block = new char[size_t(8) << 30];
        block[0] = 1;
        delete[] block;
    } catch (const std::bad_alloc &) {
        return JobResult::failed(job, FailureKind::TooLarge,
                                 QStringLiteral("not enough memory to decode image"));
    }
    return succeed(job);
}

JobResult leakResidentMemory(const Job &job)
{
    constexpr size_t kBytes = size_t(64) << 20;
    // Kept in a volatile static: the compiler may not elide an allocation that escapes.
    static char *volatile leaked = nullptr;
    leaked = static_cast<char *>(std::malloc(kBytes));
    for (size_t i = 0; leaked && i < kBytes; i += 4096)
        leaked[i] = 1; // touched: resident, not just reserved
    return succeed(job);
}

JobResult runScript(const Job &job)
{
    const QString name = QFileInfo(job.inputPath).fileName();
    if (name.startsWith(QLatin1String("oom-"))) {
        std::fprintf(stderr, "GLib-ERROR **: failed to allocate 4294967296 bytes\n");
        std::abort();
    }
    if (name.contains(QLatin1String("crash-once")))
        return crashOnce(job);
    if (name.contains(QLatin1String("killedafterwrite")))
        return killedAfterWrite(job);
    if (name.contains(QLatin1String("crash")))
        std::raise(SIGSEGV);
    if (name.contains(QLatin1String("abort")))
        std::abort();
    if (name.contains(QLatin1String("hang"))) {
        std::signal(SIGTERM, SIG_IGN);
        hangForever();
    }
    if (name.contains(QLatin1String("garbage"))) {
        writeRaw(QByteArray("\0\0\0\x10not json, really", 20) + "\x7f\xfe random tail");
        hangForever();
    }
    if (name.contains(QLatin1String("oversize"))) {
        writeRaw(QByteArray("\x06\x40\x00\x00", 4) + QByteArray(64, 'x')); // 100 MiB announced
        hangForever();
    }
    if (name.contains(QLatin1String("exit0")))
        std::exit(0);
    if (name.startsWith(QLatin1String("slow-"))) {
        const int ms = name.mid(5).section(QLatin1Char('.'), 0, 0).toInt();
        for (int waited = 0; waited < ms && !WorkerSide::stopRequested(); waited += 10)
            sleepMs(10);
        return succeed(job);
    }
    if (name.contains(QLatin1String("gate")))
        return waitForGate(job);
    if (name.contains(QLatin1String("slowwrite")))
        return writeSlowly(job, false);
    if (name.contains(QLatin1String("stuckwrite")))
        return writeSlowly(job, true);
    if (name.contains(QLatin1String("spin")))
        return spinForever(job);
    if (name.contains(QLatin1String("bloat")))
        return leakResidentMemory(job);
    if (name.contains(QLatin1String("hog")))
        return allocateTooMuch(job);
    if (name.contains(QLatin1String("fail")))
        return JobResult::failed(job, FailureKind::CorruptData, QStringLiteral("scripted failure"));
    return succeed(job);
}

QString flagValue(int argc, char **argv, const char *flag)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], flag) == 0)
            return QString::fromLocal8Bit(argv[i + 1]);
    return {};
}

bool hasFlag(int argc, char **argv, const char *flag)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], flag) == 0)
            return true;
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    g_protocolFd = WorkerSide::prepare();
    if (g_protocolFd < 0)
        return 1;
    const QString pidDir = flagValue(argc, argv, "--pid-dir");
    if (!pidDir.isEmpty()) {
        QFile pidFile(QDir(pidDir).filePath(QString::number(getpid())));
        pidFile.open(QIODevice::WriteOnly);
    }
    if (hasFlag(argc, argv, "--exit-before-hello")) {
        std::fprintf(stderr, "fake worker: exiting before hello as asked\n");
        return 4;
    }
    sleepMs(flagValue(argc, argv, "--slow-start").toInt());
    const int version =
        hasFlag(argc, argv, "--bad-version") ? Protocol::kVersion + 98 : Protocol::kVersion;
    const WorkerSide::Limits limits = WorkerSide::limitsFromArguments(argc, argv);
    QString error;
    if (!WorkerSide::applyMemoryLimit(limits, &error)) {
        std::fprintf(stderr, "fake worker: cannot cap memory: %s\n", qPrintable(error));
        return 5;
    }
    return WorkerSide::serve(g_protocolFd, runScript, limits, version);
}
