#pragma once

#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include "job.h"
#include "protocol.h"

class QTimer;

// One pixelmill-worker process: start and handshake, send jobs, parse result frames, enforce
// the per-job deadline. Every job handed to run() ends with exactly one jobEnded(); the
// process itself ends with exactly one gone(), after the jobEnded() of its last jobs, once the
// process is really dead (so leftover files may be cleaned up safely).
//
// Threading: used from one thread. Ownership: owns its QProcess; the pool owns this object.
class WorkerProcess : public QObject
{
    Q_OBJECT
public:
    // How a job left this worker. The pool decides what to report (retry, fail, requeue).
    enum class Ending {
        Finished,      // the worker sent a result (Ok or not)
        NotRun,        // queued behind the failing job of a chunk; never started
        Crashed,       // killed by a signal while running it
        Exited,        // exited without sending its result
        Timeout,       // past its deadline; the worker was killed
        ProtocolError, // unreadable output; the worker was killed
        Cancelled,     // stop() was called while it ran
    };
    Q_ENUM(Ending)
    enum class State { NotStarted, Starting, Ready, Busy, Stopping, Gone };

    explicit WorkerProcess(int index, QObject *parent = nullptr);
    ~WorkerProcess() override;

    void start(const QString &program, const QStringList &arguments, int handshakeTimeoutMs);
    // Sends a chunk of jobs; only when Ready. The deadline applies to each job in turn.
    void run(const QList<Job> &jobs, int timeoutMs);
    // Asks the worker to exit (stdin closed, SIGTERM), SIGKILL after graceMs. Jobs in flight
    // end as Cancelled.
    void stop(int graceMs);
    // SIGKILL without waiting, for a pool being destroyed: the destructor then only reaps.
    // Killing every worker first lets them die side by side (each takes ~10 ms to return its
    // memory to the system) instead of one after another.
    void killWithoutWaiting();

    int index() const { return m_index; }
    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    qint64 pid() const { return m_pid; }
    int finishedJobs() const { return m_finishedJobs; }
    QString lastStderrLine() const;

Q_SIGNALS:
    void started();
    // The worker never became Ready. `fatal`: retrying cannot help (missing binary, wrong
    // protocol version).
    void startFailed(const QString &message, bool fatal);
    void jobEnded(const JobResult &result, WorkerProcess::Ending ending);
    void gone();

private:
    void readStdout();
    bool isListening() const;
    void readStderr();
    void handleFrame(const QJsonObject &message);
    void handleHello(const QJsonObject &message);
    void handleResult(const JobResult &result);
    void handleFinished(int exitCode, QProcess::ExitStatus status);
    void handleStartError(QProcess::ProcessError error);
    void failStart(const QString &message, bool fatal);
    void abandon(Ending ending, const QString &message);
    void endPendingJobs(Ending first, const QString &message);
    QString withStderr(const QString &message) const;
    QString crashMessage(const QString &how) const;

    QProcess *m_process;
    QTimer *m_deadline;
    QTimer *m_killTimer;
    Protocol::FrameReader m_reader;
    QList<Job> m_pending; // sent, no result yet; the first one is running
    State m_state = State::NotStarted;
    Ending m_ending = Ending::Finished; // decided before the process died, if at all
    QString m_endingMessage;
    QByteArray m_stderrPartial;
    QStringList m_stderrTail;
    int m_index;
    int m_timeoutMs = 0;
    int m_finishedJobs = 0;
    qint64 m_pid = 0;
};
