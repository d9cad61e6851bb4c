#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

#include <array>
#include <vector>

#include <vips/vips8>

// The images tst_fidelity feeds the engine, made and encoded with libvips directly (profiles
// and metadata are added with lcms2 and Exiv2: fidelityreference.h). Callers must have called
// initializeEngines() (which starts libvips).
namespace Fidelity {

// --- images (upright, 8-bit sRGB unless said otherwise) ---

// A smooth photo-like colour field: red grows to the right, green downwards, blue falls along
// the diagonal, so that swapping red and green or ignoring a profile moves region means by
// tens of levels; the top-left quadrant is a bright, slightly shaded highlight so that a test
// can tell which way is up.
vips::VImage gradient(QSize size);
// One colour everywhere; with `alpha` a fourth, opaque band.
vips::VImage flat(QSize size, std::array<int, 3> rgb, bool alpha = false);
// 2000x1000-class resampling material: a textured photo, black digits and lines on white
// (libvips text), and a page of text-like strokes (black on white, 3 bands).
vips::VImage texturedPhoto(QSize size);
vips::VImage digitsAndLines(QSize size);
vips::VImage textPage(QSize size);

// Encoded by suffix (".jpg", ".png", ".webp", ".tif"), Q for JPEG and WebP; extra options
// (e.g. "palette") are set on top. Profiles and metadata attached to `image` are written.
QByteArray encode(const vips::VImage &image, const QString &suffix, int quality = 95,
                  bool palette = false);
bool writeFile(const QString &path, const QByteArray &bytes);
QByteArray readFile(const QString &path);
// Decodes from memory at full resolution (random access).
vips::VImage decode(const QByteArray &bytes);
// The embedded ICC profile as libvips reads it; empty when there is none.
QByteArray iccOf(const vips::VImage &image);

// 8-bit pixels, interleaved, to an image that owns a copy of them, and back.
vips::VImage fromPixels(const std::vector<uchar> &data, QSize size, int bands,
                        VipsInterpretation interpretation);
std::vector<uchar> pixelsOf(const vips::VImage &image);

} // namespace Fidelity
