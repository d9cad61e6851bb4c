#include "recipe.h"

#include <QJsonValue>

#include <array>
#include <utility>

namespace {

template <typename Enum, size_t N>
QString nameOf(const std::array<std::pair<Enum, const char *>, N> &names, Enum value)
{
    for (const auto &[e, name] : names)
        if (e == value)
            return QString::fromLatin1(name);
    return {};
}

template <typename Enum, size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, N> &names,
                            const QString &text)
{
    for (const auto &[e, name] : names)
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return e;
    return std::nullopt;
}

const std::array<std::pair<ResizeMode, const char *>, 6> kResizeModes{{
    {ResizeMode::None, "none"},
    {ResizeMode::Fit, "fit"},
    {ResizeMode::Fill, "fill"},
    {ResizeMode::Exact, "exact"},
    {ResizeMode::Percent, "percent"},
    {ResizeMode::LongEdge, "long-edge"},
}};

const std::array<std::pair<OutputFormat, const char *>, 5> kFormats{{
    {OutputFormat::Same, "same"},
    {OutputFormat::Jpeg, "jpg"},
    {OutputFormat::Png, "png"},
    {OutputFormat::Webp, "webp"},
    {OutputFormat::Tiff, "tiff"},
}};

const std::array<std::pair<EngineChoice, const char *>, 3> kEngines{{
    {EngineChoice::Auto, "auto"},
    {EngineChoice::Vips, "vips"},
    {EngineChoice::OpenCv, "opencv"},
}};

const std::array<std::pair<ColourPolicy, const char *>, 2> kColourPolicies{{
    {ColourPolicy::Srgb, "srgb"},
    {ColourPolicy::Keep, "keep"},
}};

constexpr int kMaxDimension = 100000;

QString checkBox(int width, int height)
{
    if (width < 1 || height < 1)
        return QStringLiteral("Width and height must both be at least 1 pixel (got %1x%2).")
            .arg(width)
            .arg(height);
    if (width > kMaxDimension || height > kMaxDimension)
        return QStringLiteral("Width and height must be at most %1 pixels (got %2x%3).")
            .arg(kMaxDimension)
            .arg(width)
            .arg(height);
    return {};
}

} // namespace

QString toString(ResizeMode mode)
{
    return nameOf(kResizeModes, mode);
}
QString toString(OutputFormat format)
{
    return nameOf(kFormats, format);
}
QString toString(EngineChoice engine)
{
    return nameOf(kEngines, engine);
}

QString toString(ColourPolicy colour)
{
    return nameOf(kColourPolicies, colour);
}

std::optional<ColourPolicy> colourPolicyFromString(const QString &text)
{
    return valueOf(kColourPolicies, text);
}

std::optional<ResizeMode> resizeModeFromString(const QString &text)
{
    return valueOf(kResizeModes, text);
}

std::optional<OutputFormat> outputFormatFromString(const QString &text)
{
    if (text.compare(QLatin1String("jpeg"), Qt::CaseInsensitive) == 0)
        return OutputFormat::Jpeg;
    if (text.compare(QLatin1String("tif"), Qt::CaseInsensitive) == 0)
        return OutputFormat::Tiff;
    return valueOf(kFormats, text);
}

std::optional<EngineChoice> engineChoiceFromString(const QString &text)
{
    return valueOf(kEngines, text);
}

QString extensionFor(OutputFormat format)
{
    return format == OutputFormat::Same ? QString() : toString(format);
}

QString Recipe::validationError() const
{
    switch (resizeMode) {
    case ResizeMode::None:
        break;
    case ResizeMode::Fit:
    case ResizeMode::Fill:
    case ResizeMode::Exact:
        if (QString error = checkBox(width, height); !error.isEmpty())
            return error;
        break;
    case ResizeMode::Percent:
        if (!(percent > 0 && percent <= 1000))
            return QStringLiteral("Percent must be more than 0 and at most 1000 (got %1).")
                .arg(percent);
        break;
    case ResizeMode::LongEdge:
        if (longEdge < 1 || longEdge > kMaxDimension)
            return QStringLiteral("Long edge must be between 1 and %1 pixels (got %2).")
                .arg(kMaxDimension)
                .arg(longEdge);
        break;
    }
    if (quality < 1 || quality > 100)
        return QStringLiteral("Quality must be between 1 and 100 (got %1).").arg(quality);
    return {};
}

