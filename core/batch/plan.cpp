#include "batch/plan.h"

#include "batch/inputs.h"
#include "batch/journal.h"
#include "batch/scan.h"
#include "imageformat.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace {

// Everything the naming step needs to know about the batch so far.
struct NamingState
{
    QSet<QString> claimed;    // output paths already given to an earlier input
    QSet<QString> inputPaths; // canonical paths of every input
    ConflictPolicy conflict = ConflictPolicy::Skip;
};

QString withSuffix(const QString &dir, const QString &base, const QString &ext, int n)
{
    QString name = n <= 1 ? base : QStringLiteral("%1 (%2)").arg(base).arg(n);
    if (!ext.isEmpty())
        name += QLatin1Char('.') + ext;
    return dir + QLatin1Char('/') + name;
}

// An output path "is an input" when it exists and resolves to an input file (through
// symlinks or a differently spelled folder).
bool isInput(const NamingState &state, const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return !canonical.isEmpty() && state.inputPaths.contains(canonical);
}

bool isTaken(const NamingState &state, const QString &path, bool includeExisting)
{
    if (state.claimed.contains(path) || isInput(state, path))
        return true;
    return includeExisting && QFileInfo::exists(path);
}

QString patternError(const QString &pattern)
{
    if (pattern.trimmed().isEmpty())
        return QStringLiteral("The name pattern is empty; use for example {name}.");
    if (pattern.contains(QLatin1Char('/')) || pattern.contains(QLatin1Char('\\')) ||
        pattern.contains(QChar(0)))
        return QStringLiteral("The name pattern must not contain a slash (got \"%1\").")
            .arg(pattern);
    return namePatternError(pattern);
}

QString setupError(const PlanOptions &options)
{
    if (QString error = options.recipe.validationError(); !error.isEmpty())
        return error;
    if (QString error = patternError(options.namePattern); !error.isEmpty())
        return error;
    const QStringList inputs = inputPathsOf(options);
    if (inputs.isEmpty())
        return QStringLiteral("No input folder was given.");
    for (const QString &input : inputs)
        if (QString error = inputError(input, options.outputDir, options.inputs.isEmpty());
            !error.isEmpty())
            return error;
    if (options.outputDir.isEmpty())
        return QStringLiteral("No output folder was given.");
    if (options.shardCount < 1 || options.shardIndex < 0 ||
        options.shardIndex >= options.shardCount)
        return QStringLiteral("The shard must be K/N with 0 <= K < N (got %1/%2).")
            .arg(options.shardIndex)
            .arg(options.shardCount);
    if (options.shardCount > 1 && options.conflict == ConflictPolicy::Rename)
        return QStringLiteral("Shards cannot use the rename policy: its names depend on the "
                              "files other shards are writing. Use skip or overwrite.");
    return {};
}

// Picks the final output path of one input and records it; fills *job or *skip.
bool nameOne(NamingState &state, const QString &dir, const QString &base, const QString &ext,
             Job *job)
{
    int n = 1;
    while (isTaken(state, withSuffix(dir, base, ext, n), false))
        ++n;
    if (QFileInfo::exists(withSuffix(dir, base, ext, n))) {
        if (state.conflict == ConflictPolicy::Rename) {
            while (isTaken(state, withSuffix(dir, base, ext, n), true))
                ++n;
        } else if (state.conflict == ConflictPolicy::Overwrite) {
            job->overwrite = true;
        }
    }
    job->outputPath = withSuffix(dir, base, ext, n);
    state.claimed.insert(job->outputPath);
    const bool skip = state.conflict == ConflictPolicy::Skip && QFileInfo::exists(job->outputPath);
    return !skip;
}

// Fills *job for one scanned file (its output name claimed in `state`). nullopt when it runs;
// otherwise its verdict before any work: skipped (the conflict policy found its output), or
// failed (a name token this file has no value for, such as {width} of a WebP).
std::optional<JobResult> nameFile(const ScannedFile &file, const PlanOptions &options,
                                  const QString &outputRoot, NamingState &state, int *number,
                                  Job *job)
{
    job->inputPath = file.path;
    job->recipe = options.recipe;
    job->maxPixels = options.maxPixels;
    job->probe = file.probe;
    const OutputFormat format = resolveOutputFormat(options.recipe.format, file.format);
    const bool isImage = file.format != ImageFormat::Unknown;
    QString error;
    QString fullName =
        outputFileName(options.namePattern,
                       nameInputsFor(options.namePattern, file.path, isImage ? ++*number : *number,
                                     file.probe, options.recipe),
                       OutputFormat::Same, &error);
    if (!error.isEmpty() && isImage)
        return JobResult::failed(*job, FailureKind::InvalidRecipe, error);
    if (!error.isEmpty()) // not an image: the worker's reason is the one to report
        fullName = QFileInfo(file.path).fileName();
    const QString dir =
        file.relativeDir.isEmpty() ? outputRoot : outputRoot + QLatin1Char('/') + file.relativeDir;
    if (!isImage) {
        // Named like an image but none we read: it will fail with its reason in the worker.
        // It takes no output name (and no {n}) that a real image would then have to avoid.
        job->outputPath =
            dir + QLatin1Char('/') + fullName + QLatin1Char('.') + extensionFor(format);
        return std::nullopt;
    }
    if (nameOne(state, dir, fullName, extensionFor(format), job))
        return std::nullopt;
    return JobResult::skipped(*job, QStringLiteral("output exists: %1").arg(job->outputPath));
}

