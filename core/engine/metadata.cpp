#include "metadata.h"

#include <exiv2/exiv2.hpp>

#include <algorithm>
#include <iterator>

namespace {

QByteArray toBytes(const Exiv2::DataBuf &buffer)
{
    return QByteArray(reinterpret_cast<const char *>(buffer.pData_), qsizetype(buffer.size_));
}

// Tags that describe how a TIFF container stores its pixels, or that hold metadata we carry
// separately (profile, XMP, IPTC): meaningless, or duplicated, in another file's EXIF.
bool isContainerTag(const Exiv2::Exifdatum &datum)
{
    if (datum.groupName() != "Image")
        return false;
    static const char *const kTags[] = {"ImageWidth",
                                        "ImageLength",
                                        "BitsPerSample",
                                        "Compression",
                                        "PhotometricInterpretation",
                                        "StripOffsets",
                                        "SamplesPerPixel",
                                        "RowsPerStrip",
                                        "StripByteCounts",
                                        "PlanarConfiguration",
                                        "TileWidth",
                                        "TileLength",
                                        "TileOffsets",
                                        "TileByteCounts",
                                        "SampleFormat",
                                        "XMLPacket",
                                        "IPTCNAA",
                                        "InterColorProfile",
                                        "ImageResources",
                                        "SubIFDs",
                                        "NewSubfileType",
                                        "SubfileType",
                                        "FillOrder",
                                        "Predictor",
                                        "ExtraSamples",
                                        "JPEGTables",
                                        "YCbCrSubSampling",
                                        "YCbCrPositioning",
                                        "YCbCrCoefficients",
                                        "TransferFunction",
                                        "JPEGInterchangeFormat",
                                        "JPEGInterchangeFormatLength"};
    const std::string name = datum.tagName();
    return std::any_of(std::begin(kTags), std::end(kTags),
                       [&](const char *tag) { return name == tag; });
}

void eraseIf(Exiv2::ExifData &exif, bool (*predicate)(const Exiv2::Exifdatum &))
{
    for (auto it = exif.begin(); it != exif.end();)
        it = predicate(*it) ? exif.erase(it) : std::next(it);
}

bool isGps(const Exiv2::Exifdatum &datum)
{
    return datum.groupName() == "GPSInfo" || datum.key() == "Exif.Image.GPSTag";
}

// Keeps the tag's type (SHORT or LONG, as the file had it) and sets its value.
void setIfPresent(Exiv2::ExifData &exif, const char *key, uint32_t value)
{
    auto it = exif.findKey(Exiv2::ExifKey(key));
    if (it != exif.end())
        it->setValue(std::to_string(value));
}

// Untagged output pixels are sRGB: EXIF's colour space says so too (cameras write 65535,
// "uncalibrated", and the R03 interoperability index for Adobe RGB).
void markAsSrgb(Exiv2::ExifData &exif)
{
    setIfPresent(exif, "Exif.Photo.ColorSpace", 1);
    auto it = exif.findKey(Exiv2::ExifKey("Exif.Iop.InteroperabilityIndex"));
    if (it != exif.end())
        it->setValue("R98");
}

QByteArray encodeExif(const Exiv2::ExifData &source, const Recipe &recipe, QSize size, bool srgb)
{
    Exiv2::ExifData exif = source;
    eraseIf(exif, isContainerTag);
    Exiv2::ExifThumb(exif).erase(); // a picture of the original, before any operation
    if (recipe.stripGps)
        eraseIf(exif, isGps);
    if (recipe.autoOrient) { // the pixels are upright now
        auto it = exif.findKey(Exiv2::ExifKey("Exif.Image.Orientation"));
        if (it != exif.end())
            *it = uint16_t(1);
    }
    setIfPresent(exif, "Exif.Photo.PixelXDimension", uint32_t(size.width()));
    setIfPresent(exif, "Exif.Photo.PixelYDimension", uint32_t(size.height()));
    if (srgb)
        markAsSrgb(exif);
    if (exif.empty())
        return {};
    Exiv2::Blob blob;
    Exiv2::ExifParser::encode(blob, Exiv2::littleEndian, exif);
    return QByteArray(reinterpret_cast<const char *>(blob.data()), qsizetype(blob.size()));
}

// Coordinates anywhere in XMP: exif:GPS* at the top and inside structures (IPTC Extension's
// LocationCreated/LocationShown, written by Lightroom and Photo Mechanic), and vendors' own
// (DJI's drone-dji:GpsLatitude, ...:Latitude/Longitude/Altitude).
bool isXmpLocation(const std::string &key)
{
    QString text = QString::fromStdString(key).toLower();
    if (text.contains(QLatin1String("gps")))
        return true;
    text = text.section(QLatin1Char('/'), -1)
               .section(QLatin1Char(':'), -1)
               .section(QLatin1Char('.'), -1);
    return text.endsWith(QLatin1String("latitude")) || text.endsWith(QLatin1String("longitude")) ||
           text.endsWith(QLatin1String("altitude"));
}

QByteArray editXmp(const QByteArray &packet, const Recipe &recipe, QSize size)
{
    if (packet.isEmpty())
        return {};
    Exiv2::XmpData xmp;
    if (Exiv2::XmpParser::decode(xmp, packet.toStdString()) != 0)
        return {}; // not XMP we can read: not carried rather than carried blind
    for (auto it = xmp.begin(); it != xmp.end();)
        it = recipe.stripGps && isXmpLocation(it->key()) ? xmp.erase(it) : std::next(it);
    if (recipe.autoOrient && xmp.findKey(Exiv2::XmpKey("Xmp.tiff.Orientation")) != xmp.end())
        xmp["Xmp.tiff.Orientation"] = 1;
    for (const auto &[key, value] : {std::pair{"Xmp.exif.PixelXDimension", size.width()},
                                     std::pair{"Xmp.exif.PixelYDimension", size.height()}})
        if (xmp.findKey(Exiv2::XmpKey(key)) != xmp.end())
            xmp[key] = value;
    std::string out;
    if (xmp.empty() || Exiv2::XmpParser::encode(out, xmp, Exiv2::XmpParser::useCompactFormat) != 0)
        return {};
    return QByteArray::fromStdString(out);
}

QByteArray photoshopIrbFor(const Exiv2::IptcData &iptc)
{
    const Exiv2::DataBuf irb = Exiv2::Photoshop::setIptcIrb(nullptr, 0, iptc);
    return toBytes(irb);
}

} // namespace

