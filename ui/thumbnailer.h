#pragma once

#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QTemporaryDir>
#include <QThreadPool>

#include <memory>

#include "job.h"

class WorkerPool;

// Thumbnails for the input view. A valid one in the freedesktop cache (thumbnailcache.h) is
// read on an I/O thread; otherwise a worker process makes it (the preview's path: a fit-128
// PNG job), so a file that crashes or hangs a decoder costs a worker, never the window: it
// gets a broken mark and the worker's reason. The worker's PNG is then stored in the cache
// with the standard's keys, on an I/O thread too. The GUI thread only turns a small image
// into a pixmap.
//
// Threading: GUI thread only; the destructor kills the workers and waits for the I/O threads.
class Thumbnailer : public QObject
{
    Q_OBJECT
public:
    // The side of the icons shown, in logical pixels (the cache keeps 128).
    static constexpr int kIconSide = 48;

    explicit Thumbnailer(QObject *parent = nullptr);
    ~Thumbnailer() override;

    void setWorkerPath(const QString &workerPath) { m_workerPath = workerPath; }
    // Starts making the thumbnail of `path` unless it is known or on its way.
    void request(const QString &path, qint64 modifiedMs);
    QPixmap icon(const QString &path) const { return m_entries.value(path).icon; }
    QString failure(const QString &path) const { return m_entries.value(path).failure; }
    // The image's size as the worker decoded it (or the cache recorded it); empty if unknown.
    QSize imageSize(const QString &path) const { return m_entries.value(path).imageSize; }
    // Drops the work still queued (the list was replaced); what is known stays.
    void dropPending();
    // Jobs given to workers since construction: a second visit to a folder adds none.
    int workerJobs() const { return m_workerJobs; }

Q_SIGNALS:
    // The icon or the failure of `path` is known.
    void ready(const QString &path);

private:
    struct Entry
    {
        qint64 modifiedMs = 0;
        bool done = false;
        QPixmap icon;
        QString failure;
        QSize imageSize;
    };
    void retirePool();
    void lookUpInCache(const QString &path, qint64 modifiedMs);
    void onCacheAnswer(quint64 generation, const QString &path, const QImage &icon, QSize size,
                       const QString &failure);
    void submitToWorker(const QString &path);
    void onJobFinished(const JobResult &result);
    void finish(const QString &path, const QImage &icon, QSize imageSize, const QString &failure);

    QString m_workerPath;
    QHash<QString, Entry> m_entries;
    QHash<JobId, QString> m_jobs; // worker job -> input path
    JobId m_nextId = 0;
    int m_workerJobs = 0;
    quint64 m_generation = 0; // answers from before dropPending() are ignored
    qreal m_pixelRatio = 1;
    WorkerPool *m_pool = nullptr;
    QTemporaryDir m_dir; // the workers' PNGs, before they go to the cache
    QThreadPool m_io;
};
