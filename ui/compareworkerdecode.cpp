#include "compareworkerdecode.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QImageReader>

#include <atomic>

#include "imageformat.h"
#include "pool/workerpool.h"

namespace {
constexpr int kDecodeTimeoutMs = 60'000;
std::atomic<quint64> s_nextScratchName{0};
} // namespace

bool needsWorkerDecode(const QString &path)
{
    if (!QImageReader::imageFormat(path).isEmpty())
        return false; // a Qt plugin reads it
    const ImageFormat format = sniffImageFormatOfFile(path);
    return format == ImageFormat::Heif || format == ImageFormat::Avif || format == ImageFormat::Jxl;
}

QString decodeWithWorker(const QString &path, const QString &scratchDir, QString *error)
{
    PoolOptions options;
    options.workerPath = locateWorkerExecutable();
    options.workerCount = 1;
    options.jobTimeoutMs = kDecodeTimeoutMs;
    if (options.workerPath.isEmpty()) {
        *error = QCoreApplication::translate("CompareImage", "no worker to decode it");
        return {};
    }
    Job job;
    job.id = 1;
    job.inputPath = path;
    job.outputPath =
        QDir(scratchDir).filePath(QStringLiteral("compare-%1.png").arg(++s_nextScratchName));
    job.recipe.format = OutputFormat::Png;
    job.recipe.pngCompression = 1; // read once, right away: speed over size
    job.overwrite = true;

    WorkerPool pool(options);
    QEventLoop loop;
    JobResult answer;
    QObject::connect(&pool, &WorkerPool::jobFinished, &loop, [&](const JobResult &result) {
        answer = result;
        loop.quit();
    });
    pool.submit({job});
    loop.exec();
    if (!answer.isOk()) {
        *error = answer.message;
        return {};
    }
    return job.outputPath;
}
