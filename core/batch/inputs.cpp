#include "batch/inputs.h"

#include "batch/plan.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

QStringList inputPathsOf(const PlanOptions &options)
{
    if (!options.inputs.isEmpty())
        return options.inputs;
    return options.inputDir.isEmpty() ? QStringList() : QStringList{options.inputDir};
}

QString inputError(const QString &path, const QString &outputDir, bool folderOnly)
{
    const QFileInfo input(path);
    if (!input.exists())
        return folderOnly ? QStringLiteral("The input folder does not exist: %1").arg(path)
                          : QStringLiteral("The input does not exist: %1").arg(path);
    if (folderOnly && !input.isDir())
        return QStringLiteral("The input is not a folder: %1").arg(path);
    if (input.isFile())
        return {}; // an unreadable file fails in the worker with its reason, like any other
    if (!input.isDir())
        return QStringLiteral("The input is neither a file nor a folder: %1").arg(path);
    if (!input.isReadable() || !input.isExecutable())
        return QStringLiteral("The input folder cannot be read: %1").arg(path);
    if (!outputDir.isEmpty() && canonicalOrAbsolute(path) == canonicalOrAbsolute(outputDir))
        return QStringLiteral("The output folder is the input folder (%1); choose another "
                              "output folder so that no original is overwritten.")
            .arg(outputDir);
    return {};
}

QString commonFolder(const QStringList &folders)
{
    if (folders.isEmpty())
        return {};
    QStringList common = folders.constFirst().split(QLatin1Char('/'));
    for (const QString &folder : folders) {
        const QStringList parts = folder.split(QLatin1Char('/'));
        qsizetype same = 0;
        while (same < common.size() && same < parts.size() && common[same] == parts[same])
            ++same;
        common = common.mid(0, same);
    }
    const QString joined = common.join(QLatin1Char('/'));
    return joined.isEmpty() ? QStringLiteral("/") : joined;
}

namespace {

// A file named on the command line: probed like a scanned one; it counts whatever its
// content, since it was asked for (a non-image then fails with its reason).
ScannedFile givenFile(const QString &path)
{
    ScannedFile file;
    file.path = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    file.canonicalPath = QFileInfo(file.path).canonicalFilePath();
    file.probe = probeFile(file.path);
    file.format = file.probe.format;
    file.size = QFileInfo(file.path).size();
    return file;
}

} // namespace

QString walkInputs(const QStringList &paths, const QString &outputDir, bool recursive,
                   const std::atomic_bool *stop, const ImageVisitor &visit)
{
    QStringList folders;
    QSet<QString> seen;
    // One input cannot repeat itself: no set of a million paths for a big folder (SCALE.md).
    const bool mayRepeat = paths.size() > 1;
    bool going = true;
    const auto add = [&](const ScannedFile &file) {
        // By the path as spelled (absolute, clean): a symlink stays an input of its own, as
        // in a folder walk.
        if (mayRepeat) {
            if (seen.contains(file.path))
                return true;
            seen.insert(file.path);
        }
        going = visit(file) && !(stop && stop->load());
        return going;
    };
    for (const QString &path : paths) {
        if (!going || (stop && stop->load()))
            break;
        const QFileInfo info(path);
        if (info.isDir()) {
            const ScanRoots roots = scanRoots(path, outputDir);
            folders.append(roots.inputPath);
            walkImages(roots, recursive, stop, add);
        } else if (info.exists()) {
            const ScannedFile file = givenFile(path);
            folders.append(QFileInfo(file.path).path());
            add(file);
        }
    }
    return commonFolder(folders);
}

GatheredInputs gatherInputs(const PlanOptions &options, const std::atomic_bool *stop)
{
    GatheredInputs gathered;
    gathered.root = walkInputs(inputPathsOf(options), options.outputDir, options.recursive, stop,
                               [&gathered](const ScannedFile &file) {
                                   gathered.files.append(file);
                                   return true;
                               });
    gathered.outputPath = QDir::cleanPath(QFileInfo(options.outputDir).absoluteFilePath());
    return gathered;
}
