#include "engineshared.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <exception>

#include "imageprobe.h"
#include "outputfile.h"

namespace {

// WebP stores sides in 14 bits; JPEG in 16.
constexpr int kMaxWebpSide = 16383;
constexpr int kMaxJpegSide = 65535;

// One open, one fstat, reads to the end (readRegularFile): the planner's probe already said
// what the file was, so nothing asks the file system again first. The checks are made on
// what is there now, without blocking on a FIFO put in the file's place.
QString readInput(const QString &path, QByteArray *bytes)
{
    const QString error = readRegularFile(path, -1, bytes);
    return error.isEmpty() ? QString() : QStringLiteral("cannot read input: ") + error;
}

QString firstLine(const char *what)
{
    const QString text = QString::fromUtf8(what).trimmed();
    return text.section(QLatin1Char('\n'), 0, 0).trimmed();
}

// Library exceptions carry the decoder's words; turn them into a kind and one readable line.
EngineFailure mapLibraryError(const char *what, ImageFormat format)
{
    const QString line = firstLine(what);
    const QString lower = QString::fromUtf8(what).toLower();
    const QString name = toString(format);
    if (lower.contains(QLatin1String("premature end")) ||
        lower.contains(QLatin1String("truncated")) ||
        lower.contains(QLatin1String("unexpected end")) || lower.contains(QLatin1String("eof")))
        return {FailureKind::CorruptData, QStringLiteral("truncated %1 data").arg(name)};
    if (lower.contains(QLatin1String("out of memory")) ||
        lower.contains(QLatin1String("bad_alloc")) ||
        lower.contains(QLatin1String("insufficient memory")) ||
        lower.contains(QLatin1String("failed to allocate")))
        return {
            FailureKind::TooLarge,
            QStringLiteral("not enough memory to decode image (%1, worker memory cap)").arg(name)};
    if (lower.contains(QLatin1String("not in a known format")))
        return {FailureKind::UnsupportedFormat, QStringLiteral("not an image (unknown format)")};
    // libvips sometimes fails with an empty error buffer (libpng's reason went out as a
    // warning, e.g. a chunk CRC error): still say something.
    return {FailureKind::CorruptData,
            QStringLiteral("corrupt %1 data: %2")
                .arg(name, line.isEmpty() ? QStringLiteral("the decoder refused it") : line)};
}

std::optional<EngineFailure> checkOutputLimits(OutputFormat format, QSize size)
{
    const int side = std::max(size.width(), size.height());
    if (format == OutputFormat::Webp && side > kMaxWebpSide)
        return EngineFailure{FailureKind::InvalidRecipe,
                             QStringLiteral("WebP cannot store %1x%2 pixels (at most %3 per side)")
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(kMaxWebpSide)};
    if (format == OutputFormat::Jpeg && side > kMaxJpegSide)
        return EngineFailure{FailureKind::InvalidRecipe,
                             QStringLiteral("JPEG cannot store %1x%2 pixels (at most %3 per side)")
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(kMaxJpegSide)};
    return std::nullopt;
}

// Before the header: some readers (WebP) cannot even parse a truncated header, and
// "truncated" is the clearer message.
void checkStructure(const QByteArray &bytes, ImageFormat format)
{
    switch (checkIntegrity(bytes, format)) {
    case DataIntegrity::Truncated:
        throw EngineFailure{FailureKind::CorruptData,
                            QStringLiteral("truncated %1 data").arg(toString(format))};
    case DataIntegrity::Corrupt:
        throw EngineFailure{
            FailureKind::CorruptData,
            QStringLiteral("corrupt %1 data: damaged structure").arg(toString(format))};
    case DataIntegrity::Complete:
        break;
    }
}

// Printable UTF-8 and white space only: a text file (notes, HTML, JSON) with an image's name.
bool looksLikeText(const QByteArray &head)
{
    QString text = QString::fromUtf8(head);
    // The cut at 512 bytes may split one character: its pieces decode as replacements.
    for (int i = 0; i < 3 && text.endsWith(QChar::ReplacementCharacter); ++i)
        text.chop(1);
    return !text.isEmpty() && std::all_of(text.begin(), text.end(),
                                          [](QChar c) { return c.isPrint() || c.isSpace(); });
}

EngineFailure unknownFormat(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return {FailureKind::CorruptData, QStringLiteral("empty file (0 bytes)")};
    const QString refused = refusedFormatName(bytes.left(512));
    if (!refused.isEmpty())
        return {FailureKind::UnsupportedFormat,
                QStringLiteral("unsupported format: %1 (accepted: JPEG, PNG, WebP, TIFF, GIF, BMP, "
                               "HEIF, AVIF, JPEG XL)")
                    .arg(refused)};
    if (looksLikeText(bytes.left(512)))
        return {FailureKind::UnsupportedFormat, QStringLiteral("not an image (looks like text)")};
    return {FailureKind::UnsupportedFormat, QStringLiteral("not an image (unknown format)")};
}

// Everything before pixel work; throws EngineFailure (or a library exception from the header).
// For the memory estimate: the largest image any step after the leading resize makes.
qint64 laterStepPixels(const Recipe &recipe, QSize size)
{
    qint64 largest = 0;
    for (int i = recipe.leadingResize() ? 1 : 0; i < recipe.steps.size(); ++i) {
        size = stepOutputSize(recipe.steps[i], size);
        largest = std::max(largest, qint64(size.width()) * size.height());
    }
    return largest;
}

EngineInput prepareInput(const Job &job, QByteArray bytes, ImageFormat format)
{
    if (format == ImageFormat::Unknown)
        throw unknownFormat(bytes);
    EngineInput in;
    in.bytes = std::move(bytes);
    in.format = format;
    checkStructure(in.bytes, in.format);
    in.header = readImageHeader(in.bytes, in.format);
    const QSize stored = in.header.size;
    if (stored.isEmpty())
        throw EngineFailure{
            FailureKind::CorruptData,
            QStringLiteral("corrupt %1 data: no image size").arg(toString(in.format))};
    if (qint64(stored.width()) * stored.height() > job.maxPixels)
        throw EngineFailure{FailureKind::TooLarge,
                            QStringLiteral("image is %1x%2, over the %3 MP limit")
                                .arg(stored.width())
                                .arg(stored.height())
                                .arg(QString::number(job.maxPixels / 1e6, 'g', 3))};
    if (decoderOrients(in.format)) {
        in.metadata = readMetadataWithVips(in.bytes, in.format);
    } else {
        in.metadata = readMetadata(in.bytes);
        if (const int orientation = exifOrientation(in.metadata))
            in.header.orientation = orientation;
    }
    in.outputFormat = resolveOutputFormat(job.recipe.format, in.format);
    in.swapsAxes = job.recipe.autoOrient && hasQuarterTurn(in.header.orientation);
    const QSize upright = in.swapsAxes ? stored.transposed() : stored;
    in.plan = planLeadingResize(job.recipe, upright);
    in.outputSize = plannedOutputSize(job.recipe, upright);
    in.laterStepPixels = laterStepPixels(job.recipe, in.plan.crop.size());
    if (in.outputSize.isEmpty()) // a crop box outside the image
        throw EngineFailure{FailureKind::InvalidRecipe,
                            QStringLiteral("the operations leave nothing of this %1x%2 image")
                                .arg(upright.width())
                                .arg(upright.height())};
    if (auto failure = checkOutputLimits(in.outputFormat, in.outputSize))
        throw *failure;
    return in;
}

JobResult writeOutput(const Job &job, const EngineInput &in, const EncodedImage &out)
{
    QString error;
    const FailureKind kind = writeFileAtomically(job.outputPath, out.bytes, job.overwrite, &error);
    if (kind == FailureKind::OutputExists)
        return JobResult::skipped(job, error);
    if (kind == FailureKind::Cancelled)
        return JobResult::cancelled(job);
    if (kind != FailureKind::None)
        return JobResult::failed(job, kind, error);
    JobResult result;
    result.id = job.id;
    result.status = JobStatus::Ok;
    result.inputPath = job.inputPath;
    result.outputPath = job.outputPath;
    result.outputBytes = out.bytes.size();
    result.inputSize = in.header.size;
    result.outputSize = out.size;
    result.chosenQuality = out.chosenQuality;
    return result;
}

JobResult runSteps(const Job &job, const EngineProcess &process, ImageFormat *format,
                   qint64 *inputBytes)
{
    if (const QString error = job.recipe.validationError(); !error.isEmpty())
        return JobResult::failed(job, FailureKind::InvalidRecipe, error);
    QByteArray bytes;
    if (const QString error = readInput(job.inputPath, &bytes); !error.isEmpty())
        return JobResult::failed(job, FailureKind::InputUnreadable, error);
    *inputBytes = bytes.size();
    *format = sniffImageFormat(bytes.left(kSniffBytes));
    const EngineInput in = prepareInput(job, std::move(bytes), *format);
    const EncodedImage out = process(in, job.recipe);
    if (out.size != in.outputSize)
        throw EngineFailure{FailureKind::Internal,
                            QStringLiteral("engine produced %1x%2 instead of %3x%4")
                                .arg(out.size.width())
                                .arg(out.size.height())
                                .arg(in.outputSize.width())
                                .arg(in.outputSize.height())};
    return writeOutput(job, in, out);
}

} // namespace

