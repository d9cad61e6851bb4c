#pragma once

#include <QString>
#include <QStringList>

// The source folder for paths given on the command line (a file manager's "Process with
// Pixelmill…" passes the folders or images selected): the first existing folder, or the
// folder of the first existing file. Empty when none of the paths exists.
QString sourceFolderForPaths(const QStringList &paths);
