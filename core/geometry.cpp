#include "geometry.h"

#include <algorithm>
#include <cmath>

namespace {

int scaledSide(int side, double factor)
{
    return std::max(1, static_cast<int>(std::lround(side * factor)));
}

QSize scaleBy(QSize source, double factor)
{
    return {scaledSide(source.width(), factor), scaledSide(source.height(), factor)};
}

ResizePlan whole(QSize scaled)
{
    return {scaled, QRect(QPoint(0, 0), scaled)};
}

ResizePlan planFill(const ResizeStep &r, QSize source)
{
    double factor = std::max(double(r.width) / source.width(), double(r.height) / source.height());
    if (r.noEnlarge)
        factor = std::min(factor, 1.0);
    QSize scaled = scaleBy(source, factor);
    // Rounding can leave the covering side one pixel short; the target box wins.
    if (!r.noEnlarge) {
        scaled = scaled.expandedTo(QSize(r.width, r.height));
    }
    const QSize box = QSize(r.width, r.height).boundedTo(scaled);
    const QPoint topLeft((scaled.width() - box.width()) / 2, (scaled.height() - box.height()) / 2);
    return {scaled, QRect(topLeft, box)};
}

QSize planFit(const ResizeStep &r, QSize source)
{
    double factor = std::min(double(r.width) / source.width(), double(r.height) / source.height());
    if (r.noEnlarge)
        factor = std::min(factor, 1.0);
    QSize scaled = scaleBy(source, factor);
    // Rounding must never push a side past the box.
    return scaled.boundedTo(QSize(std::max(r.width, 1), std::max(r.height, 1)));
}

} // namespace

ResizePlan planResize(const ResizeStep &r, QSize source)
{
    if (source.isEmpty())
        return whole(source);
    switch (r.mode) {
    case ResizeMode::None:
        return whole(source);
    case ResizeMode::Fit:
        return whole(r.noEnlarge && source.width() <= r.width && source.height() <= r.height
                         ? source
                         : planFit(r, source));
    case ResizeMode::Fill:
        return planFill(r, source);
    case ResizeMode::Exact: {
        QSize target(r.width, r.height);
        if (r.noEnlarge)
            target = target.boundedTo(source);
        return whole(target);
    }
    case ResizeMode::Percent: {
        const double factor = r.noEnlarge ? std::min(r.percent, 100.0) / 100 : r.percent / 100;
        return whole(scaleBy(source, factor));
    }
    case ResizeMode::LongEdge: {
        const int longSide = std::max(source.width(), source.height());
        if (r.noEnlarge && longSide <= r.longEdge)
            return whole(source);
        QSize scaled = scaleBy(source, double(r.longEdge) / longSide);
        // The long side is exactly N, whatever the rounding of the factor did.
        if (source.width() >= source.height())
            scaled.setWidth(r.longEdge);
        else
            scaled.setHeight(r.longEdge);
        return whole(scaled);
    }
    }
    return whole(source);
}

ResizePlan planLeadingResize(const Recipe &recipe, QSize upright)
{
    const ResizeStep *leading = recipe.leadingResize();
    return leading ? planResize(*leading, upright) : whole(upright);
}

QRect placeByGravity(QSize inner, QSize outer, Gravity gravity)
{
    const int spareX = outer.width() - inner.width(), spareY = outer.height() - inner.height();
    int x = spareX / 2, y = spareY / 2;
    switch (gravity) {
    case Gravity::North:
    case Gravity::NorthEast:
    case Gravity::NorthWest:
        y = 0;
        break;
    case Gravity::South:
    case Gravity::SouthEast:
    case Gravity::SouthWest:
        y = spareY;
        break;
    default:
        break;
    }
    switch (gravity) {
    case Gravity::West:
    case Gravity::NorthWest:
    case Gravity::SouthWest:
        x = 0;
        break;
    case Gravity::East:
    case Gravity::NorthEast:
    case Gravity::SouthEast:
        x = spareX;
        break;
    default:
        break;
    }
    return QRect(QPoint(x, y), inner);
}

QRect cropWindow(const CropStep &crop, QSize source)
{
    if (crop.aspectWidth <= 0 || crop.aspectHeight <= 0)
        return crop.box.intersected(QRect(QPoint(0, 0), source));
    // Wider than the aspect: full height, width from it; else full width. Integer maths, so
    // that 16:9 of 1920x1200 is exactly 1920x1080.
    const qint64 w = source.width(), h = source.height();
    QSize size;
    if (w * crop.aspectHeight >= h * crop.aspectWidth)
        size = QSize(int((h * crop.aspectWidth * 2 + crop.aspectHeight) / (2 * crop.aspectHeight)),
                     source.height());
    else
        size = QSize(source.width(),
                     int((w * crop.aspectHeight * 2 + crop.aspectWidth) / (2 * crop.aspectWidth)));
    size = size.expandedTo(QSize(1, 1)).boundedTo(source);
    return placeByGravity(size, source, crop.gravity);
}

QSize paddedImageSize(const PadStep &pad, QSize source)
{
    if (source.width() <= pad.size.width() && source.height() <= pad.size.height())
        return source;
    ResizeStep fit;
    fit.mode = ResizeMode::Fit;
    fit.width = pad.size.width();
    fit.height = pad.size.height();
    return planResize(fit, source).crop.size();
}

QSize stepOutputSize(const Step &step, QSize source)
{
    if (source.isEmpty())
        return source;
    if (const auto *resize = std::get_if<ResizeStep>(&step))
        return planResize(*resize, source).crop.size();
    if (const auto *crop = std::get_if<CropStep>(&step))
        return cropWindow(*crop, source).size();
    if (const auto *pad = std::get_if<PadStep>(&step))
        return pad->size;
    if (const auto *rotate = std::get_if<RotateStep>(&step))
        return rotate->degrees == 180 ? source : source.transposed();
    return source; // flip, sharpen, adjust, autolevel, grayscale, watermark
}

QSize plannedOutputSize(const Recipe &recipe, QSize upright)
{
    QSize size = upright;
    for (const Step &step : recipe.steps)
        size = stepOutputSize(step, size);
    return size;
}
