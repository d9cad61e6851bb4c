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
ResizePlan planResize(const Recipe &recipe, QSize source);
