#pragma once

#include <QStringList>

// `pixelmill-cli merge-reports OUT.json|OUT.csv IN.json...`: the shard reports of one batch
// into one report. `arguments` are those after "merge-reports". Returns the exit status: 0
// merged every shard, 1 merged but some shard's report was missing, 2 refused (usage, a bad
// report, reports of different plans).
int runMergeReports(const QStringList &arguments);
