#include "batch/journal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

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

QString Journal::keyFor(const QString &inputPath, const QString &recipeStamp)
{
    const QFileInfo info(inputPath);
    if (!info.exists())
        return {};
    return QStringLiteral("%1|%2|%3|%4")
        .arg(info.absoluteFilePath())
        .arg(info.size())
        .arg(info.lastModified().toMSecsSinceEpoch())
        .arg(recipeStamp);
}

void Journal::recordDone(const Job &job, const QString &namePattern, const QString &outputPath)
{
    if (m_stamp.isEmpty() || job.recipe != m_stampedRecipe || namePattern != m_stampedPattern) {
        m_stampedRecipe = job.recipe;
        m_stampedPattern = namePattern;
        m_stamp = recipeStamp(job.recipe, namePattern);
    }
    recordDone(keyFor(job.inputPath, m_stamp), outputPath);
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

void Journal::recordDone(const QString &key, const QString &outputPath)
{
    if (!m_file.isOpen() || key.isEmpty())
        return;
    const QJsonObject line{{QStringLiteral("key"), key}, {QStringLiteral("output"), outputPath}};
    m_file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    m_file.flush(); // each line reaches the file as the image finishes, not at the end
}

namespace {

// key -> output path, for every line of the journal that parses (a torn last line is not).
QHash<QString, QString> loadDone(const QString &outputDir)
{
    QHash<QString, QString> done;
    QFile file(Journal::pathIn(outputDir));
    if (!file.open(QIODevice::ReadOnly))
        return done;
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        const QString key = line.value(QLatin1String("key")).toString();
        if (!key.isEmpty())
            done.insert(key, line.value(QLatin1String("output")).toString());
    }
    return done;
}

} // namespace

void applyJournal(BatchPlan &plan, const PlanOptions &options)
{
    const QHash<QString, QString> done = loadDone(options.outputDir);
    if (done.isEmpty())
        return;
    // Every planned job carries options.recipe: one stamp serves them all.
    const QString stamp = Journal::recipeStamp(options.recipe, options.namePattern);
    QList<Job> remaining;
    for (const Job &job : std::as_const(plan.jobs)) {
        const QString output = done.value(Journal::keyFor(job.inputPath, stamp));
        if (output.isEmpty() || !QFileInfo::exists(output)) {
            remaining.append(job);
            continue;
        }
        JobResult result =
            JobResult::skipped(job, QStringLiteral("done in an earlier run: %1").arg(output));
        result.outputPath = output;
        plan.preResolved.append(result);
    }
    plan.jobs = remaining;
}
