#include "batch/reportmerge.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace {

struct ShardReport
{
    QString plan;
    int index = -1;
    int count = 0;
    int total = 0;
    double seconds = 0;
    QJsonArray rows;
};

// "K/N" with 0 <= K < N; false otherwise.
bool parseShard(const QString &text, int *index, int *count)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    bool okIndex = false, okCount = false;
    if (parts.size() == 2) {
        *index = parts.at(0).toInt(&okIndex);
        *count = parts.at(1).toInt(&okCount);
    }
    return okIndex && okCount && *count >= 1 && *index >= 0 && *index < *count;
}

std::optional<ShardReport> readShardReport(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read the report %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1 is not a JSON report: %2").arg(path, parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject summary = root.value(QLatin1String("summary")).toObject();
    ShardReport report;
    report.plan = summary.value(QLatin1String("plan")).toString();
    report.total = summary.value(QLatin1String("total")).toInt();
    report.seconds = summary.value(QLatin1String("seconds")).toDouble();
    report.rows = root.value(QLatin1String("results")).toArray();
    if (report.plan.isEmpty() || !parseShard(summary.value(QLatin1String("shard")).toString(),
                                             &report.index, &report.count)) {
        *error = QStringLiteral("%1 has no plan fingerprint and shard; only reports of "
                                "pixelmill-cli runs (JSON) can be merged.")
                     .arg(path);
        return std::nullopt;
    }
    return report;
}

JobResult resultFromRow(const QJsonObject &row)
{
    JobResult result;
    result.inputPath = row.value(QLatin1String("input")).toString();
    result.outputPath = row.value(QLatin1String("output")).toString();
    result.status = jobStatusFromString(row.value(QLatin1String("status")).toString());
    result.message = row.value(QLatin1String("error")).toString();
    result.elapsedMs = qint64(row.value(QLatin1String("ms")).toDouble());
    result.engine = row.value(QLatin1String("engine")).toString();
    return result;
}

// Adds one shard's rows; false with *error when an input was already listed by another.
bool addRows(const ShardReport &report, const QString &path, QSet<QString> &inputs,
             MergedReport &merged, QString *error)
{
    for (const QJsonValue &value : report.rows) {
        JobResult result = resultFromRow(value.toObject());
        if (inputs.contains(result.inputPath)) {
            *error = QStringLiteral("%1 lists %2, which another report lists too.")
                         .arg(path, result.inputPath);
            return false;
        }
        inputs.insert(result.inputPath);
        merged.results.append(std::move(result));
    }
    return true;
}

} // namespace

std::optional<MergedReport> mergeReports(const QStringList &paths, QString *error)
{
    MergedReport merged;
    QSet<QString> inputs;
    QList<int> shards;
    for (const QString &path : paths) {
        const std::optional<ShardReport> report = readShardReport(path, error);
        if (!report)
            return std::nullopt;
        if (merged.summary.planFingerprint.isEmpty()) {
            merged.summary.planFingerprint = report->plan;
            merged.summary.shardCount = report->count;
        } else if (report->plan != merged.summary.planFingerprint ||
                   report->count != merged.summary.shardCount) {
            *error = QStringLiteral("%1 is from another batch (plan %2, %3 shards) than %4 "
                                    "(plan %5, %6 shards); merge only the shards of one run.")
                         .arg(path, report->plan.left(12))
                         .arg(report->count)
                         .arg(paths.constFirst(), merged.summary.planFingerprint.left(12))
                         .arg(merged.summary.shardCount);
            return std::nullopt;
        }
        if (shards.contains(report->index)) {
            *error = QStringLiteral("%1 is shard %2 again; give each shard's report once.")
                         .arg(path)
                         .arg(report->index);
            return std::nullopt;
        }
        shards.append(report->index);
        if (!addRows(*report, path, inputs, merged, error))
            return std::nullopt;
        merged.summary.total += report->total;
        merged.summary.seconds = std::max(merged.summary.seconds, report->seconds);
    }
    std::sort(shards.begin(), shards.end());
    QStringList covered;
    for (int shard : std::as_const(shards))
        covered << QString::number(shard);
    merged.summary.shardText = covered.join(QLatin1Char(',')) + QLatin1Char('/') +
                               QString::number(merged.summary.shardCount);
    for (int shard = 0; shard < merged.summary.shardCount; ++shard)
        if (!shards.contains(shard))
            merged.missingShards.append(shard);
    return merged;
}
