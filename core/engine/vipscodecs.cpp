#include "pipeline.h"
#include "resample.h"

#include <QtEndian>

#include <libdeflate.h>
#include <vips/vips8>
#include <webp/mux.h>

#include <algorithm>
#include <cstring>

// libvips as one decoder among several (every format but BMP, and whatever the fast decoders
// decline: CMYK, 16-bit, interlaced, animated, TIFF, GIF, HEIF, AVIF, JPEG XL), and as the
// writer of PNG, WebP, TIFF, AVIF, HEIC and JPEG XL. Colour and metadata are not its business here:
// the pipeline converts colour with lcms2 and reads metadata with Exiv2, as on every route.

using vips::VImage;

namespace {

// Loads from memory (never from a path: libvips would parse "[...]" in a name as options),
// asking the decoder to scale down where the format can, and to stop on truncated data.
// Images whose whole decode fits (the file, libvips' pixels and our copy of them) are decoded
// whole and left to the pipeline's own box step, so that every route averages the same boxes
// the same way; larger ones are shrunk while streaming, within the workers' 200 MB goal.
constexpr qint64 kWholeDecodeBudget = 128ll << 20;

qint64 wholeDecodeBytes(const VImage &image)
{
    return qint64(image.width()) * image.height() * image.bands() *
           qint64(vips_format_sizeof(image.format()));
}

// Sets *coverage (DecodedPixels) for the shrink it asked for.
VImage load(const EngineInput &in, QSizeF *coverage)
{
    auto *options =
        VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL)->set("fail_on", VIPS_FAIL_ON_ERROR);
    const int box = boxShrinkFactor(in);
    // libjpeg's DCT scaling (libvips 8.14 rounds the sides down, and aborts when one would be
    // 0, which the box factor's rule never allows).
    const int jpegShrink = in.format == ImageFormat::Jpeg ? jpegShrinkFactor(in) : 1;
    if (jpegShrink > 1) {
        options->set("shrink", jpegShrink);
        *coverage = QSizeF(in.header.size) / jpegShrink;
    } else if (in.format == ImageFormat::Webp && box > 1) {
        options->set("scale", 1.0 / box); // libwebp averages boxes while decoding
    }
    loadVipsModulesFor(in.format);
    VImage image =
        VImage::new_from_buffer(in.bytes.constData(), size_t(in.bytes.size()), "", options);
    if (in.format != ImageFormat::Jpeg && in.format != ImageFormat::Webp && box > 1 &&
        2 * wholeDecodeBytes(image) + in.bytes.size() > kWholeDecodeBudget) {
        // Streams: a huge PNG or TIFF never sits whole in memory. Alpha is premultiplied around
        // the box average, as the pipeline's own box step does, so that the colour of
        // transparent pixels does not bleed into visible edges.
        const VipsBandFormat format = image.format();
        if (image.has_alpha())
            image = image.premultiply().shrink(box, box).unpremultiply().cast(format);
        else
            image = image.shrink(box, box);
        *coverage = QSizeF(in.header.size) / box;
    }
    return image;
}

// To 8-bit RGB or gray (with alpha), as the pipeline takes them. CMYK and the other
// non-RGB spaces are converted to sRGB here, through their profile (or libvips' built-in CMYK
// profile when the file has none): lcms2 too, but only libvips knows these layouts.
VImage toPipelineLayout(VImage image, bool *inSrgb)
{
    const VipsInterpretation space = image.interpretation();
    if (space == VIPS_INTERPRETATION_CMYK || image.bands() - image.has_alpha() == 4) {
        image = image.icc_transform("srgb", VImage::option()
                                                ->set("embedded", true)
                                                ->set("input_profile", "cmyk")
                                                ->set("intent", VIPS_INTENT_RELATIVE));
        *inSrgb = true;
    } else if (space == VIPS_INTERPRETATION_LAB || space == VIPS_INTERPRETATION_XYZ ||
               space == VIPS_INTERPRETATION_LABS || space == VIPS_INTERPRETATION_LCH) {
        image = image.colourspace(VIPS_INTERPRETATION_sRGB);
        *inSrgb = true;
    }
    const bool gray = image.bands() - image.has_alpha() < 3;
    if (image.format() == VIPS_FORMAT_USHORT) // 16 bits to 8, rounded (v / 257), not shifted
        image = image.linear(1.0 / 257, 0.5).cast(VIPS_FORMAT_UCHAR);
    else if (image.format() != VIPS_FORMAT_UCHAR) // float and others: same space, 8 bits
        image = image.colourspace(gray ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB);
    const int wanted = (gray ? 1 : 3) + (image.has_alpha() ? 1 : 0);
    if (image.bands() > wanted)
        image = image.extract_band(0, VImage::option()->set("n", wanted));
    return image.cast(VIPS_FORMAT_UCHAR);
}

cv::Mat toMat(const VImage &image)
{
    size_t size = 0;
    void *memory = image.write_to_memory(&size); // runs the whole decode
    cv::Mat pixels(image.height(), image.width(), CV_8UC(image.bands()));
    std::memcpy(pixels.data, memory, std::min(size, pixels.total() * pixels.elemSize()));
    g_free(memory);
    return pixels;
}

