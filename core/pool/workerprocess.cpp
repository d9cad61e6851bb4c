#include "workerprocess.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QTimer>

#include <csignal>

// Codec chatter on a worker's stderr (libpng, VIPS-WARNING) is kept for failure messages but
// not printed by default: QT_LOGGING_RULES="pixelmill.worker.info=true" shows it.
Q_LOGGING_CATEGORY(lcWorker, "pixelmill.worker", QtWarningMsg)

namespace {
constexpr int kStderrTailLines = 5;
constexpr int kStderrLineChars = 300;
constexpr int kStderrPartialCap = 4096;

QString seconds(int ms)
{
    return ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0, 'f', 1);
}

FailureKind failureFor(WorkerProcess::Ending ending)
{
    switch (ending) {
    case WorkerProcess::Ending::Crashed:
        return FailureKind::WorkerCrashed;
    case WorkerProcess::Ending::Timeout:
        return FailureKind::Timeout;
    case WorkerProcess::Ending::Cancelled:
        return FailureKind::Cancelled;
    case WorkerProcess::Ending::Exited:
    case WorkerProcess::Ending::ProtocolError:
        return FailureKind::ProtocolError;
    case WorkerProcess::Ending::Finished:
    case WorkerProcess::Ending::NotRun:
        break;
    }
    return FailureKind::Internal;
}
} // namespace

WorkerProcess::WorkerProcess(int index, QObject *parent)
    : QObject(parent), m_process(new QProcess(this)), m_deadline(new QTimer(this)),
      m_killTimer(new QTimer(this)), m_index(index)
{
    m_deadline->setSingleShot(true);
    m_killTimer->setSingleShot(true);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &WorkerProcess::readStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &WorkerProcess::readStderr);
    connect(m_process, &QProcess::finished, this, &WorkerProcess::handleFinished);
    connect(m_process, &QProcess::errorOccurred, this, &WorkerProcess::handleStartError);
    connect(m_killTimer, &QTimer::timeout, m_process, &QProcess::kill);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (m_state == State::Starting)
            failStart(
                QStringLiteral("worker did not say hello within %1 s").arg(seconds(m_timeoutMs)),
                false);
        else if (m_state == State::Busy)
            abandon(Ending::Timeout,
                    QStringLiteral("timed out after %1 s").arg(seconds(m_timeoutMs)));
    });
}

WorkerProcess::~WorkerProcess()
{
    // The QProcess dies after this body; its signals must not reach a half-destroyed object.
    m_process->disconnect(this);
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

void WorkerProcess::killWithoutWaiting()
{
    m_process->disconnect(this);
    if (m_process->state() != QProcess::NotRunning)
        m_process->kill();
}

void WorkerProcess::start(const QString &program, const QStringList &arguments,
                          int handshakeTimeoutMs)
{
    Q_ASSERT(m_state == State::NotStarted);
    m_state = State::Starting;
    // The worker compares this with getppid() to catch a parent that died before prctl().
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PIXELMILL_POOL_PID"),
               QString::number(QCoreApplication::applicationPid()));
    m_process->setProcessEnvironment(env);
    m_timeoutMs = handshakeTimeoutMs;
    m_deadline->start(handshakeTimeoutMs);
    m_process->start(program, arguments);
}

void WorkerProcess::run(const QList<Job> &jobs, int timeoutMs)
{
    Q_ASSERT(m_state == State::Ready && !jobs.isEmpty());
    m_pending = jobs;
    m_state = State::Busy;
    m_timeoutMs = timeoutMs;
    m_process->write(Protocol::encodeFrame(Protocol::jobsMessage(jobs)));
    if (timeoutMs > 0)
        m_deadline->start(timeoutMs);
}

void WorkerProcess::stop(int graceMs)
{
    if (m_state == State::Gone || m_state == State::Stopping)
        return;
    if (!m_pending.isEmpty()) {
        m_ending = Ending::Cancelled;
        m_endingMessage = QStringLiteral("cancelled");
    }
    m_state = State::Stopping;
    m_deadline->stop();
    if (m_process->state() == QProcess::NotRunning)
        return; // a start failure is on its way and ends in gone()
    // Politely first: the worker finishes its write or drops its temp file, then exits.
    m_process->closeWriteChannel();
    m_process->terminate();
    m_killTimer->start(graceMs);
}

