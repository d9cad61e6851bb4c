#pragma once

#include <QString>

#include <optional>

#include "recipe.h"

// The recipe's byte budget (Recipe::maxSizeKb, `--max-size KB`): the rules that do not need
// pixels. The quality search itself is core/engine/qualitysearch.h.

// kB as Linux file managers and `ls -h --si` show them: 1 kB = 1000 bytes.
constexpr qint64 kBytesPerKb = 1000;
constexpr int kMaxSizeKbLimit = 1'000'000; // 1 GB: far above any image people budget

// Bytes the output may have; 0 when the recipe sets no budget.
qint64 budgetBytes(const Recipe &recipe);

// True when `format` has a quality to lower: JPEG, AVIF, HEIC, JPEG XL, and WebP unless lossless.
bool hasQualitySetting(OutputFormat format, const Recipe &recipe);

// The range, and a budget on an output that can never be searched: PNG, TIFF or lossless WebP
// named by the recipe are refused before a batch starts, since lowering nothing cannot help.
// (With "same as input", a PNG or TIFF output is only checked against the budget per image.)
std::optional<FieldError> checkSizeBudget(const Recipe &recipe);

// "63 kB": whole kB, rounded up, so a file over the budget never reads as equal to it.
QString kbText(qint64 bytes);
