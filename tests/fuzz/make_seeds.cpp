// Writes the seed corpora for the fuzz targets: small images made from the sample images
// (resources/samples) and from the tests' generated images (tests/testimages.h), in every
// layout each parser takes (PNG gray, RGB, RGBA, palette, tRNS, eXIf; JPEG with each EXIF
// orientation, progressive and baseline; WebP lossy, lossless, with alpha), and protocol frames of
// every message type. Usage: pixelmill-fuzz-seeds OUTPUT_DIR SAMPLES_DIR
#include <QDir>
#include <QFile>

#include <cstdio>

#include <vips/vips8>

#include "../pngchunks.h"
#include "../testimages.h"
#include "protocol.h"

namespace {

using TestImages::toBuffer;
using vips::VImage;

QString g_out;
int g_written = 0;

void save(const QString &target, const QString &name, const QByteArray &bytes)
{
    QDir().mkpath(g_out + QLatin1Char('/') + target);
    QFile file(g_out + QLatin1Char('/') + target + QLatin1Char('/') + name);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
        std::exit(1);
    }
    ++g_written;
}

// Every PNG layout the fast path and the header reader meet, from one small image.
void pngSeeds(const QString &stem, const VImage &rgb)
{
    const VImage gray = rgb.colourspace(VIPS_INTERPRETATION_B_W);
    const VImage rgba = rgb.bandjoin_const({200});
    for (const QString &target : {QStringLiteral("pngfast"), QStringLiteral("header")}) {
        save(target, stem + QStringLiteral("-rgb.png"), toBuffer(rgb, ".png"));
        save(target, stem + QStringLiteral("-gray.png"), toBuffer(gray, ".png"));
        save(target, stem + QStringLiteral("-rgba.png"), toBuffer(rgba, ".png"));
        save(target, stem + QStringLiteral("-palette.png"),
             toBuffer(rgb, ".png", VImage::option()->set("palette", true)->set("bitdepth", 8)));
        save(target, stem + QStringLiteral("-interlaced.png"),
             toBuffer(rgb, ".png", VImage::option()->set("interlace", true)));
    }
}

// A PNG with tRNS and eXIf chunks, which no encoder here writes: built by hand.
QByteArray pngWithChunks(const QByteArray &png, const QByteArray &chunks)
{
    const qsizetype afterIhdr = 8 + 25;
    return png.left(afterIhdr) + chunks + png.mid(afterIhdr);
}

QByteArray exifOrientation(int orientation)
{
    // Big-endian TIFF header, IFD0 at 8 with one SHORT entry: 0x0112 = orientation.
    QByteArray tiff("MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01", 18);
    tiff += char(0);
    tiff += char(orientation);
    tiff += QByteArray(2, '\0');
    tiff += QByteArray(4, '\0'); // no next IFD
    return tiff;
}

void jpegSeeds(const QString &stem, const VImage &rgb)
{
    for (int orientation = 1; orientation <= 8; ++orientation) {
        VImage tagged = rgb.copy();
        tagged.set("orientation", orientation);
        save(QStringLiteral("header"), stem + QStringLiteral("-o%1.jpg").arg(orientation),
             toBuffer(tagged, ".jpg", VImage::option()->set("Q", 80)));
    }
    save(QStringLiteral("header"), stem + QStringLiteral("-progressive.jpg"),
         toBuffer(rgb, ".jpg", VImage::option()->set("interlace", true)));
    // The scan walker's inputs: progressive (its case, with restart markers too) and baseline.
    save(QStringLiteral("jpegscans"), stem + QStringLiteral("-progressive.jpg"),
         toBuffer(rgb, ".jpg", VImage::option()->set("interlace", true)));
    save(QStringLiteral("jpegscans"), stem + QStringLiteral("-progressive-444.jpg"),
         toBuffer(rgb, ".jpg",
                  VImage::option()
                      ->set("interlace", true)
                      ->set("subsample_mode", VIPS_FOREIGN_SUBSAMPLE_OFF)));
    save(QStringLiteral("jpegscans"), stem + QStringLiteral("-progressive-restart.jpg"),
         toBuffer(rgb, ".jpg",
                  VImage::option()->set("interlace", true)->set("restart_interval", 1)));
    save(QStringLiteral("jpegscans"), stem + QStringLiteral("-baseline.jpg"),
         toBuffer(rgb, ".jpg"));
    save(QStringLiteral("header"), stem + QStringLiteral("-gray.jpg"),
         toBuffer(rgb.colourspace(VIPS_INTERPRETATION_B_W), ".jpg"));
}

void webpSeeds(const QString &stem, const VImage &rgb)
{
    save(QStringLiteral("webp"), stem + QStringLiteral("-lossy.webp"), toBuffer(rgb, ".webp"));
    save(QStringLiteral("webp"), stem + QStringLiteral("-lossless.webp"),
         toBuffer(rgb, ".webp", VImage::option()->set("lossless", true)));
    save(QStringLiteral("webp"), stem + QStringLiteral("-alpha.webp"),
         toBuffer(rgb.bandjoin_const({128}), ".webp"));
    save(QStringLiteral("header"), stem + QStringLiteral(".webp"), toBuffer(rgb, ".webp"));
}

