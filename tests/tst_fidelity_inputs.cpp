// The inputs of tst_fidelity (listed at the top of tst_fidelity.cpp), written once in
// initTestCase: each file is checked to decode back to what was stored, with its profile and
// the metadata Exiv2 could write, before any test uses it.

#include <QTest>

#include <array>
#include <cmath>

#include "fidelityimages.h"
#include "fidelityreference.h"
#include "tst_fidelity.h"

using vips::VImage;
namespace F = Fidelity;

namespace {

const QSize kStored(600, 400);
const QString kColord = QStringLiteral("/usr/share/color/icc/colord/");

} // namespace

// Writes one input, adds the metadata with Exiv2, and records what libvips and Exiv2 read back.
void tst_Fidelity::addInput(Input in, const VImage &stored, const QString &suffix, bool palette)
{
    in.path = m_dir.filePath(in.name);
    const QByteArray icc = F::iccOf(stored);
    if (!F::writeFile(in.path, F::encode(stored, suffix, 95, palette)))
        QFAIL(qPrintable(QStringLiteral("cannot write %1").arg(in.path)));
    if (in.matrix) {
        QByteArray thumbnail;
        if (suffix == QLatin1String(".jpg"))
            thumbnail = F::encode(F::lanczos3(F::gradient(kStored), QSize(160, 107)), suffix, 80);
        QString error;
        QVERIFY2(F::writeMetadata(in.path, in.orientation, QSize(stored.width(), stored.height()),
                                  thumbnail, &error),
                 qPrintable(in.name + QLatin1String(": ") + error));
        const F::Metadata meta = F::readMetadata(in.path);
        in.carries.exif = meta.exif.value(QStringLiteral("Exif.Image.Make")) == F::kMake;
        in.carries.xmp = meta.xmp.value(QStringLiteral("Xmp.dc.creator")).contains(F::kCreator);
        in.carries.iptc =
            meta.iptc.value(QStringLiteral("Iptc.Application2.Byline")) == F::kCreator;
        // What Exiv2 0.27 can write: everything, except IPTC in WebP.
        QVERIFY2(in.carries.exif && in.carries.xmp &&
                     (in.carries.iptc || suffix == QLatin1String(".webp")),
                 qPrintable(in.name + QLatin1String(": metadata not written")));
        if (!thumbnail.isEmpty())
            QVERIFY2(!keysWithPrefix(meta.exif, QStringLiteral("Exif.Thumbnail.")).isEmpty(),
                     qPrintable(in.name + QLatin1String(": no EXIF thumbnail")));
    }
    // The finished file still decodes to the stored pixels with the same profile.
    const VImage back = F::decode(F::readFile(in.path));
    QCOMPARE(QSize(back.width(), back.height()), QSize(stored.width(), stored.height()));
    in.icc = F::iccOf(back);
    QVERIFY2(in.icc == icc, qPrintable(in.name + QLatin1String(": profile changed on writing")));
    const QString name = in.name;
    if (in.matrix)
        m_order << name;
    m_inputs[name] = std::move(in);
}

