#pragma once

#include <QByteArray>

#include <functional>

#include "recipe.h"

// Internal to pixelmill_engine: the search behind `--max-size` (Recipe::maxSizeKb).
//
// Assumption: the encoded size does not shrink as quality rises (true of JPEG, AVIF, HEIC and
// JPEG XL in practice; WebP wobbles by a few bytes between neighbours). The search brackets
// the answer between a quality that fits and one that does not, and ends when they are
// neighbours, so whatever the curve does, the chosen quality fits and the one above it was
// encoded and did not. First guess: recipe.quality * budget / size at recipe.quality; then
// bisection. Encodes, recipe quality included, measured over JPEG, WebP and AVIF curves of
// two photos at quality 75/85/95 and 39 budgets each: 6.9 on average, at most 9 (bisection
// alone: 7.5 and 8). The smallest fitting encode is never re-made: the best one is kept.

struct BudgetedEncoding
{
    QByteArray bytes;
    int chosenQuality = 0; // 0: no budget, or a format without quality (PNG, TIFF, lossless WebP)
    int encodes = 0;       // how many encodes it took
};

// Encodes the final pixels at the given quality, metadata included (it counts toward the
// budget: the file's size is what people care about).
using QualityEncoder = std::function<QByteArray(int quality)>;

// Without a budget: one encode at recipe.quality. With one: the highest quality in
// [1, recipe.quality] whose output fits, and chosenQuality == recipe.quality when it already
// fits. A format without quality is encoded once and checked. Throws EngineFailure (TooLarge)
// when nothing fits: "cannot fit under 50 kB: 63 kB at quality 1; allow more or resize
// smaller", so no output is written.
BudgetedEncoding encodeWithinBudget(const Recipe &recipe, OutputFormat format,
                                    const QualityEncoder &encodeAt);
