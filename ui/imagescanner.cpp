#include "imagescanner.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMetaObject>

#include "imageformat.h"

namespace {
constexpr int kReportEvery = 250;

bool isInside(const QString &path, const QString &dir)
{
    return path == dir || path.startsWith(dir + QLatin1Char('/'));
}

bool isLossy(ImageFormat format)
{
    return format == ImageFormat::Jpeg || format == ImageFormat::Webp;
}
} // namespace

ImageScanner::ImageScanner(QObject *parent)
    : QObject(parent), m_generation(std::make_shared<std::atomic<quint64>>(0))
{
    m_pool.setMaxThreadCount(1);
}

ImageScanner::~ImageScanner()
{
    ++*m_generation;
    m_pool.waitForDone();
}

void ImageScanner::scan(const QString &dir, bool recursive, const QString &excludeDir)
{
    const quint64 generation = ++*m_generation;
    auto current = m_generation;
    m_pool.start([this, generation, current, dir, recursive, excludeDir] {
        const QString excluded = excludeDir.isEmpty()
                                     ? QString()
                                     : QDir::cleanPath(QFileInfo(excludeDir).absoluteFilePath());
        Summary summary;
        QStringList topLevel;
        QDirIterator it(dir, QDir::Files | QDir::NoDotAndDotDot,
                        recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
        while (it.hasNext()) {
            if (*current != generation)
                return; // a newer scan took over; nobody wants this answer
            const QString path = it.next();
            const QFileInfo info = it.fileInfo();
            if (!excluded.isEmpty() && isInside(info.absolutePath(), excluded))
                continue;
            const ImageFormat format = sniffImageFormatOfFile(path);
            if (format == ImageFormat::Unknown && !hasImageFileName(info.fileName()))
                continue; // the planner's rule (scan.cpp): such files get a verdict
            ++summary.count;
            summary.hasLossyInputs = summary.hasLossyInputs || isLossy(format);
            if (format != ImageFormat::Unknown &&
                info.absolutePath() == QFileInfo(dir).absoluteFilePath())
                topLevel.append(path);
            if (summary.firstImage.isEmpty() && format != ImageFormat::Unknown)
                summary.firstImage = path; // the preview shows an image we can read
            if (summary.count % kReportEvery == 0)
                QMetaObject::invokeMethod(
                    this, [this, generation, summary] { deliver(generation, summary); },
                    Qt::QueuedConnection);
        }
        if (!topLevel.isEmpty()) {
            topLevel.sort();
            summary.firstImage = topLevel.constFirst();
        }
        summary.done = true;
        QMetaObject::invokeMethod(
            this, [this, generation, summary] { deliver(generation, summary); },
            Qt::QueuedConnection);
    });
}

void ImageScanner::deliver(quint64 generation, const Summary &summary)
{
    if (generation == *m_generation)
        Q_EMIT progressed(summary);
}
