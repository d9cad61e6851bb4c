#pragma once

#include <QList>
#include <QStringList>

#include <optional>

#include "batch/report.h"

// The shard reports of one batch put back together (pixelmill-cli merge-reports).
struct MergedReport
{
    QList<JobResult> results; // in the order of the reports given, then of their rows
    ReportSummary summary;    // totals summed, seconds the longest shard's, the common plan
    QList<int> missingShards; // of 0..N-1, those no report covered: the merge is partial
};

// Reads JSON reports written with a plan fingerprint ("plan" and "shard" in the summary) and
// merges them. Refuses, with *error naming the file: one that cannot be read or parsed, one
// without a plan fingerprint, reports of different plans or shard counts, one shard twice,
// and an input listed twice (each input belongs to exactly one shard).
std::optional<MergedReport> mergeReports(const QStringList &paths, QString *error);
