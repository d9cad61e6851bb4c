#pragma once

#include <QByteArray>
#include <QString>

#include <opencv2/core.hpp>

// JPEG straight through libjpeg-turbo, the way OpenCV's imgcodecs drives it (same settings,
// same pixels), without loading imgcodecs (cvcodecs.h says why that matters).

struct JpegDecoded
{
    enum class Outcome { Decoded, Failed, NotHandled };
    Outcome outcome = Outcome::Failed;
    cv::Mat image;    // CV_8UC1 (grayscale asked, or a gray file) or CV_8UC3 (RGB) when Decoded
    QString warnings; // libjpeg's warnings, one per line (see damageFromJpegWarnings)
    QString error;    // libjpeg's error when Failed
};

// Decodes at 1/scaleDenominator (1, 2, 4 or 8) per side, to one luma plane when grayscale
// (libjpeg then skips the chroma entirely). CMYK and YCCK files are NotHandled: OpenCV
// converts those itself.
JpegDecoded decodeJpeg(const QByteArray &bytes, int scaleDenominator, bool grayscale);

struct OutputMetadata;

// Baseline JPEG of a CV_8UC1 or CV_8UC3 (RGB) image at `quality`, 4:2:0 for colour, as
// cv::imencode(".jpg") writes it, with the metadata in its usual markers (APP1 EXIF and XMP,
// APP13 IPTC, APP2 ICC). Empty with *error set when libjpeg fails.
QByteArray encodeJpeg(const cv::Mat &image, int quality, const OutputMetadata &metadata,
                      QString *error);

// The recipe's JPEG options: a progressive scan script (libjpeg's jpeg_simple_progression:
// SOF2), and chroma at full resolution (4:4:4, every component sampled 1x1) or halved both
// ways (4:2:0, luma 2x2).
struct JpegEncoding
{
    int quality = 85;
    bool progressive = false;
    bool fullChroma = false;
};
QByteArray encodeJpeg(const cv::Mat &image, const JpegEncoding &encoding,
                      const OutputMetadata &metadata, QString *error);
