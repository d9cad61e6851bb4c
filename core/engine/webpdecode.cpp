#include "webpdecode.h"

#include <opencv2/imgproc.hpp>

#include <webp/decode.h>

#include <algorithm>

namespace {

// Frees libwebp's output buffer on every path.
struct DecodedBuffer
{
    WebPDecBuffer *buffer;
    ~DecodedBuffer() { WebPFreeDecBuffer(buffer); }
};

bool readFeatures(const QByteArray &bytes, WebPDecoderConfig *config)
{
    if (!WebPInitDecoderConfig(config))
        return false;
    const auto *data = reinterpret_cast<const uint8_t *>(bytes.constData());
    return WebPGetFeatures(data, size_t(bytes.size()), &config->input) == VP8_STATUS_OK &&
           !config->input.has_animation;
}

bool decode(const QByteArray &bytes, WebPDecoderConfig *config)
{
    const auto *data = reinterpret_cast<const uint8_t *>(bytes.constData());
    return WebPDecode(data, size_t(bytes.size()), config) == VP8_STATUS_OK;
}

QSize fullSize(const WebPDecoderConfig &config)
{
    return {config.input.width, config.input.height};
}

QSize shrunk(QSize size, int box)
{
    return {std::max(1, size.width() / box), std::max(1, size.height() / box)};
}

// Whole box x box boxes averaged, the partial ones at the right and bottom dropped; the
// coverage keeps the geometry exact (resizeLanczos3 does the same in its own box step).
WebpDecoded boxAfterDecoding(const cv::Mat &full, int box)
{
    const QSize size = shrunk(QSize(full.cols, full.rows), box);
    const cv::Rect whole(0, 0, std::min(full.cols, size.width() * box),
                         std::min(full.rows, size.height() * box));
    cv::Mat boxed;
    cv::resize(full(whole), boxed, cv::Size(size.width(), size.height()), 0, 0, cv::INTER_AREA);
    return {boxed, QSizeF(full.cols, full.rows) / box};
}

} // namespace

QSize webpDecodeSize(QSize full, int box, bool luma, bool alpha)
{
    const qint64 pixels = qint64(full.width()) * full.height();
    const qint64 bytes = luma ? pixels * 3 / 2 : pixels * (alpha ? 4 : 3);
    return box == 1 || bytes <= kWebpOwnBoxBytes ? full : shrunk(full, box);
}

namespace {

// Asks libwebp to scale while decoding (the large-image route).
void scaleInDecoder(WebPDecoderConfig *config, QSize target)
{
    if (target == fullSize(*config))
        return;
    config->options.use_scaling = 1;
    config->options.scaled_width = target.width();
    config->options.scaled_height = target.height();
}

} // namespace

WebpDecoded decodeWebpLuma(const QByteArray &bytes, int box, QSize finalSize)
{
    WebPDecoderConfig config;
    if (!readFeatures(bytes, &config) || config.input.has_alpha)
        return {};
    const QSize full = fullSize(config);
    const QSize decoded = webpDecodeSize(full, box, true, false);
    const bool boxAfter = decoded == full;
    scaleInDecoder(&config, decoded);
    // The in-loop deblocking filter only smooths 4x4-block edges: skipping it is invisible
    // once the whole reduction (decoder and pipeline) averages four or more blocks' worth of
    // pixels into one, and visible below that.
    config.options.bypass_filtering =
        finalSize.width() * 4 <= full.width() && finalSize.height() * 4 <= full.height();
    config.output.colorspace = MODE_YUV;
    const DecodedBuffer guard{&config.output};
    if (!decode(bytes, &config))
        return {};
    const WebPYUVABuffer &yuv = config.output.u.YUVA;
    const cv::Mat plane(decoded.height(), decoded.width(), CV_8UC1, yuv.y, size_t(yuv.y_stride));
    WebpDecoded luma = boxAfter && box > 1 ? boxAfterDecoding(plane, box) : WebpDecoded{plane, {}};
    // libwebp's Y is BT.601 video range (16..235); gray outputs are full range.
    cv::Mat gray;
    luma.pixels.convertTo(gray, CV_8U, 255.0 / 219.0, -16.0 * 255.0 / 219.0);
    return {gray, luma.coverage};
}

WebpDecoded decodeWebpColour(const QByteArray &bytes, int box)
{
    WebPDecoderConfig config;
    if (!readFeatures(bytes, &config))
        return {};
    const QSize full = fullSize(config);
    const bool alpha = config.input.has_alpha;
    const int channels = alpha ? 4 : 3;
    const QSize decoded = webpDecodeSize(full, box, false, alpha);
    const bool boxAfter = decoded == full;
    scaleInDecoder(&config, decoded);
    // With alpha, the pipeline's own box step averages premultiplied colour (resized() in
    // pipeline.cpp), so that transparent pixels' hidden colour stays out of the edges.
    const bool boxHere = boxAfter && box > 1 && !alpha;
    cv::Mat pixels(decoded.height(), decoded.width(), CV_8UC(channels));
    config.output.colorspace = alpha ? MODE_RGBA : MODE_RGB;
    config.output.is_external_memory = 1;
    config.output.u.RGBA.rgba = pixels.data;
    config.output.u.RGBA.stride = int(pixels.step[0]);
    config.output.u.RGBA.size = pixels.total() * pixels.elemSize();
    const DecodedBuffer guard{&config.output};
    if (!decode(bytes, &config))
        return {};
    return boxHere ? boxAfterDecoding(pixels, box) : WebpDecoded{pixels, {}};
}
