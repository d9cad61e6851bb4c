#include <QJsonArray>

#include "fieldreader.h"
#include "recipe.h"
#include "stepjson.h"

using namespace RecipeNames;

QString describeJsonValue(const QJsonValue &value)
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

namespace {

// Version 1 (and unversioned) recipes: one resize and a grayscale flag, as flat keys. They
// become the steps they always meant: [resize unless "none", grayscale if set].
QList<Step> migratedSteps(FieldReader &reader)
{
    ResizeStep resize;
    resize.mode = ResizeMode::None;
    bool grayscale = false;
    reader.readEnum("resize", &resize.mode, kResizeModes, resizeModeFromString);
    reader.readInt("width", &resize.width);
    reader.readInt("height", &resize.height);
    reader.readNumber("percent", &resize.percent);
    reader.readInt("longEdge", &resize.longEdge);
    reader.readBool("noEnlarge", &resize.noEnlarge);
    reader.readBool("grayscale", &grayscale);
    QList<Step> steps;
    if (resize.mode != ResizeMode::None) // the other modes' values meant nothing then either
        steps.append(usedFieldsOnly(resize));
    if (grayscale)
        steps.append(GrayscaleStep{});
    return steps;
}

std::optional<QList<Step>> readSteps(const QJsonObject &json, bool required, FieldError *error)
{
    const QJsonValue value = json.value(QLatin1String("steps"));
    if (value.isUndefined() && !required)
        return QList<Step>();
    if (!value.isArray()) {
        *error = FieldError{
            QStringLiteral("steps"),
            value.isUndefined()
                ? QStringLiteral("is missing")
                : QStringLiteral("must be a list (got %1)").arg(describeJsonValue(value))};
        return std::nullopt;
    }
    QList<Step> steps;
    const QJsonArray list = value.toArray();
    for (int i = 0; i < list.size(); ++i) {
        if (!list[i].isObject()) {
            *error = FieldError{
                QStringLiteral("steps[%1]").arg(i),
                QStringLiteral("must be an object (got %1)").arg(describeJsonValue(list[i]))};
            return std::nullopt;
        }
        std::optional<Step> step = stepFromJson(list[i].toObject(), required, i, error);
        if (!step)
            return std::nullopt;
        steps.append(*step);
    }
    return steps;
}

// The version decides how the steps are read: absent or 1 is the flat form (people's files
// only), 2 is the list; anything newer was written by a later Pixelmill.
std::optional<QList<Step>> readVersionedSteps(const QJsonObject &json, bool keysRequired,
                                              FieldReader &reader, FieldError *error)
{
    int version = keysRequired ? Recipe::kVersion : 1;
    reader.readInt("version", &version);
    if (!reader.ok())
        return std::nullopt;
    if (version == Recipe::kVersion)
        return readSteps(json, keysRequired, error);
    if (version < 1 || version > Recipe::kVersion || keysRequired) {
        *error = FieldError{
            QStringLiteral("version"),
            QStringLiteral("must be %1 (got %2)%3")
                .arg(keysRequired ? QString::number(Recipe::kVersion) : QStringLiteral("1 or 2"))
                .arg(version)
                .arg(version > Recipe::kVersion ? QStringLiteral(": written by a newer Pixelmill")
                                                : QString())};
        return std::nullopt;
    }
    return migratedSteps(reader);
}

// The one decoder behind fromJson and fromWireJson: keys are read in toJson()'s order, and
// the first bad one is reported.
std::optional<Recipe> decodeRecipe(const QJsonObject &json, bool keysRequired, FieldError *error)
{
    Recipe r;
    FieldReader reader(json, keysRequired);
    FieldError stepError;
    std::optional<QList<Step>> steps = readVersionedSteps(json, keysRequired, reader, &stepError);
    std::optional<FieldError> failure = reader.error();
    if (!failure && !steps)
        failure = stepError;
    if (steps)
        r.steps = *steps;
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
    if (!failure)
        failure = reader.error();
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
