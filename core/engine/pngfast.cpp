#include "pngfast.h"

#include <opencv2/imgproc.hpp>

#include <libdeflate.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace {

constexpr uchar kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

struct PngLayout
{
    int width = 0;
    int height = 0;
    int colorType = -1;
    int channels = 0;           // as stored: 1 gray or palette index, 3 RGB, 4 RGBA
    std::vector<uchar> palette; // RGB triples
    std::vector<uchar> idat;    // all IDAT data, concatenated
};

quint32 bigEndian32(const uchar *p)
{
    return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3];
}

int channelsFor(int colorType)
{
    switch (colorType) {
    case 0: // gray
    case 3: // palette
        return 1;
    case 2:
        return 3;
    case 6:
        return 4;
    default:
        return 0; // gray+alpha: left to libpng, whose layout for it we do not copy
    }
}

bool readHeader(const uchar *d, quint32 length, PngLayout *png)
{
    if (length != 13)
        return false;
    const quint32 w = bigEndian32(d), h = bigEndian32(d + 4);
    const int depth = d[8], interlace = d[12];
    png->colorType = d[9];
    png->channels = channelsFor(png->colorType);
    if (w == 0 || h == 0 || w > 1u << 24 || h > 1u << 24 || depth != 8 || interlace != 0 ||
        png->channels == 0)
        return false;
    png->width = int(w);
    png->height = int(h);
    return qint64(w * png->channels + 1) * h <= kPngFastMaxBytes;
}

// Every chunk's CRC (over type and body) must match: a damaged chunk, a PLTE above all, would
// otherwise decode to wrong colours. What to do about it (refuse, or skip a damaged ancillary
// chunk) is libpng's call, so a mismatch sends the file back to it rather than failing here.
bool crcMatches(const uchar *type, quint32 length)
{
    const quint32 stored = bigEndian32(type + 4 + length);
    return quint32(libdeflate_crc32(0, type, size_t(length) + 4)) == stored;
}

// Chunk order that libpng accepts without a word: one IHDR first, at most one PLTE (whole RGB
// triples, before the image data, never in a gray image), and the IDAT chunks in one run.
// Anything else is libpng's to judge (it refuses most of it), never ours to guess.
bool orderIsPlain(const uchar *type, const PngLayout &png, bool *idatRunEnded)
{
    const bool isIdat = std::memcmp(type, "IDAT", 4) == 0;
    if (!isIdat && !png.idat.empty())
        *idatRunEnded = true;
    if (isIdat)
        return !*idatRunEnded;
    if (std::memcmp(type, "IHDR", 4) == 0)
        return png.width == 0; // a second IHDR
    if (std::memcmp(type, "PLTE", 4) == 0)
        return png.palette.empty() && png.idat.empty() && png.colorType != 0;
    return true;
}

// Walks the chunks; any chunk that changes how pixels read (transparency, or anything we do
// not know before IDAT that is critical) sends the file back to libpng.
bool parse(const QByteArray &bytes, PngLayout *png)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype size = bytes.size();
    if (size < 8 || std::memcmp(data, kSignature, 8) != 0)
        return false;
    bool idatRunEnded = false;
    for (qsizetype pos = 8; pos + 12 <= size;) {
        const quint32 length = bigEndian32(data + pos);
        const uchar *type = data + pos + 4;
        const uchar *body = data + pos + 8;
        if (length > quint32(size - pos - 12))
            return false;
        if (pos == 8 && std::memcmp(type, "IHDR", 4) != 0)
            return false;
        if (!crcMatches(type, length) || !orderIsPlain(type, *png, &idatRunEnded))
            return false;
        if (std::memcmp(type, "IHDR", 4) == 0) {
            if (!readHeader(body, length, png))
                return false;
        } else if (std::memcmp(type, "PLTE", 4) == 0) {
            if (length == 0 || length % 3 != 0 || length > 256 * 3)
                return false;
            png->palette.assign(body, body + length);
        } else if (std::memcmp(type, "IDAT", 4) == 0) {
            png->idat.insert(png->idat.end(), body, body + length);
        } else if (std::memcmp(type, "IEND", 4) == 0) {
            return !png->idat.empty();
        } else if (std::memcmp(type, "tRNS", 4) == 0 || (type[0] & 0x20) == 0) {
            return false; // transparency, or an unknown critical chunk
        }
        pos += qsizetype(length) + 12;
    }
    return false;
}

// Each filter runs Bpp independent chains (one per byte of a pixel) whose carried values
// (the byte to the left, and the one above it for Paeth) stay in registers: read back from the
// row just written, every step would wait on a store-to-load forward, which doubled the time
// of the serial filters (Sub, Average, Paeth: three quarters of a photo PNG's rows).
template <int Bpp> void unfilterSub(uchar *row, size_t n)
{
    uchar left[Bpp] = {};
    for (size_t i = 0; i < n; i += Bpp)
        for (int c = 0; c < Bpp; ++c)
            left[c] = row[i + c] = uchar(row[i + c] + left[c]);
}

