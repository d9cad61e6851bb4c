#include "batch/plan.h"

#include "batch/journal.h"
#include "batch/scan.h"
#include "imageformat.h"

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

} // namespace

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

    QList<std::pair<qint64, Job>> sized;
    int number = 0; // {n}: images only
    for (const ScannedFile &file : files) {
        Job job;
        job.inputPath = file.path;
        job.recipe = options.recipe;
        job.maxPixels = options.maxPixels;
        job.probe = file.probe;
        const OutputFormat format = resolveOutputFormat(options.recipe.format, file.format);
        const bool isImage = file.format != ImageFormat::Unknown;
        const QString fullName = outputFileName(options.namePattern, file.path,
                                                isImage ? ++number : number, OutputFormat::Same);
        const QString dir = file.relativeDir.isEmpty()
                                ? roots.outputPath
                                : roots.outputPath + QLatin1Char('/') + file.relativeDir;
        if (!isImage) {
            // Named like an image but none we read: it will fail with its reason in the worker.
            // It takes no output name (and no {n}) that a real image would then have to avoid.
            job.outputPath =
                dir + QLatin1Char('/') + fullName + QLatin1Char('.') + extensionFor(format);
            sized.append({file.size, job});
        } else if (nameOne(state, dir, fullName, extensionFor(format), &job))
            sized.append({file.size, job});
        else
            plan.preResolved.append(
                JobResult::skipped(job, QStringLiteral("output exists: %1").arg(job.outputPath)));
    }
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
