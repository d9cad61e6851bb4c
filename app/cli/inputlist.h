#pragma once

#include <QString>
#include <QStringList>

// --files-from: one path per line from FILE, or from standard input for "-". Empty lines
// (or only blanks) and lines starting with "#" are skipped; a trailing "\r" is dropped, and
// otherwise a line is the path exactly (leading or trailing spaces included). Relative paths
// are relative to the working folder. Empty on success; otherwise why the list could not be
// read.
QString readInputList(const QString &source, QStringList *paths);