QJsonObject Recipe::toJson() const
{
    return QJsonObject{
        {QStringLiteral("resize"), toString(resizeMode)},
        {QStringLiteral("width"), width},
        {QStringLiteral("height"), height},
        {QStringLiteral("percent"), percent},
        {QStringLiteral("longEdge"), longEdge},
        {QStringLiteral("noEnlarge"), noEnlarge},
        {QStringLiteral("grayscale"), grayscale},
        {QStringLiteral("format"), toString(format)},
        {QStringLiteral("quality"), quality},
        {QStringLiteral("strip"), stripMetadata},
        {QStringLiteral("stripGps"), stripGps},
        {QStringLiteral("colour"), toString(colour)},
        {QStringLiteral("autoOrient"), autoOrient},
        {QStringLiteral("engine"), toString(engine)},
    };
}

namespace {

// Reads one optional key; returns false (with *error) when present but of the wrong type.
bool readInt(const QJsonObject &json, const char *key, int *out, QString *error)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    // toInt gives the default for fractions and for numbers outside int (casting those would be
    // undefined behaviour, e.g. {"width": 1e300}).
    if (!value.isDouble() || double(value.toInt(0)) != value.toDouble()) {
        *error = QStringLiteral("\"%1\" must be a whole number.").arg(QLatin1String(key));
        return false;
    }
    *out = value.toInt();
    return true;
}

bool readBool(const QJsonObject &json, const char *key, bool *out, QString *error)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    if (!value.isBool()) {
        *error = QStringLiteral("\"%1\" must be true or false.").arg(QLatin1String(key));
        return false;
    }
    *out = value.toBool();
    return true;
}

template <typename Enum, typename Parse>
bool readEnum(const QJsonObject &json, const char *key, Enum *out, Parse parse, QString *error)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    const auto parsed = parse(value.toString());
    if (!value.isString() || !parsed) {
        *error = QStringLiteral("\"%1\" has an unknown value.").arg(QLatin1String(key));
        return false;
    }
    *out = *parsed;
    return true;
}

} // namespace

std::optional<Recipe> Recipe::fromJson(const QJsonObject &json, QString *error)
{
    Recipe r;
    QString message;
    const QJsonValue percentValue = json.value(QLatin1String("percent"));
    bool ok = readEnum(json, "resize", &r.resizeMode, resizeModeFromString, &message) &&
              readInt(json, "width", &r.width, &message) &&
              readInt(json, "height", &r.height, &message) &&
              readInt(json, "longEdge", &r.longEdge, &message) &&
              readBool(json, "noEnlarge", &r.noEnlarge, &message) &&
              readBool(json, "grayscale", &r.grayscale, &message) &&
              readEnum(json, "format", &r.format, outputFormatFromString, &message) &&
              readInt(json, "quality", &r.quality, &message) &&
              readBool(json, "strip", &r.stripMetadata, &message) &&
              readBool(json, "stripGps", &r.stripGps, &message) &&
              readEnum(json, "colour", &r.colour, colourPolicyFromString, &message) &&
              readBool(json, "autoOrient", &r.autoOrient, &message) &&
              readEnum(json, "engine", &r.engine, engineChoiceFromString, &message);
    if (ok && !percentValue.isUndefined()) {
        ok = percentValue.isDouble();
        if (ok)
            r.percent = percentValue.toDouble();
        else
            message = QStringLiteral("\"percent\" must be a number.");
    }
    if (ok)
        message = r.validationError();
    if (!message.isEmpty()) {
        if (error)
            *error = message;
        return std::nullopt;
    }
    return r;
}

bool operator==(const Recipe &a, const Recipe &b)
{
    return a.resizeMode == b.resizeMode && a.width == b.width && a.height == b.height &&
           a.percent == b.percent && a.longEdge == b.longEdge && a.noEnlarge == b.noEnlarge &&
           a.grayscale == b.grayscale && a.format == b.format && a.quality == b.quality &&
           a.stripMetadata == b.stripMetadata && a.stripGps == b.stripGps && a.colour == b.colour &&
           a.autoOrient == b.autoOrient && a.engine == b.engine;
}
