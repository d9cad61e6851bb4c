#pragma once

#include <QDateTime>
#include <QSize>
#include <QString>

#include "imageprobe.h"
#include "recipe.h"

// The output name pattern. Braces are reserved: every "{...}" must be one of these tokens,
// or the pattern is refused (an error that names the token) before anything runs.
//   {name}          the input's base name without extension
//   {parent}        the input's folder name
//   {ext}           the input's extension, without the dot ("" when it has none)
//   {n} {n:04}      1-based position in the batch; ":0W" or ":W" zero-pads to W (1-9) digits
//   {date}          capture date, %Y-%m-%d; {date:FORMAT} with %Y %m %d %H %M %S and %%
//   {width} {height} the output's dimensions, from the probe's header and the recipe
// The capture date is EXIF DateTimeOriginal (local wall time, as cameras write it), else the
// file's modification time in local time. The output extension is added after expansion.

// What one input's name is made of.
struct NameInputs
{
    QString inputPath;
    int position = 1;
    QDateTime captureDate; // invalid: not known (the token is then an error)
    QSize outputSize;      // empty: not known (the token is then an error)
};

// Empty when `pattern` is usable; otherwise one sentence naming what is wrong with it.
QString namePatternError(const QString &pattern);

// Expands `pattern` for one input and adds resolvedFormat's extension. A pattern error, or a
// token whose value is unknown for this input, gives an empty name and *error (if non-null).
QString outputFileName(const QString &pattern, const NameInputs &inputs,
                       OutputFormat resolvedFormat, QString *error = nullptr);
// The same with only a path and position (no date or size known).
QString outputFileName(const QString &pattern, const QString &inputPath, int position,
                       OutputFormat resolvedFormat);

// The name inputs the planner has for a probed file: DateTimeOriginal or the modification
// time, and the output size when the header was read (JPEG and PNG; other formats: unknown).
// Only what `pattern` uses is worked out.
NameInputs nameInputsFor(const QString &pattern, const QString &inputPath, int position,
                         const ImageProbe &probe, const Recipe &recipe);
