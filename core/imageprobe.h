#pragma once

#include <QJsonObject>
#include <QSize>
#include <QString>

#include <optional>

#include "imageformat.h"

// What the planner learns of one input, once: its format by content, its size and time on
// disk, and for JPEG and PNG what the header says (dimensions, alpha, EXIF orientation). It
// travels in the Job, so later stages (the worker's route choice and result, the journal)
// read it instead of opening or stat'ing the file again. A hint, never the truth: the
// worker decodes the bytes it reads, so a file changed since planning still gets a verdict
// from its real content.
struct ImageProbe
{
    ImageFormat format = ImageFormat::Unknown;
    qint64 fileBytes = -1; // -1: no probe was taken (a Job built by hand)
    qint64 modifiedMs = 0; // last modification, ms since the epoch
    QSize size;            // stored dimensions; empty when the header was not read here
    bool hasAlpha = false;
    int orientation = 0; // EXIF orientation 1..8; 0 when the header was not read here
    // EXIF DateTimeOriginal, "YYYY:MM:DD HH:MM:SS" (for the {date} naming token); empty when
    // absent or the header was not read here.
    QString captureDate;

    bool isTaken() const { return fileBytes >= 0; }
    bool hasHeader() const { return !size.isEmpty(); }

    QJsonObject toJson() const;
    // Strict, for the wire: every key required; on a bad one *error is "key: problem".
    static std::optional<ImageProbe> fromJson(const QJsonObject &json, QString *error);

    friend bool operator==(const ImageProbe &a, const ImageProbe &b);
};

// How many bytes of a file the probe reads: enough for a JPEG's EXIF (with its thumbnail) and
// ICC segments before the frame header, and for a PNG's chunks before its image data.
constexpr qint64 kProbeBytes = 64 * 1024;

// One open (non-blocking: a FIFO that replaced a listed file must not hang the scan), one
// fstat, one read. A path that is not a regular file, or cannot be opened, has format
// Unknown and fileBytes -1.
ImageProbe probeFile(const QString &path);

// The one way inputs are read, by the probe and by the worker: open without blocking, refuse
// anything but a regular file, read up to maxBytes (-1: to the end, however the file has
// grown or shrunk since its size was taken). Empty on success; otherwise why, in words a
// person can act on ("file not found", "permission denied", "not a regular file", ...).
// *fileBytes and *modifiedMs (either may be null) get the fstat's values.
QString readRegularFile(const QString &path, qint64 maxBytes, QByteArray *bytes,
                        qint64 *fileBytes = nullptr, qint64 *modifiedMs = nullptr);
// The same on bytes already read, for the fields that come from content.
ImageProbe probeBytes(const QByteArray &head);
