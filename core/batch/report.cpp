#include "batch/report.h"

#include <QBuffer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace {

// `output` names a file only when one was written; a skipped job's would-be path is in its
// message instead.
QString outputOf(const JobResult &result)
{
    return result.isOk() ? result.outputPath : QString();
}

QString errorOf(const JobResult &result)
{
    return result.isOk() ? QString() : result.message;
}

QJsonObject resultJson(const JobResult &result)
{
    return {
        {QStringLiteral("input"), result.inputPath},
        {QStringLiteral("output"), outputOf(result)},
        {QStringLiteral("status"), toString(result.status)},
        {QStringLiteral("error"), errorOf(result)},
        {QStringLiteral("ms"), double(result.elapsedMs)},
        {QStringLiteral("engine"), result.engine},
    };
}

// RFC 4180: a field with a comma, quote, CR or LF is quoted, with quotes doubled.
QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (!bytes.contains(',') && !bytes.contains('"') && !bytes.contains('\n') &&
        !bytes.contains('\r'))
        return bytes;
    bytes.replace("\"", "\"\"");
    return '"' + bytes + '"';
}

} // namespace

void BatchCounts::add(const JobResult &result)
{
    switch (result.status) {
    case JobStatus::Ok:
        ++ok;
        break;
    case JobStatus::Failed:
        ++failed;
        break;
    case JobStatus::Skipped:
        ++skipped;
        break;
    case JobStatus::Cancelled:
        ++cancelled;
        break;
    }
}

QString ReportSummary::shardLabel() const
{
    if (!shardText.isEmpty())
        return shardText;
    return QStringLiteral("%1/%2").arg(shardIndex).arg(shardCount);
}

namespace {

QJsonObject summaryJson(const QList<JobResult> &results, const ReportSummary &summary)
{
    BatchCounts counts;
    for (const JobResult &result : results)
        counts.add(result);
    QJsonObject json{
        {QStringLiteral("total"), summary.total},
        {QStringLiteral("ok"), counts.ok},
        {QStringLiteral("failed"), counts.failed},
        {QStringLiteral("skipped"), counts.skipped},
        {QStringLiteral("cancelled"), counts.cancelled},
        {QStringLiteral("seconds"), std::round(summary.seconds * 1000) / 1000},
    };
    if (!summary.planFingerprint.isEmpty()) {
        json.insert(QStringLiteral("plan"), summary.planFingerprint);
        json.insert(QStringLiteral("shard"), summary.shardLabel());
    }
    return json;
}

// One row at a time, so that the whole document never exists in memory besides the results.
// The summary comes first and indented ("failed": 0 reads and greps as before), then one
// compact row per line.
bool writeJson(QIODevice &out, const QList<JobResult> &results, const ReportSummary &summary)
{
    QByteArray summaryText =
        QJsonDocument(summaryJson(results, summary)).toJson(QJsonDocument::Indented).trimmed();
    summaryText.replace("\n", "\n    ");
    bool ok = out.write("{\n    \"summary\": " + summaryText + ",\n    \"results\": [") >= 0;
    for (qsizetype i = 0; ok && i < results.size(); ++i) {
        const QByteArray row =
            QJsonDocument(resultJson(results.at(i))).toJson(QJsonDocument::Compact);
        ok = out.write((i == 0 ? "\n        " : ",\n        ") + row) >= 0;
    }
    return ok && out.write("\n    ]\n}\n") >= 0;
}

bool writeCsv(QIODevice &out, const QList<JobResult> &results)
{
    bool ok = out.write("input,output,status,error,ms,engine\r\n") >= 0;
    for (qsizetype r = 0; ok && r < results.size(); ++r) {
        const JobResult &result = results.at(r);
        const QStringList fields{result.inputPath,
                                 outputOf(result),
                                 toString(result.status),
                                 errorOf(result),
                                 QString::number(result.elapsedMs),
                                 result.engine};
        QByteArray line;
        for (int i = 0; i < fields.size(); ++i) {
            if (i > 0)
                line += ',';
            line += csvField(fields.at(i));
        }
        ok = out.write(line + "\r\n") >= 0;
    }
    return ok;
}

} // namespace

QByteArray reportJson(const QList<JobResult> &results, const ReportSummary &summary)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    writeJson(buffer, results, summary);
    return buffer.data();
}

QByteArray reportJson(const QList<JobResult> &results, int total, double seconds)
{
    ReportSummary summary;
    summary.total = total;
    summary.seconds = seconds;
    return reportJson(results, summary);
}

QByteArray reportCsv(const QList<JobResult> &results)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    writeCsv(buffer, results);
    return buffer.data();
}

bool writeReport(const QString &path, const QList<JobResult> &results, const ReportSummary &summary,
                 QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool json = suffix == QLatin1String("json");
    if (!json && suffix != QLatin1String("csv")) {
        if (error)
            *error = QStringLiteral("The report file name must end in .json or .csv: %1").arg(path);
        return false;
    }
    QSaveFile file(path);
    const bool written = file.open(QIODevice::WriteOnly) &&
                         (json ? writeJson(file, results, summary) : writeCsv(file, results));
    if (!written || !file.commit()) {
        if (error)
            *error = QStringLiteral("Cannot write the report %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool writeReport(const QString &path, const QList<JobResult> &results, int total, double seconds,
                 QString *error)
{
    ReportSummary summary;
    summary.total = total;
    summary.seconds = seconds;
    return writeReport(path, results, summary, error);
}
