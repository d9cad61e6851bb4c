#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

#include "batch/naming.h"
#include "job.h"

enum class ConflictPolicy { Skip, Overwrite, Rename };
QString toString(ConflictPolicy policy);
std::optional<ConflictPolicy> conflictPolicyFromString(const QString &text);

struct PlanOptions
{
    QString inputDir;
    // Files and folders, in order (the CLI's inputs); when non-empty, used instead of
    // inputDir. Folders keep their layout in the output; files given directly land flat in
    // it. Relative paths in the journal, the fingerprint and --shard are taken from the
    // deepest folder holding every input (batch/inputs.h).
    QStringList inputs;
    QString outputDir;
    bool recursive = false; // subfolders are mirrored into the output folder
    // Output base name, with the tokens of batch/naming.h. The extension is added from the
    // output format.
    QString namePattern = QStringLiteral("{name}");
    ConflictPolicy conflict = ConflictPolicy::Skip;
    Recipe recipe;
    qint64 maxPixels = kDefaultMaxPixels;
    // Skip inputs the output folder's journal records as done with this recipe (journal.h).
    bool resume = false;
    // This run's slice of the batch: every shard plans the whole folder (same names, same {n},
    // same fingerprint) and keeps the inputs whose relative path hashes to shardIndex
    // (shardOf). shardCount 1: the whole batch.
    int shardIndex = 0;
    int shardCount = 1;
    // The GUI's input view: when set, only the inputs whose path (absolute and clean, as the
    // walk spells it: ScannedFile::path) is in it run (the images left checked and not
    // removed). Applied after naming, like shards, so outputs keep
    // the names and {n} of the whole folder: unchecking one image never renames another's
    // output, and a later run of the rest adds to the same set of names.
    std::optional<QSet<QString>> onlyInputs;
    // Set by another thread to abandon a scan in progress (a cancel while planning); the plan
    // then carries an error and no jobs.
    std::shared_ptr<const std::atomic_bool> stop;
};

// What a folder becomes. Jobs are sorted largest input first (dynamic dispatch then ends
// with small jobs, so no core idles at the end). Files that already have a verdict before
// any work (skipped by the conflict policy) are in `preResolved`.
struct BatchPlan
{
    QList<Job> jobs;
    QList<JobResult> preResolved;
    QString error;     // set when nothing can run: missing input, output == input, bad recipe...
    QString inputRoot; // absolute, cleaned: every job's input path starts with it
    // Hex SHA-1 over the whole (unsharded) plan: every input's path relative to the input root,
    // its output name relative to the output root, and the recipe and naming. The same for
    // every shard of one batch; recorded in the journal and in reports (merge-reports checks
    // it). Names do not depend on what exists under the skip and overwrite policies, so it is
    // stable while a batch runs; under rename it is not (hence no --shard with rename).
    QString fingerprint;
    int total() const { return int(jobs.size() + preResolved.size()); }
};

// Scans inputDir (recognising images by content, never opening special files, never reading
// inside outputDir), names outputs (no two jobs share one; no output is ever an input) and
// applies the conflict policy. Reads the filesystem; writes nothing.
BatchPlan planBatch(const PlanOptions &options);

// The shard (0..count-1) of an input, by a stable hash (FNV-1a 64, then a splitmix64 mix) of
// its path relative to the input root in UTF-8: adding files moves only the new ones.
int shardOf(const QString &relativePath, int shardCount);

// The path of `path` below `root` (both absolute and clean), without a leading slash.
QString relativeTo(const QString &root, const QString &path);
