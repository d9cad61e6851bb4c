#include "compareviewport.h"

#include <QtMath>

CompareViewport::CompareViewport(QObject *parent) : QObject(parent) {}

void CompareViewport::setContentSize(const QSizeF &size)
{
    const QPointF relative = m_content.isEmpty() ? QPointF(0.5, 0.5)
                                                 : QPointF(m_center.x() / m_content.width(),
                                                           m_center.y() / m_content.height());
    m_content = size;
    if (m_fitted)
        fit();
    else
        setZoomAndCenter(m_zoom,
                         QPointF(relative.x() * size.width(), relative.y() * size.height()));
}

void CompareViewport::setCanvasSize(const QSize &size)
{
    if (size == m_canvas)
        return;
    m_canvas = size;
    if (m_fitted)
        fit();
    else
        Q_EMIT changed();
}

QPointF CompareViewport::canvasCenter() const
{
    return QPointF(m_canvas.width() / 2.0, m_canvas.height() / 2.0);
}

QRectF CompareViewport::contentRect() const
{
    const QSizeF shown = m_content * m_zoom;
    return QRectF(canvasCenter() - m_center * m_zoom, shown);
}

double CompareViewport::fitZoom() const
{
    if (m_content.isEmpty() || m_canvas.isEmpty())
        return 1.0;
    const double zoom =
        qMin(m_canvas.width() / m_content.width(), m_canvas.height() / m_content.height());
    return qBound(kMinZoom, qMin(zoom, 1.0), kMaxZoom);
}

void CompareViewport::fit()
{
    m_fitted = true;
    setZoomAndCenter(fitZoom(), QPointF(m_content.width() / 2, m_content.height() / 2));
}

void CompareViewport::showActualSize()
{
    m_fitted = false;
    setZoomAndCenter(1.0, m_center);
}

void CompareViewport::zoomBy(double factor, const QPointF &anchor)
{
    const double zoom = qBound(kMinZoom, m_zoom * factor, kMaxZoom);
    const QPointF offset = anchor - canvasCenter();
    const QPointF underAnchor = m_center + offset / m_zoom;
    m_fitted = false;
    setZoomAndCenter(zoom, underAnchor - offset / zoom);
}

void CompareViewport::zoomBy(double factor)
{
    zoomBy(factor, canvasCenter());
}

void CompareViewport::panBy(const QPointF &canvasDelta)
{
    m_fitted = false;
    setZoomAndCenter(m_zoom, m_center - canvasDelta / m_zoom);
}

// The centre stays on the picture, so panning never loses it off screen.
void CompareViewport::setZoomAndCenter(double zoom, const QPointF &center)
{
    m_zoom = zoom;
    m_center = QPointF(qBound(0.0, center.x(), m_content.width()),
                       qBound(0.0, center.y(), m_content.height()));
    Q_EMIT changed();
}
