#include "badcorpus.h"

#include <QBuffer>
#include <QImage>
#include <QtEndian>

#include "pngchunks.h"
#include "testimages.h"

using vips::VImage;

namespace BadCorpus {

namespace {

const QSize kSize(160, 120);
const QString kMaxMp = QStringLiteral("over the 268 MP limit");

using PngChunks::chunk;

// A PNG that is all header: IHDR claiming width x height, an empty IDAT, IEND. A bomb for any
// decoder that allocates from the header.
QByteArray pngHeaderOnly(quint32 width, quint32 height)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian(width, ihdr.data());
    qToBigEndian(height, ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // RGB
    return QByteArray("\x89PNG\r\n\x1A\n", 8) + chunk("IHDR", ihdr) +
           chunk("IDAT", QByteArray::fromHex("789c030000000001")) + chunk("IEND", {});
}

// A real JPEG whose SOF claims another size.
QByteArray jpegClaiming(quint16 width, quint16 height)
{
    QByteArray jpeg = TestImages::encode(kSize, QStringLiteral(".jpg"));
    for (qsizetype i = 2; i + 9 < jpeg.size(); ++i) {
        const uchar m = uchar(jpeg[i + 1]);
        if (uchar(jpeg[i]) == 0xFF && (m == 0xC0 || m == 0xC1 || m == 0xC2)) {
            qToBigEndian(height, jpeg.data() + i + 5);
            qToBigEndian(width, jpeg.data() + i + 7);
            break;
        }
    }
    return jpeg;
}

Recipe pngOut()
{
    Recipe r;
    r.format = OutputFormat::Png;
    return r;
}

VImage loadBytes(const QByteArray &bytes, vips::VOption *options = nullptr)
{
    return VImage::new_from_buffer(bytes.constData(), size_t(bytes.size()), "",
                                   options ? options : VImage::option())
        .copy_memory();
}

// CMYK as a naive press would: C = 255 - R etc., no black, no profile.
QByteArray cmykJpeg()
{
    const VImage inverted = TestImages::make(kSize).invert().bandjoin_const({0}).copy(
        VImage::option()->set("interpretation", VIPS_INTERPRETATION_CMYK));
    return TestImages::toBuffer(inverted.cast(VIPS_FORMAT_UCHAR), ".jpg",
                                VImage::option()->set("Q", 95));
}

// Two frames stacked (page-height): the first the usual test image, the second its negative.
VImage twoFrames()
{
    const VImage first = TestImages::make(kSize);
    VImage both = first.join(first.invert(), VIPS_DIRECTION_VERTICAL).copy_memory();
    both.set("page-height", kSize.height());
    return both;
}

QByteArray paletteRgbPng()
{
    QImage image(kSize, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb((x / 20) * 30, (y / 20) * 40, 90));
    const QImage indexed = image.convertToFormat(QImage::Format_Indexed8);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    indexed.save(&buffer, "PNG");
    return bytes;
}

QByteArray bmp()
{
    QImage image(kSize, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb(x, y * 2, 128));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "BMP");
    return bytes;
}

// BMP: libvips reads it only through ImageMagick (blocked), so OpenCV's reader decodes it on
// every route; the reference is Qt's decode of the same file.
Case bitmapCase()
{
    Case c;
    c.tag = QStringLiteral("bmp");
    c.fileName = QStringLiteral("plain.bmp");
    c.bytes = bmp();
    c.recipe = pngOut();
    const QImage qt = QImage::fromData(c.bytes).convertToFormat(QImage::Format_RGB888);
    const VImage view =
        VImage::new_from_memory(const_cast<uchar *>(qt.constBits()), size_t(qt.sizeInBytes()),
                                qt.width(), qt.height(), 3, VIPS_FORMAT_UCHAR);
    // copy() first: copy_memory() of an image already in memory would keep pointing at `qt`.
    c.reference = view.copy().copy_memory();
    c.minPsnr = 50;
    return c;
}

Verdict ok()
{
    return {};
}

Verdict failed(FailureKind kind, const QString &part)
{
    return {JobStatus::Failed, kind, part};
}

Case failing(const QString &tag, const QString &name, const QByteArray &bytes, FailureKind kind,
             const QString &part)
{
    Case c;
    c.tag = tag;
    c.fileName = name;
    c.bytes = bytes;
    c.recipe = pngOut();
    c.verdict = failed(kind, part);
    return c;
}

Case succeeding(const QString &tag, const QString &name, const QByteArray &bytes,
                const VImage &reference, double minPsnr = 30)
{
    Case c;
    c.tag = tag;
    c.fileName = name;
    c.bytes = bytes;
    c.recipe = pngOut();
    c.reference = reference;
    c.minPsnr = minPsnr;
    return c;
}

void addNotImages(QList<Case> &cases)
{
    const FailureKind unsupported = FailureKind::UnsupportedFormat;
    cases << failing(QStringLiteral("zero bytes"), QStringLiteral("empty.jpg"), {},
                     FailureKind::CorruptData, QStringLiteral("empty file"))
          << failing(QStringLiteral("text named jpg"), QStringLiteral("notes.jpg"),
                     "just some text, no pixels\n", unsupported, QStringLiteral("not an image"))
          << failing(QStringLiteral("svg"), QStringLiteral("drawing.svg"),
                     "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                     "width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n",
                     unsupported, QStringLiteral("unsupported format: SVG"))
          << failing(QStringLiteral("pdf"), QStringLiteral("scan.jpg"),
                     "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", unsupported,
                     QStringLiteral("unsupported format: PDF"))
          << failing(QStringLiteral("photoshop"), QStringLiteral("layers.psd"),
                     QByteArray("8BPS\0\x01\0\0\0\0\0\0\0\x03\0\0\0\x10\0\0\0\x10\0\x08\0\x03", 26),
                     unsupported, QStringLiteral("unsupported format: Photoshop"));
}

void addTruncations(QList<Case> &cases)
{
    const QByteArray jpeg = TestImages::encode(kSize, QStringLiteral(".jpg"));
    const QByteArray png = TestImages::encode(kSize, QStringLiteral(".png"));
    const QByteArray webp = TestImages::encode(kSize, QStringLiteral(".webp"));
    const struct
    {
        const char *format;
        const char *suffix;
        QByteArray bytes;
        QList<qsizetype> cuts;
    } sets[] = {
        {"JPEG", "jpg", jpeg, {10, jpeg.size() * 3 / 10, jpeg.size() * 7 / 10, jpeg.size() - 2}},
        {"PNG", "png", png, {20, png.size() / 2, png.size() - 12}},
        {"WebP", "webp", webp, {20, webp.size() / 2, webp.size() - 1}},
    };
    for (const auto &set : sets) {
        for (const qsizetype cut : set.cuts)
            cases << failing(QStringLiteral("%1 cut at %2").arg(QLatin1String(set.format)).arg(cut),
                             QStringLiteral("cut%1.%2").arg(cut).arg(QLatin1String(set.suffix)),
                             truncated(set.bytes, cut), FailureKind::CorruptData,
                             QStringLiteral("truncated %1 data").arg(QLatin1String(set.format)));
    }
}

// Damage inside entropy-coded data, where libjpeg only warns. What it notices must fail; a flip
// it cannot notice (JPEG has no checksum) decodes to wrong pixels of the right size.
void addJpegScanDamage(QList<Case> &cases)
{
    const QByteArray jpeg = TestImages::encode(QSize(320, 240), QStringLiteral(".jpg"));
    const qsizetype scan = jpegScanStart(jpeg);
    const qsizetype middle = scan + (jpeg.size() - scan) / 2;
    // 24 one-bits (stuffed 0xFF bytes): no Huffman code is that long.
    QByteArray badCode = jpeg;
    badCode.replace(middle, 6, QByteArray("\xFF\x00\xFF\x00\xFF\x00", 6));
    // A restart marker where no restart interval was declared ends the scan early.
    QByteArray restart = jpeg;
    restart.replace(middle, 2, QByteArray("\xFF\xD3", 2));
    // Stray bytes before the end marker: harmless, tolerated.
    QByteArray stray = jpeg;
    stray.insert(jpeg.size() - 2, QByteArray(3, '\0'));
    const VImage photo = TestImages::make(QSize(320, 240));
    cases << failing(QStringLiteral("jpeg bad huffman code"), QStringLiteral("huffman.jpg"),
                     badCode, FailureKind::CorruptData, QStringLiteral("corrupt JPEG data"))
          << failing(QStringLiteral("jpeg restart marker in scan"), QStringLiteral("rst.jpg"),
                     restart, FailureKind::CorruptData,
                     QStringLiteral("corrupt JPEG data: premature end of data segment"))
          << succeeding(QStringLiteral("jpeg stray bytes"), QStringLiteral("stray.jpg"), stray,
                        photo, 30)
          << succeeding(QStringLiteral("jpeg silent flip"), QStringLiteral("silent.jpg"),
                        xorByte(jpeg, scan + (jpeg.size() - scan) * 4 / 10, 0x5A), photo, 0);
}

void addBombsAndDamage(QList<Case> &cases)
{
    cases << failing(QStringLiteral("png bomb"), QStringLiteral("bomb.png"),
                     pngHeaderOnly(100000, 100000), FailureKind::TooLarge,
                     QStringLiteral("image is 100000x100000, ") + kMaxMp)
          << failing(QStringLiteral("jpeg bomb"), QStringLiteral("bomb.jpg"),
                     jpegClaiming(65000, 65000), FailureKind::TooLarge,
                     QStringLiteral("image is 65000x65000, ") + kMaxMp)
          << failing(QStringLiteral("png zero width"), QStringLiteral("zero.png"),
                     pngHeaderOnly(0, 100), FailureKind::CorruptData,
                     QStringLiteral("corrupt PNG data"))
          << failing(QStringLiteral("jpeg zero width"), QStringLiteral("zero.jpg"),
                     jpegClaiming(0, 120), FailureKind::CorruptData,
                     QStringLiteral("corrupt JPEG data"));
    addJpegScanDamage(cases);
    const QByteArray png = TestImages::encode(kSize, QStringLiteral(".png"));
    cases << failing(QStringLiteral("png flip"), QStringLiteral("flip.png"),
                     xorByte(png, png.size() / 2, 0x5A), FailureKind::CorruptData,
                     QStringLiteral("corrupt PNG data"));
}

void addColourCases(QList<Case> &cases)
{
    const VImage photo = TestImages::make(kSize);
    cases << succeeding(QStringLiteral("png named jpg"), QStringLiteral("really-a-png.jpg"),
                        TestImages::encode(kSize, QStringLiteral(".png")), photo, 50)
          << succeeding(QStringLiteral("cmyk jpeg"), QStringLiteral("cmyk.jpg"), cmykJpeg(), photo,
                        24);
    const VImage deep =
        (photo.cast(VIPS_FORMAT_USHORT) * 257)
            .cast(VIPS_FORMAT_USHORT)
            .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_RGB16));
    cases << succeeding(QStringLiteral("16-bit png"), QStringLiteral("deep.png"),
                        TestImages::toBuffer(deep, ".png"), photo, 45);
    TestImages::Options alpha;
    alpha.alpha = true;
    const VImage onWhite =
        TestImages::make(kSize, alpha)
            .flatten(VImage::option()->set("background", std::vector<double>{255}));
    Case toJpeg = succeeding(QStringLiteral("alpha png to jpeg"), QStringLiteral("alpha.png"),
                             TestImages::encode(kSize, QStringLiteral(".png"), alpha), onWhite, 32);
    toJpeg.recipe.format = OutputFormat::Jpeg;
    toJpeg.recipe.quality = 95;
    cases << toJpeg;
    const QByteArray palette = paletteRgbPng();
    cases << succeeding(QStringLiteral("palette png"), QStringLiteral("palette.png"), palette,
                        loadBytes(palette), 45);
    const QByteArray gif = TestImages::toBuffer(twoFrames(), ".gif");
    // Every route reads the first frame (libvips decodes what the fast decoders decline).
    cases << succeeding(QStringLiteral("animated gif"), QStringLiteral("anim.gif"), gif,
                        loadBytes(gif), 40);
    const QByteArray webp =
        TestImages::toBuffer(twoFrames(), ".webp", VImage::option()->set("lossless", true));
    cases << succeeding(QStringLiteral("animated webp"), QStringLiteral("anim.webp"), webp, photo,
                        45)
          << succeeding(QStringLiteral("multi-page tiff"), QStringLiteral("pages.tif"),
                        TestImages::toBuffer(twoFrames(), ".tif"), photo, 50);
    cases << bitmapCase();
}