void imageSeeds(const QString &stem, const VImage &rgb)
{
    pngSeeds(stem, rgb);
    jpegSeeds(stem, rgb);
    webpSeeds(stem, rgb);
}

void protocolSeeds()
{
    Job job;
    job.id = 7;
    job.inputPath = QStringLiteral("/in/a [1].jpg");
    job.outputPath = QStringLiteral("/out/a [1].webp");
    job.recipe.steps = {resizeStep(ResizeMode::Fit, 640, 480)};
    job.recipe.format = OutputFormat::Webp;
    job.recipe.setGrayscale(true);
    Job second = job;
    second.id = 8;
    second.recipe = Recipe{};
    // Every kind of step once, so that the fuzzer starts from each step's JSON.
    Job chain = job;
    chain.id = 9;
    CropStep box;
    box.box = QRect(10, 20, 800, 600);
    WatermarkStep logo;
    logo.imagePath = QStringLiteral("/srv/logo.png");
    chain.recipe.steps = {CropStep{16, 9, {}, Gravity::Attention},
                          box,
                          resizeStep(ResizeMode::Fill, 300, 200),
                          PadStep{{400, 400}, {}, {}},
                          RotateStep{270},
                          FlipStep{FlipAxis::Vertical},
                          AdjustStep{5, 10, 1.2},
                          AutoLevelStep{},
                          SharpenStep{},
                          GrayscaleStep{},
                          WatermarkStep{QStringLiteral("(c)")},
                          logo};
    JobResult result = JobResult::failed(job, FailureKind::CorruptData,
                                         QStringLiteral("corrupt JPEG data: bad Huffman code"));
    JobResult ok;
    ok.id = 8;
    ok.status = JobStatus::Ok;
    ok.inputSize = QSize(4000, 3000);
    ok.outputSize = QSize(640, 480);
    ok.engine = QStringLiteral("opencv");
    const QJsonObject messages[] = {Protocol::helloMessage(1234),
                                    Protocol::jobsMessage({job, second, chain}),
                                    Protocol::resultMessage(result), Protocol::resultMessage(ok)};
    QByteArray stream;
    int n = 0;
    for (const QJsonObject &message : messages) {
        const QByteArray frame = Protocol::encodeFrame(message);
        // Even first byte: the payload alone (fuzz_protocol.cpp frames it).
        save(QStringLiteral("protocol"), QStringLiteral("payload-%1").arg(++n),
             QByteArray(1, '\0') + frame.mid(4));
        stream += frame;
    }
    // Odd first byte: a raw stream of every frame, split after 37 bytes.
    save(QStringLiteral("protocol"), QStringLiteral("stream"), QByteArray("\x01\x25", 2) + stream);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s OUTPUT_DIR SAMPLES_DIR\n", argv[0]);
        return 2;
    }
    if (VIPS_INIT(argv[0]))
        vips_error_exit(nullptr);
    g_out = QString::fromLocal8Bit(argv[1]);
    try {
        // The samples, shrunk: small seeds keep the fuzzers fast.
        const QDir samples(QString::fromLocal8Bit(argv[2]));
        for (const QString &name : samples.entryList(QDir::Files)) {
            if (name == QLatin1String("README"))
                continue;
            const VImage thumb = VImage::thumbnail(samples.filePath(name).toUtf8().constData(), 48,
                                                   VImage::option()->set("size", VIPS_SIZE_DOWN))
                                     .copy_memory();
            const VImage srgb = thumb.colourspace(VIPS_INTERPRETATION_sRGB);
            const VImage rgb =
                srgb.bands() > 3 ? srgb.extract_band(0, VImage::option()->set("n", 3)) : srgb;
            imageSeeds(QFileInfo(name).completeBaseName(), rgb);
        }
        // The tests' generated images, small and odd-sized (1 px wide rows, odd widths).
        for (const QSize size : {QSize(1, 9), QSize(17, 5), QSize(40, 30)})
            imageSeeds(QStringLiteral("gen%1x%2").arg(size.width()).arg(size.height()),
                       TestImages::make(size));
        // Ancillary chunks the header reader looks at.
        const QByteArray small = toBuffer(TestImages::make(QSize(8, 6)), ".png");
        using PngChunks::chunk;
        save(QStringLiteral("header"), QStringLiteral("trns-exif.png"),
             pngWithChunks(small,
                           chunk("tRNS", QByteArray(6, '\0')) + chunk("eXIf", exifOrientation(6))));
        save(QStringLiteral("pngfast"), QStringLiteral("exif.png"),
             pngWithChunks(small, chunk("eXIf", exifOrientation(3))));
        protocolSeeds();
    } catch (const vips::VError &error) {
        std::fprintf(stderr, "libvips: %s\n", error.what());
        return 1;
    }
    std::printf("wrote %d seed files under %s\n", g_written, qPrintable(g_out));
    return 0;
}
