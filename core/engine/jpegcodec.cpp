#include "jpegcodec.h"

#include "jpegscans.h"
#include "metadata.h"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <jpeglib.h>

namespace {

// libjpeg reports errors by calling error_exit, which must not return: it jumps back to the
// setjmp in the function that started the work. Only C frames and plain data lie between the
// two, so no destructor is skipped.
struct ErrorManager
{
    jpeg_error_mgr base;
    std::jmp_buf jump;
    char error[JMSG_LENGTH_MAX];
    char warnings[2048]; // libjpeg's default prints only the first warning; keep several
    size_t warningsLength;
};

void onError(j_common_ptr info)
{
    auto *manager = reinterpret_cast<ErrorManager *>(info->err);
    manager->base.format_message(info, manager->error);
    std::longjmp(manager->jump, 1);
}

void onMessage(j_common_ptr info, int level)
{
    if (level >= 0) // trace messages
        return;
    auto *manager = reinterpret_cast<ErrorManager *>(info->err);
    manager->base.num_warnings++;
    char text[JMSG_LENGTH_MAX];
    manager->base.format_message(info, text);
    const size_t room = sizeof(manager->warnings) - manager->warningsLength;
    const int n = std::snprintf(manager->warnings + manager->warningsLength, room, "%s\n", text);
    if (n > 0)
        manager->warningsLength += std::min(size_t(n), room - 1);
}

void installErrorManager(ErrorManager *manager, j_common_ptr info)
{
    info->err = jpeg_std_error(&manager->base);
    manager->base.error_exit = onError;
    manager->base.emit_message = onMessage;
    manager->error[0] = '\0';
    manager->warnings[0] = '\0';
    manager->warningsLength = 0;
}

bool isHandledColourSpace(J_COLOR_SPACE space)
{
    return space == JCS_GRAYSCALE || space == JCS_YCbCr || space == JCS_RGB;
}

// Runs the whole decode; false when libjpeg failed. `out` is allocated by the caller's frame.
// `onlyYCbCr`: anything else is not handled (a stream without its chroma scans, jpegscans.h).
bool runDecode(jpeg_decompress_struct *info, ErrorManager *manager, const QByteArray &bytes,
               int scaleDenominator, bool grayscale, bool onlyYCbCr, cv::Mat *out, bool *handled)
{
    if (setjmp(manager->jump))
        return false;
    jpeg_mem_src(info, reinterpret_cast<const unsigned char *>(bytes.constData()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(info, TRUE);
    *handled = onlyYCbCr ? info->jpeg_color_space == JCS_YCbCr
                         : isHandledColourSpace(info->jpeg_color_space);
    if (!*handled)
        return true;
    info->scale_num = 1;
    info->scale_denom = static_cast<unsigned>(scaleDenominator);
    // A gray file stays one channel, as libvips decodes it.
    const bool gray = grayscale || info->jpeg_color_space == JCS_GRAYSCALE;
    info->out_color_space = gray ? JCS_GRAYSCALE : JCS_EXT_RGB;
    jpeg_start_decompress(info);
    out->create(int(info->output_height), int(info->output_width), gray ? CV_8UC1 : CV_8UC3);
    while (info->output_scanline < info->output_height) {
        JSAMPROW rows[4];
        const int count = std::min(4, int(info->output_height - info->output_scanline));
        for (int i = 0; i < count; ++i)
            rows[i] = out->ptr<uchar>(int(info->output_scanline) + i);
        jpeg_read_scanlines(info, rows, JDIMENSION(count));
    }
    jpeg_finish_decompress(info);
    return true;
}

// The APPn markers for the metadata, assembled before libjpeg runs: its errors longjmp out of
// runEncode, which must then hold no C++ object. One marker is at most 65533 bytes; longer
// EXIF or XMP (which would need extended XMP or several APP1s, which few readers join) is
// left out rather than written broken.
struct Marker
{
    int code;
    QByteArray data;
};

std::vector<Marker> markersFor(const OutputMetadata &metadata)
{
    std::vector<Marker> markers;
    auto add = [&](int code, const QByteArray &prefix, const QByteArray &payload) {
        if (!payload.isEmpty() && prefix.size() + payload.size() <= 65533)
            markers.push_back({code, prefix + payload});
    };
    add(JPEG_APP0 + 1, QByteArray("Exif\0\0", 6), metadata.exif);
    add(JPEG_APP0 + 1, QByteArray("http://ns.adobe.com/xap/1.0/\0", 29), metadata.xmp);
    add(JPEG_APP0 + 13, QByteArray("Photoshop 3.0\0", 14), metadata.photoshopIrb);
    return markers;
}

bool runEncode(jpeg_compress_struct *info, ErrorManager *manager, const cv::Mat &image,
               const JpegEncoding &encoding, const std::vector<Marker> &markers,
               const QByteArray &icc, unsigned char **buffer, unsigned long *size)
{
    if (setjmp(manager->jump))
        return false;
    jpeg_mem_dest(info, buffer, size);
    info->image_width = JDIMENSION(image.cols);
    info->image_height = JDIMENSION(image.rows);
    const bool gray = image.channels() == 1;
    info->input_components = gray ? 1 : 3;
    info->in_color_space = gray ? JCS_GRAYSCALE : JCS_EXT_RGB;
    jpeg_set_defaults(info);
    jpeg_set_quality(info, encoding.quality, TRUE);
    if (!gray) { // libjpeg's defaults: luma 2x2, chroma 1x1, i.e. 4:2:0
        const int luma = encoding.fullChroma ? 1 : 2;
        info->comp_info[0].h_samp_factor = luma;
        info->comp_info[0].v_samp_factor = luma;
    }
    if (encoding.progressive)
        jpeg_simple_progression(info);
    jpeg_start_compress(info, TRUE);
    for (const Marker &marker : markers)
        jpeg_write_marker(info, marker.code,
                          reinterpret_cast<const JOCTET *>(marker.data.constData()),
                          unsigned(marker.data.size()));
    if (!icc.isEmpty())
        jpeg_write_icc_profile(info, reinterpret_cast<const JOCTET *>(icc.constData()),
                               unsigned(icc.size()));
    while (info->next_scanline < info->image_height) {
        JSAMPROW row = const_cast<uchar *>(image.ptr<uchar>(int(info->next_scanline)));
        jpeg_write_scanlines(info, &row, 1);
    }
    jpeg_finish_compress(info);
    return true;
}

} // namespace

namespace {

JpegDecoded decodeStream(const QByteArray &bytes, int scaleDenominator, bool grayscale,
                         bool onlyYCbCr)
{
    JpegDecoded result;
    jpeg_decompress_struct info;
    ErrorManager manager;
    installErrorManager(&manager, reinterpret_cast<j_common_ptr>(&info));
    jpeg_create_decompress(&info);
    bool handled = true;
    const bool ok = runDecode(&info, &manager, bytes, scaleDenominator, grayscale, onlyYCbCr,
                              &result.image, &handled);
    jpeg_destroy_decompress(&info);
    result.warnings = QString::fromLatin1(manager.warnings, qsizetype(manager.warningsLength));
    if (!ok) {
        result.outcome = JpegDecoded::Outcome::Failed;
        result.error = QString::fromLatin1(manager.error);
        result.image.release();
    } else {
        result.outcome = handled ? JpegDecoded::Outcome::Decoded : JpegDecoded::Outcome::NotHandled;
    }
    return result;
}

} // namespace

JpegDecoded decodeJpeg(const QByteArray &bytes, int scaleDenominator, bool grayscale)
{
    if (grayscale) {
        // A progressive file's luma without its chroma scans: the same pixels for a third
        // less work. Any warning or failure, and the verdict is the whole file's instead.
        const QByteArray luma = progressiveWithoutChromaScans(bytes);
        if (!luma.isEmpty()) {
            JpegDecoded result = decodeStream(luma, scaleDenominator, true, true);
            if (result.outcome == JpegDecoded::Outcome::Decoded && result.warnings.isEmpty())
                return result;
        }
    }
    return decodeStream(bytes, scaleDenominator, grayscale, false);
}

QByteArray encodeJpeg(const cv::Mat &image, int quality, const OutputMetadata &metadata,
                      QString *error)
{
    JpegEncoding encoding;
    encoding.quality = quality;
    return encodeJpeg(image, encoding, metadata, error);
}

QByteArray encodeJpeg(const cv::Mat &image, const JpegEncoding &encoding,
                      const OutputMetadata &metadata, QString *error)
{
    if (image.depth() != CV_8U || (image.channels() != 1 && image.channels() != 3)) {
        *error = QStringLiteral("JPEG takes 8-bit gray or colour pixels");
        return {};
    }
    jpeg_compress_struct info;
    ErrorManager manager;
    installErrorManager(&manager, reinterpret_cast<j_common_ptr>(&info));
    jpeg_create_compress(&info);
    unsigned char *buffer = nullptr;
    unsigned long size = 0;
    const std::vector<Marker> markers = markersFor(metadata);
    const bool ok =
        runEncode(&info, &manager, image, encoding, markers, metadata.icc, &buffer, &size);
    jpeg_destroy_compress(&info);
    QByteArray bytes;
    if (ok)
        bytes = QByteArray(reinterpret_cast<const char *>(buffer), qsizetype(size));
    else
        *error = QString::fromLatin1(manager.error);
    std::free(buffer);
    return bytes;
}
