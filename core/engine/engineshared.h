#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

#include <functional>
#include <optional>

#include "geometry.h"
#include "imageformat.h"
#include "imageheader.h"
#include "job.h"
#include "metadata.h"

// Internal to pixelmill_engine: the steps every engine shares, so that both read, check,
// plan, name failures and write in exactly the same way and differ only in pixel work.

// Everything an engine needs to turn pixels into output bytes; built by runEngineJob.
struct EngineInput
{
    QByteArray bytes; // the whole input file; engines decode from memory, never from a path
    ImageFormat format = ImageFormat::Unknown;
    ImageHeader header;
    OutputFormat outputFormat = OutputFormat::Png;
    bool swapsAxes = false;     // auto-orienting turns the image a quarter (orientations 5..8)
    ResizePlan plan;            // the leading resize step (geometry.h), on the upright size
    QSize outputSize;           // after every step (plannedOutputSize)
    qint64 laterStepPixels = 0; // the largest image a step after the leading resize makes
    ImageMetadata metadata;     // profile, EXIF, XMP, IPTC: read once, whichever decoder runs
    // The size to scale to before orienting, i.e. plan.scaled in stored orientation.
    QSize storedTarget() const { return swapsAxes ? plan.scaled.transposed() : plan.scaled; }
};

struct EncodedImage
{
    QByteArray bytes;
    QSize size;
    int chosenQuality = 0; // the size budget's search (qualitysearch.h); 0 = not searched
};

// Thrown by engine code for failures it recognises; anything else thrown is mapped from the
// library's message by runEngineJob.
struct EngineFailure
{
    FailureKind kind;
    QString message;
};

using EngineProcess = std::function<EncodedImage(const EngineInput &, const Recipe &)>;

// The whole job around an engine's pixel work: read, sniff, header, pixel limit, structure
// check, plan, process, atomic write, result. Never throws.
JobResult runEngineJob(const Job &job, const QString &engineName, const EngineProcess &process);

// Reads the header without decoding pixels (libvips for most formats). Throws on failure.
ImageHeader readImageHeader(const QByteArray &bytes, ImageFormat format);

bool formatKeepsAlpha(OutputFormat format);

// HEIF and AVIF (libheif applies the irot/imir boxes, which the HEIF specification makes the
// one orientation; EXIF's tag is informational there) and JPEG XL (libjxl applies its
// codestream orientation): the decoded pixels are upright, so orientation is 1 whatever EXIF
// says, and the output's EXIF says 1 too.
bool decoderOrients(ImageFormat format);

// For the formats Exiv2 0.27 does not read (its ISOBMFF support is off by default, and had
// CVEs): profile, EXIF and XMP as libvips' loaders found them, the EXIF Orientation set to 1.
ImageMetadata readMetadataWithVips(const QByteArray &bytes, ImageFormat format);
bool hasQuarterTurn(int orientation);

// Structure checks that catch truncation before a decoder fills the missing part with gray.
enum class DataIntegrity { Complete, Truncated, Corrupt };
DataIntegrity checkIntegrity(const QByteArray &bytes, ImageFormat format);

// Collects what libraries print on stderr (fd 2) while it lives, e.g. libjpeg's warnings,
// which neither OpenCV nor libvips turn into errors. Single-threaded use only: the worker runs
// one job at a time. Anything captured that is not classified is passed on to stderr.
class StderrCapture
{
public:
    StderrCapture();
    ~StderrCapture();
    StderrCapture(const StderrCapture &) = delete;
    StderrCapture &operator=(const StderrCapture &) = delete;
    // Stops capturing and returns the text (at most a few KB).
    QString finish();

private:
    int m_saved = -1;
    int m_file = -1;
};

// libjpeg warnings that mean damaged data (a bad Huffman code, a scan ending early, a
// missing end), as opposed to harmless ones (stray bytes between segments, an unknown JFIF
// version): the failure to report, if any.
std::optional<EngineFailure> damageFromJpegWarnings(const QString &text);

// For engines that decode a whole image at once: throws TooLarge ("not enough memory to
// decode image ...") when `bytes` more would not fit under the process's address-space cap
// (RLIMIT_AS, set by the worker), so the job fails with a reason instead of deep in a decoder.
void checkDecodeMemory(QSize size, qint64 bytes);

// Formats recognised only to be refused, with their name: "unsupported format: SVG ...".
// Empty when the bytes look like nothing we know.
QString refusedFormatName(const QByteArray &head);

// Per-library start-up, called once by initializeEngines.
bool initializeVips(const char *argv0, bool deferModules, QString *error);
// Blocks libvips' untrusted operations, less the JPEG XL buffer loader and saver.
void applyVipsBlockList();

// libvips' codec modules (HEIF/AVIF, JPEG XL) are opened the first time a job needs one
// (vipsmodules.cpp): call loadVipsModulesFor before handing libvips bytes or pixels of a
// format (a no-op unless initializeVips deferred them). deferVipsModules/afterVipsStarted
// bracket VIPS_INIT.
void deferVipsModules();
void afterVipsStarted();
void loadVipsModulesFor(ImageFormat format);
void loadVipsModulesFor(OutputFormat format);
void initializeOpenCv();

// BMP is read by OpenCV only (libvips needs ImageMagick for it, which we block as untrusted).
ImageHeader readBmpHeader(const QByteArray &bytes);
