#pragma once

#include <QImage>
#include <QString>

// The freedesktop Thumbnail Managing Standard's "normal" cache, shared with file managers:
// $XDG_CACHE_HOME/thumbnails/normal/<MD5 of the file URI>.png, at most 128 pixels a side,
// with the text keys Thumb::URI and Thumb::MTime (seconds). Plain functions, safe on any
// thread: the Thumbnailer calls them from its I/O threads.
namespace ThumbnailCache {

constexpr int kNormalSide = 128;

QString fileUri(const QString &path); // file:///…, percent-encoded as the standard asks
QString normalFolder();
QString cachePath(const QString &path);

// The cached thumbnail of `path`, or a null image when there is none or it is stale (its
// Thumb::URI or Thumb::MTime does not match); *original gets Thumb::Image::Width/Height.
QImage readValid(const QString &path, qint64 modifiedSeconds, QSize *original);

// Writes `thumbnail` (made by a worker) for `path` with the standard's keys, as tEXt chunks
// before the pixels: to a temporary file in the cache folder, mode 0600, then renamed over the
// final name, so a reader never sees half a file. Empty on success, else why.
// `original`: the image's own size (Thumb::Image::Width/Height), when known.
QString store(const QString &path, qint64 modifiedSeconds, const QImage &thumbnail, QSize original);

// The standard's record of a failure, in thumbnails/fail/pixelmill-1/ under the same name: a
// 1x1 PNG with the same keys, and here also X-Pixelmill::Reason. Files whose content failed
// are not sent to a worker again until they change.
QString failFolder();
QString failPath(const QString &path);
QString storeFailure(const QString &path, qint64 modifiedSeconds, const QString &reason);
// The reason recorded for `path` at this modification time; null when there is none.
QString readFailure(const QString &path, qint64 modifiedSeconds);

} // namespace ThumbnailCache
