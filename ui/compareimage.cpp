#include "compareimage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QMetaObject>

#include "compareworkerdecode.h"
#include "imageformat.h"

namespace {
// QImageReader refuses images that would need more memory than this (Qt's default is 128 MB,
// under a 40-megapixel photo); past it the side shows the reason instead.
constexpr int kAllocationLimitMb = 1024;
// Halvings stop once the picture is this small: the view never shrinks it much further.
constexpr int kSmallestLevel = 256;

QList<QImage> halvingsOf(const QImage &image)
{
    QList<QImage> levels;
    const QImage *last = &image;
    while (last->width() / 2 >= kSmallestLevel && last->height() / 2 >= 1) {
        levels.append(last->scaled(last->width() / 2, last->height() / 2, Qt::IgnoreAspectRatio,
                                   Qt::SmoothTransformation));
        last = &levels.last();
    }
    return levels;
}
} // namespace

CompareImage loadCompareImage(const QString &path, const QString &scratchDir)
{
    CompareImage result;
    result.path = path;
    const QFileInfo info(path);
    const QString name = QDir::toNativeSeparators(path);
    if (!info.exists()) {
        result.error = QCoreApplication::translate("CompareImage", "%1 does not exist").arg(name);
        return result;
    }
    if (!info.isFile()) {
        result.error = QCoreApplication::translate("CompareImage", "%1 is not a file").arg(name);
        return result;
    }
    result.fileBytes = info.size();
    QString readable = path;
    if (!scratchDir.isEmpty() && needsWorkerDecode(path)) {
        result.format = toString(sniffImageFormatOfFile(path)).toUpper();
        QString reason;
        readable = decodeWithWorker(path, scratchDir, &reason);
        if (readable.isEmpty()) {
            result.error =
                QCoreApplication::translate("CompareImage", "Cannot show %1: %2").arg(name, reason);
            return result;
        }
    }
    QImageReader reader(readable);
    reader.setAutoTransform(true); // EXIF orientation: the picture as viewers show it
    reader.setAllocationLimit(kAllocationLimitMb);
    if (readable == path)
        result.format = QString::fromLatin1(reader.format()).toUpper();
    const bool read = reader.read(&result.image);
    const QString readError = reader.errorString();
    if (readable != path)
        QFile::remove(readable); // the worker's PNG served its purpose
    if (!read) {
        result.image = QImage();
        result.error =
            QCoreApplication::translate("CompareImage", "Cannot show %1: %2").arg(name, readError);
        return result;
    }
    result.halvings = halvingsOf(result.image);
    return result;
}

const QImage &CompareImage::levelFor(double width) const
{
    for (auto level = halvings.crbegin(); level != halvings.crend(); ++level)
        if (level->width() >= width)
            return *level;
    return image;
}

CompareImageLoader::CompareImageLoader(QObject *parent)
    : QObject(parent), m_generation(std::make_shared<std::atomic<quint64>>(0))
{
    m_pool.setMaxThreadCount(1);
}

CompareImageLoader::~CompareImageLoader()
{
    ++*m_generation;
    m_pool.waitForDone();
}

void CompareImageLoader::load(const QString &beforePath, const QString &afterPath,
                              const QString &emptyReason)
{
    const quint64 generation = ++*m_generation;
    const QString scratch = m_scratch.isValid() ? m_scratch.path() : QString();
    m_pool.start(
        [this, generation, latest = m_generation, beforePath, afterPath, emptyReason, scratch] {
            auto loadSide = [&](const QString &path) {
                if (path.isEmpty()) {
                    CompareImage none;
                    none.error = emptyReason;
                    return none;
                }
                return loadCompareImage(path, scratch);
            };
            const CompareImage before = loadSide(beforePath);
            if (*latest != generation)
                return; // a newer comparison was asked for: skip the second decode
            const CompareImage after = loadSide(afterPath);
            QMetaObject::invokeMethod(
                this,
                [this, generation, latest, before, after] {
                    if (*latest == generation)
                        Q_EMIT loaded(before, after);
                },
                Qt::QueuedConnection);
        });
}
