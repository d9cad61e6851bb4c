#include "imagescanner.h"

#include "batch/inputs.h"

#include <QMetaObject>

#include <utility>

namespace {
constexpr int kReportEvery = 250;

bool isLossy(ImageFormat format)
{
    return format == ImageFormat::Jpeg || format == ImageFormat::Webp ||
           format == ImageFormat::Heif || format == ImageFormat::Avif || format == ImageFormat::Jxl;
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
    if (m_stop)
        m_stop->store(true);
    m_pool.waitForDone();
}

void ImageScanner::scan(const QStringList &paths, bool recursive, const QString &excludeDir,
                        const QSet<QString> &removed)
{
    const quint64 generation = ++*m_generation;
    if (m_stop)
        m_stop->store(true); // a newer scan took over; nobody wants the old answer
    m_stop = std::make_shared<std::atomic_bool>(false);
    m_pool.start([this, generation, stop = m_stop, paths, recursive, excludeDir, removed] {
        Summary summary;
        QList<ScannedFile> found; // since the last report
        // The walk lists a folder's files before its subfolders, so the first readable image
        // found is the top folder's first in name order when it has one.
        walkInputs(paths, excludeDir, recursive, stop.get(), [&](const ScannedFile &file) {
            if (removed.contains(file.path))
                return true;
            ++summary.count;
            found.append(file);
            summary.hasLossyInputs = summary.hasLossyInputs || isLossy(file.format);
            if (summary.firstImage.isEmpty() && file.format != ImageFormat::Unknown)
                summary.firstImage = file.path; // the preview shows what we read
            if (summary.count % kReportEvery == 0)
                report(generation, std::exchange(found, {}), summary);
            return true;
        });
        if (stop->load())
            return;
        summary.done = true;
        report(generation, found, summary);
    });
}

// From the scan's thread: hands one report to this object's thread.
void ImageScanner::report(quint64 generation, const QList<ScannedFile> &files,
                          const Summary &summary)
{
    QMetaObject::invokeMethod(
        this, [this, generation, files, summary] { deliver(generation, files, summary); },
        Qt::QueuedConnection);
}

void ImageScanner::deliver(quint64 generation, const QList<ScannedFile> &files,
                           const Summary &summary)
{
    if (generation != *m_generation)
        return;
    Q_EMIT filesFound(files);
    Q_EMIT progressed(summary);
}