bool formatKeepsAlpha(OutputFormat format)
{
    return format != OutputFormat::Jpeg && format != OutputFormat::Same;
}

bool decoderOrients(ImageFormat format)
{
    return format == ImageFormat::Heif || format == ImageFormat::Avif || format == ImageFormat::Jxl;
}

bool hasQuarterTurn(int orientation)
{
    return orientation >= 5 && orientation <= 8;
}

JobResult runEngineJob(const Job &job, const QString &engineName, const EngineProcess &process)
{
    QElapsedTimer timer;
    timer.start();
    ImageFormat format = ImageFormat::Unknown;
    qint64 inputBytes = -1; // known once read; else asked of the file system
    JobResult result;
    try {
        result = runSteps(job, process, &format, &inputBytes);
    } catch (const EngineFailure &failure) {
        result = JobResult::failed(job, failure.kind, failure.message);
    } catch (const std::exception &e) {
        const EngineFailure failure = mapLibraryError(e.what(), format);
        result = JobResult::failed(job, failure.kind, failure.message);
    } catch (...) {
        result =
            JobResult::failed(job, FailureKind::Internal,
                              QStringLiteral("unexpected error in the %1 engine").arg(engineName));
    }
    if (inputBytes < 0) // not read: the probe's size, or else ask the file system
        inputBytes = job.probe.isTaken() ? job.probe.fileBytes : QFileInfo(job.inputPath).size();
    result.inputBytes = inputBytes;
    result.engine = engineName;
    result.elapsedMs = timer.elapsed();
    return result;
}
