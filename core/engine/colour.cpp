#include "colour.h"

#include <QCryptographicHash>
#include <QHash>

#include <opencv2/imgproc.hpp>

#include <lcms2.h>

#include <array>
#include <cmath>
#include <memory>

namespace {

struct ProfileCloser
{
    void operator()(void *p) const { cmsCloseProfile(p); }
};
using Profile = std::unique_ptr<void, ProfileCloser>;

// lcms2 reports a damaged profile through this handler; the caller then sees a null profile
// and treats the image as untagged, so the message itself is not needed.
void quietErrors(cmsContext, cmsUInt32Number, const char *) {}

Profile openProfile(const QByteArray &icc)
{
    static const bool quiet = (cmsSetLogErrorHandler(quietErrors), true);
    Q_UNUSED(quiet);
    if (icc.isEmpty())
        return nullptr;
    return Profile(cmsOpenProfileFromMem(icc.constData(), cmsUInt32Number(icc.size())));
}

QByteArray keyOf(const QByteArray &icc)
{
    return QCryptographicHash::hash(icc, QCryptographicHash::Sha256);
}

// sRGB's colorants (D50-adapted, as ICC stores them) and tone curve, from lcms2's own sRGB.
bool closeToSrgb(cmsHPROFILE profile)
{
    if (cmsGetColorSpace(profile) != cmsSigRgbData)
        return false;
    static const Profile srgb(cmsCreate_sRGBProfile());
    const cmsTagSignature colorants[3] = {cmsSigRedColorantTag, cmsSigGreenColorantTag,
                                          cmsSigBlueColorantTag};
    const cmsTagSignature curves[3] = {cmsSigRedTRCTag, cmsSigGreenTRCTag, cmsSigBlueTRCTag};
    for (int c = 0; c < 3; ++c) {
        const auto *mine = static_cast<const cmsCIEXYZ *>(cmsReadTag(profile, colorants[c]));
        const auto *ref = static_cast<const cmsCIEXYZ *>(cmsReadTag(srgb.get(), colorants[c]));
        const auto *curve = static_cast<const cmsToneCurve *>(cmsReadTag(profile, curves[c]));
        const auto *refCurve = static_cast<const cmsToneCurve *>(cmsReadTag(srgb.get(), curves[c]));
        if (!mine || !ref || !curve || !refCurve)
            return false; // LUT-based profiles: let the transform decide
        if (std::fabs(mine->X - ref->X) > 0.003 || std::fabs(mine->Y - ref->Y) > 0.003 ||
            std::fabs(mine->Z - ref->Z) > 0.003)
            return false;
        for (int i = 0; i <= 32; ++i) {
            const float x = float(i) / 32;
            if (std::fabs(cmsEvalToneCurveFloat(curve, x) - cmsEvalToneCurveFloat(refCurve, x)) >
                0.5f / 255)
                return false;
        }
    }
    return true;
}

// The gray profile with sRGB's tone curve: gray inputs stay gray, in sRGB's encoding.
cmsHPROFILE srgbGrayProfile()
{
    static const Profile gray = [] {
        cmsToneCurve *curve = cmsBuildParametricToneCurve(
            nullptr, 4,
            std::array<double, 5>{2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045}.data());
        Profile p(cmsCreateGrayProfile(cmsD50_xyY(), curve));
        cmsFreeToneCurve(curve);
        return p;
    }();
    return gray.get();
}

// Transforms are built once per profile and pixel layout: a batch of photos from one camera
// shares one profile, and building a transform costs a few milliseconds.
void *cachedTransform(const QByteArray &icc, cmsUInt32Number format)
{
    static QHash<QByteArray, void *> cache;
    const QByteArray key = keyOf(icc) + QByteArray::number(format);
    if (auto it = cache.constFind(key); it != cache.constEnd())
        return it.value();
    void *transform = nullptr;
    if (const Profile input = openProfile(icc)) {
        const bool gray = T_COLORSPACE(format) == PT_GRAY;
        static const Profile srgb(cmsCreate_sRGBProfile());
        const cmsUInt32Number flags = T_EXTRA(format) ? cmsFLAGS_COPY_ALPHA : 0;
        transform = cmsCreateTransform(input.get(), format, gray ? srgbGrayProfile() : srgb.get(),
                                       format, INTENT_RELATIVE_COLORIMETRIC, flags);
    }
    if (cache.size() > 64) { // a batch of many unlike profiles: keep memory bounded
        for (void *old : std::as_const(cache))
            if (old)
                cmsDeleteTransform(old);
        cache.clear();
    }
    cache.insert(key, transform);
    return transform;
}

cmsUInt32Number lcmsFormat(int channels)
{
    switch (channels) {
    case 1:
        return TYPE_GRAY_8;
    case 2:
        return TYPE_GRAYA_8;
    case 3:
        return TYPE_RGB_8;
    default:
        return TYPE_RGBA_8;
    }
}

} // namespace

bool isSrgbEquivalent(const QByteArray &icc)
{
    if (icc.isEmpty())
        return true;
    static QHash<QByteArray, bool> cache;
    const QByteArray key = keyOf(icc);
    if (auto it = cache.constFind(key); it != cache.constEnd())
        return it.value();
    const Profile profile = openProfile(icc);
    const bool srgb = !profile || closeToSrgb(profile.get());
    cache.insert(key, srgb);
    return srgb;
}

bool profileFitsPixels(const QByteArray &icc, int channels)
{
    const Profile profile = openProfile(icc);
    if (!profile)
        return false;
    const cmsColorSpaceSignature space = cmsGetColorSpace(profile.get());
    return channels <= 2 ? space == cmsSigGrayData : space == cmsSigRgbData;
}

void convertToSrgb(cv::Mat &pixels, const QByteArray &icc)
{
    const int channels = pixels.channels();
    if (isSrgbEquivalent(icc) || !profileFitsPixels(icc, channels))
        return;
    void *transform = cachedTransform(icc, lcmsFormat(channels));
    if (!transform)
        return;
    if (!pixels.isContinuous())
        pixels = pixels.clone();
    cmsDoTransform(transform, pixels.data, pixels.data, cmsUInt32Number(pixels.total()));
}

cv::Mat toGray(const cv::Mat &rgb)
{
    cv::Mat gray;
    switch (rgb.channels()) {
    case 3:
        cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
        return gray;
    case 4: {
        cv::cvtColor(rgb, gray, cv::COLOR_RGBA2GRAY);
        cv::Mat alpha;
        cv::extractChannel(rgb, alpha, 3);
        cv::Mat out;
        cv::merge(std::vector<cv::Mat>{gray, alpha}, out);
        return out;
    }
    default:
        return rgb; // already gray
    }
}
