#include "batch/reportmerge.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace {

struct ShardHeader
{
    QString plan;
    int index = -1;
    int count = 0;
    int total = 0;
    double seconds = 0;
    BatchCounts counts;
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

ShardHeader headerFrom(const QJsonObject &summary)
{
    ShardHeader header;
    header.plan = summary.value(QLatin1String("plan")).toString();
    header.total = summary.value(QLatin1String("total")).toInt();
    header.seconds = summary.value(QLatin1String("seconds")).toDouble();
    header.counts.ok = summary.value(QLatin1String("ok")).toInt();
    header.counts.failed = summary.value(QLatin1String("failed")).toInt();
    header.counts.skipped = summary.value(QLatin1String("skipped")).toInt();
    header.counts.cancelled = summary.value(QLatin1String("cancelled")).toInt();
    if (!parseShard(summary.value(QLatin1String("shard")).toString(), &header.index, &header.count))
        header.plan.clear();
    return header;
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
    result.chosenQuality = row.value(QLatin1String("quality")).toInt();
    return result;
}

// Streams a report in the layout pixelmill-cli writes (report.cpp): the summary first, then
// `"results": [` and one row per line. Anything else is refused, not guessed at.
class ReportReader
{
public:
    bool open(const QString &path, QString *error)
    {
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::ReadOnly)) {
            *error =
                QStringLiteral("Cannot read the report %1: %2").arg(path, m_file.errorString());
            return false;
        }
        QByteArray head;
        while (!m_file.atEnd()) {
            const QByteArray line = m_file.readLine().trimmed();
            if (line.startsWith("\"results\": [")) {
                head = "{" + head.mid(1).trimmed(); // the opening brace, then "summary": {...},
                head.chop(head.endsWith(',') ? 1 : 0);
                m_header = headerFrom(
                    QJsonDocument::fromJson(head + "}").object().value("summary").toObject());
                break;
            }
            head += line + '\n';
        }
        if (m_header.plan.isEmpty()) {
            *error = QStringLiteral("%1 is not a JSON report of a pixelmill-cli run with a plan "
                                    "fingerprint and shard; only those can be merged.")
                         .arg(path);
            return false;
        }
        return true;
    }
    const ShardHeader &header() const { return m_header; }
    // The next row into *result; false at the end, or on a damaged row (then *error is set).
    bool next(JobResult *result, QString *error)
    {
        while (!m_file.atEnd()) {
            QByteArray line = m_file.readLine().trimmed();
            if (line.startsWith(']'))
                return false;
            if (line.endsWith(','))
                line.chop(1);
            const QJsonDocument row = QJsonDocument::fromJson(line);
            if (!row.isObject()) {
                *error = QStringLiteral("%1 has a damaged row: %2")
                             .arg(m_file.fileName(), QString::fromUtf8(line.left(80)));
                return false;
            }
            *result = resultFromRow(row.object());
            return true;
        }
        *error = QStringLiteral("%1 ends before its last row").arg(m_file.fileName());
        return false;
    }

private:
    QFile m_file;
    ShardHeader m_header;
};

// Pass one: every report's summary, checked against the first one's plan and shard count.
bool readHeaders(const QStringList &paths, MergeOutcome &merged, QList<int> &shards, QString *error)
{
    for (const QString &path : paths) {
        ReportReader reader;
        if (!reader.open(path, error))
            return false;
        const ShardHeader &h = reader.header();
        if (merged.summary.planFingerprint.isEmpty()) {
            merged.summary.planFingerprint = h.plan;
            merged.summary.shardCount = h.count;
        } else if (h.plan != merged.summary.planFingerprint ||
                   h.count != merged.summary.shardCount) {
            *error = QStringLiteral("%1 is from another batch (plan %2, %3 shards) than %4 "
                                    "(plan %5, %6 shards); merge only the shards of one run.")
                         .arg(path, h.plan.left(12))
                         .arg(h.count)
                         .arg(paths.constFirst(), merged.summary.planFingerprint.left(12))
                         .arg(merged.summary.shardCount);
            return false;
        }
        if (shards.contains(h.index)) {
            *error = QStringLiteral("%1 is shard %2 again; give each shard's report once.")
                         .arg(path)
                         .arg(h.index);
            return false;
        }
        shards.append(h.index);
        merged.summary.total += h.total;
        merged.summary.seconds = std::max(merged.summary.seconds, h.seconds);
        merged.counts.ok += h.counts.ok;
        merged.counts.failed += h.counts.failed;
        merged.counts.skipped += h.counts.skipped;
        merged.counts.cancelled += h.counts.cancelled;
    }
    return true;
}

// Pass two: every row into the writer; false when an input was already listed.
bool copyRows(const QStringList &paths, ReportWriter &writer, QString *error)
{
    QSet<QString> inputs;
    for (const QString &path : paths) {
        ReportReader reader;
        if (!reader.open(path, error))
            return false;
        JobResult result;
        while (reader.next(&result, error)) {
            if (inputs.contains(result.inputPath)) {
                *error = QStringLiteral("%1 lists %2, which another report lists too.")
                             .arg(path, result.inputPath);
                return false;
            }
            inputs.insert(result.inputPath);
            writer.add(result);
        }
        if (!error->isEmpty())
            return false;
    }
    return true;
}

} // namespace

std::optional<MergeOutcome> mergeReports(const QStringList &paths, const QString &outPath,
                                         QString *error)
{
    error->clear();
    MergeOutcome merged;
    QList<int> shards;
    if (!readHeaders(paths, merged, shards, error))
        return std::nullopt;
    std::sort(shards.begin(), shards.end());
    QStringList covered;
    for (int shard : std::as_const(shards))
        covered << QString::number(shard);
    merged.summary.shardText = covered.join(QLatin1Char(',')) + QLatin1Char('/') +
                               QString::number(merged.summary.shardCount);
    for (int shard = 0; shard < merged.summary.shardCount; ++shard)
        if (!shards.contains(shard))
            merged.missingShards.append(shard);
    ReportWriter writer;
    if (!writer.open(outPath, merged.summary, merged.counts, error) ||
        !copyRows(paths, writer, error) || !writer.commit(error))
        return std::nullopt;
    return merged;
}
