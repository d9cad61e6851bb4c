#include "comparecanvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtMath>

#include "compareviewport.h"

namespace {
// One wheel notch (120 units) zooms by about 20%.
constexpr double kZoomPerWheelUnit = 1.0015;
// How near the divide (in pixels) a press grabs it rather than the picture.
constexpr int kDivideGrabDistance = 6;
const QColor kBackground(0x30, 0x30, 0x30);
} // namespace

CompareCanvas::CompareCanvas(CompareViewport *viewport, QWidget *parent)
    : QWidget(parent), m_viewport(viewport)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::OpenHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMinimumSize(120, 90);
    setFocusPolicy(Qt::StrongFocus); // keys reach the CompareView once a canvas is clicked
    setMouseTracking(true);          // the cursor tells the divide from the picture
    connect(viewport, &CompareViewport::changed, this, qOverload<>(&QWidget::update));
}

void CompareCanvas::setImages(const CompareImage *left, const CompareImage *right)
{
    m_left = left;
    m_right = right;
    update();
}

void CompareCanvas::setDivide(double fraction)
{
    m_divide = qBound(0.0, fraction, 1.0);
    update();
}

int CompareCanvas::divideX() const
{
    return qRound(m_divide * width());
}

QRectF CompareCanvas::imageRect(const CompareImage &image) const
{
    const QRectF frame = m_viewport->contentRect();
    if (!image.isValid() || frame.isEmpty())
        return {};
    const double scale = frame.width() / image.image.width();
    QRectF rect(QPointF(), QSizeF(image.image.size()) * scale);
    rect.moveCenter(frame.center());
    return rect;
}

void CompareCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), kBackground);
    if (!m_left)
        return;
    if (!m_right) {
        paintSide(painter, *m_left, rect());
        return;
    }
    const int divide = divideX();
    paintSide(painter, *m_left, QRect(0, 0, divide, height()));
    paintSide(painter, *m_right, QRect(divide, 0, width() - divide, height()));
    painter.setClipping(false);
    painter.setPen(QPen(palette().highlight().color(), 2));
    painter.drawLine(divide, 0, divide, height());
    paintLabel(painter, tr("Before"), Qt::AlignLeft | Qt::AlignTop);
    paintLabel(painter, tr("After"), Qt::AlignRight | Qt::AlignTop);
}

void CompareCanvas::paintSide(QPainter &painter, const CompareImage &image, const QRect &area)
{
    painter.setClipRect(area);
    if (!image.isValid()) {
        painter.setPen(Qt::white);
        painter.drawText(area.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                         image.error);
        return;
    }
    const QRectF target = imageRect(image);
    // Enlarged pixels stay sharp squares, so 1:1 and beyond show what the encoder made.
    const bool enlarged = target.width() >= 2 * image.image.width();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, !enlarged);
    painter.drawImage(target, image.levelFor(target.width()));
}

void CompareCanvas::paintLabel(QPainter &painter, const QString &text, Qt::Alignment corner)
{
    const QFontMetrics metrics(font());
    QRect box(QPoint(), metrics.size(0, text) + QSize(12, 6));
    box.moveTop(6);
    if (corner & Qt::AlignLeft)
        box.moveLeft(6);
    else
        box.moveRight(width() - 7);
    painter.fillRect(box, QColor(0, 0, 0, 160));
    painter.setPen(Qt::white);
    painter.drawText(box, Qt::AlignCenter, text);
}

void CompareCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (isVisible())
        m_viewport->setCanvasSize(size());
}

void CompareCanvas::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_viewport->setCanvasSize(size());
}

void CompareCanvas::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    m_viewport->zoomBy(qPow(kZoomPerWheelUnit, delta), event->position());
    event->accept();
}

bool CompareCanvas::isOnDivide(const QPointF &pos) const
{
    return m_right && qAbs(pos.x() - divideX()) <= kDivideGrabDistance;
}

void CompareCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_drag = isOnDivide(event->position()) ? Drag::Divide : Drag::Picture;
    m_lastDragPos = event->position();
    if (m_drag == Drag::Picture)
        setCursor(Qt::ClosedHandCursor);
}

void CompareCanvas::mouseMoveEvent(QMouseEvent *event)
{
    switch (m_drag) {
    case Drag::None:
        setCursor(isOnDivide(event->position()) ? Qt::SplitHCursor : Qt::OpenHandCursor);
        return;
    case Drag::Divide:
        if (width() > 0)
            Q_EMIT divideDragged(qBound(0.0, event->position().x() / width(), 1.0));
        return;
    case Drag::Picture:
        m_viewport->panBy(event->position() - m_lastDragPos);
        m_lastDragPos = event->position();
        return;
    }
}

void CompareCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_drag != Drag::None) {
        m_drag = Drag::None;
        setCursor(isOnDivide(event->position()) ? Qt::SplitHCursor : Qt::OpenHandCursor);
    }
}
