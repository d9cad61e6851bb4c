#pragma once

#include <QList>
#include <QString>

#include "batch/scan.h"

struct PlanOptions;

// The inputs of one batch, gathered in the order given: a folder's images (scanned as
// walkImages does, its subfolders mirrored in the output when recursive) and files given
// directly (their outputs land flat in the output folder). A path given twice, or also found
// in a given folder (compared absolute and clean, symlinks not resolved), counts once, where it
// first appears.
struct GatheredInputs
{
    QList<ScannedFile> files;
    // Absolute and clean: the deepest folder that holds every input (a single folder input:
    // that folder). Paths relative to it are what the fingerprint, the journal and --shard
    // use, so one batch named by the same inputs plans the same from any working folder.
    QString root;
    QString outputPath; // absolute, clean
};

// The inputs PlanOptions names: `inputs` when given, else the one folder `inputDir`.
QStringList inputPathsOf(const PlanOptions &options);

// Why an input cannot be used (missing, unreadable folder, the output folder itself), or
// empty. Checked for every input before anything is scanned. folderOnly: PlanOptions::inputDir,
// which must be a folder.
QString inputError(const QString &path, const QString &outputDir, bool folderOnly);

// Scans and probes every input; stops early (with what it found) once *stop is true.
GatheredInputs gatherInputs(const PlanOptions &options, const std::atomic_bool *stop);

// The walk gatherInputs() makes, one file at a time, for callers that stream (the GUI's
// count and list: ui/imagescanner): `paths` in order, folders walked as walkImages does (the
// output folder left out), files probed alone, each path once; paths that do not exist are
// passed over (the planner refuses them before walking). Returns the input root, as
// GatheredInputs::root. Stops once *stop is true or `visit` returns false.
QString walkInputs(const QStringList &paths, const QString &outputDir, bool recursive,
                   const std::atomic_bool *stop, const ImageVisitor &visit);

// The deepest folder holding every one of `paths` (absolute, clean); "/" at worst.
QString commonFolder(const QStringList &folders);
