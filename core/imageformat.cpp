#include "imageformat.h"

#include <QList>
#include <QStringList>

#include <algorithm>

#include <QFile>

namespace {
bool startsWith(const QByteArray &data, const char *magic, int size, int offset = 0)
{
    return data.size() >= offset + size && memcmp(data.constData() + offset, magic, size) == 0;
}
// ISOBMFF: a 'ftyp' box first, its major brand, then compatible brands to the box's end.
// HEIF images say heic/heix (HEVC), avif/avis (AV1) or only the generic mif1/msf1, when the
// codec is named among the compatible brands.
ImageFormat sniffIsobmff(const QByteArray &head)
{
    if (!startsWith(head, "ftyp", 4, 4) || head.size() < 12)
        return ImageFormat::Unknown;
    const auto *data = reinterpret_cast<const uchar *>(head.constData());
    const qsizetype boxSize = qsizetype(data[0]) << 24 | data[1] << 16 | data[2] << 8 | data[3];
    const qsizetype end = std::min(boxSize, head.size());
    const QByteArray major = head.mid(8, 4);
    QList<QByteArray> brands{major};
    for (qsizetype at = 16; at + 4 <= end; at += 4)
        brands.append(head.mid(at, 4));
    if (brands.contains("avif") || brands.contains("avis"))
        return ImageFormat::Avif;
    static const QList<QByteArray> kHeif = {"heic", "heix", "heim", "heis", "hevc", "hevx"};
    if (std::any_of(kHeif.begin(), kHeif.end(),
                    [&](const QByteArray &b) { return brands.contains(b); }))
        return ImageFormat::Heif;
    if (major == "mif1" || major == "msf1")
        return ImageFormat::Heif; // generic: libheif finds out which codec
    return ImageFormat::Unknown;
}

} // namespace

ImageFormat sniffImageFormat(const QByteArray &head)
{
    if (startsWith(head, "\xFF\xD8\xFF", 3))
        return ImageFormat::Jpeg;
    if (startsWith(head, "\x89PNG\r\n\x1A\n", 8))
        return ImageFormat::Png;
    if (startsWith(head, "RIFF", 4) && startsWith(head, "WEBP", 4, 8))
        return ImageFormat::Webp;
    if (startsWith(head, "II*\0", 4) || startsWith(head, "MM\0*", 4))
        return ImageFormat::Tiff;
    if (startsWith(head, "GIF87a", 6) || startsWith(head, "GIF89a", 6))
        return ImageFormat::Gif;
    if (startsWith(head, "BM", 2) && head.size() >= 14)
        return ImageFormat::Bmp;
    // JPEG XL: a bare codestream, or the ISOBMFF container's signature box.
    if (startsWith(head, "\xFF\x0A", 2) || startsWith(head, "\0\0\0\x0CJXL \r\n\x87\n", 12))
        return ImageFormat::Jxl;
    return sniffIsobmff(head);
}

ImageFormat sniffImageFormatOfFile(const QString &path)
{
    QFile file(path);
    // Unbuffered: we only want the first bytes, and special files must not be read ahead.
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return ImageFormat::Unknown;
    return sniffImageFormat(file.read(kSniffBytes));
}

QString toString(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg:
        return QStringLiteral("JPEG");
    case ImageFormat::Png:
        return QStringLiteral("PNG");
    case ImageFormat::Webp:
        return QStringLiteral("WebP");
    case ImageFormat::Tiff:
        return QStringLiteral("TIFF");
    case ImageFormat::Gif:
        return QStringLiteral("GIF");
    case ImageFormat::Bmp:
        return QStringLiteral("BMP");
    case ImageFormat::Heif:
        return QStringLiteral("HEIF");
    case ImageFormat::Avif:
        return QStringLiteral("AVIF");
    case ImageFormat::Jxl:
        return QStringLiteral("JPEG XL");
    case ImageFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

const QStringList &imageFileSuffixes()
{
    static const QStringList kSuffixes = {
        QStringLiteral("jpg"),  QStringLiteral("jpeg"), QStringLiteral("jpe"),
        QStringLiteral("jfif"), QStringLiteral("png"),  QStringLiteral("apng"),
        QStringLiteral("webp"), QStringLiteral("tif"),  QStringLiteral("tiff"),
        QStringLiteral("gif"),  QStringLiteral("bmp"),  QStringLiteral("dib"),
        QStringLiteral("heic"), QStringLiteral("heif"), QStringLiteral("avif"),
        QStringLiteral("jxl"),  QStringLiteral("jp2"),  QStringLiteral("svg"),
    };
    return kSuffixes;
}

bool hasImageFileName(const QString &fileName)
{
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    if (dot < 0)
        return false;
    const QStringView suffix = QStringView(fileName).mid(dot + 1);
    const QStringList &suffixes = imageFileSuffixes();
    return std::any_of(suffixes.begin(), suffixes.end(), [&](const QString &known) {
        return suffix.compare(known, Qt::CaseInsensitive) == 0;
    });
}

OutputFormat resolveOutputFormat(OutputFormat requested, ImageFormat input)
{
    if (requested != OutputFormat::Same)
        return requested;
    switch (input) {
    case ImageFormat::Jpeg:
        return OutputFormat::Jpeg;
    case ImageFormat::Webp:
        return OutputFormat::Webp;
    case ImageFormat::Tiff:
        return OutputFormat::Tiff;
    case ImageFormat::Heif:
        return OutputFormat::Heic;
    case ImageFormat::Avif:
        return OutputFormat::Avif;
    case ImageFormat::Jxl:
        return OutputFormat::Jxl;
    default:
        return OutputFormat::Png;
    }
}
