// lcms2, Exiv2 and libvips used directly, for what tst_fidelity expects (fidelityreference.h).
#include "fidelityreference.h"

#include <QFile>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include <lcms2.h>

// Exiv2 0.27's headers use std::auto_ptr.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>
#pragma GCC diagnostic pop

#include "fidelityimages.h"

using vips::VImage;

namespace Fidelity {

const char *const kMake = "PixelmillCam";
const char *const kModel = "Fidelity Mk I";
const char *const kDateTimeOriginal = "2021:06:15 10:30:00";
const char *const kCopyright = "(c) Pixelmill test suite";
const char *const kGpsLatitude = "48/1 51/1 2400/100";
const char *const kGpsLongitude = "2/1 21/1 300/100";
const char *const kCreator = "Pixelmill Fidelity";
const char *const kXmpGpsLatitude = "48,51.4N";

namespace {

struct Profile
{
    cmsHPROFILE handle = nullptr;
    explicit Profile(cmsHPROFILE h) : handle(h) {}
    ~Profile()
    {
        if (handle)
            cmsCloseProfile(handle);
    }
    Profile(const Profile &) = delete;
    Profile &operator=(const Profile &) = delete;
};

QByteArray saveProfile(cmsHPROFILE profile)
{
    cmsUInt32Number size = 0;
    if (!cmsSaveProfileToMem(profile, nullptr, &size))
        return {};
    QByteArray bytes(qsizetype(size), '\0');
    if (!cmsSaveProfileToMem(profile, bytes.data(), &size))
        return {};
    return bytes;
}

bool curvesMatch(const cmsToneCurve *curve, const cmsToneCurve *reference, const char *name,
                 QString *why)
{
    if (!curve) {
        *why = QStringLiteral("no %1 tone curve").arg(QLatin1String(name));
        return false;
    }
    for (const float x : {0.02f, 0.1f, 0.25f, 0.5f, 0.75f, 0.9f}) {
        const float a = cmsEvalToneCurveFloat(curve, x);
        const float b = cmsEvalToneCurveFloat(reference, x);
        if (std::abs(a - b) > 0.01f) {
            *why = QStringLiteral("%1 tone curve at %2 is %3, sRGB's is %4")
                       .arg(QLatin1String(name))
                       .arg(double(x))
                       .arg(double(a))
                       .arg(double(b));
            return false;
        }
    }
    return true;
}

} // namespace

// --- lcms2 ---

QByteArray grayGamma18Profile()
{
    cmsToneCurve *curve = cmsBuildGamma(nullptr, 1.8);
    const Profile gray(cmsCreateGrayProfile(cmsD50_xyY(), curve));
    cmsFreeToneCurve(curve);
    return saveProfile(gray.handle);
}

VImage srgbToGrayProfile(const VImage &srgb, const QByteArray &grayProfile)
{
    const Profile from(cmsCreate_sRGBProfile());
    const Profile to(cmsOpenProfileFromMem(grayProfile.constData(), grayProfile.size()));
    cmsHTRANSFORM transform = cmsCreateTransform(from.handle, TYPE_RGB_8, to.handle, TYPE_GRAY_8,
                                                 INTENT_RELATIVE_COLORIMETRIC, 0);
    if (!transform)
        throw vips::VError("lcms2 could not make an sRGB -> gray transform");
    const std::vector<uchar> rgb = pixelsOf(srgb.cast(VIPS_FORMAT_UCHAR));
    std::vector<uchar> gray(rgb.size() / 3);
    cmsDoTransform(transform, rgb.data(), gray.data(), cmsUInt32Number(gray.size()));
    cmsDeleteTransform(transform);
    VImage image = fromPixels(gray, QSize(srgb.width(), srgb.height()), 1, VIPS_INTERPRETATION_B_W);
    vips_image_set_blob_copy(image.get_image(), VIPS_META_ICC_NAME, grayProfile.constData(),
                             size_t(grayProfile.size()));
    return image;
}

std::array<int, 3> toSrgb(const QString &profilePath, std::array<int, 3> rgb)
{
    const Profile from(cmsOpenProfileFromFile(QFile::encodeName(profilePath).constData(), "r"));
    const Profile to(cmsCreate_sRGBProfile());
    if (!from.handle)
        return {-1, -1, -1};
    cmsHTRANSFORM transform = cmsCreateTransform(from.handle, TYPE_RGB_8, to.handle, TYPE_RGB_8,
                                                 INTENT_RELATIVE_COLORIMETRIC, 0);
    const uchar in[3] = {uchar(rgb[0]), uchar(rgb[1]), uchar(rgb[2])};
    uchar out[3] = {};
    cmsDoTransform(transform, in, out, 1);
    cmsDeleteTransform(transform);
    return {out[0], out[1], out[2]};
}

bool isSrgbProfile(const QByteArray &icc, int bands, QString *why)
{
    const Profile profile(cmsOpenProfileFromMem(icc.constData(), cmsUInt32Number(icc.size())));
    const Profile srgb(cmsCreate_sRGBProfile());
    if (!profile.handle) {
        *why = QStringLiteral("lcms2 cannot read the %1-byte profile").arg(icc.size());
        return false;
    }
    const auto *srgbCurve =
        static_cast<const cmsToneCurve *>(cmsReadTag(srgb.handle, cmsSigRedTRCTag));
    const cmsColorSpaceSignature space = cmsGetColorSpace(profile.handle);
    if (bands == 1) {
        if (space != cmsSigGrayData) {
            *why = QStringLiteral("one-band output with a non-gray profile");
            return false;
        }
        return curvesMatch(
            static_cast<const cmsToneCurve *>(cmsReadTag(profile.handle, cmsSigGrayTRCTag)),
            srgbCurve, "gray", why);
    }
    if (space != cmsSigRgbData) {
        *why = QStringLiteral("colour output with a non-RGB profile");
        return false;
    }
    const struct
    {
        cmsTagSignature colorant;
        cmsTagSignature curve;
        const char *name;
    } channels[] = {{cmsSigRedColorantTag, cmsSigRedTRCTag, "red"},
                    {cmsSigGreenColorantTag, cmsSigGreenTRCTag, "green"},
                    {cmsSigBlueColorantTag, cmsSigBlueTRCTag, "blue"}};
    for (const auto &c : channels) {
        const auto *xyz = static_cast<const cmsCIEXYZ *>(cmsReadTag(profile.handle, c.colorant));
        const auto *ref = static_cast<const cmsCIEXYZ *>(cmsReadTag(srgb.handle, c.colorant));
        if (!xyz) {
            *why = QStringLiteral("no %1 colorant").arg(QLatin1String(c.name));
            return false;
        }
        if (std::abs(xyz->X - ref->X) > 0.003 || std::abs(xyz->Y - ref->Y) > 0.003 ||
            std::abs(xyz->Z - ref->Z) > 0.003) {
            *why = QStringLiteral("%1 colorant %2 %3 %4, sRGB's is %5 %6 %7")
                       .arg(QLatin1String(c.name))
                       .arg(xyz->X, 0, 'f', 4)
                       .arg(xyz->Y, 0, 'f', 4)
                       .arg(xyz->Z, 0, 'f', 4)
                       .arg(ref->X, 0, 'f', 4)
                       .arg(ref->Y, 0, 'f', 4)
                       .arg(ref->Z, 0, 'f', 4);
            return false;
        }
        if (!curvesMatch(static_cast<const cmsToneCurve *>(cmsReadTag(profile.handle, c.curve)),
                         srgbCurve, c.name, why))
            return false;
    }
    return true;
}

// --- Exiv2 ---

void initializeMetadata()
{
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::error);
    Exiv2::XmpParser::initialize();
}

