// Edge cases of metadata and alpha found in review, on every route: location hidden in XMP
// structures and vendor namespaces, orientation stored where the header reader does not look,
// EXIF colour space left alone when nothing was converted, PNG chunks as the specifications
// have them, and transparent colour that must not bleed into edges. Metadata is written and
// read back with Exiv2, pixels read with libvips: never with the code under test.
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <exiv2/exiv2.hpp>

#include <functional>

#include "engine/engine.h"
#include "testimages.h"

namespace {

const char *const kRoutes[] = {"vips", "opencv", "auto"};

EngineChoice routeNamed(const QString &name)
{
    return *engineChoiceFromString(name);
}

// Keys and values as Exiv2 prints them.
QMap<QString, QString> readAll(const QString &path)
{
    QMap<QString, QString> all;
    auto image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
    image->readMetadata();
    for (const auto &d : image->exifData())
        all.insert(QString::fromStdString(d.key()), QString::fromStdString(d.toString()));
    for (const auto &d : image->xmpData())
        all.insert(QString::fromStdString(d.key()), QString::fromStdString(d.toString()));
    return all;
}

void edit(const QString &path, const std::function<void(Exiv2::Image &)> &change)
{
    auto image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
    image->readMetadata();
    change(*image);
    image->writeMetadata();
}

// PNG chunk types in file order (a structural walk of our own test output).
QStringList pngChunks(const QByteArray &png)
{
    QStringList types;
    for (qsizetype pos = 8; pos + 12 <= png.size();) {
        const quint32 length = qFromBigEndian<quint32>(png.constData() + pos);
        types << QString::fromLatin1(png.mid(pos + 4, 4));
        pos += 12 + qsizetype(length);
    }
    return types;
}

} // namespace

