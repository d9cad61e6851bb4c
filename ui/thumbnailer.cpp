#include "thumbnailer.h"

#include <QFile>
#include <QGuiApplication>
#include <QImageReader>
#include <QMetaObject>
#include <QTimer>

#include <utility>

#include "pool/workerpool.h"
#include "thumbnailcache.h"

namespace {
constexpr int kWorkers = 2;
constexpr int kWorkerNiceness = 10; // below the batch's workers: thumbnails can wait
constexpr int kJobTimeoutMs = 30'000;
constexpr int kRetiredPoolMs = 5'000; // a cancelled pool's workers are gone within 1 s

Recipe thumbnailRecipe()
{
    Recipe r;
    r.steps = {resizeStep(ResizeMode::Fit, ThumbnailCache::kNormalSide, ThumbnailCache::kNormalSide,
                          true)}; // the standard: never scaled up
    r.format = OutputFormat::Png;
    r.autoOrient = true;
    return r;
}

QImage iconFrom(const QImage &thumbnail, qreal pixelRatio)
{
    const int side = qRound(Thumbnailer::kIconSide * pixelRatio);
    QImage icon = thumbnail.width() > side || thumbnail.height() > side
                      ? thumbnail.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                      : thumbnail;
    icon.setDevicePixelRatio(pixelRatio);
    return icon;
}
} // namespace

Thumbnailer::Thumbnailer(QObject *parent) : QObject(parent)
{
    m_io.setMaxThreadCount(2);
    if (qGuiApp)
        m_pixelRatio = qGuiApp->devicePixelRatio();
}

Thumbnailer::~Thumbnailer()
{
    ++m_generation;
    delete m_pool;
    m_io.waitForDone();
}

void Thumbnailer::request(const QString &path, qint64 modifiedMs)
{
    auto it = m_entries.find(path);
    if (it != m_entries.end() && it->modifiedMs == modifiedMs)
        return; // known, or on its way
    m_entries.insert(path, Entry{modifiedMs, false, {}, {}, {}});
    lookUpInCache(path, modifiedMs);
}

void Thumbnailer::dropPending()
{
    ++m_generation;
    retirePool(); // the workers' jobs no longer matter
    m_jobs.clear();
    for (auto it = m_entries.begin(); it != m_entries.end();)
        it = it->done ? std::next(it) : m_entries.erase(it);
}

// Deleting a pool with live workers kills and reaps each one on this (GUI) thread: 7-34 ms
// blocked on every folder change at load 2-10 (bench_guilatency --folder, set_folder_ms).
// cancel() stops them without waiting ("gone within a second"); the pool, silenced, goes
// later, its workers gone by then. A pool still here at our destruction is deleted with us.
void Thumbnailer::retirePool()
{
    if (!m_pool)
        return;
    WorkerPool *retired = std::exchange(m_pool, nullptr);
    retired->disconnect(this);
    retired->cancel();
    QTimer::singleShot(kRetiredPoolMs, retired, &QObject::deleteLater);
}

void Thumbnailer::lookUpInCache(const QString &path, qint64 modifiedMs)
{
    const quint64 generation = m_generation;
    const qreal ratio = m_pixelRatio;
    m_io.start([this, generation, path, modifiedMs, ratio] {
        QSize size;
        const QImage cached = ThumbnailCache::readValid(path, modifiedMs / 1000, &size);
        const QImage icon = cached.isNull() ? QImage() : iconFrom(cached, ratio);
        const QString failure =
            cached.isNull() ? ThumbnailCache::readFailure(path, modifiedMs / 1000) : QString();
        QMetaObject::invokeMethod(
            this,
            [this, generation, path, icon, size, failure] {
                onCacheAnswer(generation, path, icon, size, failure);
            },
            Qt::QueuedConnection);
    });
}

void Thumbnailer::onCacheAnswer(quint64 generation, const QString &path, const QImage &icon,
                                QSize size, const QString &failure)
{
    if (generation != m_generation)
        return;
    if (!icon.isNull() || !failure.isEmpty())
        finish(path, icon, size, failure);
    else
        submitToWorker(path);
}

// Failures of the file's content are recorded; a timeout or a lost worker may not recur.
static bool isFailureOfContent(FailureKind kind)
{
    return kind == FailureKind::UnsupportedFormat || kind == FailureKind::CorruptData ||
           kind == FailureKind::TooLarge;
}

void Thumbnailer::submitToWorker(const QString &path)
{
    if (m_workerPath.isEmpty() || !m_dir.isValid()) {
        finish(path, {}, {}, tr("Thumbnails unavailable: no worker"));
        return;
    }
    if (!m_pool) {
        PoolOptions options;
        options.workerPath = m_workerPath;
        options.workerCount = kWorkers;
        options.workerNiceness = kWorkerNiceness;
        options.jobTimeoutMs = kJobTimeoutMs;
        m_pool = new WorkerPool(options, this);
        connect(m_pool, &WorkerPool::jobFinished, this, &Thumbnailer::onJobFinished);
    }
    Job job;
    job.id = ++m_nextId;
    job.inputPath = path;
    job.outputPath = m_dir.filePath(QStringLiteral("thumb-%1.png").arg(job.id));
    job.recipe = thumbnailRecipe();
    job.overwrite = true;
    m_jobs.insert(job.id, path);
    ++m_workerJobs;
    m_pool->submit({job});
}

void Thumbnailer::onJobFinished(const JobResult &result)
{
    const QString path = m_jobs.take(result.id);
    if (path.isEmpty())
        return;
    const qint64 modifiedMs = m_entries.value(path).modifiedMs;
    const quint64 generation = m_generation;
    if (!result.isOk() && !isFailureOfContent(result.failure)) {
        finish(path, {}, {}, result.message);
        return;
    }
    if (!result.isOk()) { // recorded first, so a finished failure is also a cached one
        m_io.start([this, generation, path, modifiedMs, reason = result.message] {
            ThumbnailCache::storeFailure(path, modifiedMs / 1000, reason);
            QMetaObject::invokeMethod(
                this,
                [this, generation, path, reason] {
                    if (generation == m_generation)
                        finish(path, {}, {}, reason);
                },
                Qt::QueuedConnection);
        });
        return;
    }
    const qreal ratio = m_pixelRatio;
    const QString made = result.outputPath;
    const QSize size = result.inputSize;
    m_io.start([this, generation, path, modifiedMs, ratio, made, size] {
        const QImage thumbnail(made, "png");
        QFile::remove(made);
        // A cache that cannot be written (read-only home) still leaves the icon shown.
        const QString error = ThumbnailCache::store(path, modifiedMs / 1000, thumbnail, size);
        if (!error.isEmpty())
            qWarning("thumbnail cache: %s", qPrintable(error));
        const QImage icon = thumbnail.isNull() ? QImage() : iconFrom(thumbnail, ratio);
        QMetaObject::invokeMethod(
            this,
            [this, generation, path, icon, size] {
                if (generation == m_generation)
                    finish(path, icon, size,
                           icon.isNull() ? tr("The thumbnail could not be read") : QString());
            },
            Qt::QueuedConnection);
    });
}

void Thumbnailer::finish(const QString &path, const QImage &icon, QSize imageSize,
                         const QString &failure)
{
    auto it = m_entries.find(path);
    if (it == m_entries.end())
        return;
    it->done = true;
    it->icon = QPixmap::fromImage(icon);
    it->failure = failure;
    it->imageSize = imageSize;
    Q_EMIT ready(path);
}
