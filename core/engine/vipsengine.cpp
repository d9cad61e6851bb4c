#include "engine.h"
#include "engineshared.h"

#include <vips/vips8>

#include <algorithm>
#include <cmath>

using vips::VImage;

namespace {

// libjpeg scales by 1/2, 1/4 or 1/8 inside the decoder. libvips 8.14 rounds the shrunk sides
// down, and aborts (an assertion, not an error) when a side would become 0: so never let it.
int jpegShrinkFor(QSize stored, QSize target)
{
    for (int shrink : {8, 4, 2}) {
        const int w = stored.width() / shrink;
        const int h = stored.height() / shrink;
        if (w >= target.width() && h >= target.height())
            return shrink;
    }
    return 1;
}

// Loads from memory (never from a path: libvips would parse "[...]" in a name as options),
// asking the decoder to scale down where the format can, and to stop on truncated data.
VImage load(const EngineInput &in)
{
    auto *options =
        VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL)->set("fail_on", VIPS_FAIL_ON_ERROR);
    const QSize stored = in.header.size;
    const QSize target = in.storedTarget();
    if (in.format == ImageFormat::Jpeg) {
        const int shrink = jpegShrinkFor(stored, target);
        if (shrink > 1)
            options->set("shrink", shrink);
    } else if (in.format == ImageFormat::Webp) {
        const double scale = std::max(double(target.width()) / stored.width(),
                                      double(target.height()) / stored.height());
        if (scale < 1)
            options->set("scale", scale);
    }
    return VImage::new_from_buffer(in.bytes.constData(), size_t(in.bytes.size()), "", options);
}

double whiteFor(const VImage &image)
{
    const VipsInterpretation i = image.interpretation();
    return i == VIPS_INTERPRETATION_RGB16 || i == VIPS_INTERPRETATION_GREY16 ? 65535 : 255;
}

// Alpha goes where the output cannot keep it, before resizing so edges blend with white.
VImage flattenIfNeeded(VImage image, const EngineInput &in)
{
    if (image.has_alpha() && !formatKeepsAlpha(in.outputFormat))
        image = image.flatten(
            VImage::option()->set("background", std::vector<double>{whiteFor(image)}));
    return image;
}

// Before resizing: one band resizes three times faster than three, which outweighs the cost of
// the conversion on the larger image (measured: JPEG 4000x3000 -> 800x600 gray 35 ms vs 45).
VImage toGrayscale(const VImage &image)
{
    return image.colourspace(image.format() == VIPS_FORMAT_USHORT ? VIPS_INTERPRETATION_GREY16
                                                                  : VIPS_INTERPRETATION_B_W);
}

// Scales to exactly `target`; libvips rounds sides itself, so a one-pixel miss is cropped or
// padded with the edge.
VImage resizeTo(VImage image, QSize target)
{
    if (image.width() == target.width() && image.height() == target.height())
        return image;
    const double h = double(target.width()) / image.width();
    const double v = double(target.height()) / image.height();
    const bool alpha = image.has_alpha();
    const VipsBandFormat format = image.format();
    if (alpha)
        image = image.premultiply(); // so transparent pixels' colour does not bleed into edges
    image = image.resize(h, VImage::option()->set("vscale", v));
    if (alpha)
        image = image.unpremultiply().cast(format);
    if (image.width() > target.width() || image.height() > target.height())
        image = image.crop(0, 0, std::min(image.width(), target.width()),
                           std::min(image.height(), target.height()));
    if (image.width() < target.width() || image.height() < target.height())
        image = image.embed(0, 0, target.width(), target.height(),
                            VImage::option()->set("extend", VIPS_EXTEND_COPY));
    return image;
}

VImage orient(VImage image, const EngineInput &in, const Recipe &recipe)
{
    if (!recipe.autoOrient || in.header.orientation == 1)
        return image;
    // Rotation reads out of order, which a sequential load cannot; the image is small by now.
    image = image.copy_memory();
    image.set(VIPS_META_ORIENTATION, in.header.orientation);
    image = image.autorot();
    // Kept metadata must say "upright" or viewers would turn the pixels a second time.
    image.set(VIPS_META_ORIENTATION, 1);
    return image;
}

QByteArray save(const VImage &image, OutputFormat format, const Recipe &recipe)
{
    auto *options = VImage::option()->set("strip", recipe.stripMetadata);
    const char *suffix = ".png";
    switch (format) {
    case OutputFormat::Jpeg:
        suffix = ".jpg";
        options->set("Q", recipe.quality);
        break;
    case OutputFormat::Webp:
        suffix = ".webp";
        options->set("Q", recipe.quality);
        break;
    case OutputFormat::Tiff:
        suffix = ".tif";
        options->set("compression", VIPS_FOREIGN_TIFF_COMPRESSION_LZW);
        break;
    case OutputFormat::Png:
    case OutputFormat::Same:
        break;
    }
    void *buffer = nullptr;
    size_t size = 0;
    image.write_to_buffer(suffix, &buffer, &size, options);
    QByteArray bytes(static_cast<const char *>(buffer), qsizetype(size));
    g_free(buffer);
    return bytes;
}

EncodedImage processPixels(const EngineInput &in, const Recipe &recipe)
{
    if (in.format == ImageFormat::Bmp)
        throw EngineFailure{FailureKind::UnsupportedFormat,
                            QStringLiteral("BMP is not supported by the libvips engine")};
    vips_error_clear(); // VError carries the whole error buffer: start each job empty
    VImage image = flattenIfNeeded(load(in), in);
    if (recipe.grayscale)
        image = toGrayscale(image);
    image = orient(resizeTo(image, in.storedTarget()), in, recipe);
    const QRect crop = in.plan.crop;
    if (crop.size() != QSize(image.width(), image.height()))
        image = image.crop(crop.x(), crop.y(), crop.width(), crop.height());
    return {save(image, in.outputFormat, recipe), QSize(image.width(), image.height())};
}

EncodedImage process(const EngineInput &in, const Recipe &recipe)
{
    if (in.format != ImageFormat::Jpeg)
        return processPixels(in, recipe);
    // Pixels are decoded lazily, during the save: the whole pipeline runs under the capture.
    StderrCapture capture;
    EncodedImage out = processPixels(in, recipe);
    if (auto failure = damageFromJpegWarnings(capture.finish()))
        throw *failure;
    return out;
}

class VipsEngine final : public Engine
{
public:
    QString name() const override { return QStringLiteral("vips"); }
    JobResult run(const Job &job) noexcept override { return runEngineJob(job, name(), process); }
};

} // namespace

bool initializeVips(const char *argv0, QString *error)
{
    if (VIPS_INIT(argv0 ? argv0 : "pixelmill") != 0) {
        *error = QStringLiteral("libvips failed to start: %1")
                     .arg(QString::fromUtf8(vips_error_buffer()).trimmed());
        return false;
    }
    // Each worker process is one thread; parallelism comes from running several workers.
    vips_concurrency_set(1);
    // Every job is a different file: an operation cache would only hold memory.
    vips_cache_set_max(0);
    // Loaders not fuzzed for hostile input (ImageMagick, matlab, ...) are refused.
    vips_block_untrusted_set(TRUE);
    return true;
}

std::unique_ptr<Engine> makeVipsEngine()
{
    return std::make_unique<VipsEngine>();
}
