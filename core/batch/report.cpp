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
        {QStringLiteral("quality"), result.chosenQuality},
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

QString ReportSummary::shardLabel() const
{
    if (!shardText.isEmpty())
        return shardText;
    return QStringLiteral("%1/%2").arg(shardIndex).arg(shardCount);
}

namespace {

QJsonObject summaryJson(const ReportSummary &summary, const BatchCounts &counts)
{
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

BatchCounts countsOf(const QList<JobResult> &results)
{
    BatchCounts counts;
    for (const JobResult &result : results)
        counts.add(result);
    return counts;
}

// The layout: the summary first and indented ("failed": 0 reads and greps as before), then
// one compact row per line, so that a reader can stream it (reportmerge.cpp does).
QByteArray jsonHead(const ReportSummary &summary, const BatchCounts &counts)
{
    QByteArray text =
        QJsonDocument(summaryJson(summary, counts)).toJson(QJsonDocument::Indented).trimmed();
    text.replace("\n", "\n    ");
    return "{\n    \"summary\": " + text + ",\n    \"results\": [";
}

QByteArray jsonRow(const JobResult &result, bool first)
{
    return (first ? "\n        " : ",\n        ") +
           QJsonDocument(resultJson(result)).toJson(QJsonDocument::Compact);
}

const char kJsonTail[] = "\n    ]\n}\n";
const char kCsvHead[] = "input,output,status,error,ms,engine,quality\r\n";

QByteArray csvRow(const JobResult &result)
{
    const QStringList fields{result.inputPath,
                             outputOf(result),
                             toString(result.status),
                             errorOf(result),
                             QString::number(result.elapsedMs),
                             result.engine,
                             QString::number(result.chosenQuality)};
    QByteArray line;
    for (int i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        line += csvField(fields.at(i));
    }
    return line + "\r\n";
}

} // namespace

QByteArray reportJson(const QList<JobResult> &results, const ReportSummary &summary)
{
    QByteArray json = jsonHead(summary, countsOf(results));
    for (qsizetype i = 0; i < results.size(); ++i)
        json += jsonRow(results.at(i), i == 0);
    return json + kJsonTail;
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
    QByteArray csv = kCsvHead;
    for (const JobResult &result : results)
        csv += csvRow(result);
    return csv;
}

bool ReportWriter::open(const QString &path, const ReportSummary &summary,
                        const BatchCounts &counts, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    m_json = suffix == QLatin1String("json");
    if (!m_json && suffix != QLatin1String("csv")) {
        if (error)
            *error = QStringLiteral("The report file name must end in .json or .csv: %1").arg(path);
        return false;
    }
    m_file.setFileName(path);
    m_rows = 0;
    m_ok = m_file.open(QIODevice::WriteOnly) &&
           m_file.write(m_json ? jsonHead(summary, counts) : QByteArray(kCsvHead)) >= 0;
    if (!m_ok && error)
        *error = QStringLiteral("Cannot write the report %1: %2").arg(path, m_file.errorString());
    return m_ok;
}

bool ReportWriter::add(const JobResult &result)
{
    if (m_ok)
        m_ok = m_file.write(m_json ? jsonRow(result, m_rows == 0) : csvRow(result)) >= 0;
    ++m_rows;
    return m_ok;
}

bool ReportWriter::commit(QString *error)
{
    if (m_ok && m_json)
        m_ok = m_file.write(kJsonTail) >= 0;
    if (m_ok && m_file.commit())
        return true;
    if (error)
        *error = QStringLiteral("Cannot write the report %1: %2")
                     .arg(m_file.fileName(), m_file.errorString());
    if (m_file.isOpen())
        m_file.cancelWriting();
    return false;
}

bool writeReport(const QString &path, const QList<JobResult> &results, const ReportSummary &summary,
                 QString *error)
{
    ReportWriter writer;
    if (!writer.open(path, summary, countsOf(results), error))
        return false;
    for (const JobResult &result : results)
        writer.add(result);
    return writer.commit(error);
}

bool writeReport(const QString &path, const QList<JobResult> &results, int total, double seconds,
                 QString *error)
{
    ReportSummary summary;
    summary.total = total;
    summary.seconds = seconds;
    return writeReport(path, results, summary, error);
}