void initializeMetadata()
{
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    Exiv2::XmpParser::initialize();
}

ImageMetadata readMetadata(const QByteArray &bytes)
{
    ImageMetadata metadata;
    try {
        auto image = Exiv2::ImageFactory::open(
            reinterpret_cast<const Exiv2::byte *>(bytes.constData()), long(bytes.size()));
        if (!image.get())
            return metadata;
        image->readMetadata();
        if (image->iccProfileDefined())
            metadata.icc = toBytes(*image->iccProfile());
        const Exiv2::ExifData &exif = image->exifData();
        if (metadata.icc.isEmpty()) { // TIFF keeps its profile as a tag
            auto it = exif.findKey(Exiv2::ExifKey("Exif.Image.InterColorProfile"));
            if (it != exif.end() && it->size() > 0) {
                Exiv2::DataBuf buffer(long(it->size()));
                it->copy(buffer.pData_, Exiv2::invalidByteOrder);
                metadata.icc = toBytes(buffer);
            }
        }
        if (!exif.empty())
            metadata.exif = std::make_shared<const Exiv2::ExifData>(exif);
        if (!image->iptcData().empty())
            metadata.iptc = std::make_shared<const Exiv2::IptcData>(image->iptcData());
        metadata.xmp = QByteArray::fromStdString(image->xmpPacket());
    } catch (...) {
        // Exiv2 throws for formats it does not know and for damaged metadata alike.
    }
    return metadata;
}