void addOrientations(QList<Case> &cases)
{
    const QSize stored(160, 100);
    for (int orientation = 1; orientation <= 8; ++orientation) {
        TestImages::Options options;
        options.orientation = orientation;
        const QSize upright = orientation >= 5 ? stored.transposed() : stored;
        cases << succeeding(QStringLiteral("exif orientation %1").arg(orientation),
                            QStringLiteral("orient%1.jpg").arg(orientation),
                            TestImages::encode(upright, QStringLiteral(".jpg"), options),
                            TestImages::make(upright), 30);
    }
}

void addNames(QList<Case> &cases)
{
    const QByteArray jpeg = TestImages::encode(kSize, QStringLiteral(".jpg"));
    const VImage photo = TestImages::make(kSize);
    const QStringList names{
        QStringLiteral("f\u00f6t\u00f6 \u5199\u771f \U0001F600.jpg"),
        QStringLiteral("holiday photo  two spaces .jpg"),
        QStringLiteral("line\nbreak.jpg"),
        QStringLiteral("img[shrink=8].jpg"),
        QStringLiteral("-rf.jpg"),
        QStringLiteral("--help"),
        QStringLiteral("quote'\"$(x)`;|&.jpg"),
    };
    for (const QString &name : names) {
        QString tag = name;
        tag.replace(QLatin1Char('\n'), QLatin1String("\\n"));
        cases << succeeding(QStringLiteral("name ") + tag, name, jpeg, photo, 30);
    }
}

} // namespace

