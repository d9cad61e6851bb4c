#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

#include "job.h"

// The wire format between WorkerPool and pixelmill-worker, compiled into both ends.
// A frame is a 4-byte big-endian payload length followed by a compact UTF-8 JSON object.
// Messages:
//   worker -> pool  {"type":"hello","version":1,"pid":N}      first, once
//   pool -> worker  {"type":"jobs","jobs":[Job...]}            one or several jobs
//   worker -> pool  {"type":"result","result":JobResult}       one per job, in order
namespace Protocol {

// Must change whenever the Recipe or Job schema changes (a key added, removed, renamed or
// given another meaning): the pool refuses a worker of another version at its hello, so the
// two ends never guess at each other's fields.
// 2: Recipe gained "colour" and "stripGps". 3: jobs are decoded strictly (every key
// required) and carry their input's probe. 4: the probe carries "captureDate".
// 5: Recipe gained the encoder options (effort, progressive, subsampling, pngCompression,
// palette, lossless), formats avif/jxl/heic; probes may say heif/avif/jxl.
// 6: Recipe is "version": 2 with an ordered "steps" list (step.h) instead of the flat resize
// keys and "grayscale".
// 7: Recipe "maxSizeKb" (a per-image byte budget) and the result's "quality" (the one chosen).
constexpr int kVersion = 7;
// Results and requests are a few hundred bytes; anything near this is garbage.
constexpr int kMaxFrameBytes = 1 << 20;

enum class MessageType { Unknown, Hello, Jobs, Result };

QByteArray encodeFrame(const QJsonObject &message);
MessageType messageType(const QJsonObject &message);

QJsonObject helloMessage(qint64 pid, int version = kVersion);
QJsonObject jobsMessage(const QList<Job> &jobs);
QJsonObject resultMessage(const JobResult &result);

// Empty when `message` is a hello this build can talk to; otherwise why not, in words.
QString checkHello(const QJsonObject &message);
qint64 helloPid(const QJsonObject &message);
// One job of a jobs message: valid, or `error` names its first bad field (then `job` holds
// only what could be read, such as its id, for the answer).
struct JobRequest
{
    Job job;
    QString error;
    bool isValid() const { return error.isEmpty(); }
};
// Empty list and *error set when the message has no "jobs" list at all.
QList<JobRequest> jobsFrom(const QJsonObject &message, QString *error = nullptr);
// The answer to a job that could not be decoded: failed, protocol error, naming the field.
JobResult badJobResult(const JobRequest &request);
JobResult resultFrom(const QJsonObject &message);

// Incremental frame decoder, fed whatever bytes arrived. Once in the error state (oversize
// frame, payload not a JSON object) it stays there: the stream cannot be resynchronised.
class FrameReader
{
public:
    explicit FrameReader(int maxFrameBytes = kMaxFrameBytes) : m_maxFrameBytes(maxFrameBytes) {}

    void append(const char *data, qsizetype size);
    void append(const QByteArray &bytes) { append(bytes.constData(), bytes.size()); }
    // The next complete frame; nullopt when none is complete yet or after an error.
    std::optional<QJsonObject> takeFrame();

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    QByteArray m_buffer;
    QString m_error;
    int m_maxFrameBytes;
};

// Blocking helpers for the worker side, on plain file descriptors (no event loop there).
// writeFrame writes everything or returns false (EPIPE: the pool is gone).
bool writeFrame(int fd, const QJsonObject &message);

enum class ReadStatus { Frame, EndOfFile, Interrupted, Error };
// Reads from fd until `reader` yields a frame. Interrupted: a signal arrived (EINTR), so the
// caller can check its stop flag. Error: read failed or the reader is in its error state.
ReadStatus readFrame(int fd, FrameReader &reader, QJsonObject *message);

} // namespace Protocol
