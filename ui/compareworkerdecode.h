#pragma once

#include <QString>

// Qt on Debian 12 has no image plugins for HEIF/HEIC, AVIF or JPEG XL, yet Pixelmill reads
// and writes them. For those, the compare view asks a worker process (the same decoders, the
// same crash isolation as a batch) to turn the file into an upright sRGB PNG at full size,
// which Qt then reads.
//
// Blocking: runs a one-worker pool in a local event loop, so call it off the GUI thread (the
// compare loader's thread). Returns the PNG's path inside `scratchDir`, or an empty string
// with *error set to the worker's one-line reason.
QString decodeWithWorker(const QString &path, const QString &scratchDir, QString *error);

// True for content Qt's image readers here cannot open but a worker can.
bool needsWorkerDecode(const QString &path);
