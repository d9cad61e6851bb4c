#pragma once

#include <QList>
#include <QString>

#include <atomic>

#include "imageformat.h"
#include "imageprobe.h"

// Internal to core/batch: the folder walk behind planBatch().

struct ScanRoots
{
    QString inputPath;  // absolute, cleaned: the spelling used in job input paths
    QString outputPath; // absolute, cleaned: the spelling used in job output paths
    QString input;      // canonical (symlinks resolved), for comparisons
    QString output;     // canonical as far as it exists, plus the missing tail
};

struct ScannedFile
{
    QString path;          // as spelled under ScanRoots::inputPath
    QString canonicalPath; // to recognise an output path that would be an input
    QString relativeDir;   // folder relative to the input root; empty at the top
    qint64 size = 0;
    ImageFormat format = ImageFormat::Unknown;
    ImageProbe probe; // taken once here, carried in the Job
};

ScanRoots scanRoots(const QString &inputDir, const QString &outputDir);

// Resolves symlinks in the part of `path` that exists; a folder that is still to be created
// keeps its remaining components as given.
QString canonicalOrAbsolute(const QString &path);

// Images under roots.inputPath, in name order (folders depth-first). Only regular files (or
// symlinks to regular files) are opened, without blocking; symlinked folders are not entered,
// nor is the output folder.
// Returns early (with what it found so far) once *stop is true.
QList<ScannedFile> scanImages(const ScanRoots &roots, bool recursive,
                              const std::atomic_bool *stop = nullptr);

// Reads the first bytes of a regular file without ever blocking on a FIFO or device that
// replaced it since it was listed (probeFile's format).
ImageFormat sniffRegularFile(const QString &path);
