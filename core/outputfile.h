#pragma once

#include <QByteArray>
#include <QString>

#include "job.h"

// Writes bytes to `path` so that the file there is either the complete new content or what
// was there before: a temporary file in the same folder, every write checked (a short write
// on a full disk must not be committed), then an atomic rename. With overwrite == false an
// existing file is never replaced. Returns FailureKind::None on success, else the kind with a
// readable *error.
FailureKind writeFileAtomically(const QString &path, const QByteArray &bytes, bool overwrite,
                                QString *error);
