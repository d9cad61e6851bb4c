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
class Journal
{
public:
    static QString fileName() { return QStringLiteral(".pixelmill-journal"); }
    static QString pathIn(const QString &outputDir);
    // Identifies one recipe and naming; the same for every image of a run, so computed once.
    static QString recipeStamp(const Recipe &recipe, const QString &namePattern);
    // Identifies one input under one recipe stamp; empty when the input cannot be read.
    static QString keyFor(const QString &inputPath, const QString &recipeStamp);
    // The same from the job's probe (no stat), or from the file when it has none.
    static QString keyFor(const Job &job, const QString &recipeStamp);
    static QString keyFor(const QString &inputPath, const Recipe &recipe,
                          const QString &namePattern)
    {
        return keyFor(inputPath, recipeStamp(recipe, namePattern));
    }

    // Opens for appending; false (with *error) when the output folder cannot take it.
    bool open(const QString &outputDir, QString *error);
    // outputBytes: the size the output was written with; negative when unknown.
    void recordDone(const QString &key, const QString &outputPath, qint64 outputBytes);
    // Records a finished job; the recipe stamp is hashed once per distinct recipe, not per image.
    void recordDone(const Job &job, const QString &namePattern, const QString &outputPath,
                    qint64 outputBytes);
    bool isOpen() const { return m_file.isOpen(); }

private:
    QFile m_file;
    Recipe m_stampedRecipe;
    QString m_stampedPattern;
    QString m_stamp;
};

// Moves the jobs a journal in options.outputDir records as done into plan.preResolved, as
// Skipped "done in an earlier run". Reads the journal; changes nothing on disk.
void applyJournal(BatchPlan &plan, const PlanOptions &options);
