#include "pipeline.h"

#include "cvcodecs.h"
#include "jpegcodec.h"
#include "pngfast.h"
#include "resample.h"
#include "webpdecode.h"

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <stdexcept>

// The fast decoders, each for the common case of one format: JPEG through libjpeg-turbo
// (scaled in the DCT, luma only for gray), 8-bit PNG through pngfast.h, WebP through libwebp
// (its luma plane for gray, webpdecode.h), BMP through OpenCV. What they decline, libvips decodes.

namespace {

std::optional<DecodedPixels> decodeJpegFast(const EngineInput &in, const Recipe &recipe)
{
    const int reduction = jpegShrinkFactor(in);
    const QSize size = in.header.size / reduction;
    checkDecodeMemory(size, qint64(size.width()) * size.height() * 3);
    JpegDecoded jpeg = decodeJpeg(in.bytes, reduction, decodesAsLuma(in, recipe));
    // libjpeg fills what it could not decode with gray and only warns: the warnings decide.
    if (auto failure = damageFromJpegWarnings(jpeg.warnings))
        throw *failure;
    if (jpeg.outcome == JpegDecoded::Outcome::Failed) // mapped to a kind by runEngineJob
        throw std::runtime_error(jpeg.error.toStdString());
    if (jpeg.outcome == JpegDecoded::Outcome::NotHandled) // CMYK: libvips converts it
        return std::nullopt;
    // libjpeg rounds scaled sides up, libvips down: keep the whole pixels only, as libvips
    // does, so that both routes resample the same pixels (coverage says what they span).
    const QSize stored = in.header.size;
    const cv::Mat whole = jpeg.image(
        cv::Rect(0, 0, std::min(jpeg.image.cols, std::max(1, stored.width() / reduction)),
                 std::min(jpeg.image.rows, std::max(1, stored.height() / reduction))));
    return DecodedPixels{whole, QSizeF(stored) / reduction, false};
}

std::optional<DecodedPixels> decodePng(const EngineInput &in)
{
    const QSize size = in.header.size;
    checkDecodeMemory(size, qint64(size.width()) * size.height() * (in.header.hasAlpha ? 4 : 3));
    cv::Mat png = decodePngFast(in.bytes); // PNG order is RGB already
    if (png.empty())
        return std::nullopt;
    return DecodedPixels{png, {}, false};
}

// libwebp decodes, and whole boxes are averaged to the size the box step of resample.h would
// leave (webpdecode.h says where and how); the coverage says what the pixels span.
std::optional<DecodedPixels> decodeWebp(const EngineInput &in, const Recipe &recipe)
{
    const QSize stored = in.header.size;
    const int box = boxShrinkFactor(in);
    const bool luma = decodesAsLuma(in, recipe);
    const QSize decoded = webpDecodeSize(stored, box, luma, in.header.hasAlpha);
    checkDecodeMemory(decoded, qint64(decoded.width()) * decoded.height() * 4);
    WebpDecoded webp =
        luma ? decodeWebpLuma(in.bytes, box, in.storedTarget()) : decodeWebpColour(in.bytes, box);
    if (webp.pixels.empty())
        return std::nullopt;
    return DecodedPixels{webp.pixels, webp.coverage, false};
}

// OpenCV's BMP reader, the only one we have (libvips reads BMP only through ImageMagick, which
// is blocked as untrusted).
DecodedPixels decodeBmp(const EngineInput &in)
{
    const QSize size = in.header.size;
    checkDecodeMemory(size, qint64(size.width()) * size.height() * 4);
    const cv::Mat raw(1, int(in.bytes.size()), CV_8UC1, const_cast<char *>(in.bytes.constData()));
    cv::Mat image = cvImdecode(raw, cv::IMREAD_UNCHANGED | cv::IMREAD_IGNORE_ORIENTATION);
    if (image.empty())
        throw EngineFailure{FailureKind::CorruptData,
                            QStringLiteral("corrupt BMP data: the decoder could not read it")};
    if (image.depth() != CV_8U)
        image.convertTo(image, CV_8U, image.depth() == CV_16U ? 1.0 / 257 : 1.0);
    if (image.channels() == 3)
        cv::cvtColor(image, image, cv::COLOR_BGR2RGB);
    else if (image.channels() == 4)
        cv::cvtColor(image, image, cv::COLOR_BGRA2RGBA);
    return DecodedPixels{image, {}, false};
}

} // namespace

std::optional<DecodedPixels> decodeFast(const EngineInput &in, const Recipe &recipe)
{
    switch (in.format) {
    case ImageFormat::Jpeg:
        return decodeJpegFast(in, recipe);
    case ImageFormat::Png:
        return decodePng(in);
    case ImageFormat::Webp:
        return decodeWebp(in, recipe);
    case ImageFormat::Bmp:
        return decodeBmp(in);
    default:
        return std::nullopt;
    }
}

void initializeOpenCv()
{
    // One thread per worker process: the workers share the cores, not each image.
    cv::setNumThreads(1);
    // Decoder complaints become JobResults; the log would only clutter the worker's stderr.
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
}