template <int Bpp> void unfilterAverage(uchar *row, const uchar *prior, size_t n)
{
    int left[Bpp] = {};
    for (size_t i = 0; i < n; i += Bpp)
        for (int c = 0; c < Bpp; ++c)
            left[c] = row[i + c] = uchar(row[i + c] + ((left[c] + prior[i + c]) >> 1));
}

// The predictor of the PNG specification, without branches: pa/pb/pc as written there.
inline int paethPredictor(int a, int b, int c)
{
    const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
    const int bOrC = pb <= pc ? b : c;
    return (pa <= pb && pa <= pc) ? a : bOrC;
}

template <int Bpp> void unfilterPaeth(uchar *row, const uchar *prior, size_t n)
{
    int left[Bpp] = {}, upperLeft[Bpp] = {};
    for (size_t i = 0; i < n; i += Bpp)
        for (int c = 0; c < Bpp; ++c) {
            const int up = prior[i + c];
            left[c] = row[i + c] = uchar(row[i + c] + paethPredictor(left[c], up, upperLeft[c]));
            upperLeft[c] = up;
        }
}

// `n` is a whole number of pixels (width * Bpp).
template <int Bpp> void unfilterRow(int filter, uchar *row, const uchar *prior, size_t n)
{
    switch (filter) {
    case 1:
        unfilterSub<Bpp>(row, n);
        break;
    case 2:
        for (size_t i = 0; i < n; ++i)
            row[i] = uchar(row[i] + prior[i]);
        break;
    case 3:
        unfilterAverage<Bpp>(row, prior, n);
        break;
    case 4:
        unfilterPaeth<Bpp>(row, prior, n);
        break;
    default:
        break;
    }
}

template <int Bpp> bool unfilter(cv::Mat &raw)
{
    const size_t n = size_t(raw.cols - 1);
    const std::vector<uchar> zeros(n, 0);
    const uchar *prior = zeros.data();
    for (int y = 0; y < raw.rows; ++y) {
        uchar *line = raw.ptr<uchar>(y);
        if (line[0] > 4)
            return false;
        unfilterRow<Bpp>(line[0], line + 1, prior, n);
        prior = line + 1;
    }
    return true;
}

bool unfilterAny(cv::Mat &raw, int channels)
{
    switch (channels) {
    case 1:
        return unfilter<1>(raw);
    case 3:
        return unfilter<3>(raw);
    case 4:
        return unfilter<4>(raw);
    default:
        return false;
    }
}

libdeflate_decompressor *decompressor()
{
    // One per worker thread, kept: it is a 32 KB table set up once.
    thread_local std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor *)>
        instance(libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
    return instance.get();
}

cv::Mat expandPalette(const cv::Mat &indices, const std::vector<uchar> &palette)
{
    uchar table[256][3] = {};
    std::memcpy(table, palette.data(), std::min<size_t>(palette.size(), sizeof table));
    cv::Mat rgb(indices.size(), CV_8UC3);
    for (int y = 0; y < indices.rows; ++y) {
        const uchar *src = indices.ptr<uchar>(y);
        uchar *dst = rgb.ptr<uchar>(y);
        for (int x = 0; x < indices.cols; ++x, dst += 3)
            std::memcpy(dst, table[src[x]], 3);
    }
    return rgb;
}

} // namespace

cv::Mat decodePngFast(const QByteArray &bytes)
{
    PngLayout png;
    if (!parse(bytes, &png) || (png.colorType == 3 && png.palette.size() < 3))
        return {};
    const int rowBytes = png.width * png.channels;
    cv::Mat raw(png.height, rowBytes + 1, CV_8UC1);
    size_t produced = 0;
    const libdeflate_result status = libdeflate_zlib_decompress(
        decompressor(), png.idat.data(), png.idat.size(), raw.data, raw.total(), &produced);
    if (status != LIBDEFLATE_SUCCESS || produced != raw.total() || !unfilterAny(raw, png.channels))
        return {};
    cv::Mat pixels = raw.colRange(1, rowBytes + 1).reshape(png.channels);
    if (png.colorType == 3)
        return expandPalette(pixels, png.palette);
    return pixels;
}

cv::Mat pngToBgr(const cv::Mat &pngOrder)
{
    cv::Mat bgr;
    if (pngOrder.channels() == 3)
        cv::cvtColor(pngOrder, bgr, cv::COLOR_RGB2BGR);
    else if (pngOrder.channels() == 4)
        cv::cvtColor(pngOrder, bgr, cv::COLOR_RGBA2BGRA);
    else
        bgr = pngOrder.clone();
    return bgr;
}
