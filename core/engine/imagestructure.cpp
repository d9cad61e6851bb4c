#include "engineshared.h"

#include <cstring>

// Decoders fill a truncated image with gray and only warn; walking the container structure
// finds the missing end before any pixel is decoded. None of this includes an image library.

namespace {

quint32 bigEndian32(const uchar *p)
{
    return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3];
}

quint32 littleEndian32(const uchar *p)
{
    return quint32(p[3]) << 24 | quint32(p[2]) << 16 | quint32(p[1]) << 8 | p[0];
}

bool isStandaloneMarker(uchar marker)
{
    return (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01 || marker == 0xD8;
}

// Tables, another scan, restart interval, APPn, comment, DNL, or the end.
bool canFollowScan(uchar marker)
{
    return marker == 0xC4 || marker == 0xCC || marker == 0xDA || marker == 0xDB || marker == 0xDC ||
           marker == 0xDD || marker == 0xD9 || marker == 0xFE || (marker >= 0xE0 && marker <= 0xEF);
}

// Skips entropy-coded data after SOS: returns the offset of the next real marker's 0xFF,
// or size when the data runs out. Stuffed 0xFF00 and restart markers belong to the scan.
qsizetype skipEntropyData(const uchar *data, qsizetype pos, qsizetype size)
{
    while (pos < size) {
        const void *hit = std::memchr(data + pos, 0xFF, size_t(size - pos));
        if (!hit)
            return size;
        const qsizetype at = static_cast<const uchar *>(hit) - data;
        if (at + 1 >= size)
            return size;
        const uchar next = data[at + 1];
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7) || next == 0xFF) {
            pos = at + (next == 0xFF ? 1 : 2);
            continue;
        }
        return at;
    }
    return size;
}

DataIntegrity checkJpeg(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype pos = 2; // after SOI
    while (pos < size) {
        if (data[pos] != 0xFF) {
            // Stray bytes before a marker: libjpeg skips them with a warning, and so do we.
            const void *hit = std::memchr(data + pos, 0xFF, size_t(size - pos));
            if (!hit)
                break;
            pos = static_cast<const uchar *>(hit) - data;
        }
        while (pos < size && data[pos] == 0xFF)
            ++pos; // fill bytes
        if (pos >= size)
            break;
        const uchar marker = data[pos++];
        if (marker == 0xD9)
            return DataIntegrity::Complete;
        if (isStandaloneMarker(marker))
            continue;
        if (pos + 2 > size)
            break;
        const int length = data[pos] << 8 | data[pos + 1];
        if (length < 2)
            return DataIntegrity::Corrupt;
        pos += length;
        if (pos > size)
            break;
        if (marker == 0xDA) {
            pos = skipEntropyData(data, pos, size);
            // A damaged scan usually shows as a marker that cannot follow a scan; libjpeg only
            // warns about it and decodes gray, so it is caught here.
            if (pos + 1 < size && !canFollowScan(data[pos + 1]))
                return DataIntegrity::Corrupt;
        }
    }
    return DataIntegrity::Truncated;
}

DataIntegrity checkPng(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype pos = 8; // after the signature
    while (pos + 8 <= size) {
        const quint32 length = bigEndian32(data + pos);
        if (length > 0x7FFFFFFFu)
            return DataIntegrity::Corrupt;
        if (std::memcmp(data + pos + 4, "IEND", 4) == 0)
            return DataIntegrity::Complete;
        pos += 12 + qsizetype(length);
    }
    return DataIntegrity::Truncated;
}

DataIntegrity checkWebp(const QByteArray &bytes)
{
    if (bytes.size() < 12)
        return DataIntegrity::Truncated;
    const quint32 riffSize = littleEndian32(reinterpret_cast<const uchar *>(bytes.constData()) + 4);
    return qsizetype(riffSize) + 8 <= bytes.size() ? DataIntegrity::Complete
                                                   : DataIntegrity::Truncated;
}

} // namespace

DataIntegrity checkIntegrity(const QByteArray &bytes, ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg:
        return checkJpeg(bytes);
    case ImageFormat::Png:
        return checkPng(bytes);
    case ImageFormat::Webp:
        return checkWebp(bytes);
    default:
        // TIFF, GIF and BMP have no cheap end marker; their decoders report missing data.
        return DataIntegrity::Complete;
    }
}

ImageHeader readBmpHeader(const QByteArray &bytes)
{
    if (bytes.size() < 30)
        throw EngineFailure{FailureKind::CorruptData, QStringLiteral("truncated BMP data")};
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    const qint32 width = qint32(littleEndian32(data + 18));
    const qint32 height = qint32(littleEndian32(data + 22)); // negative: stored top-down
    const int bitsPerPixel = data[28] | data[29] << 8;
    ImageHeader header;
    header.size = QSize(width, int(qMin<qint64>(qAbs(qint64(height)), 0x7FFFFFFF)));
    header.hasAlpha = bitsPerPixel == 32;
    return header;
}
