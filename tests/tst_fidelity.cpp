// Fidelity of every route (vips, opencv, auto) to the one shared pixel pipeline: colour
// management, metadata, geometry and resampling quality, each checked against references
// made here with libvips, lcms2 and Exiv2 directly or computed by hand (fidelityreference.h),
// never against another output of the engine under test, except where routes must agree.
//
// Inputs: a 600x400 photo-like gradient converted with libvips into AdobeRGB1998, ProPhotoRGB
// and SwappedRedAndGreen (colord's profiles) and saved as JPEG, PNG, WebP and TIFF; untagged
// sRGB; 16-bit PNG and palette PNG with the Adobe profile; a gray JPEG with an lcms2 gamma-1.8
// gray profile; CMYK JPEGs with and without a profile; an Adobe JPEG stored turned (EXIF
// orientation 6). All carry EXIF, XMP and IPTC written with Exiv2 where Exiv2 can write them
// (JPEG, PNG and TIFF all three; WebP EXIF and XMP; JPEGs also an EXIF thumbnail). Every
// matrix recipe is fit 300x300 (a 2x reduction, so decoders' shrink-on-load runs), quality 85.
// The resampling reference is libvips resize with kernel lanczos3 and gap 0, i.e. Lanczos-3
// over the whole factor with no box pre-shrink (libvips' default gap 2 is an approximation).
//
// FIDELITY_KEEP=1 keeps the temporary folder; FIDELITY_VERBOSE=1 prints every PSNR.
//
// Accepted for colour=srgb: no profile at all, or a profile that is sRGB (colorants and tone
// curves of lcms2's cmsCreate_sRGBProfile; for one-band output a gray profile with sRGB's
// curve). Required metadata under keep/strip-gps: JPEG output EXIF, XMP and IPTC; PNG, WebP
// and TIFF output EXIF and XMP (IPTC there is allowed, not required) - each only where the
// input carried it.
//
// The class, and which of its files holds what: tst_fidelity.h.

#include <QTest>

#include <cmath>

#include "fidelityimages.h"
#include "fidelityreference.h"
#include "testimages.h"
#include "tst_fidelity.h"

using vips::VImage;
namespace F = Fidelity;

namespace {

const double kLossyDb = 38;    // against the reference, JPEG or WebP output
const double kLosslessDb = 40; // against the reference, PNG or TIFF output
const double kRegionLevels = 4;

bool isLossy(const QString &format)
{
    return format == QLatin1String("jpg") || format == QLatin1String("webp");
}

// Bands that carry colour (alpha not counted).
int colourBands(const VImage &image)
{
    return image.bands() - (image.has_alpha() ? 1 : 0);
}

QRect relative(QSize size, double x0, double y0, double x1, double y1)
{
    return QRect(QPoint(int(size.width() * x0), int(size.height() * y0)),
                 QPoint(int(size.width() * x1) - 1, int(size.height() * y1) - 1));
}

} // namespace

void tst_Fidelity::initTestCase()
{
    QString error;
    QVERIFY2(
        initializeEngines(QCoreApplication::applicationFilePath().toUtf8().constData(), &error),
        qPrintable(error));
    QVERIFY(m_dir.isValid());
    // FIDELITY_KEEP=1 keeps inputs and outputs (out<N>.<ext>, in run order) for a closer look.
    if (qEnvironmentVariableIsSet("FIDELITY_KEEP")) {
        m_dir.setAutoRemove(false);
        qInfo("inputs and outputs kept in %s", qPrintable(m_dir.path()));
    }
    // FIDELITY_VERBOSE=1 prints every PSNR, passing or not, for quoting margins.
    m_verbose = qEnvironmentVariableIsSet("FIDELITY_VERBOSE");
    F::initializeMetadata();
    for (const char *route : kRoutes)
        m_engines[QString::fromLatin1(route)] = makeEngine(choiceFor(QString::fromLatin1(route)));
    try {
        makeInputs();
    } catch (const vips::VError &e) {
        QFAIL(e.what());
    }
}

void tst_Fidelity::cleanupTestCase()
{
    F::finishMetadata();
}
// Test of the test: a correct pipeline (the reference itself, encoded by libvips at the
// recipe's quality) clears the lossy thresholds with a margin.
void tst_Fidelity::thresholdsAreReachable_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("format");
    for (const QString &name : qAsConst(m_order))
        for (const char *mode : {"srgb", "gray"})
            for (const char *format : {"jpg", "webp"})
                QTest::addRow("%s %s>%s", qPrintable(name), mode, format)
                    << name << QString::fromLatin1(mode) << QString::fromLatin1(format);
}

