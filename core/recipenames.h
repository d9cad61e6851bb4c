#pragma once

#include <QString>

#include <array>
#include <optional>
#include <utility>

#include "recipe.h"

// Internal to pixelmill_core: the names of the recipe's enums as JSON and the CLI spell them,
// shared by recipenames.cpp (toString and friends) and the JSON readers.

namespace RecipeNames {

template <typename Enum, size_t N> using Table = std::array<std::pair<Enum, const char *>, N>;

template <typename Enum, size_t N> QString nameOf(const Table<Enum, N> &names, Enum value)
{
    for (const auto &[e, name] : names)
        if (e == value)
            return QString::fromLatin1(name);
    return {};
}

template <typename Enum, size_t N>
std::optional<Enum> valueOf(const Table<Enum, N> &names, const QString &text)
{
    for (const auto &[e, name] : names)
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return e;
    return std::nullopt;
}

inline const Table<ResizeMode, 6> kResizeModes{{
    {ResizeMode::None, "none"},
    {ResizeMode::Fit, "fit"},
    {ResizeMode::Fill, "fill"},
    {ResizeMode::Exact, "exact"},
    {ResizeMode::Percent, "percent"},
    {ResizeMode::LongEdge, "long-edge"},
}};

inline const Table<OutputFormat, 8> kFormats{{
    {OutputFormat::Same, "same"},
    {OutputFormat::Jpeg, "jpg"},
    {OutputFormat::Png, "png"},
    {OutputFormat::Webp, "webp"},
    {OutputFormat::Tiff, "tiff"},
    {OutputFormat::Avif, "avif"},
    {OutputFormat::Jxl, "jxl"},
    {OutputFormat::Heic, "heic"},
}};

inline const Table<ChromaSubsampling, 2> kSubsamplings{{
    {ChromaSubsampling::S420, "420"},
    {ChromaSubsampling::S444, "444"},
}};

inline const Table<EngineChoice, 3> kEngines{{
    {EngineChoice::Auto, "auto"},
    {EngineChoice::Vips, "vips"},
    {EngineChoice::OpenCv, "opencv"},
}};

inline const Table<ColourPolicy, 2> kColourPolicies{{
    {ColourPolicy::Srgb, "srgb"},
    {ColourPolicy::Keep, "keep"},
}};

inline const Table<Gravity, 10> kGravities{{
    {Gravity::Centre, "centre"},
    {Gravity::North, "north"},
    {Gravity::NorthEast, "northeast"},
    {Gravity::East, "east"},
    {Gravity::SouthEast, "southeast"},
    {Gravity::South, "south"},
    {Gravity::SouthWest, "southwest"},
    {Gravity::West, "west"},
    {Gravity::NorthWest, "northwest"},
    {Gravity::Attention, "attention"},
}};

inline const Table<FlipAxis, 2> kFlipAxes{{
    {FlipAxis::Horizontal, "h"},
    {FlipAxis::Vertical, "v"},
}};

} // namespace RecipeNames
