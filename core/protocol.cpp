#include "protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QtEndian>

#include <cerrno>
#include <unistd.h>

namespace Protocol {

namespace {
constexpr int kHeaderBytes = 4;

QString typeName(const QJsonObject &message)
{
    return message.value(QLatin1String("type")).toString();
}
} // namespace

QByteArray encodeFrame(const QJsonObject &message)
{
    const QByteArray payload = QJsonDocument(message).toJson(QJsonDocument::Compact);
    QByteArray frame(kHeaderBytes, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size()), frame.data());
    frame.append(payload);
    return frame;
}

MessageType messageType(const QJsonObject &message)
{
    const QString type = typeName(message);
    if (type == QLatin1String("hello"))
        return MessageType::Hello;
    if (type == QLatin1String("jobs"))
        return MessageType::Jobs;
    if (type == QLatin1String("result"))
        return MessageType::Result;
    return MessageType::Unknown;
}

QJsonObject helloMessage(qint64 pid, int version)
{
    return {{QStringLiteral("type"), QStringLiteral("hello")},
            {QStringLiteral("version"), version},
            {QStringLiteral("pid"), double(pid)}};
}

QJsonObject jobsMessage(const QList<Job> &jobs)
{
    QJsonArray array;
    for (const Job &job : jobs)
        array.append(job.toJson());
    return {{QStringLiteral("type"), QStringLiteral("jobs")}, {QStringLiteral("jobs"), array}};
}

QJsonObject resultMessage(const JobResult &result)
{
    return {{QStringLiteral("type"), QStringLiteral("result")},
            {QStringLiteral("result"), result.toJson()}};
}

QString checkHello(const QJsonObject &message)
{
    if (messageType(message) != MessageType::Hello)
        return QStringLiteral("expected a hello message, got \"%1\"").arg(typeName(message));
    const int version = message.value(QLatin1String("version")).toInt(-1);
    if (version != kVersion)
        return QStringLiteral("worker speaks protocol version %1, this build speaks %2")
            .arg(version)
            .arg(kVersion);
    return {};
}

qint64 helloPid(const QJsonObject &message)
{
    return message.value(QLatin1String("pid")).toInteger();
}

QList<JobRequest> jobsFrom(const QJsonObject &message, QString *error)
{
    QList<JobRequest> jobs;
    const QJsonValue list = message.value(QLatin1String("jobs"));
    if (!list.isArray()) {
        if (error)
            *error = QStringLiteral("jobs message without a \"jobs\" list");
        return jobs;
    }
    const QJsonArray array = list.toArray();
    for (const QJsonValue &value : array) {
        JobRequest request;
        if (value.isObject())
            request.job = Job::fromJson(value.toObject(), &request.error);
        else
            request.error = QStringLiteral("job: must be an object");
        jobs.append(request);
    }
    return jobs;
}

JobResult badJobResult(const JobRequest &request)
{
    return JobResult::failed(request.job, FailureKind::ProtocolError,
                             QStringLiteral("bad job from the pool: %1").arg(request.error));
}

JobResult resultFrom(const QJsonObject &message)
{
    return JobResult::fromJson(message.value(QLatin1String("result")).toObject());
}

void FrameReader::append(const char *data, qsizetype size)
{
    // After an error nothing more is kept: the buffer must not grow without bound.
    if (!hasError())
        m_buffer.append(data, size);
}

std::optional<QJsonObject> FrameReader::takeFrame()
{
    if (hasError() || m_buffer.size() < kHeaderBytes)
        return std::nullopt;
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData());
    if (length > quint32(m_maxFrameBytes)) {
        m_error = QStringLiteral("frame of %1 bytes exceeds the %2-byte limit")
                      .arg(length)
                      .arg(m_maxFrameBytes);
        m_buffer.clear();
        return std::nullopt;
    }
    if (m_buffer.size() < kHeaderBytes + qsizetype(length))
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument doc =
        QJsonDocument::fromJson(m_buffer.mid(kHeaderBytes, length), &parseError);
    m_buffer.remove(0, kHeaderBytes + length);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        m_error = parseError.error != QJsonParseError::NoError
                      ? QStringLiteral("frame is not JSON (%1)").arg(parseError.errorString())
                      : QStringLiteral("frame is JSON but not an object");
        m_buffer.clear();
        return std::nullopt;
    }
    return doc.object();
}

bool writeFrame(int fd, const QJsonObject &message)
{
    const QByteArray frame = encodeFrame(message);
    qsizetype written = 0;
    while (written < frame.size()) {
        const ssize_t n = ::write(fd, frame.constData() + written, size_t(frame.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        written += n;
    }
    return true;
}

ReadStatus readFrame(int fd, FrameReader &reader, QJsonObject *message)
{
    for (;;) {
        if (std::optional<QJsonObject> frame = reader.takeFrame()) {
            *message = *frame;
            return ReadStatus::Frame;
        }
        if (reader.hasError())
            return ReadStatus::Error;
        char buffer[64 * 1024];
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0)
            return ReadStatus::EndOfFile;
        if (n < 0)
            return errno == EINTR ? ReadStatus::Interrupted : ReadStatus::Error;
        reader.append(buffer, n);
    }
}

} // namespace Protocol
