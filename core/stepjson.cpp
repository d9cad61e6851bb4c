#include "stepjson.h"

#include "fieldreader.h"

using namespace RecipeNames;

namespace {

constexpr int kMaxDimension = 100000;

QString aspectToString(const CropStep &crop)
{
    return QStringLiteral("%1:%2").arg(crop.aspectWidth).arg(crop.aspectHeight);
}

std::optional<std::pair<int, int>> aspectFromString(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 2)
        return std::nullopt;
    bool okW = false, okH = false;
    const int w = parts[0].toInt(&okW), h = parts[1].toInt(&okH);
    if (!okW || !okH)
        return std::nullopt;
    return std::make_pair(w, h);
}

QJsonObject fields(const Step &step)
{
    if (const auto *s = std::get_if<ResizeStep>(&step))
        return {{QStringLiteral("mode"), toString(s->mode)},
                {QStringLiteral("width"), s->width},
                {QStringLiteral("height"), s->height},
                {QStringLiteral("percent"), s->percent},
                {QStringLiteral("longEdge"), s->longEdge},
                {QStringLiteral("noEnlarge"), s->noEnlarge}};
    if (const auto *s = std::get_if<CropStep>(&step)) {
        if (s->aspectWidth == 0 && s->aspectHeight == 0)
            return {{QStringLiteral("box"), boxToString(s->box)}};
        return {{QStringLiteral("aspect"), aspectToString(*s)},
                {QStringLiteral("gravity"), toString(s->gravity)}};
    }
    if (const auto *s = std::get_if<RotateStep>(&step))
        return {{QStringLiteral("degrees"), s->degrees}};
    if (const auto *s = std::get_if<FlipStep>(&step))
        return {{QStringLiteral("axis"), toString(s->axis)}};
    if (const auto *s = std::get_if<PadStep>(&step))
        return {{QStringLiteral("size"), sizeToString(s->size)},
                {QStringLiteral("background"), toString(s->background)},
                {QStringLiteral("gravity"), toString(s->gravity)}};
    if (const auto *s = std::get_if<SharpenStep>(&step))
        return {{QStringLiteral("sigma"), s->sigma}, {QStringLiteral("amount"), s->amount}};
    if (const auto *s = std::get_if<AdjustStep>(&step))
        return {{QStringLiteral("brightness"), s->brightness},
                {QStringLiteral("contrast"), s->contrast},
                {QStringLiteral("gamma"), s->gamma}};
    if (const auto *s = std::get_if<WatermarkStep>(&step)) {
        QJsonObject json{{QStringLiteral("font"), s->font},
                         {QStringLiteral("size"), s->sizePercent},
                         {QStringLiteral("colour"), toString(s->colour)},
                         {QStringLiteral("opacity"), s->opacity},
                         {QStringLiteral("position"), toString(s->position)},
                         {QStringLiteral("margin"), s->marginPercent}};
        if (s->imagePath.isEmpty())
            json.insert(QStringLiteral("text"), s->text);
        else
            json.insert(QStringLiteral("image"), s->imagePath);
        return json;
    }
    return {}; // autolevel, grayscale: the op alone
}

void readResize(FieldReader &reader, ResizeStep *s)
{
    reader.readEnum("mode", &s->mode, kResizeModes, resizeModeFromString);
    reader.readInt("width", &s->width);
    reader.readInt("height", &s->height);
    reader.readNumber("percent", &s->percent);
    reader.readInt("longEdge", &s->longEdge);
    reader.readBool("noEnlarge", &s->noEnlarge);
}

// Either "aspect" (with "gravity") or "box": the one present decides, even on the wire.
void readCrop(FieldReader &reader, CropStep *s)
{
    if (reader.has("box") && !reader.has("aspect")) {
        reader.readParsed("box", &s->box, boxFromString, QStringLiteral("WxH+X+Y"));
        return;
    }
    std::pair<int, int> aspect{s->aspectWidth, s->aspectHeight};
    if (!reader.has("aspect"))
        reader.fail("aspect", QStringLiteral("or \"box\" is missing"));
    reader.readParsed("aspect", &aspect, aspectFromString, QStringLiteral("W:H"));
    s->aspectWidth = aspect.first;
    s->aspectHeight = aspect.second;
    reader.readEnum("gravity", &s->gravity, kGravities, gravityFromString);
}

