#include "workerfixture.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QTest>

void WorkerFixture::setUp()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("out")));
    QVERIFY2(!locateWorkerExecutable().isEmpty(), "pixelmill-worker must be built beside the test");
}

QString WorkerFixture::makeImage(const QString &name, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, size.width(), size.height());
    gradient.setColorAt(0, Qt::darkBlue);
    gradient.setColorAt(1, Qt::yellow);
    painter.fillRect(image.rect(), gradient);
    painter.end();
    const QString path = m_dir->filePath(name);
    if (!image.save(path))
        return {};
    return path;
}

Job WorkerFixture::job(const QString &inputPath)
{
    Job j;
    j.id = m_nextId++;
    j.inputPath = inputPath;
    j.outputPath = m_dir->filePath(QStringLiteral("out/") + QFileInfo(inputPath).fileName());
    j.recipe.steps = {resizeStep(ResizeMode::Fit, 100, 100)};
    return j;
}

std::unique_ptr<WorkerPool> WorkerFixture::makePool(int workers, Recorder *recorder)
{
    PoolOptions options;
    options.workerPath = locateWorkerExecutable();
    options.workerCount = workers;
    auto pool = std::make_unique<WorkerPool>(options);
    WorkerPool *p = pool.get();
    QObject::connect(p, &WorkerPool::jobFinished, p,
                     [recorder](const JobResult &r) { recorder->results.append(r); });
    QObject::connect(p, &WorkerPool::drained, p, [recorder] { ++recorder->drained; });
    QObject::connect(p, &WorkerPool::poolFailed, p, [recorder](const QString &message) {
        recorder->poolFailures.append(message);
    });
    return pool;
}
