// The hand-written header, EXIF orientation and structure readers (core/engine/directheader.cpp,
// core/engine/imagestructure.cpp) and the format sniffer (core/imageformat.cpp): every byte
// pattern must give an answer (or nullopt, or a thrown EngineFailure for BMP), never a read out
// of bounds, and every answer must be one libvips could give.
#include "fuzztarget.h"

#include "engine/engineshared.h"
#include "imageformat.h"

namespace {

void checkHeader(const QByteArray &bytes, ImageFormat format)
{
    const std::optional<ImageHeader> header = readHeaderDirectly(bytes, format);
    if (!header)
        return;
    FuzzInput::require(!header->size.isEmpty(), "a header has a size");
    FuzzInput::require(header->orientation >= 1 && header->orientation <= 8,
                       "EXIF orientation is 1..8");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = FuzzInput::view(data, size);
    const ImageFormat sniffed = sniffImageFormat(bytes);
    // Both readers on every input, whatever it looks like: the engine calls them only after
    // sniffing, but a mutated file can pass the sniff with anything behind it.
    checkHeader(bytes, ImageFormat::Jpeg);
    checkHeader(bytes, ImageFormat::Png);
    for (ImageFormat format : {ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::Webp, sniffed})
        (void)checkIntegrity(bytes, format);
    try {
        (void)readBmpHeader(bytes);
    } catch (const EngineFailure &) {
        // a short file: the reason is the answer
    }
    return 0;
}
