#include "batch/plan.h"

#include "batch/journal.h"
#include "batch/scan.h"
#include "imageformat.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
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
    return {};
}

QString setupError(const PlanOptions &options, const ScanRoots &roots)
{
    if (QString error = options.recipe.validationError(); !error.isEmpty())
        return error;
    if (QString error = patternError(options.namePattern); !error.isEmpty())
        return error;
    if (options.inputDir.isEmpty())
        return QStringLiteral("No input folder was given.");
    const QFileInfo input(options.inputDir);
    if (!input.exists())
        return QStringLiteral("The input folder does not exist: %1").arg(options.inputDir);
    if (!input.isDir())
        return QStringLiteral("The input is not a folder: %1").arg(options.inputDir);
    if (!input.isReadable() || !input.isExecutable())
        return QStringLiteral("The input folder cannot be read: %1").arg(options.inputDir);
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
    if (roots.input == roots.output)
        return QStringLiteral("The output folder is the input folder (%1); choose another "
                              "output folder so that no original is overwritten.")
            .arg(options.outputDir);
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

// Fills *job for one scanned file (its output name claimed in `state`); false when the
// conflict policy skips it because its output exists.
bool nameFile(const ScannedFile &file, const PlanOptions &options, const ScanRoots &roots,
              NamingState &state, int *number, Job *job)
{
    job->inputPath = file.path;
    job->recipe = options.recipe;
    job->maxPixels = options.maxPixels;
    job->probe = file.probe;
    const OutputFormat format = resolveOutputFormat(options.recipe.format, file.format);
    const bool isImage = file.format != ImageFormat::Unknown;
    const QString fullName = outputFileName(options.namePattern, file.path,
                                            isImage ? ++*number : *number, OutputFormat::Same);
    const QString dir = file.relativeDir.isEmpty()
                            ? roots.outputPath
                            : roots.outputPath + QLatin1Char('/') + file.relativeDir;
    if (isImage)
        return nameOne(state, dir, fullName, extensionFor(format), job);
    // Named like an image but none we read: it will fail with its reason in the worker.
    // It takes no output name (and no {n}) that a real image would then have to avoid.
    job->outputPath = dir + QLatin1Char('/') + fullName + QLatin1Char('.') + extensionFor(format);
    return true;
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

QString outputFileName(const QString &pattern, const QString &inputPath, int position,
                       OutputFormat resolvedFormat)
{
    const QFileInfo info(inputPath);
    QString name = info.completeBaseName();
    if (name.isEmpty()) // ".jpg": a hidden file without extension keeps its whole name
        name = info.fileName();
    QString result = pattern;
    // One pass, so that a token inside a file name ("{n}.jpg") is never expanded again.
    static const QRegularExpression tokens(QStringLiteral("\\{(name|parent|n)\\}"));
    QString expanded;
    qsizetype last = 0;
    for (auto it = tokens.globalMatch(result); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        expanded += result.mid(last, m.capturedStart() - last);
        const QString token = m.captured(1);
        if (token == QLatin1String("name"))
            expanded += name;
        else if (token == QLatin1String("parent"))
            expanded += info.absoluteDir().dirName();
        else
            expanded += QString::number(position);
        last = m.capturedEnd();
    }
    expanded += result.mid(last);
    const QString ext = extensionFor(resolvedFormat);
    return ext.isEmpty() ? expanded : expanded + QLatin1Char('.') + ext;
}

BatchPlan planBatch(const PlanOptions &options)
{
    BatchPlan plan;
    const ScanRoots roots = scanRoots(options.inputDir, options.outputDir);
    plan.error = setupError(options, roots);
    if (!plan.error.isEmpty())
        return plan;
    const QList<ScannedFile> files = scanImages(roots, options.recursive, options.stop.get());
    if (options.stop && options.stop->load()) {
        plan.error = QStringLiteral("Planning was cancelled.");
        return plan;
    }
    if (files.isEmpty()) {
        plan.error = QStringLiteral("No images were found in %1 (JPEG, PNG, WebP, TIFF, GIF or "
                                    "BMP, recognised by content).")
                         .arg(options.inputDir);
        return plan;
    }
    NamingState state;
    state.conflict = options.conflict;
    for (const ScannedFile &file : files)
        state.inputPaths.insert(file.canonicalPath);

    plan.inputRoot = roots.inputPath;
    // Every file is named, so that names, {n} and suffixes are the whole batch's; only this
    // shard's slice becomes jobs.
    QCryptographicHash fingerprint(QCryptographicHash::Sha1);
    QList<std::pair<qint64, Job>> sized;
    int number = 0; // {n}: images only
    for (const ScannedFile &file : files) {
        const QString relativeInput = relativeTo(roots.inputPath, file.path);
        Job job;
        const bool runs = nameFile(file, options, roots, state, &number, &job);
        addToFingerprint(fingerprint, relativeInput, relativeTo(roots.outputPath, job.outputPath));
        if (shardOf(relativeInput, options.shardCount) != options.shardIndex ||
            (options.onlyInputs && !options.onlyInputs->contains(relativeInput)))
            continue;
        if (runs)
            sized.append({file.size, job});
        else
            plan.preResolved.append(
                JobResult::skipped(job, QStringLiteral("output exists: %1").arg(job.outputPath)));
    }
    if (options.onlyInputs && sized.isEmpty() && plan.preResolved.isEmpty()) {
        plan.error =
            QStringLiteral("None of the chosen images is in %1 any more.").arg(options.inputDir);
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
