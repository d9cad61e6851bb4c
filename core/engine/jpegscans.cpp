#include "jpegscans.h"

#include <QtEndian>

namespace {

constexpr uchar kMarker = 0xFF;
constexpr uchar kSoi = 0xD8, kEoi = 0xD9, kSos = 0xDA;
constexpr uchar kSofProgressive = 0xC2;

// The segments a sequential or progressive file may hold between SOI and EOI, each with a
// length: DHT, DAC, the frames, DQT, DNL, DRI, APPn, COM. Anything else (a stuffed zero or a
// restart marker outside a scan, reserved or hierarchical markers) is libjpeg's to judge.
bool isKnownSegment(uchar marker)
{
    return (marker >= 0xC0 && marker <= 0xCF && marker != 0xC8) || marker == 0xDA ||
           marker == 0xDB || marker == 0xDC || marker == 0xDD ||
           (marker >= 0xE0 && marker <= 0xEF) || marker == 0xFE;
}

// Start-of-frame markers: C0..CF less DHT (C4), JPG (C8) and DAC (CC).
bool isStartOfFrame(uchar marker)
{
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Where the entropy-coded data that starts at `pos` ends: at the first 0xFF that is not a
// stuffed zero (FF 00) or a restart marker (FF D0..D7). `size` when it runs off the end.
qsizetype entropyDataEnd(const uchar *data, qsizetype pos, qsizetype size)
{
    for (; pos + 1 < size; ++pos) {
        if (data[pos] != kMarker)
            continue;
        const uchar next = data[pos + 1];
        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7))
            return pos;
        ++pos;
    }
    return size;
}

struct Frame
{
    int components = 0;
    int firstComponentId = -1;
};

// SOF body: precision, height, width, Nf, then Nf three-byte component specifications.
bool readFrame(const uchar *body, qsizetype length, Frame *frame)
{
    if (length < 6)
        return false;
    frame->components = body[5];
    if (length != 6 + 3 * qsizetype(frame->components) || frame->components == 0)
        return false;
    frame->firstComponentId = body[6];
    return true;
}

// SOS body: Ns, then Ns two-byte component selectors, then Ss, Se, Ah/Al.
bool codesOnlyOtherComponents(const uchar *body, qsizetype length, const Frame &frame, bool *other)
{
    if (length < 1)
        return false;
    const int count = body[0];
    if (count == 0 || length != 1 + 2 * qsizetype(count) + 3)
        return false;
    *other = true;
    for (int i = 0; i < count; ++i)
        if (body[1 + 2 * i] == frame.firstComponentId)
            *other = false;
    return true;
}

} // namespace

QByteArray progressiveWithoutChromaScans(const QByteArray &jpeg)
{
    const auto *data = reinterpret_cast<const uchar *>(jpeg.constData());
    const qsizetype size = jpeg.size();
    if (size < 4 || data[0] != kMarker || data[1] != kSoi)
        return {};
    QByteArray out;
    out.append(jpeg.constData(), 2);
    Frame frame;
    bool dropped = false;
    qsizetype pos = 2;
    while (pos + 1 < size) {
        if (data[pos] != kMarker)
            return {}; // garbage between segments: libjpeg's to judge
        const uchar marker = data[pos + 1];
        if (marker == kMarker) { // a fill byte before a marker: kept, as every byte is
            out.append(char(kMarker));
            ++pos;
            continue;
        }
        if (marker == kEoi) {
            if (frame.components == 0 || !dropped)
                return {};
            out.append(jpeg.constData() + pos, size - pos);
            return out;
        }
        if (!isKnownSegment(marker) || pos + 4 > size)
            return {};
        const qsizetype length = qFromBigEndian<quint16>(data + pos + 2);
        if (length < 2 || pos + 2 + length > size)
            return {};
        const uchar *body = data + pos + 4;
        const qsizetype bodyLength = length - 2;
        qsizetype end = pos + 2 + length;
        bool drop = false;
        if (isStartOfFrame(marker)) {
            if (marker != kSofProgressive || frame.components != 0 ||
                !readFrame(body, bodyLength, &frame) || frame.components != 3)
                return {};
            out.reserve(size); // a file this walk will copy: once, and only then
        } else if (marker == kSos) {
            if (frame.components == 0 || !codesOnlyOtherComponents(body, bodyLength, frame, &drop))
                return {};
            end = entropyDataEnd(data, end, size);
        }
        if (!drop)
            out.append(jpeg.constData() + pos, end - pos);
        dropped = dropped || drop;
        pos = end;
    }
    return {}; // no EOI: a truncated file is decoded whole, with libjpeg's own warnings
}
