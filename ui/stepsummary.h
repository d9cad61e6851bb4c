#pragma once

#include <QString>

#include "step.h"

// What the Operations list shows and offers for each step of a recipe (issue 13): the kinds in
// the "Add step" menu, a sensible new step of each, a title and a one-line summary.

// The menu's kinds, in the menu's order. A WatermarkStep is one of two kinds: text or image.
enum class StepKind {
    Resize,
    Crop,
    Rotate,
    Flip,
    Pad,
    Sharpen,
    Adjust,
    AutoLevel,
    Grayscale,
    TextWatermark,
    ImageWatermark
};
inline constexpr int kStepKindCount = int(StepKind::ImageWatermark) + 1;

// A watermark with an image path is an image watermark, one with text a text watermark; one
// with neither counts as an image watermark still waiting for its file.
StepKind stepKind(const Step &step);
// The step that "Add step" inserts: what most people would pick first (fit in 1920x1080,
// crop 1:1 at the centre, the unsharp mask's own defaults for "Sharpen after resize"...).
Step defaultStep(StepKind kind);
// "Crop", "Text watermark": for menu entries and the editor's title.
QString stepTitle(StepKind kind);
// One translated line: "Crop 1:1, attention", "Resize: fit in 1920×1080".
QString stepSummary(const Step &step);
// "top left", "centre", "attention": the placement words the summaries use.
QString gravityName(Gravity gravity);
