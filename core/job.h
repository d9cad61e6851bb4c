#pragma once

#include <QJsonObject>
#include <QSize>
#include <QString>

#include "imageprobe.h"
#include "recipe.h"

using JobId = quint64;

// Default decompression-bomb guard: images over this many pixels are refused from the header.
constexpr qint64 kDefaultMaxPixels = 268'000'000;

// One image to process. A value: the pool and the worker both see exactly this.
struct Job
{
    JobId id = 0;
    QString inputPath;
    QString outputPath; // final path; the worker writes it atomically
    Recipe recipe;
    bool overwrite = false; // replace an existing file at outputPath (only when complete)
    qint64 maxPixels = kDefaultMaxPixels;
    ImageProbe probe; // taken by the planner; untaken (fileBytes -1) in jobs built by hand

    QJsonObject toJson() const;
    // Strict, for the wire: every field is required and checked, and the recipe must be
    // valid; nothing is replaced by a default. On a bad field *error names it ("recipe.width:
    // must be ..."), and the Job holds what could be read (the id, if it was good) so that
    // the answer can still name the job.
    static Job fromJson(const QJsonObject &json, QString *error);
};

enum class JobStatus { Ok, Failed, Skipped, Cancelled };

// Why a job did not succeed. The message says it in words; the kind lets code and reports
// group failures.
enum class FailureKind {
    None,
    InputUnreadable,   // missing, permission denied, not a regular file
    UnsupportedFormat, // not an image we accept
    CorruptData,       // truncated or damaged image data
    TooLarge,          // over the pixel limit, or over the size budget at quality 1
    InvalidRecipe,
    WriteFailed,  // output could not be written (permissions, disk full, ...)
    OutputExists, // conflict policy "skip" found a file there
    Timeout,
    WorkerCrashed,
    ProtocolError,
    WorkerStartFailed,
    Cancelled,
    Internal,
};

struct JobResult
{
    JobId id = 0;
    JobStatus status = JobStatus::Failed;
    FailureKind failure = FailureKind::None;
    QString message; // one line a person can act on; empty when Ok
    QString inputPath;
    QString outputPath; // the written file when Ok
    qint64 inputBytes = 0;
    qint64 outputBytes = 0;
    QSize inputSize;  // pixels, as decoded (before orientation)
    QSize outputSize; // pixels written
    qint64 elapsedMs = 0;
    QString engine;        // "vips" or "opencv"; empty when no engine ran
    int chosenQuality = 0; // the quality the size budget's search chose; 0 = not searched

    bool isOk() const { return status == JobStatus::Ok; }

    static JobResult failed(const Job &job, FailureKind kind, const QString &message);
    static JobResult skipped(const Job &job, const QString &message);
    static JobResult cancelled(const Job &job);

    QJsonObject toJson() const;
    static JobResult fromJson(const QJsonObject &json);
};

QString toString(JobStatus status); // "ok", "failed", "skipped", "cancelled"
QString toString(FailureKind kind); // stable lower-case identifiers, e.g. "corrupt-data"
JobStatus jobStatusFromString(const QString &text);
FailureKind failureKindFromString(const QString &text);
