#include "batch/report.h"

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

namespace {
int &counterOf(BatchCounts &counts, JobStatus status)
{
    switch (status) {
    case JobStatus::Ok:
        return counts.ok;
    case JobStatus::Failed:
        return counts.failed;
    case JobStatus::Skipped:
        return counts.skipped;
    case JobStatus::Cancelled:
        break;
    }
    return counts.cancelled;
}
} // namespace

void BatchCounts::add(const JobResult &result)
{
    ++counterOf(*this, result.status);
}

void BatchCounts::remove(const JobResult &result)
{
    --counterOf(*this, result.status);
}

QByteArray reportJson(const QList<JobResult> &results, int total, double seconds)
{
    BatchCounts counts;
    QJsonArray rows;
    for (const JobResult &result : results) {
        counts.add(result);
        rows.append(resultJson(result));
    }
    const QJsonObject summary{
        {QStringLiteral("total"), total},
        {QStringLiteral("ok"), counts.ok},
        {QStringLiteral("failed"), counts.failed},
        {QStringLiteral("skipped"), counts.skipped},
        {QStringLiteral("cancelled"), counts.cancelled},
        {QStringLiteral("seconds"), std::round(seconds * 1000) / 1000},
    };
    const QJsonObject root{{QStringLiteral("summary"), summary}, {QStringLiteral("results"), rows}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray reportCsv(const QList<JobResult> &results)
{
    QByteArray csv = "input,output,status,error,ms,engine\r\n";
    for (const JobResult &result : results) {
        const QStringList fields{result.inputPath,
                                 outputOf(result),
                                 toString(result.status),
                                 errorOf(result),
                                 QString::number(result.elapsedMs),
                                 result.engine};
        for (int i = 0; i < fields.size(); ++i) {
            if (i > 0)
                csv += ',';
            csv += csvField(fields.at(i));
        }
        csv += "\r\n";
    }
    return csv;
}

bool writeReport(const QString &path, const QList<JobResult> &results, int total, double seconds,
                 QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    QByteArray bytes;
    if (suffix == QLatin1String("json")) {
        bytes = reportJson(results, total, seconds);
    } else if (suffix == QLatin1String("csv")) {
        bytes = reportCsv(results);
    } else {
        if (error)
            *error = QStringLiteral("The report file name must end in .json or .csv: %1").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("Cannot write the report %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
