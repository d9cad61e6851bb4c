#include "imageformat.h"

#include <QStringList>

#include <algorithm>

#include <QFile>

namespace {
bool startsWith(const QByteArray &data, const char *magic, int size, int offset = 0)
{
    return data.size() >= offset + size && memcmp(data.constData() + offset, magic, size) == 0;
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
    return ImageFormat::Unknown;
}

ImageFormat sniffImageFormatOfFile(const QString &path)
{
    QFile file(path);
    // Unbuffered: we only want 16 bytes, and special files must not be read ahead.
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return ImageFormat::Unknown;
    return sniffImageFormat(file.read(16));
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
    case ImageFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

bool hasImageFileName(const QString &fileName)
{
    static const QStringList kSuffixes = {
        QStringLiteral("jpg"),  QStringLiteral("jpeg"), QStringLiteral("jpe"),
        QStringLiteral("jfif"), QStringLiteral("png"),  QStringLiteral("apng"),
        QStringLiteral("webp"), QStringLiteral("tif"),  QStringLiteral("tiff"),
        QStringLiteral("gif"),  QStringLiteral("bmp"),  QStringLiteral("dib"),
        QStringLiteral("heic"), QStringLiteral("heif"), QStringLiteral("avif"),
        QStringLiteral("jxl"),  QStringLiteral("jp2"),  QStringLiteral("svg"),
    };
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    if (dot < 0)
        return false;
    const QStringView suffix = QStringView(fileName).mid(dot + 1);
    return std::any_of(kSuffixes.begin(), kSuffixes.end(), [&](const QString &known) {
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
    default:
        return OutputFormat::Png;
    }
}