// Before any pixel is decoded (libvips has read only the header): what the job will need, so
// that an image over the worker's memory cap fails with its size instead of a glib abort deep
// in the decoder (a crash, and a retry that crashes again). The peak of two phases: decoding
// (the image in its own format from the header, width x height x bands x bytes per band,
// which random-access loaders hold whole; libvips' 8-bit result; our copy of it), then the
// pipeline (our copy and the resize working set). Streamed (shrunk) images count at their
// shrunk size.
void checkVipsDecodeMemory(const VImage &loaded, const EngineInput &in)
{
    const QSize size(loaded.width(), loaded.height());
    const int channels = std::min(loaded.bands(), 4);
    const qint64 pixels = qint64(size.width()) * size.height();
    const qint64 source = pixels * loaded.bands() * qint64(vips_format_sizeof(loaded.format()));
    const qint64 decoding = source + 2 * pixels * channels;
    const qint64 resizing = pixels * channels + pipelineWorkingBytes(size, channels, in);
    checkDecodeMemory(size, std::max(decoding, resizing));
}

DecodedPixels decodePixels(const EngineInput &in)
{
    vips_error_clear(); // VError carries the whole error buffer: start each job empty
    DecodedPixels decoded;
    const VImage loaded = load(in, &decoded.coverage);
    checkVipsDecodeMemory(loaded, in);
    decoded.pixels = toMat(toPipelineLayout(loaded, &decoded.inSrgb));
    return decoded;
}

} // namespace

DecodedPixels decodeWithVips(const EngineInput &in, const Recipe &)
{
    if (in.format == ImageFormat::Bmp)
        throw EngineFailure{FailureKind::UnsupportedFormat,
                            QStringLiteral("BMP is not supported by the libvips decoder")};
    if (in.format != ImageFormat::Jpeg)
        return decodePixels(in);
    // libjpeg only warns about damaged data, and fills the rest with gray: the warnings decide.
    StderrCapture capture;
    DecodedPixels decoded = decodePixels(in);
    if (auto failure = damageFromJpegWarnings(capture.finish()))
        throw *failure;
    return decoded;
}

namespace {

// libvips 8.14's WebP writer makes up an EXIF block (resolution, orientation, sizes) when the
// image has none and strip is off, and strip would also drop a kept profile: so the made-up
// block is taken out again with libwebpmux.
QByteArray withoutExifChunk(const QByteArray &webp)
{
    const WebPData input{reinterpret_cast<const uint8_t *>(webp.constData()), size_t(webp.size())};
    WebPMux *mux = WebPMuxCreate(&input, 0);
    if (!mux)
        return webp;
    QByteArray out = webp;
    WebPData assembled{nullptr, 0};
    if (WebPMuxDeleteChunk(mux, "EXIF") == WEBP_MUX_OK &&
        WebPMuxAssemble(mux, &assembled) == WEBP_MUX_OK)
        out =
            QByteArray(reinterpret_cast<const char *>(assembled.bytes), qsizetype(assembled.size));
    WebPDataClear(&assembled);
    WebPMuxDelete(mux);
    return out;
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    QByteArray chunk(4, '\0');
    qToBigEndian<quint32>(quint32(data.size()), chunk.data());
    chunk += QByteArray(type, 4) + data;
    const quint32 crc =
        quint32(libdeflate_crc32(0, chunk.constData() + 4, size_t(chunk.size() - 4)));
    QByteArray tail(4, '\0');
    qToBigEndian<quint32>(crc, tail.data());
    return chunk + tail;
}

// EXIF as one eXIf chunk and XMP as an uncompressed iTXt "XML:com.adobe.xmp", as the PNG and
// XMP specifications have them, right after IHDR. libvips 8.14 with libpng 1.6.39 wrote eXIf
// twice (before and after the image data) and XMP compressed in zTXt. Our own output's
// chunks are assembled here, never parsed: the file is libvips' PNG of known layout.
QByteArray withPngMetadata(const QByteArray &png, const OutputMetadata &metadata)
{
    constexpr qsizetype kAfterIhdr = 8 + 8 + 13 + 4; // signature, IHDR chunk
    if (png.size() < kAfterIhdr || png.mid(12, 4) != "IHDR")
        return png;
    QByteArray chunks;
    if (!metadata.exif.isEmpty())
        chunks += pngChunk("eXIf", metadata.exif);
    if (!metadata.xmp.isEmpty())
        chunks += pngChunk("iTXt", QByteArray("XML:com.adobe.xmp\0\0\0\0\0", 22) + metadata.xmp);
    return chunks.isEmpty() ? png : png.left(kAfterIhdr) + chunks + png.mid(kAfterIhdr);
}

} // namespace

