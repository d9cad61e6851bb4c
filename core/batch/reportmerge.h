#pragma once

#include <QList>
#include <QStringList>

#include <optional>

#include "batch/report.h"

// What merging the shard reports of one batch (pixelmill-cli merge-reports) gave.
struct MergeOutcome
{
    ReportSummary summary;    // totals summed, seconds the longest shard's, the common plan
    BatchCounts counts;       // summed from the shards' summaries
    QList<int> missingShards; // of 0..N-1, those no report covered: the merge is partial
};

// Merges JSON reports written by pixelmill-cli with a plan fingerprint ("plan" and "shard" in
// the summary) into `outPath` (JSON or CSV by its extension), streaming their rows: memory
// holds only the set of inputs seen. Refuses, with *error naming the file and writing nothing:
// one that cannot be read or is not such a report, reports of different plans or shard counts,
// one shard twice, and an input listed twice (each input belongs to exactly one shard).
std::optional<MergeOutcome> mergeReports(const QStringList &paths, const QString &outPath,
                                         QString *error);