QString WorkerProcess::lastStderrLine() const
{
    if (!m_stderrPartial.trimmed().isEmpty())
        return QString::fromUtf8(m_stderrPartial.trimmed()).left(kStderrLineChars);
    return m_stderrTail.isEmpty() ? QString() : m_stderrTail.last();
}

// A worker asked to stop politely (cancel) may still report the job it just finished: that
// output is whole and must be reported as done. One being killed for misbehaving is not heard.
bool WorkerProcess::isListening() const
{
    switch (m_state) {
    case State::Starting:
    case State::Ready:
    case State::Busy:
        return true;
    case State::Stopping:
        return m_ending == Ending::Cancelled;
    case State::NotStarted:
    case State::Gone:
        break;
    }
    return false;
}

void WorkerProcess::readStdout()
{
    const QByteArray bytes = m_process->readAllStandardOutput();
    if (!isListening())
        return; // already decided to end it; nothing it says matters now
    m_reader.append(bytes);
    while (std::optional<QJsonObject> frame = m_reader.takeFrame()) {
        handleFrame(*frame);
        if (!isListening())
            return;
    }
    if (!m_reader.hasError())
        return;
    const QString message = QStringLiteral("protocol error: %1").arg(m_reader.errorString());
    if (m_state == State::Starting)
        failStart(message, false);
    else
        abandon(Ending::ProtocolError, message);
}

void WorkerProcess::readStderr()
{
    m_stderrPartial += m_process->readAllStandardError();
    qsizetype newline;
    while ((newline = m_stderrPartial.indexOf('\n')) >= 0 ||
           m_stderrPartial.size() > kStderrPartialCap) {
        const qsizetype end = newline >= 0 ? newline : kStderrPartialCap;
        const QString line =
            QString::fromUtf8(m_stderrPartial.left(end).trimmed()).left(kStderrLineChars);
        m_stderrPartial.remove(0, newline >= 0 ? end + 1 : end);
        if (line.isEmpty())
            continue;
        qCInfo(lcWorker, "worker %d (pid %lld): %s", m_index, qint64(m_process->processId()),
               qUtf8Printable(line));
        m_stderrTail.append(line);
        if (m_stderrTail.size() > kStderrTailLines)
            m_stderrTail.removeFirst();
    }
}

void WorkerProcess::handleFrame(const QJsonObject &message)
{
    if (m_state == State::Starting) {
        handleHello(message);
        return;
    }
    // A result that arrives while stopping is real: its output is written and committed, so it
    // must be reported as done, not as cancelled (a resumed run would otherwise redo it).
    const bool expectsResults = m_state == State::Busy || m_state == State::Stopping;
    if (expectsResults && Protocol::messageType(message) == Protocol::MessageType::Result) {
        handleResult(Protocol::resultFrom(message));
        return;
    }
    abandon(Ending::ProtocolError, QStringLiteral("protocol error: unexpected \"%1\" message")
                                       .arg(message.value(QLatin1String("type")).toString()));
}

void WorkerProcess::handleHello(const QJsonObject &message)
{
    const QString error = Protocol::checkHello(message);
    if (!error.isEmpty()) {
        // A wrong version will be wrong in every worker: no point respawning.
        failStart(error, Protocol::messageType(message) == Protocol::MessageType::Hello);
        return;
    }
    m_pid = Protocol::helloPid(message);
    m_deadline->stop();
    m_state = State::Ready;
    Q_EMIT started();
}

void WorkerProcess::handleResult(const JobResult &result)
{
    if (m_pending.isEmpty() || result.id != m_pending.first().id) {
        // A job whose id the worker could not read comes back as job 0 with the reason.
        QString message =
            QStringLiteral("protocol error: result for unexpected job %1").arg(result.id);
        if (!result.message.isEmpty())
            message += QStringLiteral(" (%1)").arg(result.message);
        abandon(Ending::ProtocolError, message);
        return;
    }
    m_pending.removeFirst();
    ++m_finishedJobs;
    if (m_state == State::Stopping) {
        // Keep stopping: the process still ends, and the rest of m_pending with it.
    } else if (m_pending.isEmpty()) {
        m_state = State::Ready;
        m_deadline->stop();
    } else if (m_timeoutMs > 0) {
        m_deadline->start(m_timeoutMs);
    }
    Q_EMIT jobEnded(result, Ending::Finished);
}

