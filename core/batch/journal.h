#pragma once

#include <QFile>
#include <QHash>
#include <QString>

#include "batch/plan.h"

// A run's record of finished images, kept as `.pixelmill-journal` in the output folder (one
// JSON object per line, appended and flushed as each image finishes, so it survives a crash
// or a kill of the whole application). A resumed run skips every input recorded with the
// same content stamp (size, modification time) and the same recipe and naming, whose output
// is still there with the recorded size: re-running after an interruption neither redoes work
// nor, with the rename policy, makes "photo (2).jpg" copies of what was already done. Outputs
// are not fsynced, so after a power loss one may exist but be empty or short: the size check
// redoes it. Lines from before sizes were recorded need only the output to exist.
//
// The journal names inputs by their path relative to the input root and outputs relative to
// the output folder, never absolutely: the folder can be moved or shared without telling
// where its sources lived. Its first line per run records the plan's fingerprint and shard.
// A run that ends with every image done or skipped syncs the output filesystem and removes
// the journal (retire), so a clean output folder holds only images. Each shard of a batch
// keeps its own journal (`.pixelmill-journal-K-of-N`), so shards on shared storage never
// append to one file and a shard's resume sees only its own work.
class Journal
{
public:
    static QString fileName(int shardIndex = 0, int shardCount = 1);
    static QString pathIn(const QString &outputDir, int shardIndex = 0, int shardCount = 1);
    static QString pathFor(const PlanOptions &options)
    {
        return pathIn(options.outputDir, options.shardIndex, options.shardCount);
    }
    // Identifies one recipe and naming; the same for every image of a run, so computed once.
    static QString recipeStamp(const Recipe &recipe, const QString &namePattern);
    // Identifies one input (named relative to inputRoot) under one recipe stamp; empty when
    // the input cannot be read.
    static QString keyFor(const QString &inputRoot, const QString &inputPath,
                          const QString &recipeStamp);
    // The same from the job's probe (no stat), or from the file when it has none.
    static QString keyFor(const QString &inputRoot, const Job &job, const QString &recipeStamp);
    static QString keyFor(const QString &inputRoot, const QString &inputPath, const Recipe &recipe,
                          const QString &namePattern)
    {
        return keyFor(inputRoot, inputPath, recipeStamp(recipe, namePattern));
    }

    struct Header
    {
        QString inputRoot; // absolute; keys are relative to it, it is not written
        QString planFingerprint;
        int shardIndex = 0;
        int shardCount = 1;
    };
    // Opens `path` for appending and writes the header line; false (with *error) when the
    // output folder cannot take it.
    bool open(const QString &path, const Header &header, QString *error);
    void close() { m_file.close(); }
    // outputBytes: the size the output was written with; negative when unknown.
    void recordDone(const QString &key, const QString &outputPath, qint64 outputBytes);
    // Records a finished job; the recipe stamp is hashed once per distinct recipe, not per image.
    void recordDone(const Job &job, const QString &namePattern, const QString &outputPath,
                    qint64 outputBytes);
    bool isOpen() const { return m_file.isOpen(); }

    // After a run that left every image done or skipped: makes the outputs durable with one
    // syncfs of outputDir's filesystem, then removes the journal at `path`. Without the sync,
    // a power cut minutes later could leave short outputs that no journal would then catch.
    static bool retire(const QString &path, const QString &outputDir, QString *error);

private:
    QFile m_file;
    QString m_inputRoot;
    QString m_outputRoot;
    Recipe m_stampedRecipe;
    QString m_stampedPattern;
    QString m_stamp;
};

// Moves the jobs this shard's journal in options.outputDir records as done into plan.preResolved,
// as Skipped "done in an earlier run". Reads the journal; changes nothing on disk.
void applyJournal(BatchPlan &plan, const PlanOptions &options);
