#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>

// Counts the images in a folder on a worker thread, recognising them by content like the
// planner does, and reports back through queued signals on this object's thread.
// A new scan() abandons the previous one; its late results are dropped by generation.
//
// Threading: create and use from the GUI thread; the destructor stops and waits for the scan.
class ImageScanner : public QObject
{
    Q_OBJECT
public:
    struct Summary
    {
        int count = 0;
        QString firstImage;          // first in name order of the top folder, else the first found
        bool hasLossyInputs = false; // JPEG or WebP: quality matters for "same format"
        bool done = false;
    };

    explicit ImageScanner(QObject *parent = nullptr);
    ~ImageScanner() override;

    // excludeDir: the output folder, never counted (as the planner never reads inside it).
    void scan(const QString &dir, bool recursive, const QString &excludeDir);

Q_SIGNALS:
    // Partial summaries while scanning, then one with done == true.
    void progressed(const ImageScanner::Summary &summary);

private:
    void deliver(quint64 generation, const Summary &summary);

    QThreadPool m_pool;
    std::shared_ptr<std::atomic<quint64>> m_generation;
};