class tst_Metadata : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(initializeEngines("tst_metadata", &error), qPrintable(error));
        Exiv2::XmpParser::initialize();
        QVERIFY(m_dir.isValid());
    }

    void routes_data()
    {
        QTest::addColumn<QString>("route");
        for (const char *route : kRoutes)
            QTest::newRow(route) << route;
    }

    // Lightroom's IPTC Extension location and DJI's drone tags hold coordinates too.
    void stripGpsFindsLocationInXmpStructures_data() { routes_data(); }
    void stripGpsFindsLocationInXmpStructures()
    {
        QFETCH(QString, route);
        const QString in = m_dir.filePath(QStringLiteral("gps-%1.jpg").arg(route));
        QVERIFY(TestImages::write(in, QSize(200, 100), QStringLiteral(".jpg")));
        // As Lightroom writes a location (a struct in a bag), and as DJI drones tag photos.
        static const char *const kPacket =
            R"(<x:xmpmeta xmlns:x="adobe:ns:meta/">)"
            R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">)"
            R"(<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/")"
            R"( xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/")"
            R"( xmlns:exif="http://ns.adobe.com/exif/1.0/")"
            R"( xmlns:drone-dji="http://www.dji.com/drone-dji/1.0/")"
            R"( drone-dji:GpsLatitude="48.858" drone-dji:AbsoluteAltitude="+120.5">)"
            R"(<dc:creator><rdf:Seq><rdf:li>Ada</rdf:li></rdf:Seq></dc:creator>)"
            R"(<Iptc4xmpExt:LocationCreated><rdf:Bag><rdf:li rdf:parseType="Resource">)"
            R"(<exif:GPSLatitude>48,51.5N</exif:GPSLatitude>)"
            R"(<exif:GPSLongitude>2,17.6E</exif:GPSLongitude>)"
            R"(<Iptc4xmpExt:City>Paris</Iptc4xmpExt:City>)"
            R"(</rdf:li></rdf:Bag></Iptc4xmpExt:LocationCreated>)"
            R"(</rdf:Description></rdf:RDF></x:xmpmeta>)";
        edit(in, [](Exiv2::Image &image) {
            image.setXmpPacket(kPacket);
            image.writeXmpFromPacket(true);
        });
        QVERIFY(readAll(in).contains(QStringLiteral("Xmp.drone-dji.AbsoluteAltitude")));
        Job job = makeJob(in, route, QStringLiteral("gps-out-%1.jpg").arg(route));
        job.recipe.stripGps = true;
        const JobResult result = makeEngine(routeNamed(route))->run(job);
        QVERIFY2(result.isOk(), qPrintable(result.message));
        const QMap<QString, QString> out = readAll(job.outputPath);
        QCOMPARE(out.value(QStringLiteral("Xmp.dc.creator")), QStringLiteral("Ada"));
        QCOMPARE(out.value(QStringLiteral("Xmp.iptcExt.LocationCreated[1]/Iptc4xmpExt:City")),
                 QStringLiteral("Paris"));
        for (auto it = out.begin(); it != out.end(); ++it) {
            const QString key = it.key().toLower();
            QVERIFY2(!key.contains(QLatin1String("gps")) &&
                         !key.contains(QLatin1String("altitude")),
                     qPrintable(it.key()));
        }
    }

    // A LONG-typed Orientation (some phones) is obeyed for the pixels as for the tag.
    void orientationStoredAsLong_data() { routes_data(); }
    void orientationStoredAsLong()
    {
        QFETCH(QString, route);
        const QString in = m_dir.filePath(QStringLiteral("long-%1.jpg").arg(route));
        QVERIFY(TestImages::write(in, QSize(400, 300), QStringLiteral(".jpg")));
        edit(in,
             [](Exiv2::Image &image) { image.exifData()["Exif.Image.Orientation"] = uint32_t(6); });
        const Job job = makeJob(in, route, QStringLiteral("long-out-%1.png").arg(route));
        const JobResult result = makeEngine(routeNamed(route))->run(job);
        QVERIFY2(result.isOk(), qPrintable(result.message));
        const vips::VImage out = TestImages::load(job.outputPath);
        QCOMPARE(QSize(out.width(), out.height()), QSize(300, 400)); // turned a quarter
        QCOMPARE(readAll(job.outputPath)
                     .value(QStringLiteral("Exif.Image.Orientation"), QStringLiteral("1")),
                 QStringLiteral("1"));
    }

    // Nothing converted (no profile): EXIF's Adobe RGB marks stay, whatever the colour policy.
    void colourSpaceTagUntouchedWithoutConversion_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<bool>("keep");
        for (const char *route : kRoutes) {
            QTest::addRow("%s srgb", route) << route << false;
            QTest::addRow("%s keep", route) << route << true;
        }
    }
    void colourSpaceTagUntouchedWithoutConversion()
    {
        QFETCH(QString, route);
        QFETCH(bool, keep);
        const QString in = m_dir.filePath(QStringLiteral("r03-%1-%2.jpg").arg(route).arg(keep));
        QVERIFY(TestImages::write(in, QSize(200, 100), QStringLiteral(".jpg")));
        edit(in, [](Exiv2::Image &image) {
            image.exifData()["Exif.Photo.ColorSpace"] = uint16_t(65535);
            image.exifData()["Exif.Iop.InteroperabilityIndex"] = "R03";
        });
        Job job = makeJob(in, route, QStringLiteral("r03-out-%1-%2.jpg").arg(route).arg(keep));
        job.recipe.colour = keep ? ColourPolicy::Keep : ColourPolicy::Srgb;
        const JobResult result = makeEngine(routeNamed(route))->run(job);
        QVERIFY2(result.isOk(), qPrintable(result.message));
        const QMap<QString, QString> out = readAll(job.outputPath);
        QCOMPARE(out.value(QStringLiteral("Exif.Photo.ColorSpace")), QStringLiteral("65535"));
        QCOMPARE(out.value(QStringLiteral("Exif.Iop.InteroperabilityIndex")),
                 QStringLiteral("R03"));
    }

    // One eXIf chunk before the image data, XMP in an uncompressed iTXt.
    void pngOutputHasOneExifChunkAndItxtXmp_data() { routes_data(); }
    void pngOutputHasOneExifChunkAndItxtXmp()
    {
        QFETCH(QString, route);
        const QString in = m_dir.filePath(QStringLiteral("chunks-%1.jpg").arg(route));
        QVERIFY(TestImages::write(in, QSize(200, 100), QStringLiteral(".jpg")));
        edit(in, [](Exiv2::Image &image) {
            image.exifData()["Exif.Image.Make"] = "Pixelmill test";
            image.xmpData()["Xmp.dc.creator"] = "Ada";
        });
        Job job = makeJob(in, route, QStringLiteral("chunks-out-%1.png").arg(route));
        job.recipe.format = OutputFormat::Png;
        const JobResult result = makeEngine(routeNamed(route))->run(job);
        QVERIFY2(result.isOk(), qPrintable(result.message));
        const QStringList chunks = pngChunks(TestImages::readBytes(job.outputPath));
        QCOMPARE(chunks.count(QStringLiteral("eXIf")), 1);
        QVERIFY2(chunks.indexOf(QStringLiteral("eXIf")) < chunks.indexOf(QStringLiteral("IDAT")),
                 qPrintable(chunks.join(QLatin1Char(' '))));
        QVERIFY2(chunks.contains(QStringLiteral("iTXt")),
                 qPrintable(chunks.join(QLatin1Char(' '))));
        const QMap<QString, QString> out = readAll(job.outputPath);
        QCOMPARE(out.value(QStringLiteral("Exif.Image.Make")), QStringLiteral("Pixelmill test"));
        QCOMPARE(out.value(QStringLiteral("Xmp.dc.creator")), QStringLiteral("Ada"));
    }

    // Opaque blue stripes between fully transparent red ones, reduced 20x: no red anywhere.
    void transparentColourDoesNotBleed_data() { routes_data(); }
    void transparentColourDoesNotBleed()
    {
        QFETCH(QString, route);
        const vips::VImage x = vips::VImage::xyz(2000, 1000)[0];
        const vips::VImage blue = (x / 10).cast(VIPS_FORMAT_INT) % 2 == 0;
        const vips::VImage rgba =
            blue.ifthenelse(std::vector<double>{0, 0, 255, 255}, std::vector<double>{255, 0, 0, 0});
        const QString in = m_dir.filePath(QStringLiteral("stripes-%1.png").arg(route));
        void *buffer = nullptr;
        size_t size = 0;
        rgba.cast(VIPS_FORMAT_UCHAR)
            .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB))
            .write_to_buffer(".png", &buffer, &size);
        QVERIFY(TestImages::writeBytes(
            in, QByteArray(static_cast<const char *>(buffer), qsizetype(size))));
        g_free(buffer);
        Job job = makeJob(in, route, QStringLiteral("stripes-out-%1.png").arg(route));
        job.recipe.steps = {resizeStep(ResizeMode::Fit, 100, 100)};
        const JobResult result = makeEngine(routeNamed(route))->run(job);
        QVERIFY2(result.isOk(), qPrintable(result.message));
        const vips::VImage out = TestImages::load(job.outputPath);
        QCOMPARE(out.bands(), 4);
        QVERIFY2(out[0].max() <= 2, qPrintable(QString::number(out[0].max())));
        QVERIFY2(out[2].avg() >= 250, qPrintable(QString::number(out[2].avg())));
    }

private:
    Job makeJob(const QString &in, const QString &route, const QString &outName)
    {
        Job job;
        job.id = ++m_id;
        job.inputPath = in;
        job.outputPath = m_dir.filePath(outName);
        job.recipe.engine = routeNamed(route);
        return job;
    }

    QTemporaryDir m_dir;
    JobId m_id = 0;
};

QTEST_GUILESS_MAIN(tst_Metadata)
#include "tst_metadata.moc"
