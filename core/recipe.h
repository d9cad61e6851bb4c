#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// What to do to every image of a batch. A plain value: cheap to copy, compared with ==,
// sent to workers as JSON.
enum class ResizeMode { None, Fit, Fill, Exact, Percent, LongEdge };
enum class OutputFormat { Same, Jpeg, Png, Webp, Tiff };
enum class EngineChoice { Auto, Vips, OpenCv };
// What happens to the input's colour profile: converted to sRGB (the default; the output is
// then untagged, which every viewer reads as sRGB), or the original profile written into the
// output with the pixels unchanged.
enum class ColourPolicy { Srgb, Keep };

struct Recipe
{
    ResizeMode resizeMode = ResizeMode::None;
    int width = 0;        // Fit, Fill, Exact
    int height = 0;       // Fit, Fill, Exact
    double percent = 100; // Percent
    int longEdge = 0;     // LongEdge
    bool noEnlarge = false;
    bool grayscale = false;
    OutputFormat format = OutputFormat::Same;
    int quality = 85;           // 1-100; used by JPEG and WebP (PNG and TIFF are lossless)
    bool stripMetadata = false; // EXIF, XMP and IPTC all removed
    bool stripGps = false;      // only the location (EXIF GPS and XMP exif:GPS*) removed
    ColourPolicy colour = ColourPolicy::Srgb;
    bool autoOrient = true;
    EngineChoice engine = EngineChoice::Auto;

    // Empty when the recipe can run; otherwise one sentence naming the bad value.
    QString validationError() const;
    bool isValid() const { return validationError().isEmpty(); }

    QJsonObject toJson() const;
    // Unknown keys are ignored; missing keys keep their defaults; bad values fail with *error.
    static std::optional<Recipe> fromJson(const QJsonObject &json, QString *error = nullptr);

    friend bool operator==(const Recipe &a, const Recipe &b);
    friend bool operator!=(const Recipe &a, const Recipe &b) { return !(a == b); }
};

QString toString(ResizeMode mode);
QString toString(OutputFormat format);
QString toString(EngineChoice engine);
QString toString(ColourPolicy colour);
std::optional<ResizeMode> resizeModeFromString(const QString &text);
std::optional<OutputFormat> outputFormatFromString(const QString &text);
std::optional<EngineChoice> engineChoiceFromString(const QString &text);
std::optional<ColourPolicy> colourPolicyFromString(const QString &text);

// File name extension (without dot) for a format; Same has none.
QString extensionFor(OutputFormat format);
