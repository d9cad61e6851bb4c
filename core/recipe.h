#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

#include "step.h"

// What to do to every image of a batch. A plain value: cheap to copy, compared with ==,
// sent to workers as JSON.
enum class OutputFormat { Same, Jpeg, Png, Webp, Tiff, Avif, Jxl, Heic };
// JPEG chroma: 4:2:0 halves the colour planes both ways (libjpeg's default), 4:4:4 keeps them.
enum class ChromaSubsampling { S420, S444 };
enum class EngineChoice { Auto, Vips, OpenCv };
// What happens to the input's colour profile: converted to sRGB (the default; the output is
// then untagged, which every viewer reads as sRGB), or the original profile written into the
// output with the pixels unchanged.
enum class ColourPolicy { Srgb, Keep };

// A value that cannot be used, named by its JSON key: `field` is e.g. "width", `problem` e.g.
// "must be between 1 and 100000 (got 0)". The wire reports it as "recipe.width: must be ...",
// people read it as "Width must be ...".
struct FieldError
{
    QString field;
    QString problem;
    QString wireText(const QString &prefix) const;
};

struct Recipe
{
    // The format of toJson(); fromJson migrates older (unversioned, flat) recipes.
    static constexpr int kVersion = 2;

    // The operations, applied in this order to the upright sRGB image (step.h): the one
    // description of what happens to the pixels.
    QList<Step> steps;
    OutputFormat format = OutputFormat::Same;
    int quality = 85; // 1-100; used by JPEG, WebP, AVIF, HEIC and JPEG XL
    // --max-size: 0 = no budget; else each output fits in this many kB (1000 bytes), quality
    // searched in [1, quality] (core/sizebudget.h, core/engine/qualitysearch.h).
    int maxSizeKb = 0;
    // Encoder options. effort: AVIF/HEIC/JPEG XL, 1 (fastest) to 9 (smallest files).
    int effort = 4;
    bool progressive = false;                                // JPEG
    ChromaSubsampling subsampling = ChromaSubsampling::S420; // JPEG
    int pngCompression = 6;                                  // zlib level 0-9
    bool palette = false;       // PNG: quantised to at most 256 colours (libimagequant)
    bool lossless = false;      // WebP
    bool stripMetadata = false; // EXIF, XMP and IPTC all removed
    bool stripGps = false;      // only the location (EXIF GPS and XMP exif:GPS*) removed
    ColourPolicy colour = ColourPolicy::Srgb;
    bool autoOrient = true;
    EngineChoice engine = EngineChoice::Auto;

    // The first resize step, wherever it is; null when there is none.
    const ResizeStep *firstResize() const;
    // steps[0] when it is a resize: the one the engine fuses with decoding (shrink-on-load).
    const ResizeStep *leadingResize() const;
    bool hasGrayscale() const;
    // For forms with one resize and a grayscale switch (the GUI's, the CLI's flags); other
    // steps stay as they are. setResize replaces the first resize step, or puts one first;
    // mode None removes it. setGrayscale(true) adds one before any watermark (a logo keeps
    // its colours), false removes every grayscale step.
    void setResize(const ResizeStep &resize);
    void setGrayscale(bool on);

    // The first value out of range (a step's field is named "steps[2].degrees"), if any; the
    // one place ranges live.
    std::optional<FieldError> invalidField() const;
    // Empty when the recipe can run; otherwise one sentence naming the bad value.
    QString validationError() const;
    bool isValid() const { return !invalidField().has_value(); }

    QJsonObject toJson() const;
    // For people's files (presets, settings, --recipe): unknown keys are ignored, missing keys
    // keep their defaults; bad values fail with *error, a sentence. A recipe without "version"
    // (or version 1: flat resize and grayscale keys) becomes steps [resize?, grayscale?].
    static std::optional<Recipe> fromJson(const QJsonObject &json, QString *error = nullptr);
    // For the wire: every key of toJson() is required (version 2 only), with its type and
    // range, in every step too; nullopt with *error naming the first bad field. Unknown keys
    // are still ignored; an unknown step op is an error naming it.
    static std::optional<Recipe> fromWireJson(const QJsonObject &json, FieldError *error);

    friend bool operator==(const Recipe &a, const Recipe &b);
    friend bool operator!=(const Recipe &a, const Recipe &b) { return !(a == b); }
};

QString toString(ResizeMode mode);
QString toString(OutputFormat format);
QString toString(EngineChoice engine);
QString toString(ColourPolicy colour);
QString toString(ChromaSubsampling subsampling);
QString toString(Gravity gravity);
QString toString(FlipAxis axis); // "h" or "v"
std::optional<ResizeMode> resizeModeFromString(const QString &text);
std::optional<OutputFormat> outputFormatFromString(const QString &text);
std::optional<EngineChoice> engineChoiceFromString(const QString &text);
std::optional<ColourPolicy> colourPolicyFromString(const QString &text);
std::optional<ChromaSubsampling> subsamplingFromString(const QString &text);
std::optional<Gravity> gravityFromString(const QString &text); // also "center"
std::optional<FlipAxis> flipAxisFromString(const QString &text);

// File name extension (without dot) for a format; Same has none.
QString extensionFor(OutputFormat format);
