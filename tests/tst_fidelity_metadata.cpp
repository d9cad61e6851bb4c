// Metadata through every route of tst_fidelity: what must be kept, what must go (all of it,
// or only the location), and the same keys whichever route wrote the file.

#include <QTest>

#include <algorithm>
#include <iterator>

#include "fidelityreference.h"
#include "tst_fidelity.h"

namespace F = Fidelity;

namespace {

QString keyList(const QStringList &keys)
{
    return keys.isEmpty() ? QStringLiteral("-") : keys.join(QLatin1String(", "));
}

QStringList setDifference(const QStringList &a, const QStringList &b)
{
    QStringList out;
    for (const QString &key : a)
        if (!b.contains(key))
            out << key;
    return out;
}

} // namespace

void tst_Fidelity::metadata()
{
    const Case c = matrixCase();
    const Input &in = this->input(c.input);
    const Output &out = output(c);
    QVERIFY2(out.result.isOk(), qPrintable(out.result.message));
    QVERIFY2(out.meta.readable, qPrintable(out.meta.error));
    const bool tiff = c.format == QLatin1String("tif");
    const QMap<QString, QString> exif = tiff ? F::descriptiveExif(out.meta.exif) : out.meta.exif;
    const QMap<QString, QString> &xmp = out.meta.xmp;
    const QMap<QString, QString> &iptc = out.meta.iptc;
    QStringList problems;
    if (c.meta == QLatin1String("strip")) {
        if (!exif.isEmpty())
            problems << QStringLiteral("EXIF left: ") + keyList(exif.keys());
        if (!xmp.isEmpty())
            problems << QStringLiteral("XMP left: ") + keyList(xmp.keys());
        if (!iptc.isEmpty())
            problems << QStringLiteral("IPTC left: ") + keyList(iptc.keys());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
        return;
    }
    const bool gps = c.meta == QLatin1String("keep");
    auto expect = [&](const QMap<QString, QString> &map, const char *key, const QString &value,
                      bool contains = false) {
        const QString got = map.value(QLatin1String(key));
        if (!map.contains(QLatin1String(key)))
            problems << QStringLiteral("%1 missing").arg(QLatin1String(key));
        else if (contains ? !got.contains(value) : got != value)
            problems << QStringLiteral("%1 is \"%2\", expected \"%3\"")
                            .arg(QLatin1String(key), got, value);
    };
    if (in.carries.exif) {
        expect(exif, "Exif.Image.Make", QLatin1String(F::kMake));
        expect(exif, "Exif.Image.Model", QLatin1String(F::kModel));
        expect(exif, "Exif.Image.Copyright", QLatin1String(F::kCopyright));
        expect(exif, "Exif.Photo.DateTimeOriginal", QLatin1String(F::kDateTimeOriginal));
        if (gps) {
            expect(exif, "Exif.GPSInfo.GPSLatitude", QLatin1String(F::kGpsLatitude));
            expect(exif, "Exif.GPSInfo.GPSLongitude", QLatin1String(F::kGpsLongitude));
        }
    }
    if (in.carries.xmp) {
        expect(xmp, "Xmp.dc.creator", QLatin1String(F::kCreator), true);
        if (gps)
            expect(xmp, "Xmp.exif.GPSLatitude", QLatin1String(F::kXmpGpsLatitude));
    }
    if (in.carries.iptc && c.format == QLatin1String("jpg"))
        expect(iptc, "Iptc.Application2.Byline", QLatin1String(F::kCreator));
    if (!gps) {
        QStringList left = keysWithPrefix(out.meta.exif, QStringLiteral("Exif.GPSInfo."));
        if (out.meta.exif.contains(QStringLiteral("Exif.Image.GPSTag")))
            left << QStringLiteral("Exif.Image.GPSTag");
        left << keysWithPrefix(xmp, QStringLiteral("Xmp.exif.GPS"));
        if (!left.isEmpty())
            problems << QStringLiteral("location left: ") + keyList(left);
    }
    const QString orientation =
        out.meta.exif.value(QStringLiteral("Exif.Image.Orientation"), QStringLiteral("1"));
    if (orientation != QLatin1String("1"))
        problems << QStringLiteral("Exif.Image.Orientation is %1").arg(orientation);
    const QString width = exif.value(QStringLiteral("Exif.Photo.PixelXDimension"));
    const QString height = exif.value(QStringLiteral("Exif.Photo.PixelYDimension"));
    if (!width.isEmpty() && width != QString::number(in.target.width()))
        problems << QStringLiteral("Exif.Photo.PixelXDimension is %1").arg(width);
    if (!height.isEmpty() && height != QString::number(in.target.height()))
        problems << QStringLiteral("Exif.Photo.PixelYDimension is %1").arg(height);
    // Pixels converted to sRGB from another profile (or CMYK) must say so in EXIF (1); pixels
    // not converted, kept in their profile or already sRGB, keep what the input says (65535).
    if (in.carries.exif) {
        const QString space = exif.value(QStringLiteral("Exif.Photo.ColorSpace"));
        QString why;
        const bool wideProfile =
            !in.icc.isEmpty() && !F::isSrgbProfile(in.icc, in.kind == Kind::Gray ? 1 : 3, &why);
        const bool converted = out.icc.isEmpty() && (in.kind == Kind::Cmyk || wideProfile);
        const QString wanted = converted ? QStringLiteral("1") : QStringLiteral("65535");
        if (space != wanted)
            problems
                << QStringLiteral("Exif.Photo.ColorSpace is %1, expected %2").arg(space, wanted);
    }
    const QStringList thumbnail = keysWithPrefix(out.meta.exif, QStringLiteral("Exif.Thumbnail."));
    if (!thumbnail.isEmpty())
        problems << QStringLiteral("EXIF thumbnail kept: ") + keyList(thumbnail);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
}

