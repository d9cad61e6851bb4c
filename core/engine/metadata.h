#pragma once

#include <QByteArray>
#include <QSize>

#include <memory>

#include "recipe.h"

namespace Exiv2 {
class ExifData;
class IptcData;
} // namespace Exiv2

// Internal to pixelmill_engine: the metadata that travels with the pixels from decode to
// encode, read and written with Exiv2 (the library digiKam and Gwenview use), never by hand.
// It is read once from the input's bytes, whichever decoder then decodes the pixels, so every
// route writes the same metadata.

struct ImageMetadata
{
    QByteArray icc; // the embedded colour profile, empty when untagged
    std::shared_ptr<const Exiv2::ExifData> exif;
    std::shared_ptr<const Exiv2::IptcData> iptc;
    QByteArray xmp; // the XMP packet as stored
};

// Never throws: metadata that cannot be read counts as absent (the pixels may still decode).
ImageMetadata readMetadata(const QByteArray &bytes);

// Metadata handed over by a decoder (libvips' blobs): `exif` may start with "Exif\0\0".
// The pixels such decoders deliver are upright, so an EXIF Orientation is set to 1. Never
// throws: EXIF that cannot be parsed counts as absent.
ImageMetadata metadataFromBlobs(const QByteArray &icc, const QByteArray &exif,
                                const QByteArray &xmp);

// The EXIF Orientation (1..8) as Exiv2 reads it, whatever its type (SHORT or LONG) and
// wherever the file keeps it (a PNG's eXIf after the image data); 0 when there is none. The
// pixels are turned by this value because the output's tag is reset from it: one source.
int exifOrientation(const ImageMetadata &metadata);

// What an output carries, encoded for writing.
struct OutputMetadata
{
    QByteArray icc;          // empty: untagged (sRGB)
    QByteArray exif;         // TIFF structure, without JPEG's "Exif\0\0" prefix
    QByteArray xmp;          // packet text
    QByteArray photoshopIrb; // IPTC wrapped in Photoshop resource blocks (JPEG APP13)
    QByteArray iptc;         // IPTC records as such (TIFF)
    bool isEmpty() const
    {
        return icc.isEmpty() && exif.isEmpty() && xmp.isEmpty() && iptc.isEmpty() &&
               photoshopIrb.isEmpty();
    }
};

// The metadata for an output of `outputSize` pixels: nothing when the recipe strips it (the
// profile `outputIcc` stays: pixels in a wide gamut are never left untagged), without location
// when it strips GPS. After auto-orient the Orientation tags say 1, pixel dimensions say the
// output's, and the EXIF thumbnail (a stale picture of the original) is dropped.
// `convertedToSrgb`: the pipeline converted the pixels from another profile, so EXIF's colour
// space is set to sRGB; otherwise it is left as the input says.
OutputMetadata metadataForOutput(const ImageMetadata &in, const Recipe &recipe, QSize outputSize,
                                 const QByteArray &outputIcc, bool convertedToSrgb);

// TIFF outputs: libvips' TIFF writer carries the profile and XMP but not EXIF or IPTC, which
// Exiv2 adds to the encoded file. Returns `tiff` unchanged when there is nothing to add.
QByteArray addExifAndIptcToTiff(const QByteArray &tiff, const OutputMetadata &metadata);

// Once per process: Exiv2's XMP toolkit and its console warnings (off: failures are ours).
void initializeMetadata();
