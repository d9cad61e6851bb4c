#include "recipe.h"

#include <QJsonValue>
#include <QStringList>

#include <array>
#include <climits>
#include <utility>

#include "sizebudget.h"

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

const std::array<std::pair<OutputFormat, const char *>, 8> kFormats{{
    {OutputFormat::Same, "same"},
    {OutputFormat::Jpeg, "jpg"},
    {OutputFormat::Png, "png"},
    {OutputFormat::Webp, "webp"},
    {OutputFormat::Tiff, "tiff"},
    {OutputFormat::Avif, "avif"},
    {OutputFormat::Jxl, "jxl"},
    {OutputFormat::Heic, "heic"},
}};

const std::array<std::pair<ChromaSubsampling, const char *>, 2> kSubsamplings{{
    {ChromaSubsampling::S420, "420"},
    {ChromaSubsampling::S444, "444"},
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

// What people call each key, for sentences; the wire uses the key itself.
const std::array<std::pair<const char *, const char *>, 21> kFieldLabels{{
    {"resize", "Resize mode"},
    {"width", "Width"},
    {"height", "Height"},
    {"percent", "Percent"},
    {"longEdge", "Long edge"},
    {"noEnlarge", "No-enlarge"},
    {"grayscale", "Grayscale"},
    {"format", "Format"},
    {"quality", "Quality"},
    {"maxSizeKb", "Max file size"},
    {"strip", "Strip metadata"},
    {"stripGps", "Strip GPS"},
    {"colour", "Colour"},
    {"autoOrient", "Auto-orient"},
    {"engine", "Engine"},
    {"effort", "Effort"},
    {"progressive", "Progressive"},
    {"subsampling", "Chroma subsampling"},
    {"pngCompression", "PNG compression"},
    {"palette", "Palette"},
    {"lossless", "Lossless"},
}};

QString sentenceFor(const FieldError &error)
{
    for (const auto &[key, label] : kFieldLabels)
        if (error.field == QLatin1String(key))
            return QStringLiteral("%1 %2.").arg(QLatin1String(label), error.problem);
    return QStringLiteral("\"%1\" %2.").arg(error.field, error.problem);
}

std::optional<FieldError> checkPixels(const char *field, int value)
{
    if (value >= 1 && value <= kMaxDimension)
        return std::nullopt;
    return FieldError{
        QLatin1String(field),
        QStringLiteral("must be between 1 and %1 pixels (got %2)").arg(kMaxDimension).arg(value)};
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

QString toString(ChromaSubsampling subsampling)
{
    return nameOf(kSubsamplings, subsampling);
}

std::optional<ChromaSubsampling> subsamplingFromString(const QString &text)
{
    return valueOf(kSubsamplings, text);
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
    if (text.compare(QLatin1String("heif"), Qt::CaseInsensitive) == 0)
        return OutputFormat::Heic;
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

QString FieldError::wireText(const QString &prefix) const
{
    return QStringLiteral("%1%2: %3").arg(prefix, field, problem);
}

std::optional<FieldError> Recipe::invalidField() const
{
    switch (resizeMode) {
    case ResizeMode::None:
        break;
    case ResizeMode::Fit:
    case ResizeMode::Fill:
    case ResizeMode::Exact:
        if (auto error = checkPixels("width", width))
            return error;
        if (auto error = checkPixels("height", height))
            return error;
        break;
    case ResizeMode::Percent:
        if (!(percent > 0 && percent <= 1000))
            return FieldError{
                QStringLiteral("percent"),
                QStringLiteral("must be more than 0 and at most 1000 (got %1)").arg(percent)};
        break;
    case ResizeMode::LongEdge:
        if (auto error = checkPixels("longEdge", longEdge))
            return error;
        break;
    }
    if (quality < 1 || quality > 100)
        return FieldError{QStringLiteral("quality"),
                          QStringLiteral("must be between 1 and 100 (got %1)").arg(quality)};
    if (auto error = checkSizeBudget(*this))
        return error;
    if (effort < 1 || effort > 9)
        return FieldError{QStringLiteral("effort"),
                          QStringLiteral("must be between 1 and 9 (got %1)").arg(effort)};
    if (pngCompression < 0 || pngCompression > 9)
        return FieldError{QStringLiteral("pngCompression"),
                          QStringLiteral("must be between 0 and 9 (got %1)").arg(pngCompression)};
    return std::nullopt;
}

QString Recipe::validationError() const
{
    const std::optional<FieldError> error = invalidField();
    return error ? sentenceFor(*error) : QString();
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
        {QStringLiteral("maxSizeKb"), maxSizeKb},
        {QStringLiteral("strip"), stripMetadata},
        {QStringLiteral("stripGps"), stripGps},
        {QStringLiteral("colour"), toString(colour)},
        {QStringLiteral("autoOrient"), autoOrient},
        {QStringLiteral("engine"), toString(engine)},
        {QStringLiteral("effort"), effort},
        {QStringLiteral("progressive"), progressive},
        {QStringLiteral("subsampling"), toString(subsampling)},
        {QStringLiteral("pngCompression"), pngCompression},
        {QStringLiteral("palette"), palette},
        {QStringLiteral("lossless"), lossless},
    };
}

namespace {

// A JSON value as it appears in an error: short, and never the whole of a long string.
QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::String: {
        const QString text = value.toString();
        return QStringLiteral("\"%1\"").arg(text.size() > 40 ? text.left(40) + QStringLiteral("...")
                                                             : text);
    }
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// Reads one key of a recipe. A missing key keeps the default unless `required`; a present
// one must have the right type, else *error names it.
class FieldReader
{
public:
    FieldReader(const QJsonObject &json, bool required) : m_json(json), m_required(required) {}

    bool ok() const { return !m_error.has_value(); }
    const std::optional<FieldError> &error() const { return m_error; }

    void readInt(const char *key, int *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return;
        const double number = value.toDouble();
        // Range first: casting a double outside int's range is undefined.
        if (!value.isDouble() || !(number >= INT_MIN && number <= INT_MAX) ||
            number != double(static_cast<int>(number)))
            return fail(key,
                        QStringLiteral("must be a whole number (got %1)").arg(describe(value)));
        *out = static_cast<int>(number);
    }

    void readNumber(const char *key, double *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return;
        if (!value.isDouble())
            return fail(key, QStringLiteral("must be a number (got %1)").arg(describe(value)));
        *out = value.toDouble();
    }

    void readBool(const char *key, bool *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return;
        if (!value.isBool())
            return fail(key, QStringLiteral("must be true or false (got %1)").arg(describe(value)));
        *out = value.toBool();
    }

    template <typename Enum, size_t N, typename Parse>
    void readEnum(const char *key, Enum *out,
                  const std::array<std::pair<Enum, const char *>, N> &names, Parse parse)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return;
        const auto parsed = parse(value.toString());
        if (!value.isString() || !parsed) {
            QStringList known;
            for (const auto &entry : names)
                known.append(QLatin1String(entry.second));
            return fail(key, QStringLiteral("must be one of %1 (got %2)")
                                 .arg(known.join(QStringLiteral(", ")), describe(value)));
        }
        *out = *parsed;
    }

private:
    // Undefined when the key is absent (and allowed to be) or an earlier key already failed.
    QJsonValue take(const char *key)
    {
        if (m_error)
            return QJsonValue::Undefined;
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (value.isUndefined() && m_required)
            fail(key, QStringLiteral("is missing"));
        return value;
    }

    void fail(const char *key, const QString &problem)
    {
        if (!m_error)
            m_error = FieldError{QLatin1String(key), problem};
    }

    const QJsonObject &m_json;
    bool m_required;
    std::optional<FieldError> m_error;
};

// The one decoder behind fromJson and fromWireJson: keys are read in toJson()'s order, and
// the first bad one is reported.
std::optional<Recipe> decodeRecipe(const QJsonObject &json, bool keysRequired, FieldError *error)
{
    Recipe r;
    FieldReader reader(json, keysRequired);
    reader.readEnum("resize", &r.resizeMode, kResizeModes, resizeModeFromString);
    reader.readInt("width", &r.width);
    reader.readInt("height", &r.height);
    reader.readNumber("percent", &r.percent);
    reader.readInt("longEdge", &r.longEdge);
    reader.readBool("noEnlarge", &r.noEnlarge);
    reader.readBool("grayscale", &r.grayscale);
    reader.readEnum("format", &r.format, kFormats, outputFormatFromString);
    reader.readInt("quality", &r.quality);
    reader.readInt("maxSizeKb", &r.maxSizeKb);
    reader.readBool("strip", &r.stripMetadata);
    reader.readBool("stripGps", &r.stripGps);
    reader.readEnum("colour", &r.colour, kColourPolicies, colourPolicyFromString);
    reader.readBool("autoOrient", &r.autoOrient);
    reader.readEnum("engine", &r.engine, kEngines, engineChoiceFromString);
    reader.readInt("effort", &r.effort);
    reader.readBool("progressive", &r.progressive);
    reader.readEnum("subsampling", &r.subsampling, kSubsamplings, subsamplingFromString);
    reader.readInt("pngCompression", &r.pngCompression);
    reader.readBool("palette", &r.palette);
    reader.readBool("lossless", &r.lossless);
    std::optional<FieldError> failure = reader.error();
    if (!failure)
        failure = r.invalidField();
    if (!failure)
        return r;
    if (error)
        *error = *failure;
    return std::nullopt;
}

} // namespace

std::optional<Recipe> Recipe::fromJson(const QJsonObject &json, QString *error)
{
    FieldError failure;
    std::optional<Recipe> recipe = decodeRecipe(json, false, &failure);
    if (!recipe && error)
        *error = sentenceFor(failure);
    return recipe;
}

std::optional<Recipe> Recipe::fromWireJson(const QJsonObject &json, FieldError *error)
{
    return decodeRecipe(json, true, error);
}

bool operator==(const Recipe &a, const Recipe &b)
{
    return a.resizeMode == b.resizeMode && a.width == b.width && a.height == b.height &&
           a.percent == b.percent && a.longEdge == b.longEdge && a.noEnlarge == b.noEnlarge &&
           a.grayscale == b.grayscale && a.format == b.format && a.quality == b.quality &&
           a.stripMetadata == b.stripMetadata && a.stripGps == b.stripGps && a.colour == b.colour &&
           a.autoOrient == b.autoOrient && a.engine == b.engine && a.effort == b.effort &&
           a.progressive == b.progressive && a.subsampling == b.subsampling &&
           a.pngCompression == b.pngCompression && a.palette == b.palette &&
           a.lossless == b.lossless && a.maxSizeKb == b.maxSizeKb;
}
