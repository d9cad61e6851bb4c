#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "recipe.h"

// Image formats recognised by content (magic bytes), never by file name.
// Heif is HEIC/HEIF (HEVC inside the ISOBMFF container), Avif the same container with AV1.
enum class ImageFormat { Unknown, Jpeg, Png, Webp, Tiff, Gif, Bmp, Heif, Avif, Jxl };

// How many leading bytes sniffing looks at: an ISOBMFF file's ftyp box names its brands
// there (the major brand at 8, compatible brands from 16).
constexpr int kSniffBytes = 64;

// Needs the first kSniffBytes bytes of a file (16 for all but HEIF/AVIF whose major brand is
// the generic mif1/msf1); fewer bytes give Unknown or the generic HEIF.
ImageFormat sniffImageFormat(const QByteArray &head);
ImageFormat sniffImageFormatOfFile(const QString &path);
QString toString(ImageFormat format);

// True when a file name claims an image (.jpg, .png, .webp, .tif, .gif, .bmp, .heic, .avif,
// .jxl, .svg, ...; any case). A folder scan takes such a file even when its content is no
// image we read, so that it gets a verdict ("empty file", "not an image (looks like text)",
// "unsupported format: SVG") instead of vanishing from the count; other names stay out.
bool hasImageFileName(const QString &fileName);
// Those suffixes, lower case, without the dot (the GUI's "Add files…" filter).
const QStringList &imageFileSuffixes();

// The output format a recipe produces for an input of this format: Same keeps JPEG, PNG,
// WebP, TIFF, HEIF (as HEIC), AVIF and JPEG XL, and turns GIF and BMP into PNG (we do not
// write those).
OutputFormat resolveOutputFormat(OutputFormat requested, ImageFormat input);