void tst_Fidelity::thresholdsAreReachable()
{
    QFETCH(QString, input);
    QFETCH(QString, mode);
    QFETCH(QString, format);
    const Input &in = this->input(input);
    const VImage ref = reference(in, mode, in.target);
    const VImage encoded = F::decode(F::encode(ref, QLatin1Char('.') + format, kQuality));
    const VImage back =
        format == QLatin1String("webp") && ref.bands() == 1 ? encoded.extract_band(1) : encoded;
    const double db = TestImages::psnr(back, ref);
    if (m_verbose)
        qInfo("%.2f dB", db);
    QVERIFY2(db >= kLossyDb + 1, qPrintable(QStringLiteral("%1 dB").arg(db, 0, 'f', 2)));
}

// Every run succeeds with the hand-computed size, the right bands and upright pixels.
void tst_Fidelity::outputs()
{
    const Case c = matrixCase();
    const Input &in = this->input(c.input);
    const Output &out = output(c);
    QVERIFY2(out.result.isOk(), qPrintable(out.result.message));
    QCOMPARE(out.result.outputSize, in.target);
    QVERIFY2(out.decoded, qPrintable(out.problem));
    const VImage &image = out.image;
    QCOMPARE(QSize(image.width(), image.height()), in.target);
    QVERIFY2(!image.has_alpha(), "alpha appeared");
    QCOMPARE(image.format(), VIPS_FORMAT_UCHAR);
    const int bands = colourBands(image);
    if (c.mode == QLatin1String("gray")) {
        // WebP has no one-band form: its decoder gives three, which must be equal.
        if (c.format == QLatin1String("webp")) {
            QCOMPARE(bands, 3);
            for (int b = 1; b < 3; ++b)
                QVERIFY2((image[b].cast(VIPS_FORMAT_INT) - image[0]).abs().max() <= 1,
                         "gray WebP with unequal bands");
        } else {
            QCOMPARE(bands, 1);
        }
    } else if (in.kind == Kind::Gray) {
        QVERIFY2(bands == 1 || bands == 3, qPrintable(QString::number(bands)));
    } else {
        QCOMPARE(bands, 3); // CMYK comes out as RGB too
    }
    // Upright: the bright quadrant is top-left (for the orientation-6 input too).
    const QSize q(image.width() / 2 - 8, image.height() / 2 - 8);
    const double topLeft = image.extract_area(4, 4, q.width(), q.height()).avg();
    for (const QPoint corner : {QPoint(image.width() / 2 + 4, 4), QPoint(4, image.height() / 2 + 4),
                                QPoint(image.width() / 2 + 4, image.height() / 2 + 4)}) {
        const double other =
            image.extract_area(corner.x(), corner.y(), q.width(), q.height()).avg();
        QVERIFY2(topLeft > other + 40,
                 qPrintable(QStringLiteral("not upright: top-left quadrant %1, quadrant at "
                                           "(%2,%3) %4")
                                .arg(topLeft)
                                .arg(corner.x())
                                .arg(corner.y())
                                .arg(other)));
    }
}

// Pixels against the independent reference: colour-managed to sRGB (srgb, gray) or not
// transformed at all (keep). Region means of red and green catch an ignored profile
// (SwappedRedAndGreen swaps them; Adobe and ProPhoto desaturate).
void tst_Fidelity::pixels()
{
    const Case c = matrixCase();
    const Input &in = this->input(c.input);
    const Output &out = output(c);
    QVERIFY2(out.decoded, qPrintable(out.problem));
    QCOMPARE(QSize(out.image.width(), out.image.height()), in.target);
    VImage image = out.image;
    VImage ref = reference(in, c.mode, in.target);
    if (c.mode == QLatin1String("gray") && colourBands(image) == 3)
        image = image.extract_band(1); // gray WebP: three equal bands
    else if (colourBands(image) == 1 && ref.bands() == 3)
        ref = F::grayFormula(ref); // gray input kept one band: sRGB gray, R = G = B
    QCOMPARE(image.bands(), ref.bands());
    if (image.bands() == 3) {
        QStringList wrong;
        const QRect regions[] = {relative(in.target, 0.70, 0.05, 0.95, 0.30),
                                 relative(in.target, 0.05, 0.70, 0.30, 0.95)};
        for (const QRect &r : regions)
            for (int band : {0, 1}) {
                const double got = F::bandMean(image, band, r);
                const double want = F::bandMean(ref, band, r);
                if (std::abs(got - want) > kRegionLevels)
                    wrong << QStringLiteral("%1 mean over (%2,%3 %4x%5) is %6, reference %7")
                                 .arg(QLatin1String(band == 0 ? "red" : "green"))
                                 .arg(r.x())
                                 .arg(r.y())
                                 .arg(r.width())
                                 .arg(r.height())
                                 .arg(got, 0, 'f', 1)
                                 .arg(want, 0, 'f', 1);
            }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1String("; "))));
    }
    const double threshold = isLossy(c.format) ? kLossyDb : kLosslessDb;
    const double db = TestImages::psnr(image, ref);
    if (m_verbose)
        qInfo("%.2f dB", db);
    QVERIFY2(db >= threshold, qPrintable(QStringLiteral("PSNR %1 dB against the reference (< %2)")
                                             .arg(db, 0, 'f', 2)
                                             .arg(threshold)));
}