void readPad(FieldReader &reader, PadStep *s)
{
    reader.readParsed("size", &s->size, sizeFromString, QStringLiteral("WxH"));
    reader.readParsed("background", &s->background, rgbaFromString,
                      QStringLiteral("#rrggbb or #rrggbbaa"));
    reader.readEnum("gravity", &s->gravity, kGravities, gravityFromString);
}

void readWatermark(FieldReader &reader, WatermarkStep *s)
{
    if (reader.has("image"))
        reader.readString("image", &s->imagePath);
    else
        reader.readString("text", &s->text);
    reader.readString("font", &s->font);
    reader.readNumber("size", &s->sizePercent);
    reader.readParsed("colour", &s->colour, rgbaFromString, QStringLiteral("#rrggbb or #rrggbbaa"));
    reader.readInt("opacity", &s->opacity);
    reader.readEnum("position", &s->position, kGravities, gravityFromString);
    reader.readNumber("margin", &s->marginPercent);
}

void readFields(FieldReader &reader, Step *step)
{
    if (auto *s = std::get_if<ResizeStep>(step))
        readResize(reader, s);
    else if (auto *s = std::get_if<CropStep>(step))
        readCrop(reader, s);
    else if (auto *s = std::get_if<RotateStep>(step))
        reader.readInt("degrees", &s->degrees);
    else if (auto *s = std::get_if<FlipStep>(step))
        reader.readEnum("axis", &s->axis, kFlipAxes, flipAxisFromString);
    else if (auto *s = std::get_if<PadStep>(step))
        readPad(reader, s);
    else if (auto *s = std::get_if<SharpenStep>(step)) {
        reader.readNumber("sigma", &s->sigma);
        reader.readNumber("amount", &s->amount);
    } else if (auto *s = std::get_if<AdjustStep>(step)) {
        reader.readNumber("brightness", &s->brightness);
        reader.readNumber("contrast", &s->contrast);
        reader.readNumber("gamma", &s->gamma);
    } else if (auto *s = std::get_if<WatermarkStep>(step))
        readWatermark(reader, s);
}

// A default-constructed step of every kind, to find the one an "op" names.
const Step kEveryStep[] = {ResizeStep{},    CropStep{},     RotateStep{}, FlipStep{},
                           PadStep{},       SharpenStep{},  AdjustStep{}, AutoLevelStep{},
                           GrayscaleStep{}, WatermarkStep{}};

QString prefixFor(int index)
{
    return QStringLiteral("steps[%1].").arg(index);
}

std::optional<FieldError> outOfRange(int index, const char *key, double value, double low,
                                     double high)
{
    if (value >= low && value <= high)
        return std::nullopt;
    return FieldError{
        prefixFor(index) + QLatin1String(key),
        QStringLiteral("must be between %1 and %2 (got %3)").arg(low).arg(high).arg(value)};
}

std::optional<FieldError> problem(int index, const char *key, const QString &text)
{
    return FieldError{prefixFor(index) + QLatin1String(key), text};
}

std::optional<FieldError> outOfPixels(int index, const char *key, int value)
{
    if (value >= 1 && value <= kMaxDimension)
        return std::nullopt;
    return problem(
        index, key,
        QStringLiteral("must be between 1 and %1 pixels (got %2)").arg(kMaxDimension).arg(value));
}

std::optional<FieldError> invalidResize(const ResizeStep &s, int i)
{
    switch (s.mode) {
    case ResizeMode::None:
        return std::nullopt;
    case ResizeMode::Fit:
    case ResizeMode::Fill:
    case ResizeMode::Exact:
        if (auto error = outOfPixels(i, "width", s.width))
            return error;
        return outOfPixels(i, "height", s.height);
    case ResizeMode::Percent:
        if (!(s.percent > 0 && s.percent <= 1000))
            return problem(
                i, "percent",
                QStringLiteral("must be more than 0 and at most 1000 (got %1)").arg(s.percent));
        return std::nullopt;
    case ResizeMode::LongEdge:
        return outOfPixels(i, "longEdge", s.longEdge);
    }
    return std::nullopt;
}

std::optional<FieldError> invalidCrop(const CropStep &s, int i)
{
    if (s.aspectWidth == 0 && s.aspectHeight == 0) {
        if (s.box.width() < 1 || s.box.height() < 1 || s.box.x() < 0 || s.box.y() < 0 ||
            s.box.right() >= kMaxDimension || s.box.bottom() >= kMaxDimension)
            return problem(i, "box",
                           QStringLiteral("must be WxH+X+Y inside %1 pixels (got %2)")
                               .arg(kMaxDimension)
                               .arg(boxToString(s.box)));
        return std::nullopt;
    }
    if (s.aspectWidth < 1 || s.aspectHeight < 1 || s.aspectWidth > kMaxDimension ||
        s.aspectHeight > kMaxDimension)
        return problem(i, "aspect",
                       QStringLiteral("must be two whole numbers from 1 to %1 (got %2)")
                           .arg(kMaxDimension)
                           .arg(aspectToString(s)));
    return std::nullopt;
}

