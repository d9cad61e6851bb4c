#pragma once

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>

#include "batch/scan.h"

// Counts the images of a batch's inputs (folders and files) on a worker thread with the
// planner's own walk (walkInputs in core/batch/inputs.h), so the count shown is the count a
// batch will process, and reports back through queued signals on this object's thread.
// A new scan() stops the previous one; its late results are dropped by generation.
//
// Threading: create and use from the GUI thread; the destructor stops and waits for the scan.
class ImageScanner : public QObject
{
    Q_OBJECT
public:
    struct Summary
    {
        int count = 0;
        QString firstImage;          // the first readable image in the walk's (name) order
        bool hasLossyInputs = false; // JPEG or WebP: quality matters for "same format"
        bool done = false;
    };

    explicit ImageScanner(QObject *parent = nullptr);
    ~ImageScanner() override;

    // paths: PlanOptions::inputs. excludeDir: the output folder, never entered (as the planner
    // never reads inside it). removed: files (ScannedFile::path) left out of the batch.
    void scan(const QStringList &paths, bool recursive, const QString &excludeDir,
              const QSet<QString> &removed = {});

Q_SIGNALS:
    // The files found since the last report, in the walk's order; always just before the
    // progressed() that counts them (the input view lists what the planner will plan).
    void filesFound(const QList<ScannedFile> &files);
    // Partial summaries while scanning, then one with done == true.
    void progressed(const ImageScanner::Summary &summary);

private:
    void report(quint64 generation, const QList<ScannedFile> &files, const Summary &summary);
    void deliver(quint64 generation, const QList<ScannedFile> &files, const Summary &summary);

    QThreadPool m_pool;
    std::shared_ptr<std::atomic<quint64>> m_generation;
    std::shared_ptr<std::atomic_bool> m_stop; // the current walk's; set to abandon it
};
