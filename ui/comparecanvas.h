#pragma once

#include <QPointF>
#include <QWidget>

#include "compareimage.h"

class CompareViewport;

// Draws one image, or two split at a vertical divide (before on the left, after on the
// right), through a shared CompareViewport: a wheel zooms about the pointer, a drag pans, and
// every canvas on the same viewport follows. A side without a picture shows its reason. On a
// split canvas, dragging the divide itself moves it (divideDragged) instead of panning.
class CompareCanvas : public QWidget
{
    Q_OBJECT
public:
    CompareCanvas(CompareViewport *viewport, QWidget *parent = nullptr);

    // Not owned; must stay alive until the next call. `right` null: `left` fills the canvas.
    void setImages(const CompareImage *left, const CompareImage *right = nullptr);
    void setDivide(double fraction); // 0..1 of the width: where `right` starts
    double divide() const { return m_divide; }
    int divideX() const;
    // Where `image` is drawn: laid over the viewport's content frame, at its own aspect ratio.
    QRectF imageRect(const CompareImage &image) const;

    QSize sizeHint() const override { return {480, 360}; }

Q_SIGNALS:
    void divideDragged(double fraction);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void paintSide(QPainter &painter, const CompareImage &image, const QRect &area);
    void paintLabel(QPainter &painter, const QString &text, Qt::Alignment corner);
    bool isOnDivide(const QPointF &pos) const;

    CompareViewport *m_viewport;
    const CompareImage *m_left = nullptr;
    const CompareImage *m_right = nullptr;
    double m_divide = 0.5;
    QPointF m_lastDragPos;
    enum class Drag { None, Picture, Divide };
    Drag m_drag = Drag::None;
};