Verdict Case::expected(EngineChoice engine) const
{
    if (engine == EngineChoice::OpenCv && openCv)
        return *openCv;
    if (engine == EngineChoice::Vips && vips)
        return *vips;
    return verdict;
}

QList<Case> make()
{
    QList<Case> cases;
    addNotImages(cases);
    addTruncations(cases);
    addBombsAndDamage(cases);
    addColourCases(cases);
    addOrientations(cases);
    addNames(cases);
    return cases;
}

QByteArray truncated(const QByteArray &bytes, qsizetype size)
{
    return bytes.left(size);
}

QByteArray xorByte(QByteArray bytes, qsizetype at, uchar mask)
{
    // Never make a 0xFF: in JPEG data that would be a marker, a different kind of damage.
    uchar value = uchar(bytes[at]) ^ mask;
    if (value == 0xFF)
        value = uchar(bytes[at]) ^ 0x0F;
    bytes[at] = char(value);
    return bytes;
}

qsizetype jpegScanStart(const QByteArray &jpeg)
{
    const qsizetype sos = jpeg.indexOf(QByteArray("\xFF\xDA", 2));
    if (sos < 0 || sos + 4 > jpeg.size())
        return -1;
    return sos + 2 + (uchar(jpeg[sos + 2]) << 8 | uchar(jpeg[sos + 3]));
}

VImage normalized(const VImage &image)
{
    VImage out = image;
    if (out.interpretation() != VIPS_INTERPRETATION_sRGB)
        out = out.colourspace(VIPS_INTERPRETATION_sRGB);
    if (out.bands() > 3)
        out = out.extract_band(0, VImage::option()->set("n", 3));
    return out.cast(VIPS_FORMAT_UCHAR);
}

} // namespace BadCorpus
