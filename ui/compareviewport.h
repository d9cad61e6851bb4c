#pragma once

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QSizeF>

// The zoom and pan that every canvas of the compare view shares, so the before and after
// images always show the same part of the picture. Both images are laid over one content
// frame of `contentSize` pixels (the output's size when there is one): zoom 1 is one output
// pixel per screen pixel ("1:1"), and the input is drawn over the same frame, scaled to it.
//
// Threading: GUI thread.
class CompareViewport : public QObject
{
    Q_OBJECT
public:
    static constexpr double kMinZoom = 0.02;
    static constexpr double kMaxZoom = 32.0;

    explicit CompareViewport(QObject *parent = nullptr);

    void setContentSize(const QSizeF &size); // keeps fit, or the centre when zoomed
    void setCanvasSize(const QSize &size);   // each canvas' size; refits when fitted
    QSizeF contentSize() const { return m_content; }
    QSize canvasSize() const { return m_canvas; }

    double zoom() const { return m_zoom; }
    bool isFitted() const { return m_fitted; }
    QPointF center() const { return m_center; } // content point at the canvas centre

    // Where the content frame lies in a canvas, in that canvas' coordinates.
    QRectF contentRect() const;

    void fit(); // whole picture in view, never enlarged past 1:1
    void showActualSize();
    // Zooms keeping the content point under `anchor` (canvas coordinates) where it is.
    void zoomBy(double factor, const QPointF &anchor);
    void zoomBy(double factor);
    void panBy(const QPointF &canvasDelta); // the picture follows the pointer

Q_SIGNALS:
    void changed();

private:
    double fitZoom() const;
    void setZoomAndCenter(double zoom, const QPointF &center);
    QPointF canvasCenter() const;

    QSizeF m_content;
    QSize m_canvas;
    double m_zoom = 1.0;
    QPointF m_center;
    bool m_fitted = true;
};
