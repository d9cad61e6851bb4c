#include "job.h"

#include <array>
#include <cmath>
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
        {QStringLiteral("probe"), probe.toJson()},
    };
}

namespace {

// The Job fields of the wire, checked one by one; the first bad one is kept.
class JobFieldReader
{
public:
    explicit JobFieldReader(const QJsonObject &json) : m_json(json) {}
    const QString &error() const { return m_error; }

    QJsonValue take(const char *key, bool (QJsonValue::*isType)() const, const char *typeName)
    {
        if (!m_error.isEmpty())
            return QJsonValue::Undefined;
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (value.isUndefined())
            fail(key, QStringLiteral("is missing"));
        else if (!(value.*isType)())
            fail(key, QStringLiteral("must be %1").arg(QLatin1String(typeName)));
        return m_error.isEmpty() ? value : QJsonValue::Undefined;
    }

    QString path(const char *key)
    {
        const QJsonValue value = take(key, &QJsonValue::isString, "a string");
        if (!value.isUndefined() && value.toString().isEmpty())
            fail(key, QStringLiteral("must not be empty"));
        return value.toString();
    }

    void fail(const char *key, const QString &problem)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: %2").arg(QLatin1String(key), problem);
    }
    void failWith(const QString &error)
    {
        if (m_error.isEmpty())
            m_error = error;
    }

private:
    const QJsonObject &m_json;
    QString m_error;
};

} // namespace

Job Job::fromJson(const QJsonObject &json, QString *error)
{
    Job job;
    JobFieldReader reader(json);
    // The id is a decimal string: a JSON number cannot hold every quint64.
    const QString id = reader.take("id", &QJsonValue::isString, "a string").toString();
    bool idOk = false;
    job.id = id.toULongLong(&idOk);
    if (reader.error().isEmpty() && (!idOk || job.id == 0))
        reader.fail(
            "id",
            QStringLiteral("must be a positive decimal number (got \"%1\")").arg(id.left(40)));
    job.inputPath = reader.path("input");
    job.outputPath = reader.path("output");
    const QJsonObject recipe = reader.take("recipe", &QJsonValue::isObject, "an object").toObject();
    if (reader.error().isEmpty()) {
        FieldError recipeError;
        if (std::optional<Recipe> decoded = Recipe::fromWireJson(recipe, &recipeError))
            job.recipe = *decoded;
        else
            reader.failWith(recipeError.wireText(QStringLiteral("recipe.")));
    }
    job.overwrite = reader.take("overwrite", &QJsonValue::isBool, "true or false").toBool();
    const QJsonValue maxPixels = reader.take("maxPixels", &QJsonValue::isDouble, "a number");
    const double pixels = maxPixels.toDouble();
    if (!maxPixels.isUndefined() &&
        !(pixels >= 1 && pixels <= 9e15 && pixels == std::floor(pixels)))
        reader.fail("maxPixels",
                    QStringLiteral("must be a whole number of at least 1 (got %1)").arg(pixels));
    else if (!maxPixels.isUndefined())
        job.maxPixels = qint64(pixels);
    const QJsonObject probe = reader.take("probe", &QJsonValue::isObject, "an object").toObject();
    if (reader.error().isEmpty()) {
        QString probeError;
        if (std::optional<ImageProbe> decoded = ImageProbe::fromJson(probe, &probeError))
            job.probe = *decoded;
        else
            reader.failWith(QStringLiteral("probe.") + probeError);
    }
    if (error)
        *error = reader.error();
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
        {QStringLiteral("quality"), chosenQuality},
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
    r.chosenQuality = json.value(QLatin1String("quality")).toInt();
    return r;
}
