#include "batch/journal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

QString cleanAbsolute(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

QString Journal::fileName(int shardIndex, int shardCount)
{
    if (shardCount <= 1)
        return QStringLiteral(".pixelmill-journal");
    return QStringLiteral(".pixelmill-journal-%1-of-%2").arg(shardIndex).arg(shardCount);
}

QString Journal::pathIn(const QString &outputDir, int shardIndex, int shardCount)
{
    return QDir(outputDir).filePath(fileName(shardIndex, shardCount));
}

QString Journal::recipeStamp(const Recipe &recipe, const QString &namePattern)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QJsonDocument(recipe.toJson()).toJson(QJsonDocument::Compact));
    hash.addData(namePattern.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

namespace {
QString contentKey(const QString &relativePath, qint64 size, qint64 modifiedMs,
                   const QString &recipeStamp)
{
    return QStringLiteral("%1|%2|%3|%4")
        .arg(relativePath)
        .arg(size)
        .arg(modifiedMs)
        .arg(recipeStamp);
}
} // namespace

QString Journal::keyFor(const QString &inputRoot, const QString &inputPath,
                        const QString &recipeStamp)
{
    const QFileInfo info(inputPath);
    if (!info.exists())
        return {};
    return contentKey(relativeTo(inputRoot, inputPath), info.size(),
                      info.lastModified().toMSecsSinceEpoch(), recipeStamp);
}

QString Journal::keyFor(const QString &inputRoot, const Job &job, const QString &recipeStamp)
{
    if (!job.probe.isTaken())
        return keyFor(inputRoot, job.inputPath, recipeStamp);
    // The planner's stat, not a new one: and should the file change during the run, the
    // journal keeps the stamp of the content that was planned, so a resume redoes it.
    return contentKey(relativeTo(inputRoot, job.inputPath), job.probe.fileBytes,
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
    recordDone(keyFor(m_inputRoot, job, m_stamp), outputPath, outputBytes);
}

bool Journal::open(const QString &path, const Header &header, QString *error)
{
    m_file.close();
    m_file.setFileName(path);
    m_inputRoot = cleanAbsolute(header.inputRoot);
    m_outputRoot = cleanAbsolute(QFileInfo(path).absolutePath());
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        *error = QStringLiteral("cannot write the run journal %1: %2")
                     .arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    const QJsonObject line{{QStringLiteral("plan"), header.planFingerprint},
                           {QStringLiteral("shard"),
                            QStringLiteral("%1/%2").arg(header.shardIndex).arg(header.shardCount)}};
    m_file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    m_file.flush();
    return true;
}

void Journal::recordDone(const QString &key, const QString &outputPath, qint64 outputBytes)
{
    if (!m_file.isOpen() || key.isEmpty())
        return;
    const QString output =
        m_outputRoot.isEmpty() ? outputPath : relativeTo(m_outputRoot, outputPath);
    QJsonObject line{{QStringLiteral("key"), key}, {QStringLiteral("output"), output}};
    if (outputBytes >= 0)
        line.insert(QStringLiteral("bytes"), double(outputBytes));
    m_file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    m_file.flush(); // each line reaches the file as the image finishes, not at the end
}

bool Journal::retire(const QString &path, const QString &outputDir, QString *error)
{
    const int fd =
        ::open(QFile::encodeName(outputDir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::syncfs(fd) != 0) {
        *error = QStringLiteral("cannot sync the output folder %1: %2")
                     .arg(outputDir, QString::fromLocal8Bit(std::strerror(errno)));
        if (fd >= 0)
            ::close(fd);
        return false; // the journal stays: the outputs may not be on disk
    }
    ::close(fd);
    QFile journal(path);
    if (journal.exists() && !journal.remove()) {
        *error =
            QStringLiteral("cannot remove the run journal %1: %2").arg(path, journal.errorString());
        return false;
    }
    return true;
}

namespace {

struct DoneEntry
{
    QString output;
    qint64 bytes = -1; // -1: a line from before sizes were recorded
};

// key -> output, for every line of the journal that parses (a torn last line is not).
QHash<QString, DoneEntry> loadDone(const PlanOptions &options)
{
    QHash<QString, DoneEntry> done;
    const QDir outputRoot(cleanAbsolute(options.outputDir));
    QFile file(Journal::pathFor(options));
    if (!file.open(QIODevice::ReadOnly))
        return done;
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        const QString key = line.value(QLatin1String("key")).toString();
        const QString output = line.value(QLatin1String("output")).toString();
        if (!key.isEmpty())
            done.insert(key, {output.isEmpty() ? output : outputRoot.filePath(output),
                              line.value(QLatin1String("bytes")).toInteger(-1)});
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
    const QHash<QString, DoneEntry> done = loadDone(options);
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
        const DoneEntry entry =
            done.value(Journal::keyFor(plan.inputRoot, result.inputPath, stamp));
        Job job;
        job.id = result.id;
        job.inputPath = result.inputPath;
        job.recipe = options.recipe;
        job.maxPixels = options.maxPixels;
        if (recorded(entry) != Recorded::CutShort || !redoCutShort(job, entry))
            resolved.append(result);
    }
    for (const Job &job : std::as_const(plan.jobs)) {
        const DoneEntry entry = done.value(Journal::keyFor(plan.inputRoot, job, stamp));
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