ImageMetadata metadataFromBlobs(const QByteArray &icc, const QByteArray &exif,
                                const QByteArray &xmp)
{
    ImageMetadata metadata;
    metadata.icc = icc;
    metadata.xmp = xmp;
    const QByteArray tiff = exif.startsWith(QByteArray("Exif\0\0", 6)) ? exif.mid(6) : exif;
    if (tiff.isEmpty())
        return metadata;
    try {
        Exiv2::ExifData parsed;
        Exiv2::ExifParser::decode(parsed, reinterpret_cast<const Exiv2::byte *>(tiff.constData()),
                                  uint32_t(tiff.size()));
        auto it = parsed.findKey(Exiv2::ExifKey("Exif.Image.Orientation"));
        if (it != parsed.end())
            it->setValue("1");
        if (!parsed.empty())
            metadata.exif = std::make_shared<const Exiv2::ExifData>(parsed);
    } catch (...) {
        // Damaged EXIF: the pixels still decode, without it.
    }
    return metadata;
}

int exifOrientation(const ImageMetadata &metadata)
{
    if (!metadata.exif)
        return 0;
    auto it = metadata.exif->findKey(Exiv2::ExifKey("Exif.Image.Orientation"));
    if (it == metadata.exif->end() || it->count() < 1)
        return 0;
    const long value = it->toLong();
    return value >= 1 && value <= 8 ? int(value) : 0;
}

OutputMetadata metadataForOutput(const ImageMetadata &in, const Recipe &recipe, QSize outputSize,
                                 const QByteArray &outputIcc, bool convertedToSrgb)
{
    OutputMetadata out;
    out.icc = outputIcc;
    if (recipe.stripMetadata)
        return out;
    try {
        if (in.exif)
            out.exif = encodeExif(*in.exif, recipe, outputSize, convertedToSrgb);
        out.xmp = editXmp(in.xmp, recipe, outputSize);
        if (in.iptc) {
            out.photoshopIrb = photoshopIrbFor(*in.iptc);
            out.iptc = toBytes(Exiv2::IptcParser::encode(*in.iptc));
        }
    } catch (...) {
        // Metadata Exiv2 read but cannot write back: the image is still worth having.
    }
    return out;
}

QByteArray addExifAndIptcToTiff(const QByteArray &tiff, const OutputMetadata &metadata)
{
    if (metadata.exif.isEmpty() && metadata.iptc.isEmpty())
        return tiff;
    try {
        auto image = Exiv2::ImageFactory::open(
            reinterpret_cast<const Exiv2::byte *>(tiff.constData()), long(tiff.size()));
        image->readMetadata();
        Exiv2::ExifData exif = image->exifData();
        if (!metadata.exif.isEmpty()) {
            Exiv2::ExifData ours;
            Exiv2::ExifParser::decode(ours,
                                      reinterpret_cast<const Exiv2::byte *>(metadata.exif.data()),
                                      uint32_t(metadata.exif.size()));
            for (const Exiv2::Exifdatum &datum : ours)
                if (!isContainerTag(datum))
                    exif[datum.key()].setValue(&datum.value());
        }
        image->setExifData(exif);
        if (!metadata.iptc.isEmpty()) {
            Exiv2::IptcData iptc;
            Exiv2::IptcParser::decode(iptc,
                                      reinterpret_cast<const Exiv2::byte *>(metadata.iptc.data()),
                                      uint32_t(metadata.iptc.size()));
            image->setIptcData(iptc);
        }
        image->writeMetadata();
        Exiv2::BasicIo &io = image->io();
        io.seek(0, Exiv2::BasicIo::beg);
        const Exiv2::DataBuf all = io.read(long(io.size()));
        return toBytes(all);
    } catch (...) {
        return tiff; // pixels, profile and XMP are already in it
    }
}
