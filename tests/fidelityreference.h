#pragma once

#include <QByteArray>
#include <QMap>
#include <QRect>
#include <QSize>
#include <QString>

#include <array>

#include <vips/vips8>

// What tst_fidelity expects, from libvips, lcms2 and Exiv2 used directly here (or from hand
// computation in the test), never from the engine under test: profiles made and judged with
// lcms2, metadata written and read back with Exiv2, and the reference pipeline in libvips.
// Callers must have called initializeEngines() (which starts libvips).
namespace Fidelity {

// --- lcms2 ---

// A gray profile with a gamma 1.8 curve and a D50 white (cmsCreateGrayProfile).
QByteArray grayGamma18Profile();
// sRGB pixels to one-band pixels in `grayProfile`, by lcms2 (relative colorimetric).
vips::VImage srgbToGrayProfile(const vips::VImage &srgb, const QByteArray &grayProfile);
// One colour through lcms2: `profilePath` (an RGB profile) -> lcms2's built-in sRGB,
// relative colorimetric, 8 bits.
std::array<int, 3> toSrgb(const QString &profilePath, std::array<int, 3> rgb);
// True when `icc` describes sRGB: for an RGB profile the colorants (rXYZ, gXYZ, bXYZ) and
// tone curves match cmsCreate_sRGBProfile's; for a gray profile (one-band output) the gray
// tone curve matches sRGB's. `bands` is the output's colour band count (1 or 3).
bool isSrgbProfile(const QByteArray &icc, int bands, QString *why);

// --- Exiv2 ---

// The metadata every input carries (where its format can hold it), written with Exiv2.
extern const char *const kMake;
extern const char *const kModel;
extern const char *const kDateTimeOriginal;
extern const char *const kCopyright;
extern const char *const kGpsLatitude;  // EXIF rational triple
extern const char *const kGpsLongitude; // EXIF rational triple
extern const char *const kCreator;      // XMP dc:creator and IPTC By-line
extern const char *const kXmpGpsLatitude;

// Once per process: Exiv2's XMP parser, and its log limited to errors.
void initializeMetadata();
void finishMetadata();

struct Families
{
    bool exif = false;
    bool xmp = false;
    bool iptc = false;
};

// Adds the metadata above to the file at `path` with Exiv2: EXIF Make, Model, Orientation,
// Copyright, DateTimeOriginal, PixelX/YDimension (= `stored`), GPS; XMP dc:creator and
// exif:GPSLatitude/Longitude; IPTC By-line; an EXIF thumbnail when `thumbnailJpeg` is given.
// Each family only where Exiv2 can write it to that format. Returns false with *error.
bool writeMetadata(const QString &path, int orientation, QSize stored,
                   const QByteArray &thumbnailJpeg, QString *error);

// Everything Exiv2 reads from a file: key -> value (long values abbreviated).
struct Metadata
{
    bool readable = false;
    QString error;
    QMap<QString, QString> exif;
    QMap<QString, QString> xmp;
    QMap<QString, QString> iptc;
};
Metadata readMetadata(const QString &path);
// EXIF keys that describe the image rather than a TIFF file's structure or its other
// metadata containers: for TIFF, Exiv2 reports every IFD0 tag (ImageWidth, StripOffsets,
// XMLPacket, IPTCNAA, InterColorProfile, ...) as EXIF; those are dropped here.
QMap<QString, QString> descriptiveExif(const QMap<QString, QString> &exif);

// --- references ---

// Full-resolution reference pipeline in libvips: icc_transform to libvips' sRGB with the
// embedded profile (relative intent; `fallbackProfile`, e.g. "cmyk", when none is embedded),
// 8 bits. Untagged RGB input is returned as is (8 bits).
vips::VImage toSrgb(const vips::VImage &decoded, const char *fallbackProfile = nullptr);
// No colour transform: the decoded numbers, as 8-bit RGB (16-bit input scaled down).
vips::VImage untransformed(const vips::VImage &decoded);
// Lanczos-3 over the full factor (libvips resize, kernel lanczos3, gap 0 so no box
// pre-shrink), to exactly `size`.
vips::VImage lanczos3(const vips::VImage &image, QSize size);
// round(0.299 R + 0.587 G + 0.114 B), one band (alpha, if any, dropped).
vips::VImage grayFormula(const vips::VImage &rgb);
// Mean of one band over `area`.
double bandMean(const vips::VImage &image, int band, QRect area);

} // namespace Fidelity
