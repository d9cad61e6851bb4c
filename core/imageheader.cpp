#include "imageheader.h"

#include <cctype>
#include <cstring>

// JPEG and PNG headers read by walking their segments, as libvips reports them (size, alpha,
// EXIF orientation). libvips finds a loader by asking each one whether it takes the buffer
// and builds a VipsImage: about 0.15 ms of GObject work per image, most of the whole job for
// a 64x64 PNG. Anything unusual returns nullopt and libvips reads the header after all, so
// its errors and its reading of odd files stay the reference. No image library here, so the
// planner uses it too, for each input's probe (imageprobe.h).

namespace {

struct Reader
{
    const uchar *data;
    qsizetype size;

    bool has(qsizetype pos, qsizetype count) const
    {
        return pos >= 0 && count >= 0 && pos <= size && count <= size - pos;
    }
    quint32 big16(qsizetype p) const { return quint32(data[p]) << 8 | data[p + 1]; }
    quint32 big32(qsizetype p) const { return big16(p) << 16 | big16(p + 2); }
};

// A TIFF-structured block (EXIF), read with its byte order; every access bounds-checked.
struct Tiff
{
    const uchar *data;
    qsizetype size;
    bool little;

    quint32 u16(qsizetype p) const
    {
        return little ? quint32(data[p]) | quint32(data[p + 1]) << 8
                      : quint32(data[p]) << 8 | data[p + 1];
    }
    quint32 u32(qsizetype p) const
    {
        return little ? u16(p) | u16(p + 2) << 16 : u16(p) << 16 | u16(p + 2);
    }
    // The offset of the 12-byte entry for `tag` in the IFD at `ifd`; -1 when absent or cut off.
    qsizetype find(qsizetype ifd, quint32 tag) const
    {
        if (ifd < 8 || ifd > size - 2)
            return -1;
        const quint32 entries = u16(ifd);
        for (quint32 i = 0; i < entries; ++i) {
            const qsizetype entry = ifd + 2 + qsizetype(i) * 12;
            if (entry > size - 12)
                return -1;
            if (u16(entry) == tag)
                return entry;
        }
        return -1;
    }
};

// DateTimeOriginal (0x9003, ASCII, 20 bytes with its NUL) in the EXIF sub-IFD (0x8769).
QString tiffCaptureDate(const Tiff &t, qsizetype ifd0)
{
    const qsizetype pointer = t.find(ifd0, 0x8769);
    if (pointer < 0 || t.u16(pointer + 2) != 4) // LONG
        return {};
    const qsizetype entry = t.find(qsizetype(t.u32(pointer + 8)), 0x9003);
    if (entry < 0 || t.u16(entry + 2) != 2 || t.u32(entry + 4) != 20) // ASCII[20]
        return {};
    const qsizetype at = qsizetype(t.u32(entry + 8));
    if (at < 8 || at > t.size - 19)
        return {};
    const QByteArray text(reinterpret_cast<const char *>(t.data + at), 19);
    static const char kShape[] = "dddd:dd:dd dd:dd:dd"; // d: a digit
    for (int i = 0; i < 19; ++i)
        if (kShape[i] == 'd' ? !std::isdigit(uchar(text[i])) : text[i] != kShape[i])
            return {}; // "    :  :     :  :  " (unknown) and anything else odd
    return QString::fromLatin1(text);
}

// EXIF orientation (tag 0x0112 in IFD0; 1 when absent or odd) and capture date.
void readTiff(const uchar *data, qsizetype size, ImageHeader *header)
{
    header->orientation = 1;
    if (size < 8)
        return;
    const bool little = data[0] == 'I' && data[1] == 'I';
    if (!little && !(data[0] == 'M' && data[1] == 'M'))
        return;
    const Tiff t{data, size, little};
    const qsizetype ifd0 = qsizetype(t.u32(4));
    if (const qsizetype entry = t.find(ifd0, 0x0112); entry >= 0 && t.u16(entry + 2) == 3) {
        const quint32 value = t.u16(entry + 8); // SHORT
        header->orientation = value >= 1 && value <= 8 ? int(value) : 1;
    }
    header->captureDate = tiffCaptureDate(t, ifd0);
}

bool isStartOfFrame(uchar marker)
{
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

std::optional<ImageHeader> jpegHeader(const Reader &r)
{
    ImageHeader header;
    bool exifSeen = false;
    qsizetype pos = 2; // after SOI
    for (;;) {
        if (!r.has(pos, 4) || r.data[pos] != 0xFF || r.data[pos + 1] == 0xFF)
            return std::nullopt; // fill bytes, stray data: unusual, let libvips judge
        const uchar marker = r.data[pos + 1];
        const qsizetype length = qsizetype(r.big16(pos + 2));
        if (length < 2 || !r.has(pos + 2, length) || marker == 0xDA || marker == 0xD9)
            return std::nullopt; // a scan before any frame header
        const qsizetype body = pos + 4;
        if (marker == 0xE1 && length >= 8 && std::memcmp(r.data + body, "Exif\0\0", 6) == 0) {
            if (exifSeen)
                return std::nullopt; // which block wins is libvips' business
            exifSeen = true;
            readTiff(r.data + body + 6, length - 8, &header);
        } else if (isStartOfFrame(marker)) {
            if (length < 8)
                return std::nullopt;
            const int components = r.data[body + 5];
            // libvips turns a 2-component JPEG (rare, unusual) into gray+alpha; leave it.
            if (components != 1 && components != 3 && components != 4)
                return std::nullopt;
            header.size = QSize(int(r.big16(body + 3)), int(r.big16(body + 1)));
            return header.size.isEmpty() ? std::nullopt : std::optional(header);
        }
        pos += 2 + length;
    }
}

std::optional<ImageHeader> pngHeader(const Reader &r)
{
    // Signature, then IHDR: width, height, depth, colour type.
    if (!r.has(8, 25) || std::memcmp(r.data + 12, "IHDR", 4) != 0 || r.big32(8) != 13)
        return std::nullopt;
    ImageHeader header;
    const quint32 width = r.big32(16), height = r.big32(20);
    if (width == 0 || height == 0 || width > 0x7FFFFFFF || height > 0x7FFFFFFF)
        return std::nullopt;
    header.size = QSize(int(width), int(height));
    const int colourType = r.data[25];
    header.hasAlpha = colourType == 4 || colourType == 6;
    // Ancillary chunks before the image data: tRNS makes alpha, eXIf carries orientation.
    qsizetype pos = 8 + 25;
    while (r.has(pos, 8)) {
        const qsizetype length = qsizetype(r.big32(pos));
        const uchar *type = r.data + pos + 4;
        if (length > 0x7FFFFFFF || !r.has(pos + 8, length + 4))
            return std::nullopt;
        if (std::memcmp(type, "IDAT", 4) == 0)
            return header;
        if (std::memcmp(type, "tRNS", 4) == 0)
            header.hasAlpha = true;
        else if (std::memcmp(type, "eXIf", 4) == 0)
            readTiff(r.data + pos + 8, length, &header);
        pos += 12 + length;
    }
    return std::nullopt;
}

} // namespace

std::optional<ImageHeader> readHeaderDirectly(const QByteArray &bytes, ImageFormat format)
{
    const Reader reader{reinterpret_cast<const uchar *>(bytes.constData()), bytes.size()};
    switch (format) {
    case ImageFormat::Jpeg:
        return jpegHeader(reader);
    case ImageFormat::Png:
        return pngHeader(reader);
    default:
        return std::nullopt;
    }
}
