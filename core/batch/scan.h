#pragma once

#include <QList>
#include <QString>

#include <atomic>
#include <functional>

#include "imageformat.h"
#include "imageprobe.h"

// The one folder walk: planBatch() plans what it finds, and the GUI's count (ui/imagescanner)
// counts the same files, so the number shown before Start is the number processed.

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

// outputDir may be empty (the GUI before an output folder is chosen): nothing is excluded.
ScanRoots scanRoots(const QString &inputDir, const QString &outputDir);

// Resolves symlinks in the part of `path` that exists; a folder that is still to be created
// keeps its remaining components as given.
QString canonicalOrAbsolute(const QString &path);

// Calls `visit` for each image under roots.inputPath, in name order (a folder's files, then its
// subfolders, depth-first). Hidden files and folders count like any other. Only regular files
// (or symlinks to regular files) are opened, without blocking; symlinked folders are not
// entered, nor is the output folder. A file counts when its content is an image we read or its
// name claims one (hasImageFileName). Stops early once *stop is true or `visit` returns false.
using ImageVisitor = std::function<bool(const ScannedFile &)>;
void walkImages(const ScanRoots &roots, bool recursive, const std::atomic_bool *stop,
                const ImageVisitor &visit);

// Every file walkImages() visits, in its order; what was found so far once *stop is true.
QList<ScannedFile> scanImages(const ScanRoots &roots, bool recursive,
                              const std::atomic_bool *stop = nullptr);

// Reads the first bytes of a regular file without ever blocking on a FIFO or device that
// replaced it since it was listed (probeFile's format).
ImageFormat sniffRegularFile(const QString &path);
