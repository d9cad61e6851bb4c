#include "job.h"

#include <array>
#include <utility>

namespace {

const std::array<std::pair<JobStatus, const char *>, 4> kStatuses{{
    {JobStatus::Ok, "ok"},
    {JobStatus::Failed, "failed"},
    {JobStatus::Skipped, "skipped"},
    {JobStatus::Cancelled, "cancelled"},
}};

const std::array<std::pair<FailureKind, const char *>, 14> kFailureKinds{{
    {FailureKind::None, "none"},
    {FailureKind::InputUnreadable, "input-unreadable"},
    {FailureKind::UnsupportedFormat, "unsupported-format"},
    {FailureKind::CorruptData, "corrupt-data"},
    {FailureKind::TooLarge, "too-large"},
    {FailureKind::InvalidRecipe, "invalid-recipe"},
    {FailureKind::WriteFailed, "write-failed"},
    {FailureKind::OutputExists, "output-exists"},
    {FailureKind::Timeout, "timeout"},
    {FailureKind::WorkerCrashed, "worker-crashed"},
    {FailureKind::ProtocolError, "protocol-error"},
    {FailureKind::WorkerStartFailed, "worker-start-failed"},
    {FailureKind::Cancelled, "cancelled"},
    {FailureKind::Internal, "internal"},
}};

QJsonObject sizeToJson(QSize size)
{
    return {{QStringLiteral("w"), size.width()}, {QStringLiteral("h"), size.height()}};
}

QSize sizeFromJson(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    return {o.value(QLatin1String("w")).toInt(-1), o.value(QLatin1String("h")).toInt(-1)};
}

} // namespace

QString toString(JobStatus status)
{
    for (const auto &[s, name] : kStatuses)
        if (s == status)
            return QString::fromLatin1(name);
    return {};
}

QString toString(FailureKind kind)
{
    for (const auto &[k, name] : kFailureKinds)
        if (k == kind)
            return QString::fromLatin1(name);
    return {};
}

JobStatus jobStatusFromString(const QString &text)
{
    for (const auto &[s, name] : kStatuses)
        if (text == QLatin1String(name))
            return s;
    return JobStatus::Failed;
}

FailureKind failureKindFromString(const QString &text)
{
    for (const auto &[k, name] : kFailureKinds)
        if (text == QLatin1String(name))
            return k;
    return FailureKind::Internal;
}

QJsonObject Job::toJson() const
{
    return {
        {QStringLiteral("id"), QString::number(id)},
        {QStringLiteral("input"), inputPath},
        {QStringLiteral("output"), outputPath},
        {QStringLiteral("recipe"), recipe.toJson()},
        {QStringLiteral("overwrite"), overwrite},
        {QStringLiteral("maxPixels"), double(maxPixels)},
    };
}

Job Job::fromJson(const QJsonObject &json)
{
    Job job;
    job.id = json.value(QLatin1String("id")).toString().toULongLong();
    job.inputPath = json.value(QLatin1String("input")).toString();
    job.outputPath = json.value(QLatin1String("output")).toString();
    job.recipe =
        Recipe::fromJson(json.value(QLatin1String("recipe")).toObject()).value_or(Recipe{});
    job.overwrite = json.value(QLatin1String("overwrite")).toBool();
    job.maxPixels = json.value(QLatin1String("maxPixels")).toInteger(kDefaultMaxPixels);
    return job;
}

JobResult JobResult::failed(const Job &job, FailureKind kind, const QString &message)
{
    JobResult r;
    r.id = job.id;
    r.status = JobStatus::Failed;
    r.failure = kind;
    r.message = message;
    r.inputPath = job.inputPath;
    return r;
}

JobResult JobResult::skipped(const Job &job, const QString &message)
{
    JobResult r = failed(job, FailureKind::OutputExists, message);
    r.status = JobStatus::Skipped;
    return r;
}

JobResult JobResult::cancelled(const Job &job)
{
    JobResult r = failed(job, FailureKind::Cancelled, QStringLiteral("cancelled"));
    r.status = JobStatus::Cancelled;
    return r;
}

QJsonObject JobResult::toJson() const
{
    return {
        {QStringLiteral("id"), QString::number(id)},
        {QStringLiteral("status"), toString(status)},
        {QStringLiteral("failure"), toString(failure)},
        {QStringLiteral("message"), message},
        {QStringLiteral("input"), inputPath},
        {QStringLiteral("output"), outputPath},
        {QStringLiteral("inputBytes"), double(inputBytes)},
        {QStringLiteral("outputBytes"), double(outputBytes)},
        {QStringLiteral("inputSize"), sizeToJson(inputSize)},
        {QStringLiteral("outputSize"), sizeToJson(outputSize)},
        {QStringLiteral("ms"), double(elapsedMs)},
        {QStringLiteral("engine"), engine},
    };
}

JobResult JobResult::fromJson(const QJsonObject &json)
{
    JobResult r;
    r.id = json.value(QLatin1String("id")).toString().toULongLong();
    r.status = jobStatusFromString(json.value(QLatin1String("status")).toString());
    r.failure = failureKindFromString(json.value(QLatin1String("failure")).toString());
    r.message = json.value(QLatin1String("message")).toString();
    r.inputPath = json.value(QLatin1String("input")).toString();
    r.outputPath = json.value(QLatin1String("output")).toString();
    r.inputBytes = json.value(QLatin1String("inputBytes")).toInteger();
    r.outputBytes = json.value(QLatin1String("outputBytes")).toInteger();
    r.inputSize = sizeFromJson(json.value(QLatin1String("inputSize")));
    r.outputSize = sizeFromJson(json.value(QLatin1String("outputSize")));
    r.elapsedMs = json.value(QLatin1String("ms")).toInteger();
    r.engine = json.value(QLatin1String("engine")).toString();
    return r;
}
