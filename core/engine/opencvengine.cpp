#include "cvcodecs.h"
#include "engine.h"
#include "engineshared.h"
#include "jpegcodec.h"
#include "pngfast.h"
#include "webpluma.h"

#include <opencv2/core.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <stdexcept>
#include <vector>

// OpenCV decodes pixels only: EXIF, XMP and ICC profiles are never carried to the output, so
// every OpenCV output is stripped whatever recipe.stripMetadata says.

namespace {

// libjpeg scales by 1/2, 1/4 or 1/8 inside the decoder (sides rounded up): the largest factor
// that still leaves at least the target size. Other formats gain nothing from imdecode's
// reduced modes (it decodes whole and resizes), so they are never reduced.
int jpegReduction(const EngineInput &in)
{
    const QSize stored = in.header.size;
    const QSize target = in.storedTarget();
    for (const int factor : {8, 4, 2}) {
        const int w = (stored.width() + factor - 1) / factor;
        const int h = (stored.height() + factor - 1) / factor;
        if (w >= target.width() && h >= target.height())
            return factor;
    }
    return 1;
}

int reducedFlags(const EngineInput &in, bool grayscale)
{
    if (in.format == ImageFormat::Jpeg) {
        switch (jpegReduction(in)) {
        case 8:
            return grayscale ? cv::IMREAD_REDUCED_GRAYSCALE_8 : cv::IMREAD_REDUCED_COLOR_8;
        case 4:
            return grayscale ? cv::IMREAD_REDUCED_GRAYSCALE_4 : cv::IMREAD_REDUCED_COLOR_4;
        case 2:
            return grayscale ? cv::IMREAD_REDUCED_GRAYSCALE_2 : cv::IMREAD_REDUCED_COLOR_2;
        default:
            break;
        }
    }
    return grayscale ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR;
}

// OpenCV 4.6 cannot decode an animated WebP at all (libvips reads its first frame).
bool isAnimatedWebp(const EngineInput &in)
{
    // RIFF header, then a VP8X chunk whose flags byte has the animation bit.
    return in.format == ImageFormat::Webp && in.bytes.size() > 20 &&
           in.bytes.mid(12, 4) == "VP8X" && (uchar(in.bytes[20]) & 0x02) != 0;
}

// JPEG through libjpeg directly, reduced and luma-only like imdecode's IMREAD_REDUCED_* modes;
// empty when the file is CMYK, which imgcodecs converts itself.
cv::Mat decodeJpegDirect(const EngineInput &in, bool grayscale)
{
    JpegDecoded jpeg = decodeJpeg(in.bytes, jpegReduction(in), grayscale);
    // libjpeg fills what it could not decode with gray and only warns: the warnings decide.
    if (auto failure = damageFromJpegWarnings(jpeg.warnings))
        throw *failure;
    if (jpeg.outcome == JpegDecoded::Outcome::Failed) // mapped to a kind by runEngineJob
        throw std::runtime_error(jpeg.error.toStdString());
    return jpeg.image;
}

// Orientation is applied by us from the header (IMREAD_IGNORE_ORIENTATION), after resizing, so
// both engines turn images the same way for every format and all eight orientations.
cv::Mat decode(const EngineInput &in, const Recipe &recipe)
{
    if (in.format == ImageFormat::Jpeg) {
        cv::Mat image = decodeJpegDirect(in, recipe.grayscale);
        if (!image.empty())
            return image;
    }
    // Alpha needs the unchanged decode: IMREAD_COLOR would drop it and leave the hidden colour.
    const int flags = in.header.hasAlpha
                          ? cv::IMREAD_UNCHANGED
                          : reducedFlags(in, recipe.grayscale) | cv::IMREAD_IGNORE_ORIENTATION;
    const cv::Mat raw(1, int(in.bytes.size()), CV_8UC1, const_cast<char *>(in.bytes.constData()));
    cv::Mat image;
    if (in.format == ImageFormat::Jpeg) {
        // OpenCV lets libjpeg print its warnings and returns the gray-filled image.
        StderrCapture capture;
        image = cvImdecode(raw, flags);
        if (auto failure = damageFromJpegWarnings(capture.finish()))
            throw *failure;
    } else {
        image = cvImdecode(raw, flags);
    }
    if (image.empty())
        throw EngineFailure{FailureKind::CorruptData,
                            QStringLiteral("corrupt %1 data: the decoder could not read it")
                                .arg(toString(in.format))};
    if (image.depth() == CV_16U)
        image.convertTo(image, CV_8U, 1.0 / 257);
    else if (image.depth() != CV_8U)
        image.convertTo(image, CV_8U, image.depth() == CV_32F ? 255.0 : 1.0);
    return image;
}

// (c * a + 255 * (255 - a)) / 255 rounded, without a division so that loops vectorise:
// (y + 1 + (y >> 8)) >> 8 == y / 255 for every y the blend can produce.
inline uchar blendOnWhite(int c, int a)
{
    const int y = c * a + 255 * (255 - a) + 127;
    return uchar((y + 1 + (y >> 8)) >> 8);
}

bool isOpaque(const cv::Mat &alpha)
{
    double lowest = 0;
    cv::minMaxLoc(alpha, &lowest);
    return lowest >= 255;
}

// Gray and alpha planes: blending one plane is a quarter of the work of blending BGRA, and
// gray is linear in the channels, so gray-then-blend equals blend-then-gray within rounding.
cv::Mat flattenGrayOnWhite(const cv::Mat &gray, const cv::Mat &alpha)
{
    cv::Mat out(gray.size(), CV_8UC1);
    for (int y = 0; y < gray.rows; ++y) {
        const uchar *g = gray.ptr<uchar>(y);
        const uchar *a = alpha.ptr<uchar>(y);
        uchar *dst = out.ptr<uchar>(y);
        for (int x = 0; x < gray.cols; ++x)
            dst[x] = blendOnWhite(g[x], a[x]);
    }
    return out;
}

cv::Mat flattenOnWhite(const cv::Mat &bgra)
{
    cv::Mat alpha;
    cv::extractChannel(bgra, alpha, 3);
    cv::Mat bgr;
    if (isOpaque(alpha)) { // most RGBA photos and wallpapers: nothing to blend
        cv::cvtColor(bgra, bgr, cv::COLOR_BGRA2BGR);
        return bgr;
    }
    bgr.create(bgra.size(), CV_8UC3);
    for (int y = 0; y < bgra.rows; ++y) {
        const uchar *src = bgra.ptr<uchar>(y);
        uchar *dst = bgr.ptr<uchar>(y);
        for (int x = 0; x < bgra.cols; ++x, src += 4, dst += 3)
            for (int c = 0; c < 3; ++c)
                dst[c] = blendOnWhite(src[c], src[3]);
    }
    return bgr;
}

// Channels for the output: alpha flattened where the format cannot keep it, grayscale as one
// channel (or equal colour channels beside a kept alpha, which OpenCV writers need).
cv::Mat prepareChannels(cv::Mat image, bool keepAlpha, bool grayscale)
{
    if (image.channels() == 2) { // gray + alpha
        cv::Mat planes[2];
        cv::split(image, planes);
        cv::merge(std::vector<cv::Mat>{planes[0], planes[0], planes[0], planes[1]}, image);
    }
    if (image.channels() == 4 && !keepAlpha)
        image = flattenOnWhite(image);
    if (!grayscale)
        return image;
    if (image.channels() == 3)
        cv::cvtColor(image, image, cv::COLOR_BGR2GRAY);
    if (image.channels() == 4) {
        cv::Mat gray;
        cv::cvtColor(image, gray, cv::COLOR_BGRA2GRAY);
        cv::Mat alpha;
        cv::extractChannel(image, alpha, 3);
        cv::merge(std::vector<cv::Mat>{gray, gray, gray, alpha}, image);
    }
    return image;
}

// Channels straight from PNG order (RGB, RGBA, gray) to what the output needs, with no BGR
// copy on the way where the job is grayscale or the alpha is opaque.
cv::Mat preparePngChannels(const cv::Mat &png, bool keepAlpha, bool grayscale)
{
    cv::Mat out;
    if (png.channels() == 1) {
        if (grayscale)
            return png;
        cv::cvtColor(png, out, cv::COLOR_GRAY2BGR);
        return out;
    }
    if (png.channels() == 4) {
        if (keepAlpha)
            return prepareChannels(pngToBgr(png), keepAlpha, grayscale);
        cv::Mat alpha;
        cv::extractChannel(png, alpha, 3);
        if (!isOpaque(alpha)) {
            if (!grayscale)
                return flattenOnWhite(pngToBgr(png));
            cv::cvtColor(png, out, cv::COLOR_RGBA2GRAY);
            return flattenGrayOnWhite(out, alpha);
        }
    }
    const bool rgba = png.channels() == 4;
    if (grayscale)
        cv::cvtColor(png, out, rgba ? cv::COLOR_RGBA2GRAY : cv::COLOR_RGB2GRAY);
    else
        cv::cvtColor(png, out, rgba ? cv::COLOR_RGBA2BGR : cv::COLOR_RGB2BGR);
    return out;
}

// PNG through the fast decoder when it takes the file, else through OpenCV's libpng reader.
cv::Mat decodeChannels(const EngineInput &in, const Recipe &recipe, bool keepAlpha)
{
    if (in.format == ImageFormat::Png) {
        const cv::Mat png = decodePngFast(in.bytes);
        if (!png.empty())
            return preparePngChannels(png, keepAlpha, recipe.grayscale);
    }
    if (in.format == ImageFormat::Webp && recipe.grayscale && !in.header.hasAlpha) {
        const cv::Mat gray = decodeWebpLuma(in.bytes, in.storedTarget());
        if (!gray.empty())
            return gray;
    }
    return prepareChannels(decode(in, recipe), keepAlpha, recipe.grayscale);
}

cv::Mat resizeTo(const cv::Mat &image, QSize target)
{
    if (image.cols == target.width() && image.rows == target.height())
        return image;
    const bool shrinking = target.width() <= image.cols && target.height() <= image.rows;
    cv::Mat out;
    cv::resize(image, out, cv::Size(target.width(), target.height()), 0, 0,
               shrinking ? cv::INTER_AREA : cv::INTER_CUBIC);
    return out;
}

// EXIF orientation 1..8 -> upright, as OpenCV's own ApplyExifOrientation does it.
cv::Mat orient(cv::Mat image, int orientation)
{
    if (hasQuarterTurn(orientation))
        cv::transpose(image, image);
    switch (orientation) {
    case 2:
    case 6:
        cv::flip(image, image, 1);
        break;
    case 3:
    case 7:
        cv::flip(image, image, -1);
        break;
    case 4:
    case 8:
        cv::flip(image, image, 0);
        break;
    default:
        break;
    }
    return image;
}

QByteArray encode(const cv::Mat &image, OutputFormat format, int quality)
{
    if (format == OutputFormat::Jpeg) {
        QString error;
        QByteArray bytes = encodeJpeg(image, quality, &error);
        if (bytes.isEmpty())
            throw EngineFailure{FailureKind::Internal,
                                QStringLiteral("could not encode JPEG: %1").arg(error)};
        return bytes;
    }
    std::vector<int> params;
    std::string suffix = ".png";
    switch (format) {
    case OutputFormat::Jpeg: // encoded above
    case OutputFormat::Webp:
        suffix = ".webp";
        params = {cv::IMWRITE_WEBP_QUALITY, quality};
        break;
    case OutputFormat::Tiff:
        suffix = ".tiff";
        break;
    case OutputFormat::Png:
    case OutputFormat::Same:
        params = {cv::IMWRITE_PNG_COMPRESSION, 6}; // libvips' default, for comparable sizes
        break;
    }
    std::vector<uchar> buffer;
    if (!cvImencode(suffix, image, buffer, params))
        throw EngineFailure{FailureKind::Internal,
                            QStringLiteral("OpenCV could not encode %1").arg(toString(format))};
    return QByteArray(reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size()));
}

