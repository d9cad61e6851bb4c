#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <vips/vips8>

#include <cmath>
#include <cstring>

#include "engineshared.h"
#include "stepops.h"

// The steps' libvips parts: the attention crop, text, and reading a logo. Pixels cross as
// 8-bit interleaved memory both ways; everything else about the steps is ours.

using vips::VImage;

namespace {

// Borrows `image`'s memory: the Mat must outlive the VImage.
VImage wrap(const cv::Mat &image)
{
    const int bands = image.channels();
    VImage wrapped =
        VImage::new_from_memory(const_cast<uchar *>(image.data), image.total() * image.elemSize(),
                                image.cols, image.rows, bands, VIPS_FORMAT_UCHAR);
    return wrapped.copy(VImage::option()->set(
        "interpretation", bands < 3 ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB));
}

cv::Mat unwrap(const VImage &image)
{
    size_t size = 0;
    void *memory = image.write_to_memory(&size);
    cv::Mat pixels(image.height(), image.width(), CV_8UC(image.bands()));
    std::memcpy(pixels.data, memory, std::min(size, pixels.total() * pixels.elemSize()));
    g_free(memory);
    return pixels;
}

QString firstLine(const vips::VError &error)
{
    return QString::fromUtf8(error.what()).trimmed().section(QLatin1Char('\n'), 0, 0);
}

constexpr qint64 kLogoFileLimit = 64ll << 20;
constexpr qint64 kLogoPixelLimit = 50'000'000;

// From memory, as every input is read (libvips would take "[...]" at the end of a path as
// load options), with the engine's loader policy: untrusted loaders stay blocked.
cv::Mat decodeLogo(const QByteArray &bytes, const QString &path)
{
    loadVipsModulesFor(sniffImageFormat(bytes.left(kSniffBytes)));
    VImage logo = VImage::new_from_buffer(bytes.constData(), size_t(bytes.size()), "",
                                          VImage::option()->set("fail_on", VIPS_FAIL_ON_ERROR));
    if (qint64(logo.width()) * logo.height() > kLogoPixelLimit)
        throw EngineFailure{FailureKind::TooLarge,
                            QStringLiteral("watermark image %1 is too large (%2x%3)")
                                .arg(path)
                                .arg(logo.width())
                                .arg(logo.height())};
    // Gray, palette, 16-bit and CMYK logos all become 8-bit sRGB with alpha.
    logo = logo.colourspace(VIPS_INTERPRETATION_sRGB);
    if (!logo.has_alpha())
        logo = logo.bandjoin_const({255});
    if (logo.bands() > 4)
        logo = logo.extract_band(0, VImage::option()->set("n", 4));
    return unwrap(logo.cast(VIPS_FORMAT_UCHAR));
}

} // namespace

cv::Mat attentionCrop(const cv::Mat &image, QSize window)
{
    const cv::Mat contiguous = image.isContinuous() ? image : image.clone();
    try {
        const VImage cropped =
            wrap(contiguous)
                .smartcrop(window.width(), window.height(),
                           VImage::option()->set("interesting", VIPS_INTERESTING_ATTENTION));
        return unwrap(cropped);
    } catch (const vips::VError &error) {
        throw EngineFailure{FailureKind::Internal,
                            QStringLiteral("attention crop failed: %1").arg(firstLine(error))};
    }
}

// Rendered at 10 points with the dpi chosen for `height`, then again with the dpi corrected by
// the height measured (the rendered box, ink and line spacing as Pango lays it out), and
// smaller while it does not fit `limit`.
cv::Mat renderText(const QString &text, const QString &font, int height, QSize limit)
{
    const QByteArray markup = text.toHtmlEscaped().toUtf8(); // vips_text reads Pango markup
    const QByteArray spec = (font.trimmed() + QStringLiteral(" 10")).toUtf8();
    auto render = [&](int dpi) {
        return VImage::text(markup.constData(),
                            VImage::option()->set("font", spec.constData())->set("dpi", dpi));
    };
    try {
        int dpi = std::max(1, int(std::lround(72.0 * height / 10)));
        VImage rendered = render(dpi);
        dpi = std::max(1, int(std::lround(double(dpi) * height / rendered.height())));
        rendered = render(dpi);
        for (int tries = 0;
             tries < 6 && dpi > 1 &&
             (rendered.width() > limit.width() || rendered.height() > limit.height());
             ++tries) {
            const double shrink = std::min(double(limit.width()) / rendered.width(),
                                           double(limit.height()) / rendered.height());
            dpi = std::max(1, std::min(dpi - 1, int(std::floor(dpi * shrink))));
            rendered = render(dpi);
        }
        cv::Mat mask = unwrap(rendered);
        // Still too large at 1 dpi (a tiny image): keep what fits.
        return mask(cv::Rect(0, 0, std::min(mask.cols, limit.width()),
                             std::min(mask.rows, limit.height())))
            .clone();
    } catch (const vips::VError &error) {
        throw EngineFailure{
            FailureKind::Internal,
            QStringLiteral("could not render the watermark text: %1").arg(firstLine(error))};
    }
}

// The decoded logo is kept while the file stays the same: a batch stamps one logo on every
// image. Worker processes run one job at a time, so a plain static is enough.
cv::Mat loadLogo(const QString &path)
{
    static QString cachedPath;
    static QDateTime cachedTime;
    static qint64 cachedSize = -1;
    static cv::Mat cached;
    const QFileInfo info(path);
    if (path == cachedPath && info.lastModified() == cachedTime && info.size() == cachedSize)
        return cached;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw EngineFailure{
            FailureKind::InputUnreadable,
            QStringLiteral("cannot read watermark image %1: %2").arg(path, file.errorString())};
    if (file.size() > kLogoFileLimit)
        throw EngineFailure{FailureKind::TooLarge,
                            QStringLiteral("watermark image %1 is larger than 64 MB").arg(path)};
    const QByteArray bytes = file.readAll();
    try {
        cached = decodeLogo(bytes, path);
    } catch (const vips::VError &error) {
        cachedPath.clear();
        throw EngineFailure{
            FailureKind::InputUnreadable,
            QStringLiteral("cannot read watermark image %1: %2").arg(path, firstLine(error))};
    }
    cachedPath = path;
    cachedTime = info.lastModified();
    cachedSize = info.size();
    return cached;
}
