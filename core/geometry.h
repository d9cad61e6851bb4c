#pragma once

#include <QRect>
#include <QSize>

#include "recipe.h"

// How a source of a given (upright) size becomes the output: scale to `scaled`, then keep
// `crop` (a rectangle inside `scaled`; the whole of it unless the mode is Fill).
// Shared by every engine so that they agree to the pixel on output dimensions.
struct ResizePlan
{
    QSize scaled;
    QRect crop;
    bool isIdentity(QSize source) const { return scaled == source && crop.size() == source; }
};

// Rules: every dimension is at least 1. Fit keeps aspect inside WxH; Fill covers WxH keeping
// aspect, then crops the centre to WxH; Exact stretches to WxH; Percent scales both sides;
// LongEdge makes the longer side N. noEnlarge never scales a side up: Fit/Percent/LongEdge
// keep the source when it is already small enough, Exact limits each axis separately, and Fill
// keeps the cover scale <= 1 and crops to at most WxH.
ResizePlan planResize(const ResizeStep &resize, QSize source);
// The recipe's leading resize (steps[0] when it is one, fused with decoding by the engine);
// the identity when the recipe does not start with a resize.
ResizePlan planLeadingResize(const Recipe &recipe, QSize upright);

// Where a window of `inner` sits inside `outer` by `gravity` (Attention: the centre; the
// engine moves an attention crop by the pixels, its size never depends on them). Odd
// remainders go right and down, as libvips' gravity does.
QRect placeByGravity(QSize inner, QSize outer, Gravity gravity);

// The window a crop keeps of `source`: the largest of the aspect, placed by gravity, or the
// box clipped to the image (empty when they do not meet: that image fails).
QRect cropWindow(const CropStep &crop, QSize source);

// The image's size on a pad canvas: unchanged when it fits, else fitted (aspect kept).
QSize paddedImageSize(const PadStep &pad, QSize source);

// The size one step makes of `source` (empty when it cannot apply).
QSize stepOutputSize(const Step &step, QSize source);

// The output size of the whole recipe for an upright input, every step folded in order.
QSize plannedOutputSize(const Recipe &recipe, QSize upright);