EncodedImage process(const EngineInput &in, const Recipe &recipe)
{
    if (in.format == ImageFormat::Gif)
        throw EngineFailure{FailureKind::UnsupportedFormat,
                            QStringLiteral("GIF is not supported by the OpenCV engine")};
    if (isAnimatedWebp(in))
        throw EngineFailure{FailureKind::UnsupportedFormat,
                            QStringLiteral("animated WebP is not supported by the OpenCV engine")};
    // OpenCV decodes the whole image (JPEG at most 8 times smaller per side, not counted).
    const QSize size = in.header.size;
    checkDecodeMemory(size, qint64(size.width()) * size.height() * (in.header.hasAlpha ? 4 : 3));
    const bool keepAlpha = formatKeepsAlpha(in.outputFormat);
    cv::Mat image = decodeChannels(in, recipe, keepAlpha);
    image = resizeTo(image, in.storedTarget());
    if (recipe.autoOrient)
        image = orient(image, in.header.orientation);
    const QRect c = in.plan.crop;
    if (c.size() != QSize(image.cols, image.rows))
        image = image(cv::Rect(c.x(), c.y(), c.width(), c.height()));
    return {encode(image, in.outputFormat, recipe.quality), QSize(image.cols, image.rows)};
}

class OpenCvEngine final : public Engine
{
public:
    QString name() const override { return QStringLiteral("opencv"); }
    JobResult run(const Job &job) noexcept override { return runEngineJob(job, name(), process); }
};

} // namespace

void initializeOpenCv()
{
    // One thread per worker process: the workers share the cores, not each image.
    cv::setNumThreads(1);
    // Decoder complaints become JobResults; the log would only clutter the worker's stderr.
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
}

std::unique_ptr<Engine> makeOpenCvEngine()
{
    return std::make_unique<OpenCvEngine>();
}