std::optional<FieldError> invalidGravity(int i, const char *key, Gravity gravity)
{
    if (gravity != Gravity::Attention)
        return std::nullopt;
    return problem(i, key, QStringLiteral("cannot be attention (only crops can)"));
}

std::optional<FieldError> invalidWatermark(const WatermarkStep &s, int i)
{
    if (s.text.isEmpty() == s.imagePath.isEmpty())
        return problem(i, "text", QStringLiteral("or \"image\" must be given, not both"));
    if (auto error = outOfRange(i, "size", s.sizePercent, 0.1, 100))
        return error;
    if (auto error = outOfRange(i, "opacity", s.opacity, 0, 100))
        return error;
    if (auto error = invalidGravity(i, "position", s.position))
        return error;
    if (auto error = outOfRange(i, "margin", s.marginPercent, 0, 50))
        return error;
    for (const int c : {s.colour.r, s.colour.g, s.colour.b, s.colour.a})
        if (c < 0 || c > 255)
            return problem(i, "colour", QStringLiteral("has a channel outside 0-255"));
    return std::nullopt;
}

std::optional<FieldError> invalidPad(const PadStep &s, int i)
{
    if (s.size.width() < 1 || s.size.height() < 1 || s.size.width() > kMaxDimension ||
        s.size.height() > kMaxDimension)
        return problem(i, "size",
                       QStringLiteral("must be between 1x1 and %1x%1 pixels (got %2)")
                           .arg(kMaxDimension)
                           .arg(sizeToString(s.size)));
    return invalidGravity(i, "gravity", s.gravity);
}

std::optional<FieldError> invalidAdjust(const AdjustStep &s, int i)
{
    if (auto error = outOfRange(i, "brightness", s.brightness, -100, 100))
        return error;
    if (auto error = outOfRange(i, "contrast", s.contrast, -100, 100))
        return error;
    return outOfRange(i, "gamma", s.gamma, 0.1, 10);
}

} // namespace

QJsonObject stepToJson(const Step &step)
{
    QJsonObject json = fields(step);
    json.insert(QStringLiteral("op"), opName(step));
    return json;
}

std::optional<Step> stepFromJson(const QJsonObject &json, bool required, int index,
                                 FieldError *error)
{
    const QString op = json.value(QLatin1String("op")).toString();
    for (const Step &kind : kEveryStep) {
        if (opName(kind) != op)
            continue;
        Step step = kind;
        FieldReader reader(json, required, prefixFor(index));
        readFields(reader, &step);
        if (reader.ok())
            return step;
        if (error)
            *error = *reader.error();
        return std::nullopt;
    }
    if (error)
        *error = FieldError{prefixFor(index) + QStringLiteral("op"),
                            QStringLiteral("is not a known operation (got %1)")
                                .arg(describeJsonValue(json.value(QLatin1String("op"))))};
    return std::nullopt;
}

std::optional<FieldError> invalidStepField(const Step &step, int i)
{
    if (const auto *s = std::get_if<ResizeStep>(&step))
        return invalidResize(*s, i);
    if (const auto *s = std::get_if<CropStep>(&step))
        return invalidCrop(*s, i);
    if (const auto *s = std::get_if<RotateStep>(&step)) {
        if (s->degrees == 90 || s->degrees == 180 || s->degrees == 270)
            return std::nullopt;
        return problem(i, "degrees",
                       QStringLiteral("must be 90, 180 or 270 (got %1)").arg(s->degrees));
    }
    if (const auto *s = std::get_if<PadStep>(&step))
        return invalidPad(*s, i);
    if (const auto *s = std::get_if<SharpenStep>(&step)) {
        if (auto error = outOfRange(i, "sigma", s->sigma, 0.1, 10))
            return error;
        return outOfRange(i, "amount", s->amount, 0, 10);
    }
    if (const auto *s = std::get_if<AdjustStep>(&step))
        return invalidAdjust(*s, i);
    if (const auto *s = std::get_if<WatermarkStep>(&step))
        return invalidWatermark(*s, i);
    return std::nullopt;
}
