#include "recipenames.h"

using namespace RecipeNames;

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

QString toString(Gravity gravity)
{
    return nameOf(kGravities, gravity);
}

QString toString(FlipAxis axis)
{
    return nameOf(kFlipAxes, axis);
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

std::optional<Gravity> gravityFromString(const QString &text)
{
    if (text.compare(QLatin1String("center"), Qt::CaseInsensitive) == 0)
        return Gravity::Centre;
    return valueOf(kGravities, text);
}

std::optional<FlipAxis> flipAxisFromString(const QString &text)
{
    return valueOf(kFlipAxes, text);
}

QString extensionFor(OutputFormat format)
{
    return format == OutputFormat::Same ? QString() : toString(format);
}