void finishMetadata()
{
    Exiv2::XmpParser::terminate();
}

bool writeMetadata(const QString &path, int orientation, QSize stored,
                   const QByteArray &thumbnailJpeg, QString *error)
{
    try {
        auto image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
        image->readMetadata();
        if (image->checkMode(Exiv2::mdExif) & Exiv2::amWrite) {
            Exiv2::ExifData &exif = image->exifData();
            exif["Exif.Image.Make"] = kMake;
            exif["Exif.Image.Model"] = kModel;
            exif["Exif.Image.Orientation"] = uint16_t(orientation);
            exif["Exif.Image.Copyright"] = kCopyright;
            exif["Exif.Photo.DateTimeOriginal"] = kDateTimeOriginal;
            exif["Exif.Photo.PixelXDimension"] = uint32_t(stored.width());
            exif["Exif.Photo.PixelYDimension"] = uint32_t(stored.height());
            exif["Exif.Photo.ColorSpace"] = uint16_t(65535); // "uncalibrated", as cameras say
            exif["Exif.GPSInfo.GPSVersionID"] = "2 3 0 0";
            exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
            exif["Exif.GPSInfo.GPSLatitude"] = kGpsLatitude;
            exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
            exif["Exif.GPSInfo.GPSLongitude"] = kGpsLongitude;
            if (!thumbnailJpeg.isEmpty())
                Exiv2::ExifThumb(exif).setJpegThumbnail(
                    reinterpret_cast<const Exiv2::byte *>(thumbnailJpeg.constData()),
                    long(thumbnailJpeg.size()));
        }
        if (image->checkMode(Exiv2::mdXmp) & Exiv2::amWrite) {
            Exiv2::XmpData &xmp = image->xmpData();
            xmp["Xmp.dc.creator"] = kCreator;
            xmp["Xmp.exif.GPSLatitude"] = kXmpGpsLatitude;
            xmp["Xmp.exif.GPSLongitude"] = "2,21.05E";
        }
        if (image->checkMode(Exiv2::mdIptc) & Exiv2::amWrite) {
            Exiv2::IptcData &iptc = image->iptcData();
            iptc["Iptc.Application2.Byline"] = kCreator;
        }
        image->writeMetadata();
        return true;
    } catch (const Exiv2::AnyError &e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
}

Metadata readMetadata(const QString &path)
{
    Metadata out;
    auto valueOf = [](const Exiv2::Metadatum &datum) {
        return datum.size() > 256 ? QStringLiteral("<%1 bytes>").arg(datum.size())
                                  : QString::fromStdString(datum.toString());
    };
    try {
        auto image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
        image->readMetadata();
        for (const Exiv2::Exifdatum &d : image->exifData())
            out.exif.insert(QString::fromStdString(d.key()), valueOf(d));
        for (const Exiv2::Xmpdatum &d : image->xmpData())
            out.xmp.insert(QString::fromStdString(d.key()), valueOf(d));
        for (const Exiv2::Iptcdatum &d : image->iptcData())
            out.iptc.insert(QString::fromStdString(d.key()), valueOf(d));
        out.readable = true;
    } catch (const Exiv2::AnyError &e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

QMap<QString, QString> descriptiveExif(const QMap<QString, QString> &exif)
{
    static const QSet<QString> structural = {
        QStringLiteral("ImageWidth"),        QStringLiteral("ImageLength"),
        QStringLiteral("BitsPerSample"),     QStringLiteral("Compression"),
        QStringLiteral("FillOrder"),         QStringLiteral("PhotometricInterpretation"),
        QStringLiteral("StripOffsets"),      QStringLiteral("SamplesPerPixel"),
        QStringLiteral("RowsPerStrip"),      QStringLiteral("StripByteCounts"),
        QStringLiteral("XResolution"),       QStringLiteral("YResolution"),
        QStringLiteral("ResolutionUnit"),    QStringLiteral("PlanarConfiguration"),
        QStringLiteral("Predictor"),         QStringLiteral("ExtraSamples"),
        QStringLiteral("SampleFormat"),      QStringLiteral("TileWidth"),
        QStringLiteral("TileLength"),        QStringLiteral("TileOffsets"),
        QStringLiteral("TileByteCounts"),    QStringLiteral("NewSubfileType"),
        QStringLiteral("SubfileType"),       QStringLiteral("Orientation"),
        QStringLiteral("XMLPacket"),         QStringLiteral("IPTCNAA"),
        QStringLiteral("InterColorProfile"), QStringLiteral("JPEGTables"),
        QStringLiteral("YCbCrSubSampling"),  QStringLiteral("PageNumber"),
    };
    QMap<QString, QString> out;
    for (auto it = exif.begin(); it != exif.end(); ++it) {
        const QString &key = it.key();
        if (key.startsWith(QLatin1String("Exif.Image.")) &&
            structural.contains(key.mid(int(qstrlen("Exif.Image.")))))
            continue;
        out.insert(key, it.value());
    }
    return out;
}

// --- references ---

VImage untransformed(const VImage &decoded)
{
    VImage image = decoded;
    if (image.format() == VIPS_FORMAT_USHORT)
        image = image.colourspace(image.bands() >= 3 ? VIPS_INTERPRETATION_sRGB
                                                     : VIPS_INTERPRETATION_B_W);
    return image.cast(VIPS_FORMAT_UCHAR).copy_memory();
}

VImage toSrgb(const VImage &decoded, const char *fallbackProfile)
{
    const bool tagged = decoded.get_typeof(VIPS_META_ICC_NAME) != 0;
    if (!tagged && !fallbackProfile)
        return untransformed(decoded);
    auto *options = VImage::option()
                        ->set("embedded", true)
                        ->set("intent", VIPS_INTENT_RELATIVE)
                        ->set("depth", 8);
    if (fallbackProfile)
        options->set("input_profile", fallbackProfile);
    return decoded.icc_transform("srgb", options).cast(VIPS_FORMAT_UCHAR).copy_memory();
}

VImage lanczos3(const VImage &image, QSize size)
{
    VImage out = image;
    if (image.width() != size.width() || image.height() != size.height())
        out = image.resize(double(size.width()) / image.width(),
                           VImage::option()
                               ->set("vscale", double(size.height()) / image.height())
                               ->set("kernel", VIPS_KERNEL_LANCZOS3)
                               ->set("gap", 0.0));
    // libvips rounds the sides itself: a one-pixel miss is cropped or padded with the edge.
    if (out.width() > size.width() || out.height() > size.height())
        out = out.crop(0, 0, std::min(out.width(), size.width()),
                       std::min(out.height(), size.height()));
    if (out.width() < size.width() || out.height() < size.height())
        out = out.embed(0, 0, size.width(), size.height(),
                        VImage::option()->set("extend", VIPS_EXTEND_COPY));
    return out.copy_memory();
}

VImage grayFormula(const VImage &rgb)
{
    if (rgb.bands() < 3)
        return rgb.extract_band(0);
    const VImage weights = VImage::new_matrixv(3, 1, 0.299, 0.587, 0.114);
    return rgb.extract_band(0, VImage::option()->set("n", 3))
        .recomb(weights)
        .rint()
        .cast(VIPS_FORMAT_UCHAR)
        .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_B_W))
        .copy_memory();
}

double bandMean(const VImage &image, int band, QRect area)
{
    return image.extract_area(area.x(), area.y(), area.width(), area.height())
        .extract_band(band)
        .avg();
}

} // namespace Fidelity
