#include "webpdecode.h"

#include <webp/decode.h>

namespace {

// Frees libwebp's output buffer on every path.
struct DecodedBuffer
{
    WebPDecBuffer *buffer;
    ~DecodedBuffer() { WebPFreeDecBuffer(buffer); }
};

} // namespace

cv::Mat decodeWebpLuma(const QByteArray &bytes, QSize target, QSize finalSize)
{
    WebPDecoderConfig config;
    if (!WebPInitDecoderConfig(&config))
        return {};
    const auto *data = reinterpret_cast<const uint8_t *>(bytes.constData());
    const size_t size = size_t(bytes.size());
    if (WebPGetFeatures(data, size, &config.input) != VP8_STATUS_OK || config.input.has_alpha ||
        config.input.has_animation)
        return {};
    if (target.width() > config.input.width || target.height() > config.input.height ||
        target.isEmpty())
        return {};
    config.options.use_scaling = 1;
    config.options.scaled_width = target.width();
    config.options.scaled_height = target.height();
    // The in-loop deblocking filter only smooths 4x4-block edges: skipping it is invisible
    // once the whole reduction (decoder and pipeline) averages four or more blocks' worth of
    // pixels into one, and visible below that.
    config.options.bypass_filtering = finalSize.width() * 4 <= config.input.width &&
                                      finalSize.height() * 4 <= config.input.height;
    config.output.colorspace = MODE_YUV;
    const DecodedBuffer guard{&config.output};
    if (WebPDecode(data, size, &config) != VP8_STATUS_OK)
        return {};
    const WebPYUVABuffer &yuv = config.output.u.YUVA;
    const cv::Mat luma(target.height(), target.width(), CV_8UC1, yuv.y, size_t(yuv.y_stride));
    // libwebp's Y is BT.601 video range (16..235); gray outputs are full range.
    cv::Mat gray;
    luma.convertTo(gray, CV_8U, 255.0 / 219.0, -16.0 * 255.0 / 219.0);
    return gray;
}

cv::Mat decodeWebpColour(const QByteArray &bytes, QSize target)
{
    WebPDecoderConfig config;
    if (!WebPInitDecoderConfig(&config))
        return {};
    const auto *data = reinterpret_cast<const uint8_t *>(bytes.constData());
    const size_t size = size_t(bytes.size());
    if (WebPGetFeatures(data, size, &config.input) != VP8_STATUS_OK || config.input.has_animation)
        return {};
    if (target.width() > config.input.width || target.height() > config.input.height ||
        target.isEmpty())
        return {};
    if (target != QSize(config.input.width, config.input.height)) {
        config.options.use_scaling = 1;
        config.options.scaled_width = target.width();
        config.options.scaled_height = target.height();
    }
    const bool alpha = config.input.has_alpha;
    cv::Mat pixels(target.height(), target.width(), alpha ? CV_8UC4 : CV_8UC3);
    config.output.colorspace = alpha ? MODE_RGBA : MODE_RGB;
    config.output.is_external_memory = 1;
    config.output.u.RGBA.rgba = pixels.data;
    config.output.u.RGBA.stride = int(pixels.step[0]);
    config.output.u.RGBA.size = pixels.total() * pixels.elemSize();
    const DecodedBuffer guard{&config.output};
    if (WebPDecode(data, size, &config) != VP8_STATUS_OK)
        return {};
    return pixels;
}