// srgb: no profile, or an sRGB one. keep: the input's profile, byte for byte (also when the
// metadata is stripped: a profile is colour, not metadata).
void tst_Fidelity::colourProfile()
{
    const Case c = matrixCase();
    const Input &in = this->input(c.input);
    const Output &out = output(c);
    QVERIFY2(out.decoded, qPrintable(out.problem));
    if (c.mode == QLatin1String("keep")) {
        QVERIFY2(!out.icc.isEmpty(), "no profile in the output; expected the input's");
        QVERIFY2(out.icc == in.icc, qPrintable(QStringLiteral("profile differs: %1 bytes, the "
                                                              "input's %2")
                                                   .arg(out.icc.size())
                                                   .arg(in.icc.size())));
        return;
    }
    if (out.icc.isEmpty())
        return;
    QString why;
    const int bands = colourBands(out.image) >= 3 ? 3 : 1;
    QVERIFY2(
        F::isSrgbProfile(out.icc, bands, &why),
        qPrintable(QStringLiteral("%1-byte profile is not sRGB: %2").arg(out.icc.size()).arg(why)));
}

void tst_Fidelity::routesAgree_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("format");
    for (const QString &name : qAsConst(m_order))
        for (const QString &format : input(name).formats)
            for (const QString &mode : input(name).modes())
                QTest::addRow("%s>%s %s", qPrintable(name), qPrintable(format), qPrintable(mode))
                    << name << mode << format;
}

// Same size everywhere, and any two routes within 40 dB of each other.
void tst_Fidelity::routesAgree()
{
    QFETCH(QString, input);
    QFETCH(QString, mode);
    QFETCH(QString, format);
    Case c;
    c.input = input;
    c.mode = mode;
    c.format = format;
    const QStringList problems = routeDisagreements(c, this->input(input).target);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
}

void tst_Fidelity::grayFlatColour_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("format");
    for (const char *name : {"flat-srgb.jpg", "flat-srgb.png", "flat-srgb-alpha.png",
                             "flat-adobe.png", "flat-adobe.jpg"})
        for (const char *route : kRoutes)
            for (const char *format : {"jpg", "png"})
                QTest::addRow("%s %s>%s", name, route, format)
                    << QString::fromLatin1(name) << QString::fromLatin1(route)
                    << QString::fromLatin1(format);
}

// Grayscale is round(0.299 R + 0.587 G + 0.114 B) of the sRGB colour, +-1, everywhere:
// sRGB (60,160,90) -> 122 by hand; Adobe RGB (100,152,90) through lcms2 to sRGB, then the
// formula. One band, two with alpha.
void tst_Fidelity::grayFlatColour()
{
    QFETCH(QString, input);
    QFETCH(QString, route);
    QFETCH(QString, format);
    const Input &in = this->input(input);
    const Output &out = output({input, route, QStringLiteral("gray"), "strip", format});
    QVERIFY2(out.decoded, qPrintable(out.problem));
    QCOMPARE(QSize(out.image.width(), out.image.height()), in.target);
    const bool alpha = in.alpha && format == QLatin1String("png");
    QCOMPARE(out.image.bands(), alpha ? 2 : 1);
    const VImage gray = out.image[0];
    const double low = gray.min();
    const double high = gray.max();
    QVERIFY2(std::abs(low - in.expectedGray) <= 1 && std::abs(high - in.expectedGray) <= 1,
             qPrintable(QStringLiteral("gray %1..%2 (mean %3), expected %4 +-1")
                            .arg(low)
                            .arg(high)
                            .arg(gray.avg(), 0, 'f', 2)
                            .arg(in.expectedGray)));
}

QTEST_GUILESS_MAIN(tst_Fidelity)
