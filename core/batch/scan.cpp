#include "batch/scan.h"

#include <QDir>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

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
    roots.outputPath = QDir::cleanPath(QFileInfo(outputDir).absoluteFilePath());
    roots.input = canonicalOrAbsolute(inputDir);
    roots.output = canonicalOrAbsolute(outputDir);
    return roots;
}

ImageFormat sniffRegularFile(const QString &path)
{
#ifdef Q_OS_UNIX
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return ImageFormat::Unknown;
    struct stat st;
    QByteArray head;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        head.resize(16);
        const ssize_t n = ::read(fd, head.data(), head.size());
        head.resize(n > 0 ? n : 0);
    }
    ::close(fd);
    return sniffImageFormat(head);
#else
    return sniffImageFormatOfFile(path);
#endif
}

namespace {

void scanFolder(const ScanRoots &roots, const QString &relative, bool recursive,
                const std::atomic_bool *stop, QList<ScannedFile> *out)
{
    const QString folder =
        relative.isEmpty() ? roots.inputPath : roots.inputPath + QLatin1Char('/') + relative;
    const QDir dir(folder);
    // Name order makes the plan (and so {n} and the " (2)" suffixes) reproducible.
    const QFileInfoList entries = dir.entryInfoList(
        QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    QFileInfoList subfolders;
    for (const QFileInfo &entry : entries) {
        if (stop && stop->load())
            return;
        if (entry.isDir()) {
            if (recursive && !entry.isSymLink())
                subfolders.append(entry);
            continue;
        }
        // isFile() follows a symlink and is false for FIFOs, sockets and devices: those are
        // never opened.
        if (!entry.isFile())
            continue;
        const QString path = folder + QLatin1Char('/') + entry.fileName();
        const ImageFormat format = sniffRegularFile(path);
        if (format == ImageFormat::Unknown)
            continue;
        out->append({path, entry.canonicalFilePath(), relative, entry.size(), format});
    }
    for (const QFileInfo &sub : subfolders) {
        if (sub.canonicalFilePath() == roots.output)
            continue; // never read our own outputs as inputs
        const QString name = sub.fileName();
        scanFolder(roots, relative.isEmpty() ? name : relative + QLatin1Char('/') + name, recursive,
                   stop, out);
    }
}

} // namespace

QList<ScannedFile> scanImages(const ScanRoots &roots, bool recursive, const std::atomic_bool *stop)
{
    QList<ScannedFile> files;
    scanFolder(roots, QString(), recursive, stop, &files);
    return files;
}
