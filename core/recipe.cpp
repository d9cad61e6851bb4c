#include "recipe.h"

#include <QJsonArray>

#include <array>
#include <utility>

#include "fieldreader.h"
#include "sizebudget.h"
#include "stepjson.h"

namespace {

// What people call each key, for sentences; the wire uses the key itself. Steps' keys too
// ("steps[0].width" reads "Operation 1: Width ..."), and version 1's flat ones.
const std::array<std::pair<const char *, const char *>, 43> kFieldLabels{{
    {"steps", "Operations"},
    {"version", "Recipe version"},
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
    {"resize", "Resize mode"},
    {"mode", "Resize mode"},
    {"width", "Width"},
    {"height", "Height"},
    {"percent", "Percent"},
    {"longEdge", "Long edge"},
    {"noEnlarge", "No-enlarge"},
    {"grayscale", "Grayscale"},
    {"op", "Operation"},
    {"aspect", "Aspect"},
    {"box", "Box"},
    {"gravity", "Gravity"},
    {"degrees", "Degrees"},
    {"axis", "Axis"},
    {"size", "Size"},
    {"background", "Background"},
    {"sigma", "Sigma"},
    {"amount", "Amount"},
    {"brightness", "Brightness"},
    {"contrast", "Contrast"},
    {"gamma", "Gamma"},
    {"text", "Text"},
    {"image", "Image"},
    {"font", "Font"},
    {"opacity", "Opacity"},
    {"position", "Position"},
    {"margin", "Margin"},
}};

QString labelled(const QString &key, const QString &problem)
{
    for (const auto &[name, label] : kFieldLabels)
        if (key == QLatin1String(name))
            return QStringLiteral("%1 %2.").arg(QLatin1String(label), problem);
    return QStringLiteral("\"%1\" %2.").arg(key, problem);
}

} // namespace

QString sentenceFor(const FieldError &error)
{
    // "steps[2].degrees" reads "Operation 3: Degrees ..."
    const int close = error.field.indexOf(QLatin1String("]."));
    if (error.field.startsWith(QLatin1String("steps[")) && close > 0) {
        const int index = error.field.mid(6, close - 6).toInt();
        return QStringLiteral("Operation %1: %2")
            .arg(index + 1)
            .arg(labelled(error.field.mid(close + 2), error.problem));
    }
    return labelled(error.field, error.problem);
}

QString FieldError::wireText(const QString &prefix) const
{
    return QStringLiteral("%1%2: %3").arg(prefix, field, problem);
}

const ResizeStep *Recipe::firstResize() const
{
    for (const Step &step : steps)
        if (const auto *resize = std::get_if<ResizeStep>(&step))
            return resize;
    return nullptr;
}

const ResizeStep *Recipe::leadingResize() const
{
    return steps.isEmpty() ? nullptr : std::get_if<ResizeStep>(&steps.front());
}

bool Recipe::hasGrayscale() const
{
    for (const Step &step : steps)
        if (std::holds_alternative<GrayscaleStep>(step))
            return true;
    return false;
}

void Recipe::setResize(const ResizeStep &resize)
{
    for (int i = 0; i < steps.size(); ++i) {
        if (!std::holds_alternative<ResizeStep>(steps[i]))
            continue;
        if (resize.mode == ResizeMode::None)
            steps.removeAt(i);
        else
            steps[i] = resize;
        return;
    }
    if (resize.mode != ResizeMode::None)
        steps.prepend(resize);
}

void Recipe::setGrayscale(bool on)
{
    if (on == hasGrayscale())
        return;
    if (!on) {
        steps.removeIf([](const Step &s) { return std::holds_alternative<GrayscaleStep>(s); });
        return;
    }
    int at = steps.size();
    while (at > 0 && std::holds_alternative<WatermarkStep>(steps[at - 1]))
        --at;
    steps.insert(at, GrayscaleStep{});
}

std::optional<FieldError> Recipe::invalidField() const
{
    for (int i = 0; i < steps.size(); ++i)
        if (auto error = invalidStepField(steps[i], i))
            return error;
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
    QJsonArray stepList;
    for (const Step &step : steps)
        stepList.append(stepToJson(step));
    return QJsonObject{
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("steps"), stepList},
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

bool operator==(const Recipe &a, const Recipe &b)
{
    return a.steps == b.steps && a.format == b.format && a.quality == b.quality &&
           a.stripMetadata == b.stripMetadata && a.stripGps == b.stripGps && a.colour == b.colour &&
           a.autoOrient == b.autoOrient && a.engine == b.engine && a.effort == b.effort &&
           a.progressive == b.progressive && a.subsampling == b.subsampling &&
           a.pngCompression == b.pngCompression && a.palette == b.palette &&
           a.lossless == b.lossless && a.maxSizeKb == b.maxSizeKb;
}
