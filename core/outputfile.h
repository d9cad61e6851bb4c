#pragma once

#include <QByteArray>
#include <QString>

#include "job.h"

// Writes bytes to `path` so that the file there is either the complete new content or what
// was there before: an unnamed (O_TMPFILE) or hidden temporary file in the same folder, every
// write checked (a short write on a full disk must not be committed), then an atomic link or
// rename into place. With overwrite == false an existing file is never replaced, not even one
// that appears while this writes. Returns FailureKind::None on success, else the kind with a
// readable *error. Nothing partial or temporary is left behind on failure.
// A process-wide check asked just before a finished file is committed: when it returns true
// the write is dropped (FailureKind::Cancelled). A worker being stopped installs it, so that a
// cancelled job never leaves an output the pool does not hear about.
using WriteAbortCheck = bool (*)();
void setWriteAbortCheck(WriteAbortCheck check);

FailureKind writeFileAtomically(const QString &path, const QByteArray &bytes, bool overwrite,
                                QString *error);

// Whether `fileName` is a temporary file writeFileAtomically names for an output called
// `outputFileName` (".<name>.pixelmill-" and 6 letters or digits, beside it): a worker killed
// between write and rename leaves one, and the pool removes it.
bool isAtomicWriteTemp(const QString &fileName, const QString &outputFileName);

// For tests only: writeFileAtomically, where forceFallback == true skips O_TMPFILE and takes
// the path used on file systems without it (a hidden named temporary file, then link/rename).
FailureKind writeFileAtomicallyForTest(const QString &path, const QByteArray &bytes, bool overwrite,
                                       QString *error, bool forceFallback);