void tst_Fidelity::makeInputs()
{
    const QSize target(150 * 2, 100 * 2); // 600x400 fit 300x300: scale 1/2
    const VImage photo = F::gradient(kStored);
    const struct
    {
        const char *name;
        const char *file;
    } profiles[] = {{"adobe", "AdobeRGB1998.icc"},
                    {"prophoto", "ProPhotoRGB.icc"},
                    {"swapped", "SwappedRedAndGreen.icc"}};
    for (const auto &p : profiles) {
        const QString profile = kColord + QLatin1String(p.file);
        const VImage tagged =
            photo.icc_export(VImage::option()->set("output_profile", profile.toUtf8().constData()));
        for (const char *suffix : {"jpg", "png", "webp", "tif"}) {
            Input in;
            in.name = QStringLiteral("%1.%2").arg(QLatin1String(p.name), QLatin1String(suffix));
            in.target = target;
            // Two inputs go to every output format: one JPEG, one TIFF.
            if (in.name == QLatin1String("adobe.jpg") || in.name == QLatin1String("prophoto.tif"))
                in.formats = QStringList{"jpg", "png", "webp", "tif"};
            addInput(in, tagged, QLatin1Char('.') + QLatin1String(suffix));
        }
    }
    const QString adobe = kColord + QStringLiteral("AdobeRGB1998.icc");
    {
        Input in;
        in.name = QStringLiteral("srgb-untagged.jpg");
        in.target = target;
        addInput(in, photo, QStringLiteral(".jpg"));
    }
    {
        Input in;
        in.name = QStringLiteral("adobe-16bit.png");
        in.target = target;
        addInput(in,
                 photo.icc_export(VImage::option()
                                      ->set("output_profile", adobe.toUtf8().constData())
                                      ->set("depth", 16)),
                 QStringLiteral(".png"));
    }
    {
        Input in;
        in.name = QStringLiteral("adobe-palette.png");
        in.target = target;
        addInput(
            in,
            photo.icc_export(VImage::option()->set("output_profile", adobe.toUtf8().constData())),
            QStringLiteral(".png"), /*palette=*/true);
        QVERIFY2(F::decode(F::readFile(m_inputs[in.name].path)).get_typeof("palette-bit-depth"),
                 "libvips did not write a palette PNG");
    }
    {
        Input in;
        in.name = QStringLiteral("gray-gamma18.jpg");
        in.kind = Kind::Gray;
        in.target = target;
        addInput(in, F::srgbToGrayProfile(photo, F::grayGamma18Profile()), QStringLiteral(".jpg"));
    }
    {
        const VImage cmyk = photo.icc_export(VImage::option()->set("output_profile", "cmyk"));
        Input in;
        in.name = QStringLiteral("cmyk.jpg");
        in.kind = Kind::Cmyk;
        in.target = target;
        addInput(in, cmyk, QStringLiteral(".jpg"));
        VImage untagged = cmyk.copy();
        untagged.remove(VIPS_META_ICC_NAME);
        in.name = QStringLiteral("cmyk-untagged.jpg");
        in.fallbackProfile = "cmyk";
        addInput(in, untagged, QStringLiteral(".jpg"));
    }
    {
        // Upright 400x600 (portrait); stored turned a quarter to the left, tagged 6.
        const VImage upright = F::gradient(kStored.transposed());
        Input in;
        in.name = QStringLiteral("adobe-orientation6.jpg");
        in.orientation = 6;
        in.target = QSize(200, 300); // 400x600 fit 300x300: scale 1/2
        addInput(in,
                 upright.rot270().icc_export(
                     VImage::option()->set("output_profile", adobe.toUtf8().constData())),
                 QStringLiteral(".jpg"));
    }

    // Flat colours for the grayscale formula (no metadata needed).
    const std::array<int, 3> green{60, 160, 90};
    const std::array<int, 3> adobeColour{100, 152, 90}; // survives JPEG Q95 exactly
    const std::array<int, 3> adobeInSrgb = F::toSrgb(adobe, adobeColour);
    const int adobeGray =
        int(std::lround(0.299 * adobeInSrgb[0] + 0.587 * adobeInSrgb[1] + 0.114 * adobeInSrgb[2]));
    const int adobeGrayIgnoringProfile =
        int(std::lround(0.299 * adobeColour[0] + 0.587 * adobeColour[1] + 0.114 * adobeColour[2]));
    // The check must tell a route that ignores the profile from one that does not.
    QVERIFY2(std::abs(adobeGray - adobeGrayIgnoringProfile) >= 4,
             qPrintable(QStringLiteral("%1 vs %2").arg(adobeGray).arg(adobeGrayIgnoringProfile)));
    const VImage adobeFlat =
        F::flat(kStored, adobeColour)
            .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
    const QByteArray adobeBytes = F::readFile(adobe);
    VImage adobeTagged = adobeFlat.copy_memory();
    vips_image_set_blob_copy(adobeTagged.get_image(), VIPS_META_ICC_NAME, adobeBytes.constData(),
                             size_t(adobeBytes.size()));
    const struct
    {
        const char *name;
        VImage image;
        int expected;
        bool alpha;
    } flats[] = {
        {"flat-srgb.jpg", F::flat(kStored, green), 122, false}, // round(122.12), by hand
        {"flat-srgb.png", F::flat(kStored, green), 122, false},
        {"flat-srgb-alpha.png", F::flat(kStored, green, true), 122, true},
        {"flat-adobe.png", adobeTagged, adobeGray, false},
        {"flat-adobe.jpg", adobeTagged, adobeGray, false},
    };
    for (const auto &f : flats) {
        Input in;
        in.name = QString::fromLatin1(f.name);
        in.matrix = false;
        in.target = target;
        in.expectedGray = f.expected;
        in.alpha = f.alpha;
        addInput(in, f.image, in.name.mid(in.name.lastIndexOf(QLatin1Char('.'))));
        // The flat JPEGs decode to the intended numbers (libvips), so the expectation holds.
        const VImage back = F::decode(F::readFile(m_inputs[in.name].path));
        const std::array<int, 3> rgb =
            in.name.contains(QLatin1String("adobe")) ? adobeColour : green;
        for (int c = 0; c < 3; ++c)
            QVERIFY2(std::abs(back[c].avg() - rgb[c]) < 0.5,
                     qPrintable(QStringLiteral("%1 band %2 decodes to %3")
                                    .arg(in.name)
                                    .arg(c)
                                    .arg(back[c].avg())));
    }

    // Resampling material, 2000x1000, as PNG and JPEG Q95 (no metadata).
    const QSize big(2000, 1000);
    const struct
    {
        const char *name;
        VImage image;
    } sheets[] = {{"photo", F::texturedPhoto(big)},
                  {"digits", F::digitsAndLines(big)},
                  {"text", F::textPage(big)}};
    for (const auto &s : sheets)
        for (const char *suffix : {".png", ".jpg"}) {
            Input in;
            in.name = QLatin1String(s.name) + QLatin1String(suffix);
            in.matrix = false;
            addInput(in, s.image, QLatin1String(suffix));
        }
}
