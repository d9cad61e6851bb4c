// The PNG fast path (core/engine/pngfast.cpp): chunk walk, CRCs, inflate, unfiltering and
// palette expansion over any bytes. A decoded image must have the size IHDR declares, as the
// direct header reader (a separate parser of the same bytes) reads it. Each input is decoded
// as it is, then with every chunk's CRC made right: a mutation almost always breaks a CRC, and
// without the second pass the fuzzer would never get past the CRC check.
#include "fuzztarget.h"

#include <QtEndian>

#include <opencv2/core.hpp>

#include <libdeflate.h>

#include <vector>

#include "engine/engineshared.h"
#include "engine/pngfast.h"

namespace {

// A copy of the file with each whole chunk's CRC recomputed (chunks cut short are left as
// they are): exactly sized, so that AddressSanitizer still sees reads past the end.
std::vector<uint8_t> withCrcsFixed(const uint8_t *data, size_t size)
{
    std::vector<uint8_t> copy(data, data + size);
    for (size_t pos = 8; pos + 12 <= size;) {
        const size_t length = qFromBigEndian<quint32>(data + pos);
        if (length > size - pos - 12)
            break;
        const quint32 crc = quint32(libdeflate_crc32(0, data + pos + 4, length + 4));
        qToBigEndian(crc, copy.data() + pos + 8 + length);
        pos += length + 12;
    }
    return copy;
}

void decode(const QByteArray &bytes)
{
    const cv::Mat pixels = decodePngFast(bytes);
    if (pixels.empty())
        return;
    FuzzInput::require(pixels.depth() == CV_8U, "8-bit pixels");
    const cv::Mat bgr = pngToBgr(pixels);
    FuzzInput::require(bgr.size() == pixels.size(), "pngToBgr keeps the size");
    const std::optional<ImageHeader> header = readHeaderDirectly(bytes, ImageFormat::Png);
    if (header)
        FuzzInput::require(header->size == QSize(pixels.cols, pixels.rows),
                           "decoded size is the size IHDR declares");
    // Touch every pixel, so that a view past the inflated buffer shows up.
    volatile double total = cv::sum(bgr)[0];
    (void)total;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    decode(FuzzInput::view(data, size));
    const std::vector<uint8_t> fixed = withCrcsFixed(data, size);
    decode(FuzzInput::view(fixed.data(), fixed.size()));
    return 0;
}
