#pragma once

#include <QByteArray>
#include <QList>
#include <QSaveFile>
#include <QString>

#include "job.h"

struct BatchCounts
{
    int total = 0;
    int ok = 0;
    int failed = 0;
    int skipped = 0;
    int cancelled = 0;
    int finished() const { return ok + failed + skipped + cancelled; }
    void add(const JobResult &result);
    void remove(const JobResult &result); // undoes add(): a retried job's old verdict
};

// What a report says of its run besides the per-image rows (whose counts it adds up itself).
struct ReportSummary
{
    int total = 0;
    double seconds = 0;
    QString planFingerprint; // BatchPlan::fingerprint; empty: not written
    int shardIndex = 0;
    int shardCount = 1;
    QString shardText; // overrides "K/N" (a merged report: "0,1,2,3/4")
    QString shardLabel() const;
};

// The report format shared by the CLI and the GUI:
// {"summary": {"total","ok","failed","skipped","cancelled","seconds"[,"plan","shard"]},
//  "results": [{"input","output","status","error","ms","engine","quality"}]}
// `output` is set only for ok results. `quality` is the one the size budget chose (0: none
// searched: no --max-size, or a format without quality). "plan" (the plan fingerprint) and "shard"
// ("K/N") are there when the run planned a folder; merge-reports needs them. CSV has one header
// line and the same result columns.
QByteArray reportJson(const QList<JobResult> &results, const ReportSummary &summary);
QByteArray reportJson(const QList<JobResult> &results, int total, double seconds);
QByteArray reportCsv(const QList<JobResult> &results);
// Picks JSON or CSV by the file's extension; false with *error when it cannot be written.
// Rows are written one at a time: a million results never exist twice in memory.
bool writeReport(const QString &path, const QList<JobResult> &results, const ReportSummary &summary,
                 QString *error);
bool writeReport(const QString &path, const QList<JobResult> &results, int total, double seconds,
                 QString *error);

// Writes a report one row at a time (JSON or CSV by the file's extension), for rows that are
// not all in memory (merge-reports). The file appears whole at commit, or not at all.
class ReportWriter
{
public:
    // `counts` are the summary's; false with *error when the file cannot be started.
    bool open(const QString &path, const ReportSummary &summary, const BatchCounts &counts,
              QString *error);
    bool add(const JobResult &result);
    bool commit(QString *error);

private:
    QSaveFile m_file;
    bool m_json = true;
    bool m_ok = false;
    qint64 m_rows = 0;
};
