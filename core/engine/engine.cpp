#include "engine.h"

#include <QFile>
#include <QtEndian>

#include <algorithm>

#include "engineshared.h"
#include "imageformat.h"
#include "metadata.h"
#include "pipeline.h"

namespace {

// A route is a choice of decoders around the one pipeline (pipeline.h); the name is what
// results report. "vips": libvips decodes everything but BMP. "opencv" (the fast decoders):
// libjpeg-turbo, the PNG fast path, libwebp and OpenCV's BMP reader where they
// apply, libvips for the rest.
class RouteEngine final : public Engine
{
public:
    explicit RouteEngine(bool fast) : m_fast(fast) {}
    QString name() const override
    {
        return m_fast ? QStringLiteral("opencv") : QStringLiteral("vips");
    }
    JobResult run(const Job &job) noexcept override
    {
        return runEngineJob(job, name(), [this](const EngineInput &in, const Recipe &recipe) {
            return finishImage(decode(in, recipe), in, recipe);
        });
    }

private:
    DecodedPixels decode(const EngineInput &in, const Recipe &recipe) const
    {
        // BMP has no other reader. A grayscale JPEG comes from its luma plane on every route:
        // the luma is the BT.601 formula itself, while gray computed back from decoded RGB
        // differs where YCbCr -> RGB clips (saturated colours, up to a few levels).
        const bool jpegLuma = in.format == ImageFormat::Jpeg && decodesAsLuma(in, recipe);
        if (m_fast || in.format == ImageFormat::Bmp || jpegLuma) {
            if (std::optional<DecodedPixels> decoded = decodeFast(in, recipe))
                return *decoded;
        }
        return decodeWithVips(in, recipe);
    }

    bool m_fast;
};

// OpenCV decodes a PNG whole: the fast path holds the file, a copy of its IDAT data and the
// inflated rows at once (an 8000x8000 noise PNG: 56 + 56 + 64 MB), libpng's path the file and
// the pixels. libvips streams rows into the shrink, so big PNGs go there to stay within the
// workers' memory budget (200 MB peak); the corpus' largest, 5120x2880 RGBA, stay on OpenCV.
constexpr qint64 kPngDecodeBudget = 128ll << 20;

bool isLargePng(const QByteArray &head, qint64 fileBytes)
{
    if (head.size() < 26 || head.mid(12, 4) != "IHDR")
        return false;
    const auto *ihdr = reinterpret_cast<const uchar *>(head.constData()) + 16;
    const qint64 width = qFromBigEndian<quint32>(ihdr);
    const qint64 height = qFromBigEndian<quint32>(ihdr + 4);
    const int depth = ihdr[8], colorType = ihdr[9];
    const int channels = colorType == 2 ? 3 : colorType == 6 ? 4 : colorType == 4 ? 2 : 1;
    const qint64 rowBytes = width * height * channels * std::max(depth, 8) / 8;
    return rowBytes + 2 * fileBytes > kPngDecodeBudget;
}

// Per input format, the engine measured faster with these implementations on the project's
// machine (2 cores, one thread, best of 7; 4000x3000 photo-like gradient with noise, fit
// 800x600, output in the input format), gray / colour, libvips vs OpenCV:
//   JPEG  35 / 29 ms  vs  16 / 27 ms   (OpenCV decodes luma only and at 1/4 in libjpeg)
//   PNG  352 / 376 ms vs 282 / 366 ms  (both bound by zlib inflate)
//   WebP 125 / 116 ms vs 140 / 142 ms  (libvips asks libwebp for a scaled decode)
// Re-checked on the 100-image corpus (fit 800x600 gray JPEG, one worker, summed job ms), after
// OpenCV's PNG fast path (pngfast.h): PNG 9644 vs 3699, JPEG 3125 vs 1631, WebP 4949 vs 5254.
// Since the one pipeline, WebP goes to libwebp directly (webpdecode.h): libvips' loader copies
// the whole frame twice more, which tripled the CPU of the photo export job on the WebPs
// (4096x4096 -> long edge 2048, one worker: 12.9 s against 4.3 s before the pipeline).
class AutoEngine final : public Engine
{
public:
    AutoEngine() : m_vips(makeVipsEngine()), m_openCv(makeOpenCvEngine()) {}
    QString name() const override { return QStringLiteral("auto"); }
    JobResult run(const Job &job) noexcept override
    {
        // Unbuffered, like sniffImageFormatOfFile: special files must not be read ahead.
        QFile file(job.inputPath);
        const QByteArray head =
            file.open(QIODevice::ReadOnly | QIODevice::Unbuffered) ? file.read(32) : QByteArray();
        const ImageFormat format = sniffImageFormat(head);
        return preferredEngine(format, head, file.size()).run(job);
    }

private:
    Engine &preferredEngine(ImageFormat format, const QByteArray &head, qint64 fileBytes) const
    {
        switch (format) {
        case ImageFormat::Png:
            return isLargePng(head, fileBytes) ? *m_vips : *m_openCv;
        case ImageFormat::Jpeg:
        case ImageFormat::Webp: // animations fall back to libvips inside the fast route
        case ImageFormat::Bmp:  // libvips reads BMP only through ImageMagick, which we block
            return *m_openCv;
        default:
            return *m_vips;
        }
    }

    std::unique_ptr<Engine> m_vips;
    std::unique_ptr<Engine> m_openCv;
};

} // namespace

std::unique_ptr<Engine> makeVipsEngine()
{
    return std::make_unique<RouteEngine>(false);
}

std::unique_ptr<Engine> makeOpenCvEngine()
{
    return std::make_unique<RouteEngine>(true);
}

std::unique_ptr<Engine> makeAutoEngine()
{
    return std::make_unique<AutoEngine>();
}

std::unique_ptr<Engine> makeEngine(EngineChoice choice)
{
    switch (choice) {
    case EngineChoice::Vips:
        return makeVipsEngine();
    case EngineChoice::OpenCv:
        return makeOpenCvEngine();
    case EngineChoice::Auto:
        break;
    }
    return makeAutoEngine();
}

bool initializeEngines(const char *argv0, QString *error)
{
    // Called once per process; a second call is harmless and returns the first outcome.
    static QString startError;
    static const bool started = [&] {
        if (!initializeVips(argv0, &startError))
            return false;
        initializeOpenCv();
        initializeMetadata();
        return true;
    }();
    if (!started && error)
        *error = startError;
    return started;
}
