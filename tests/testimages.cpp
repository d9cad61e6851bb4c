#include "testimages.h"

#include <QFile>

#include <cmath>
#include <limits>
#include <vector>

using vips::VImage;

namespace TestImages {

namespace {

std::vector<uchar> pixels(QSize size, const Options &options, int bands)
{
    std::vector<uchar> data(size_t(size.width()) * size.height() * bands);
    const int w = size.width();
    const int h = size.height();
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            uchar *p = &data[(size_t(y) * w + x) * bands];
            const bool bright = x < w / 2 && y < h / 2;
            const int r = bright ? 235 : 30 + 90 * x / std::max(1, w - 1);
            const int g = bright ? 225 : 30 + 90 * y / std::max(1, h - 1);
            const int b = bright ? 210 : 70;
            if (options.grayscale) {
                p[0] = uchar((r * 299 + g * 587 + b * 114) / 1000);
            } else {
                p[0] = uchar(r);
                p[1] = uchar(g);
                p[2] = uchar(b);
            }
            if (options.alpha)
                p[bands - 1] = x < w / 2 ? 255 : 128;
        }
    }
    return data;
}

// Pre-turns the upright image so that applying `orientation` gives it back.
VImage storedForm(const VImage &upright, int orientation)
{
    switch (orientation) {
    case 2:
        return upright.fliphor();
    case 3:
        return upright.rot180();
    case 4:
        return upright.flipver();
    case 5:
        return upright.rot90().fliphor(); // transpose
    case 6:
        return upright.rot270();
    case 7:
        return upright.rot270().fliphor(); // transverse
    case 8:
        return upright.rot90();
    default:
        return upright;
    }
}

} // namespace

VImage make(QSize size, const Options &options)
{
    const int bands = (options.grayscale ? 1 : 3) + (options.alpha ? 1 : 0);
    const std::vector<uchar> data = pixels(size, options, bands);
    // new_from_memory does not copy; copy_memory() makes the image own its pixels.
    const VImage view =
        VImage::new_from_memory(const_cast<uchar *>(data.data()), data.size(), size.width(),
                                size.height(), bands, VIPS_FORMAT_UCHAR);
    const auto interpretation =
        options.grayscale ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB;
    return view.copy(VImage::option()->set("interpretation", interpretation)).copy_memory();
}

QByteArray encode(QSize size, const QString &suffix, const Options &options)
{
    VImage image = storedForm(make(size, options), options.orientation).copy_memory();
    if (options.orientation != 1)
        image.set(VIPS_META_ORIENTATION, options.orientation);
    auto *saveOptions = VImage::option();
    if (suffix == QLatin1String(".jpg") || suffix == QLatin1String(".webp"))
        saveOptions->set("Q", options.quality);
    return toBuffer(image, suffix.toUtf8().constData(), saveOptions);
}

QByteArray toBuffer(const VImage &image, const char *suffix, vips::VOption *options)
{
    void *buffer = nullptr;
    size_t length = 0;
    image.write_to_buffer(suffix, &buffer, &length, options ? options : VImage::option());
    QByteArray bytes(static_cast<const char *>(buffer), qsizetype(length));
    g_free(buffer);
    return bytes;
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool write(const QString &path, QSize size, const QString &suffix, const Options &options)
{
    return writeBytes(path, encode(size, suffix, options));
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

VImage load(const QString &path)
{
    const QByteArray bytes = readBytes(path);
    // Copy into an image that owns its pixels: `bytes` dies with this function.
    return VImage::new_from_buffer(bytes.constData(), size_t(bytes.size()), "").copy_memory();
}

double mean(const VImage &image, QRect area)
{
    return image.extract_area(area.x(), area.y(), area.width(), area.height()).avg();
}

double psnr(const VImage &a, const VImage &b)
{
    const VImage diff = a.cast(VIPS_FORMAT_DOUBLE) - b.cast(VIPS_FORMAT_DOUBLE);
    const double mse = (diff * diff).avg();
    if (mse == 0)
        return std::numeric_limits<double>::infinity();
    return 10 * std::log10(255.0 * 255.0 / mse);
}

QByteArray encodedAs(const VImage &image, const QString &format)
{
    if (format == QLatin1String("heic10"))
        return TestImages::toBuffer(image, ".heic",
                                    VImage::option()
                                        ->set("compression", VIPS_FOREIGN_HEIF_COMPRESSION_HEVC)
                                        ->set("Q", 90)
                                        ->set("bitdepth", 10));
    if (format == QLatin1String("heic"))
        return TestImages::toBuffer(
            image, ".heic",
            VImage::option()->set("compression", VIPS_FOREIGN_HEIF_COMPRESSION_HEVC)->set("Q", 90));
    if (format == QLatin1String("avif"))
        return TestImages::toBuffer(
            image, ".heif",
            VImage::option()->set("compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1)->set("Q", 90));
    // jxlsave_buffer: the one JPEG XL saver the engine unblocks (write_to_buffer would pick
    // the target saver, still blocked as untrusted).
    VipsBlob *blob = image.jxlsave_buffer(VImage::option()->set("Q", 90));
    size_t size = 0;
    const void *data = vips_blob_get(blob, &size);
    const QByteArray bytes(static_cast<const char *>(data), qsizetype(size));
    vips_area_unref(VIPS_AREA(blob));
    return bytes;
}

} // namespace TestImages
