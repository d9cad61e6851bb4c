#include "batch/journal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

QString Journal::pathIn(const QString &outputDir)
{
    return QDir(outputDir).filePath(fileName());
}

QString Journal::recipeStamp(const Recipe &recipe, const QString &namePattern)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QJsonDocument(recipe.toJson()).toJson(QJsonDocument::Compact));
    hash.addData(namePattern.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

namespace {
QString contentKey(const QString &absolutePath, qint64 size, qint64 modifiedMs,
                   const QString &recipeStamp)
{
    return QStringLiteral("%1|%2|%3|%4")
        .arg(absolutePath)
        .arg(size)
        .arg(modifiedMs)
        .arg(recipeStamp);
}
} // namespace

QString Journal::keyFor(const QString &inputPath, const QString &recipeStamp)
{
    const QFileInfo info(inputPath);
    if (!info.exists())
        return {};
    return contentKey(info.absoluteFilePath(), info.size(), info.lastModified().toMSecsSinceEpoch(),
                      recipeStamp);
}

QString Journal::keyFor(const Job &job, const QString &recipeStamp)
{
    if (!job.probe.isTaken())
        return keyFor(job.inputPath, recipeStamp);
    // The planner's stat, not a new one: and should the file change during the run, the
    // journal keeps the stamp of the content that was planned, so a resume redoes it.
    return contentKey(QFileInfo(job.inputPath).absoluteFilePath(), job.probe.fileBytes,
                      job.probe.modifiedMs, recipeStamp);
}

void Journal::recordDone(const Job &job, const QString &namePattern, const QString &outputPath,
                         qint64 outputBytes)
{
    if (m_stamp.isEmpty() || job.recipe != m_stampedRecipe || namePattern != m_stampedPattern) {
        m_stampedRecipe = job.recipe;
        m_stampedPattern = namePattern;
        m_stamp = recipeStamp(job.recipe, namePattern);
    }
    recordDone(keyFor(job, m_stamp), outputPath, outputBytes);
}

bool Journal::open(const QString &outputDir, QString *error)
{
    m_file.close();
    m_file.setFileName(pathIn(outputDir));
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Append))
        return true;
    *error = QStringLiteral("cannot write the run journal %1: %2")
                 .arg(m_file.fileName(), m_file.errorString());
    return false;
}

void Journal::recordDone(const QString &key, const QString &outputPath, qint64 outputBytes)
{
    if (!m_file.isOpen() || key.isEmpty())
        return;
    QJsonObject line{{QStringLiteral("key"), key}, {QStringLiteral("output"), outputPath}};
    if (outputBytes >= 0)
        line.insert(QStringLiteral("bytes"), double(outputBytes));
    m_file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    m_file.flush(); // each line reaches the file as the image finishes, not at the end
}

namespace {

struct DoneEntry
{
    QString output;
    qint64 bytes = -1; // -1: a line from before sizes were recorded
};

// key -> output, for every line of the journal that parses (a torn last line is not).
QHash<QString, DoneEntry> loadDone(const QString &outputDir)
{
    QHash<QString, DoneEntry> done;
    QFile file(Journal::pathIn(outputDir));
    if (!file.open(QIODevice::ReadOnly))
        return done;
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        const QString key = line.value(QLatin1String("key")).toString();
        if (!key.isEmpty())
            done.insert(key, {line.value(QLatin1String("output")).toString(),
                              qint64(line.value(QLatin1String("bytes")).toDouble(-1))});
    }
    return done;
}

// What the journal says of one input's output.
enum class Recorded {
    No,       // not recorded, or its output is gone or not what was written: plan as usual
    Done,     // there with the recorded size (or a line from before sizes were recorded)
    CutShort, // shorter than written: a power loss before the data reached the disk
};

Recorded recorded(const DoneEntry &entry)
{
    const QFileInfo info(entry.output);
    if (entry.output.isEmpty() || !info.exists())
        return Recorded::No;
    if (entry.bytes < 0 || info.size() == entry.bytes)
        return Recorded::Done;
    return info.size() < entry.bytes ? Recorded::CutShort : Recorded::No;
}

} // namespace

void applyJournal(BatchPlan &plan, const PlanOptions &options)
{
    const QHash<QString, DoneEntry> done = loadDone(options.outputDir);
    if (done.isEmpty())
        return;
    // Every planned job carries options.recipe: one stamp serves them all.
    const QString stamp = Journal::recipeStamp(options.recipe, options.namePattern);
    QSet<QString> planned;
    for (const Job &job : std::as_const(plan.jobs))
        planned.insert(job.outputPath);
    QList<Job> remaining;
    // A cut-short output is this input's own broken output: redone in place, whatever the
    // conflict policy (a skip would keep it broken, a rename would leave it beside the redo).
    const auto redoCutShort = [&](Job job, const DoneEntry &entry) {
        if (job.outputPath != entry.output && planned.contains(entry.output))
            return false; // the name is another job's now: plan this one as usual
        job.outputPath = entry.output;
        job.overwrite = true;
        remaining.append(job);
        return true;
    };
    QList<JobResult> resolved;
    for (const JobResult &result : std::as_const(plan.preResolved)) { // skipped: output exists
        const DoneEntry entry = done.value(Journal::keyFor(result.inputPath, stamp));
        Job job;
        job.id = result.id;
        job.inputPath = result.inputPath;
        job.recipe = options.recipe;
        job.maxPixels = options.maxPixels;
        if (recorded(entry) != Recorded::CutShort || !redoCutShort(job, entry))
            resolved.append(result);
    }
    for (const Job &job : std::as_const(plan.jobs)) {
        const DoneEntry entry = done.value(Journal::keyFor(job, stamp));
        const Recorded state = recorded(entry);
        if (state == Recorded::Done) {
            JobResult result = JobResult::skipped(
                job, QStringLiteral("done in an earlier run: %1").arg(entry.output));
            result.outputPath = entry.output;
            resolved.append(result);
        } else if (state == Recorded::No || !redoCutShort(job, entry)) {
            remaining.append(job);
        }
    }
    plan.jobs = remaining;
    plan.preResolved = resolved;
}
