#pragma once

#include <QImage>
#include <QList>
#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <QThreadPool>

#include <atomic>
#include <memory>

// One side of the compare view: the image as a person sees it (EXIF orientation applied), its
// file facts for the caption, or the reason there is nothing to show.
struct CompareImage
{
    QString path;
    QImage image; // upright; null when `error` says why
    // `image` halved again and again (area-averaged) down to a few hundred pixels: drawing a
    // shrunk picture from the nearest larger level keeps fine detail from aliasing into
    // patterns the file does not have. Made with the image, off the GUI thread.
    QList<QImage> halvings;
    qint64 fileBytes = -1;
    QString format; // "JPEG", "PNG", ... as the reader recognised the content
    QString error;  // one line; empty when the image loaded

    bool isValid() const { return !image.isNull(); }
    // The smallest of `image` and its halvings still at least `width` pixels wide.
    const QImage &levelFor(double width) const;
};

// Reads `path` with QImageReader (blocking; any thread). Never throws: a missing, unreadable,
// damaged or oversized file comes back with `error` set. With a `scratchDir`, HEIF, AVIF and
// JPEG XL files, which Qt cannot read here, are decoded by a worker process first
// (compareworkerdecode.h); without one they fail with Qt's reason.
CompareImage loadCompareImage(const QString &path, const QString &scratchDir = QString());

// Loads the before and after images of one comparison on a thread of its own and delivers
// both at once on this object's thread. A newer load() makes the older one's answer stale; it
// is dropped. This is the only place the window decodes a batch image, and only for display:
// a decode that fails shows its reason instead of the picture.
//
// Threading: create and use from the GUI thread; the destructor waits for a running read.
class CompareImageLoader : public QObject
{
    Q_OBJECT
public:
    explicit CompareImageLoader(QObject *parent = nullptr);
    ~CompareImageLoader() override;

    // An empty path loads nothing for that side; `emptyReason` becomes its error.
    void load(const QString &beforePath, const QString &afterPath, const QString &emptyReason);

Q_SIGNALS:
    void loaded(const CompareImage &before, const CompareImage &after);

private:
    QThreadPool m_pool;
    QTemporaryDir m_scratch; // the workers' PNGs of HEIF, AVIF and JPEG XL sides
    std::shared_ptr<std::atomic<quint64>> m_generation;
};
