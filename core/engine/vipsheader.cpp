#include "engineshared.h"

#include <vips/vips8>

// Shared by both engines: libvips reads a header without decoding pixels for every format we
// accept except BMP, so the pixel limit is checked before any decoder allocates.

ImageHeader readImageHeader(const QByteArray &bytes, ImageFormat format)
{
    if (format == ImageFormat::Bmp)
        return readBmpHeader(bytes);
    if (const std::optional<ImageHeader> direct = readHeaderDirectly(bytes, format))
        return *direct;
    loadVipsModulesFor(format);
    vips_error_clear();
    // new_from_buffer only parses the header; pixels are decoded when something asks for them.
    const vips::VImage image = vips::VImage::new_from_buffer(
        bytes.constData(), size_t(bytes.size()), "",
        vips::VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL));
    ImageHeader header;
    header.size = QSize(image.width(), image.height());
    header.hasAlpha = vips_image_hasalpha(image.get_image());
    if (image.get_typeof(VIPS_META_ORIENTATION) != 0 && !decoderOrients(format)) {
        const int orientation = image.get_int(VIPS_META_ORIENTATION);
        header.orientation = orientation >= 1 && orientation <= 8 ? orientation : 1;
    }
    return header;
}

namespace {
QByteArray blobOf(const vips::VImage &image, const char *name)
{
    if (image.get_typeof(name) == 0)
        return {};
    size_t size = 0;
    const void *data = image.get_blob(name, &size);
    return QByteArray(static_cast<const char *>(data), qsizetype(size));
}
} // namespace

ImageMetadata readMetadataWithVips(const QByteArray &bytes, ImageFormat format)
{
    loadVipsModulesFor(format);
    vips_error_clear();
    const vips::VImage image = vips::VImage::new_from_buffer(
        bytes.constData(), size_t(bytes.size()), "",
        vips::VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL));
    return metadataFromBlobs(blobOf(image, VIPS_META_ICC_NAME), blobOf(image, VIPS_META_EXIF_NAME),
                             blobOf(image, VIPS_META_XMP_NAME));
}