void tst_Fidelity::metadataAgrees_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("meta");
    QTest::addColumn<QString>("format");
    for (const QString &name : qAsConst(m_order))
        for (const QString &format : input(name).formats)
            for (const QString &mode : input(name).modes())
                for (const char *meta : kMetaModes)
                    QTest::addRow("%s>%s %s meta-%s", qPrintable(name), qPrintable(format),
                                  qPrintable(mode), meta)
                        << name << mode << QString::fromLatin1(meta) << format;
}

// The same EXIF, XMP and IPTC keys from every route (for TIFF, EXIF without structure tags).
void tst_Fidelity::metadataAgrees()
{
    QFETCH(QString, input);
    QFETCH(QString, mode);
    QFETCH(QString, meta);
    QFETCH(QString, format);
    QStringList problems;
    QStringList first[3];
    QString firstRoute;
    for (const char *route : kRoutes) {
        const Output &out = output({input, QString::fromLatin1(route), mode, meta, format});
        if (!out.result.isOk() || !out.meta.readable) {
            problems << QStringLiteral("%1: %2").arg(
                QLatin1String(route), out.result.isOk() ? out.meta.error : out.result.message);
            continue;
        }
        const QStringList keys[3] = {
            (format == QLatin1String("tif") ? F::descriptiveExif(out.meta.exif) : out.meta.exif)
                .keys(),
            out.meta.xmp.keys(), out.meta.iptc.keys()};
        if (firstRoute.isEmpty()) {
            firstRoute = QString::fromLatin1(route);
            std::copy(std::begin(keys), std::end(keys), std::begin(first));
            continue;
        }
        const char *families[] = {"EXIF", "XMP", "IPTC"};
        for (int f = 0; f < 3; ++f) {
            const QStringList only = setDifference(keys[f], first[f]);
            const QStringList missing = setDifference(first[f], keys[f]);
            if (!only.isEmpty() || !missing.isEmpty())
                problems << QStringLiteral("%1 %2 vs %3: only in %1: %4; only in %3: %5")
                                .arg(QLatin1String(route), QLatin1String(families[f]), firstRoute,
                                     keyList(only), keyList(missing));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
}
