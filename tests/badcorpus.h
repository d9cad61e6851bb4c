#pragma once

#include <QByteArray>
#include <QList>
#include <QSize>
#include <QString>

#include <functional>
#include <optional>

#include <vips/vips8>

#include "job.h"

// The bad and awkward inputs of issue 6, generated here (libvips and QImage), each with the
// verdict we promise for it. Shared by tst_badinputs (release build) and the sanitizer run.
// Callers must have started libvips (initializeEngines) first.
namespace BadCorpus {

struct Verdict
{
    JobStatus status = JobStatus::Ok;
    FailureKind kind = FailureKind::None;
    QString messagePart; // for failures: a fragment the message must contain
};

struct Case
{
    QString tag;      // test row name
    QString fileName; // as written into the input folder (may hold any legal character)
    QByteArray bytes;
    Recipe recipe;                 // engine is set per run
    Verdict verdict;               // for every engine...
    std::optional<Verdict> openCv; // ...unless this engine differs
    std::optional<Verdict> vips;
    // For successes: the image the output must show (upright, flattened, 8-bit sRGB) and how
    // close it must come, in dB PSNR.
    std::optional<vips::VImage> reference;
    double minPsnr = 30;

    Verdict expected(EngineChoice engine) const;
};

QList<Case> make();

// Bytes-level helpers, also used by the mutation sweep.
QByteArray truncated(const QByteArray &bytes, qsizetype size);
QByteArray xorByte(QByteArray bytes, qsizetype at, uchar mask);
// Offset of the first byte after the SOS header of a JPEG (entropy-coded data), or -1.
qsizetype jpegScanStart(const QByteArray &jpeg);

// The output as the test compares it: 8-bit sRGB, three bands.
vips::VImage normalized(const vips::VImage &image);

} // namespace BadCorpus
