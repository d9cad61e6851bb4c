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

ResizePlan planFill(const Recipe &r, QSize source)
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

QSize planFit(const Recipe &r, QSize source)
{
    double factor = std::min(double(r.width) / source.width(), double(r.height) / source.height());
    if (r.noEnlarge)
        factor = std::min(factor, 1.0);
    QSize scaled = scaleBy(source, factor);
    // Rounding must never push a side past the box.
    return scaled.boundedTo(QSize(std::max(r.width, 1), std::max(r.height, 1)));
}

} // namespace

ResizePlan planResize(const Recipe &r, QSize source)
{
    if (source.isEmpty())
        return whole(source);
    switch (r.resizeMode) {
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
