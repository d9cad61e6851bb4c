#pragma once

#include <QByteArray>
#include <QRect>
#include <QSize>
#include <QString>

#include <vips/vips8>

// Generated test images (libvips), shared by tests that need real image files. Every image is
// a smooth colour gradient with a bright top-left quadrant, so that after any rotation a test
// can tell which way is up, and smooth enough that two resamplers agree closely.
// Callers must have called initializeEngines() (which starts libvips) first.
namespace TestImages {

struct Options
{
    int orientation = 1;    // EXIF orientation stored in the file; pixels are pre-turned so
                            // that a correct viewer shows the bright quadrant top-left
    bool alpha = false;     // right half 50% transparent, left half opaque
    bool grayscale = false; // one band
    int quality = 95;       // JPEG and WebP
};

// The upright image of `size` (as a viewer shows it).
vips::VImage make(QSize size, const Options &options = {});
// Encoded by suffix: ".jpg", ".png", ".webp", ".tif". Throws vips::VError on failure.
QByteArray encode(QSize size, const QString &suffix, const Options &options = {});
// Any image encoded by libvips' writer for `suffix` (".png", ".jpg", ...), with its options.
QByteArray toBuffer(const vips::VImage &image, const char *suffix,
                    vips::VOption *options = nullptr);
// The image as libvips saves it in a modern format: "heic" (x265; "heic10" at 10 bits, as
// recent iPhones write HDR photos), "avif" (aom) or "jxl", at Q 90.
QByteArray encodedAs(const vips::VImage &image, const QString &format);
// Writes encode(...) to path; false if the file cannot be written.
bool write(const QString &path, QSize size, const QString &suffix, const Options &options = {});
bool writeBytes(const QString &path, const QByteArray &bytes);
QByteArray readBytes(const QString &path);

// Loads through memory so that any file name works (libvips parses "[...]" in names).
vips::VImage load(const QString &path);
// Mean of all bands over `area`, 0..255.
double mean(const vips::VImage &image, QRect area);
// Peak signal-to-noise ratio of two images of equal size and bands, in dB (inf if equal).
double psnr(const vips::VImage &a, const vips::VImage &b);

} // namespace TestImages
