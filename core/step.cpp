#include "step.h"

bool operator==(const ResizeStep &a, const ResizeStep &b)
{
    return a.mode == b.mode && a.width == b.width && a.height == b.height &&
           a.percent == b.percent && a.longEdge == b.longEdge && a.noEnlarge == b.noEnlarge;
}

bool operator==(const CropStep &a, const CropStep &b)
{
    return a.aspectWidth == b.aspectWidth && a.aspectHeight == b.aspectHeight && a.box == b.box &&
           a.gravity == b.gravity;
}

bool operator==(const RotateStep &a, const RotateStep &b)
{
    return a.degrees == b.degrees;
}

bool operator==(const FlipStep &a, const FlipStep &b)
{
    return a.axis == b.axis;
}

bool operator==(const PadStep &a, const PadStep &b)
{
    return a.size == b.size && a.background == b.background && a.gravity == b.gravity;
}

bool operator==(const SharpenStep &a, const SharpenStep &b)
{
    return a.sigma == b.sigma && a.amount == b.amount;
}

bool operator==(const AdjustStep &a, const AdjustStep &b)
{
    return a.brightness == b.brightness && a.contrast == b.contrast && a.gamma == b.gamma;
}

bool operator==(const AutoLevelStep &, const AutoLevelStep &)
{
    return true;
}

bool operator==(const GrayscaleStep &, const GrayscaleStep &)
{
    return true;
}

bool operator==(const WatermarkStep &a, const WatermarkStep &b)
{
    return a.text == b.text && a.imagePath == b.imagePath && a.font == b.font &&
           a.sizePercent == b.sizePercent && a.colour == b.colour && a.opacity == b.opacity &&
           a.position == b.position && a.marginPercent == b.marginPercent;
}
