#include "engine.h"

#include <QFile>

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

// From the planner's probe: 8-bit RGB or RGBA assumed (gray counts three times, 16-bit half:
// the fast path leaves 16-bit PNGs to libvips anyway).
bool isLargePng(const ImageProbe &probe)
{
    const qint64 rowBytes =
        qint64(probe.size.width()) * probe.size.height() * (probe.hasAlpha ? 4 : 3);
    return rowBytes + 2 * probe.fileBytes > kPngDecodeBudget;
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
        if (job.probe.isTaken())
            return preferredEngine(job.probe).run(job);
        // A job without a probe (built by hand): take one now. Unbuffered, like
        // sniffImageFormatOfFile: special files must not be read ahead.
        QFile file(job.inputPath);
        const QByteArray head = file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)
                                    ? file.read(kProbeBytes)
                                    : QByteArray();
        ImageProbe probe = probeBytes(head);
        probe.fileBytes = file.size();
        return preferredEngine(probe).run(job);
    }

private:
    // Only a choice of speed: whichever route runs, the bytes read decide the result, so a
    // probe that is out of date (the file changed since planning) costs speed at most.
    Engine &preferredEngine(const ImageProbe &probe) const
    {
        switch (probe.format) {
        case ImageFormat::Png:
            return isLargePng(probe) ? *m_vips : *m_openCv;
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

bool initializeEngines(const char *argv0, QString *error, VipsModules modules)
{
    // Called once per process; a second call is harmless and returns the first outcome.
    static QString startError;
    static const bool started = [&] {
        if (!initializeVips(argv0, modules == VipsModules::WhenNeeded, &startError))
            return false;
        initializeOpenCv();
        initializeMetadata();
        return true;
    }();
    if (!started && error)
        *error = startError;
    return started;
}