namespace {

QByteArray takeBlob(VipsBlob *blob)
{
    size_t size = 0;
    const void *data = vips_blob_get(blob, &size);
    QByteArray bytes(static_cast<const char *>(data), qsizetype(size));
    vips_area_unref(VIPS_AREA(blob));
    return bytes;
}

// The writer for each format, with the recipe's options. AVIF and HEIC are one libheif writer
// with another codec (aom, x265); effort is 1-9 for us, libheif's 0-9 and libjxl's 1-9.
QByteArray saveWithVips(const VImage &image, OutputFormat format, const Recipe &recipe)
{
    switch (format) {
    case OutputFormat::Webp:
        return takeBlob(image.webpsave_buffer(
            VImage::option()->set("Q", recipe.quality)->set("lossless", recipe.lossless)));
    case OutputFormat::Tiff:
        return takeBlob(image.tiffsave_buffer(
            VImage::option()->set("compression", VIPS_FOREIGN_TIFF_COMPRESSION_LZW)));
    case OutputFormat::Avif:
    case OutputFormat::Heic:
        return takeBlob(
            image.heifsave_buffer(VImage::option()
                                      ->set("compression", format == OutputFormat::Avif
                                                               ? VIPS_FOREIGN_HEIF_COMPRESSION_AV1
                                                               : VIPS_FOREIGN_HEIF_COMPRESSION_HEVC)
                                      ->set("Q", recipe.quality)
                                      ->set("effort", recipe.effort)));
    case OutputFormat::Jxl:
        // libvips 8.14 maps Q 1-4 to a distance over libjxl's limit of 25, which libjxl
        // refuses, keeping its default (1.0, about Q 90): so Q 5, the smallest file, is used.
        return takeBlob(image.jxlsave_buffer(
            VImage::option()->set("Q", std::max(recipe.quality, 5))->set("effort", recipe.effort)));
    default:
        return takeBlob(image.pngsave_buffer(VImage::option()
                                                 ->set("compression", recipe.pngCompression)
                                                 ->set("palette", recipe.palette)));
    }
}

} // namespace

QByteArray encodeWithVips(const cv::Mat &pixels, OutputFormat format, const Recipe &recipe,
                          const OutputMetadata &metadata)
{
    loadVipsModulesFor(format);
    const cv::Mat contiguous = pixels.isContinuous() ? pixels : pixels.clone();
    const int bands = contiguous.channels();
    VImage image =
        VImage::new_from_memory(const_cast<uchar *>(contiguous.data), contiguous.total() * bands,
                                contiguous.cols, contiguous.rows, bands, VIPS_FORMAT_UCHAR);
    const double dotsPerMm = 72 / 25.4; // what viewers assume when a file says nothing
    image = image.copy(
        VImage::option()
            ->set("interpretation", bands < 3 ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB)
            ->set("xres", dotsPerMm)
            ->set("yres", dotsPerMm));
    auto blob = [&](const char *name, const QByteArray &bytes) {
        if (!bytes.isEmpty())
            vips_image_set_blob_copy(image.get_image(), name, bytes.constData(),
                                     size_t(bytes.size()));
    };
    blob(VIPS_META_ICC_NAME, metadata.icc);
    if (format != OutputFormat::Png) { // PNG's EXIF and XMP chunks are written below
        blob(VIPS_META_EXIF_NAME,
             metadata.exif.isEmpty() ? QByteArray() : QByteArray("Exif\0\0", 6) + metadata.exif);
        blob(VIPS_META_XMP_NAME, metadata.xmp);
    }
    const QByteArray bytes = saveWithVips(image, format, recipe);
    if (format == OutputFormat::Png)
        return withPngMetadata(bytes, metadata);
    if (format == OutputFormat::Webp && metadata.exif.isEmpty())
        return withoutExifChunk(bytes);
    return format == OutputFormat::Tiff ? addExifAndIptcToTiff(bytes, metadata) : bytes;
}

void applyVipsBlockList()
{
    // Loaders not fuzzed for hostile input (ImageMagick, matlab, ...) are refused. libvips
    // 8.14 marks its JPEG XL loader untrusted (heifload is trusted; libheif is an OSS-Fuzz
    // project): libjxl is an OSS-Fuzz project too, and we read it only from memory in a
    // worker with memory and CPU limits, so that one buffer loader, and the buffer saver of
    // our own pixels, are let through; every other untrusted operation stays blocked.
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoadJxlBuffer", FALSE);
    vips_operation_block_set("VipsForeignSaveJxlBuffer", FALSE);
}

bool initializeVips(const char *argv0, bool deferModules, QString *error)
{
    if (deferModules)
        deferVipsModules();
    const bool started = VIPS_INIT(argv0 ? argv0 : "pixelmill") == 0;
    afterVipsStarted();
    if (!started) {
        *error = QStringLiteral("libvips failed to start: %1")
                     .arg(QString::fromUtf8(vips_error_buffer()).trimmed());
        return false;
    }
    // Each worker process is one thread; parallelism comes from running several workers.
    vips_concurrency_set(1);
    // Every job is a different file: an operation cache would only hold memory.
    vips_cache_set_max(0);
    applyVipsBlockList();
    return true;
}
