#include "batch/scan.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

QString canonicalOrAbsolute(const QString &path)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QString existing = absolute;
    QString tail;
    while (!existing.isEmpty()) {
        const QString canonical = QFileInfo(existing).canonicalFilePath();
        if (!canonical.isEmpty())
            return QDir::cleanPath(canonical + tail);
        const qsizetype slash = existing.lastIndexOf(QLatin1Char('/'));
        if (slash < 0)
            break;
        tail.prepend(existing.mid(slash));
        existing.truncate(slash);
    }
    return absolute;
}

ScanRoots scanRoots(const QString &inputDir, const QString &outputDir)
{
    ScanRoots roots;
    roots.inputPath = QDir::cleanPath(QFileInfo(inputDir).absoluteFilePath());
    roots.input = canonicalOrAbsolute(inputDir);
    if (outputDir.isEmpty())
        return roots; // an empty path would resolve to the working folder and exclude it
    roots.outputPath = QDir::cleanPath(QFileInfo(outputDir).absoluteFilePath());
    roots.output = canonicalOrAbsolute(outputDir);
    return roots;
}

ImageFormat sniffRegularFile(const QString &path)
{
    return probeFile(path).format;
}

namespace {

// What the scan keeps of one directory entry: a QFileInfo per entry (~400 bytes, with its
// cached stat) for a whole 100,000-image folder was most of the CLI's peak memory.
struct Entry
{
    QString name;
    qint64 size = 0;
    bool isDir = false;  // follows symlinks
    bool isFile = false; // follows symlinks; false for FIFOs, sockets and devices
    bool isSymLink = false;
};

// The folder's entries in name order (QDir::Name's order: case-sensitive, by UTF-16 code
// unit), which makes the plan (and so {n} and the " (2)" suffixes) reproducible.
QList<Entry> listFolder(const QString &folder)
{
    QList<Entry> entries;
    QDirIterator it(folder, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        entries.append(
            {info.fileName(), info.size(), info.isDir(), info.isFile(), info.isSymLink()});
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.name < b.name; });
    return entries;
}

// False once the walk should end (stopped, or the visitor had enough).
bool walkFolder(const ScanRoots &roots, const QString &relative, bool recursive,
                const std::atomic_bool *stop, const ImageVisitor &visit)
{
    const QString suffix = relative.isEmpty() ? QString() : QLatin1Char('/') + relative;
    const QString folder = roots.inputPath + suffix;
    // Symlinked subfolders are never entered, so a folder's canonical path is the root's
    // plus the relative part; only a symlinked file needs resolving on its own.
    const QString canonicalFolder = roots.input + suffix;
    const QList<Entry> entries = listFolder(folder);
    QStringList subfolders;
    for (const Entry &entry : entries) {
        if (stop && stop->load())
            return false;
        if (entry.isDir) {
            if (recursive && !entry.isSymLink)
                subfolders.append(entry.name);
            continue;
        }
        if (!entry.isFile) // never opened
            continue;
        const QString path = folder + QLatin1Char('/') + entry.name;
        const ImageProbe probe = probeFile(path);
        const ImageFormat format = probe.format;
        if (format == ImageFormat::Unknown && !hasImageFileName(entry.name))
            continue;
        QString canonical = entry.isSymLink ? QFileInfo(path).canonicalFilePath()
                                            : canonicalFolder + QLatin1Char('/') + entry.name;
        if (canonical == path)
            canonical = path; // one shared string, not two equal ones
        if (!visit({path, canonical, relative, entry.size, format, probe}))
            return false;
    }
    for (const QString &name : std::as_const(subfolders)) {
        if (canonicalFolder + QLatin1Char('/') + name == roots.output)
            continue; // never read our own outputs as inputs
        if (!walkFolder(roots, relative.isEmpty() ? name : relative + QLatin1Char('/') + name,
                        recursive, stop, visit))
            return false;
    }
    return true;
}

} // namespace

void walkImages(const ScanRoots &roots, bool recursive, const std::atomic_bool *stop,
                const ImageVisitor &visit)
{
    walkFolder(roots, QString(), recursive, stop, visit);
}

QList<ScannedFile> scanImages(const ScanRoots &roots, bool recursive, const std::atomic_bool *stop)
{
    QList<ScannedFile> files;
    walkImages(roots, recursive, stop, [&files](const ScannedFile &file) {
        files.append(file);
        return true;
    });
    return files;
}
