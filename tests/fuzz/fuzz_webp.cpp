// The WebP paths of core/engine/webpdecode.cpp: container parsing (RIFF, VP8/VP8L/VP8X, alpha
// and animation flags, through libwebp's WebPGetFeatures) and the scaled luma and colour
// decodes into our buffers, boxed by 2 after decoding. Each must return the shrunken size, or
// the full size for colour with alpha (the pipeline boxes those, premultiplied).
#include "fuzztarget.h"

#include <QSize>

#include <opencv2/core.hpp>

#include <webp/decode.h>

#include <algorithm>

#include "engine/webpdecode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = FuzzInput::view(data, size);
    int width = 0, height = 0;
    // The engine checks the pixel limit and the memory cap before decoding: huge canvases
    // never reach these functions, and would only make the fuzzer slow.
    if (!WebPGetInfo(data, size, &width, &height) || qint64(width) * height > 4096 * 4096)
        return 0;
    const QSize full(width, height);
    const QSize half(std::max(1, width / 2), std::max(1, height / 2));
    const QSize eighth(std::max(1, width / 8), std::max(1, height / 8));
    // Boxed by 2 with a final size an eighth: the decoder skips its deblocking filter.
    const cv::Mat luma = decodeWebpLuma(bytes, 2, eighth).pixels;
    if (!luma.empty())
        FuzzInput::require(luma.cols == half.width() && luma.rows == half.height() &&
                               luma.type() == CV_8UC1,
                           "luma is gray of the shrunken size");
    (void)decodeWebpLuma(bytes, 1, full);
    const cv::Mat colour = decodeWebpColour(bytes, 2).pixels;
    const QSize expected = colour.channels() == 4 ? full : half;
    if (!colour.empty())
        FuzzInput::require(colour.cols == expected.width() && colour.rows == expected.height(),
                           "colour has the shrunken size (the full size with alpha)");
    return 0;
}
