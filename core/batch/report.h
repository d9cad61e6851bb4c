#pragma once

#include <QByteArray>
#include <QList>

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

// The report format shared by the CLI and the GUI:
// {"summary": {"total","ok","failed","skipped","cancelled","seconds"},
//  "results": [{"input","output","status","error","ms","engine"}]}
// `output` is set only for ok results. CSV has one header line and the same result columns.
QByteArray reportJson(const QList<JobResult> &results, int total, double seconds);
QByteArray reportCsv(const QList<JobResult> &results);
// Picks JSON or CSV by the file's extension; false with *error when it cannot be written.
bool writeReport(const QString &path, const QList<JobResult> &results, int total, double seconds,
                 QString *error);
