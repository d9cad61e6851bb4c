#include "sizebudget.h"

qint64 budgetBytes(const Recipe &recipe)
{
    return qint64(recipe.maxSizeKb) * kBytesPerKb;
}

bool hasQualitySetting(OutputFormat format, const Recipe &recipe)
{
    switch (format) {
    case OutputFormat::Jpeg:
    case OutputFormat::Avif:
    case OutputFormat::Heic:
    case OutputFormat::Jxl:
        return true;
    case OutputFormat::Webp:
        return !recipe.lossless;
    case OutputFormat::Same:
    case OutputFormat::Png:
    case OutputFormat::Tiff:
        break;
    }
    return false;
}

std::optional<FieldError> checkSizeBudget(const Recipe &recipe)
{
    const QString field = QStringLiteral("maxSizeKb");
    if (recipe.maxSizeKb < 0 || recipe.maxSizeKb > kMaxSizeKbLimit)
        return FieldError{field, QStringLiteral("must be between 0 (no limit) and %1 kB (got %2)")
                                     .arg(kMaxSizeKbLimit)
                                     .arg(recipe.maxSizeKb)};
    if (recipe.maxSizeKb == 0 || recipe.format == OutputFormat::Same ||
        hasQualitySetting(recipe.format, recipe))
        return std::nullopt;
    const QString what = recipe.format == OutputFormat::Webp ? QStringLiteral("lossless WebP")
                                                             : toString(recipe.format).toUpper();
    return FieldError{field, QStringLiteral("needs a format with a quality setting (JPEG, WebP, "
                                            "AVIF, HEIC or JPEG XL); %1 has none to lower")
                                 .arg(what)};
}

QString kbText(qint64 bytes)
{
    return QStringLiteral("%1 kB").arg((bytes + kBytesPerKb - 1) / kBytesPerKb);
}