// Adds one planned input to the plan's fingerprint: relative input, NUL, relative output.
void addToFingerprint(QCryptographicHash &hash, const QString &relativeInput,
                      const QString &relativeOutput)
{
    hash.addData(relativeInput.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(relativeOutput.toUtf8());
    hash.addData(QByteArrayView("\n", 1));
}

} // namespace

int shardOf(const QString &relativePath, int shardCount)
{
    if (shardCount <= 1)
        return 0;
    quint64 h = 0xcbf29ce484222325ULL; // FNV-1a 64
    for (const char c : relativePath.toUtf8()) {
        h ^= quint8(c);
        h *= 0x100000001b3ULL;
    }
    // splitmix64's finaliser: FNV's low bits alone are poorly spread for a small modulus.
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return int(h % quint64(shardCount));
}

QString relativeTo(const QString &root, const QString &path)
{
    if (path.size() > root.size() && path.startsWith(root) &&
        (root.endsWith(QLatin1Char('/')) || path.at(root.size()) == QLatin1Char('/')))
        return path.mid(root.endsWith(QLatin1Char('/')) ? root.size() : root.size() + 1);
    return QDir(root).relativeFilePath(path);
}

QString toString(ConflictPolicy policy)
{
    switch (policy) {
    case ConflictPolicy::Skip:
        return QStringLiteral("skip");
    case ConflictPolicy::Overwrite:
        return QStringLiteral("overwrite");
    case ConflictPolicy::Rename:
        return QStringLiteral("rename");
    }
    return {};
}

std::optional<ConflictPolicy> conflictPolicyFromString(const QString &text)
{
    for (ConflictPolicy p :
         {ConflictPolicy::Skip, ConflictPolicy::Overwrite, ConflictPolicy::Rename})
        if (text.compare(toString(p), Qt::CaseInsensitive) == 0)
            return p;
    return std::nullopt;
}

BatchPlan planBatch(const PlanOptions &options)
{
    BatchPlan plan;
    plan.error = setupError(options);
    if (!plan.error.isEmpty())
        return plan;
    const GatheredInputs inputs = gatherInputs(options, options.stop.get());
    const QList<ScannedFile> &files = inputs.files;
    if (options.stop && options.stop->load()) {
        plan.error = QStringLiteral("Planning was cancelled.");
        return plan;
    }
    if (files.isEmpty()) {
        plan.error = QStringLiteral("No images were found in %1 (JPEG, PNG, WebP, TIFF, GIF or "
                                    "BMP, recognised by content).")
                         .arg(inputPathsOf(options).join(QStringLiteral(", ")));
        return plan;
    }
    NamingState state;
    state.conflict = options.conflict;
    for (const ScannedFile &file : files)
        state.inputPaths.insert(file.canonicalPath);

    plan.inputRoot = inputs.root;
    // Every file is named, so that names, {n} and suffixes are the whole batch's; only this
    // shard's slice becomes jobs.
    QCryptographicHash fingerprint(QCryptographicHash::Sha1);
    QList<std::pair<qint64, Job>> sized;
    int number = 0; // {n}: images only
    for (const ScannedFile &file : files) {
        const QString relativeInput = relativeTo(inputs.root, file.path);
        Job job;
        const std::optional<JobResult> verdict =
            nameFile(file, options, inputs.outputPath, state, &number, &job);
        addToFingerprint(fingerprint, relativeInput, relativeTo(inputs.outputPath, job.outputPath));
        if (shardOf(relativeInput, options.shardCount) != options.shardIndex ||
            (options.onlyInputs && !options.onlyInputs->contains(file.path)))
            continue;
        if (verdict)
            plan.preResolved.append(*verdict);
        else
            sized.append({file.size, job});
    }
    if (options.onlyInputs && sized.isEmpty() && plan.preResolved.isEmpty()) {
        plan.error = QStringLiteral("None of the chosen images is in %1 any more.")
                         .arg(inputPathsOf(options).join(QStringLiteral(", ")));
        return plan;
    }
    fingerprint.addData(Journal::recipeStamp(options.recipe, options.namePattern).toLatin1());
    plan.fingerprint = QString::fromLatin1(fingerprint.result().toHex());
    std::stable_sort(sized.begin(), sized.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    JobId id = 0;
    for (auto &[size, job] : sized) {
        job.id = ++id;
        plan.jobs.append(job);
    }
    for (JobResult &result : plan.preResolved)
        result.id = ++id;
    if (options.resume)
        applyJournal(plan, options);
    return plan;
}
