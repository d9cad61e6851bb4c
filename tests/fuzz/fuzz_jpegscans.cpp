// The progressive-JPEG scan walker (core/engine/jpegscans.cpp) over any bytes: it either
// declines (empty) or returns the file less some scans, which is a stream that starts with SOI,
// is shorter than the input, ends with the input's own tail from its EOI on, and has no chroma
// scan left to drop (walking it again declines).
#include "fuzztarget.h"

#include "engine/jpegscans.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = FuzzInput::view(data, size);
    const QByteArray luma = progressiveWithoutChromaScans(bytes);
    if (luma.isEmpty())
        return 0;
    FuzzInput::require(luma.startsWith("\xFF\xD8"), "starts with SOI");
    FuzzInput::require(luma.size() < bytes.size(), "something was dropped");
    const qsizetype eoi = luma.lastIndexOf("\xFF\xD9");
    FuzzInput::require(eoi >= 0 && bytes.endsWith(luma.mid(eoi)), "the tail from EOI is kept");
    FuzzInput::require(progressiveWithoutChromaScans(luma).isEmpty(), "nothing left to drop");
    return 0;
}