void WorkerProcess::handleFinished(int exitCode, QProcess::ExitStatus status)
{
    m_deadline->stop();
    m_killTimer->stop();
    readStderr();
    const bool crashed = status == QProcess::CrashExit;
    const QString how = crashed ? QStringLiteral("crashed (signal %1)").arg(exitCode)
                                : QStringLiteral("exited (code %1)").arg(exitCode);
    const State previous = m_state;
    m_state = State::Gone;
    if (previous == State::Starting) {
        Q_EMIT startFailed(withStderr(QStringLiteral("worker %1 before its hello").arg(how)),
                           false);
    } else if (!m_pending.isEmpty()) {
        if (m_ending != Ending::Finished)
            endPendingJobs(m_ending, m_endingMessage);
        else if (crashed && exitCode == SIGXCPU)
            // Its own CPU cap (RLIMIT_CPU): the job would do the same again, so no retry.
            endPendingJobs(Ending::Timeout, QStringLiteral("worker ran out of CPU time"));
        else if (crashed)
            endPendingJobs(Ending::Crashed, crashMessage(how));
        else
            endPendingJobs(Ending::Exited,
                           withStderr(QStringLiteral("worker %1 without a result").arg(how)));
    }
    Q_EMIT gone();
}

void WorkerProcess::handleStartError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_state == State::Gone)
        return;
    const QString message = QStringLiteral("cannot start worker \"%1\": %2")
                                .arg(m_process->program(), m_process->errorString());
    // Reported from the event loop, never from inside start(): callers need not be re-entrant.
    QTimer::singleShot(0, this, [this, message] { failStart(message, true); });
}

void WorkerProcess::failStart(const QString &message, bool fatal)
{
    if (m_state == State::Gone)
        return;
    const bool running = m_process->state() != QProcess::NotRunning;
    m_state = running ? State::Stopping : State::Gone;
    m_deadline->stop();
    Q_EMIT startFailed(message, fatal);
    if (running)
        m_process->kill(); // gone() follows from handleFinished
    else
        Q_EMIT gone();
}

void WorkerProcess::abandon(Ending ending, const QString &message)
{
    if (m_state == State::Gone || m_state == State::Stopping)
        return;
    m_ending = ending;
    m_endingMessage = message;
    m_state = State::Stopping;
    m_deadline->stop();
    m_process->kill(); // the jobs end in handleFinished, once the process is really dead
}

void WorkerProcess::endPendingJobs(Ending first, const QString &message)
{
    const QList<Job> jobs = std::exchange(m_pending, {});
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const Job &job = jobs[i];
        if (first == Ending::Cancelled)
            Q_EMIT jobEnded(JobResult::cancelled(job), Ending::Cancelled);
        else if (i == 0)
            Q_EMIT jobEnded(JobResult::failed(job, failureFor(first), message), first);
        else
            Q_EMIT jobEnded(JobResult::failed(job, FailureKind::Internal, QString()),
                            Ending::NotRun);
    }
}

// A decoder that hit the memory cap where it could not fail politely (glib aborts when
// g_malloc fails, an exception escapes a library) dies; its last words say why.
QString WorkerProcess::crashMessage(const QString &how) const
{
    const QString text = m_stderrTail.join(QLatin1Char('\n')) + QString::fromUtf8(m_stderrPartial);
    static const char *const outOfMemory[] = {"failed to allocate", "out of memory", "bad_alloc",
                                              "cannot allocate memory", "insufficient memory"};
    for (const char *words : outOfMemory) {
        if (text.contains(QLatin1String(words), Qt::CaseInsensitive))
            return withStderr(
                QStringLiteral("not enough memory to decode image (worker %1)").arg(how));
    }
    return withStderr(QStringLiteral("worker ") + how);
}

QString WorkerProcess::withStderr(const QString &message) const
{
    const QString line = lastStderrLine();
    return line.isEmpty() ? message : QStringLiteral("%1; last output: %2").arg(message, line);
}
