#include "elidedlabel.h"

ElidedLabel::ElidedLabel(QWidget *parent, Qt::TextElideMode mode) : QLabel(parent), m_mode(mode)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

QSize ElidedLabel::sizeHint() const
{
    return minimumSizeHint();
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QMargins margins = contentsMargins();
    return {fontMetrics().horizontalAdvance(QStringLiteral("M…M")) + margins.left() +
                margins.right(),
            QLabel::minimumSizeHint().height()};
}

void ElidedLabel::setFullText(const QString &text, const QString &elidable)
{
    m_fullText = text;
    m_elidable = text.contains(elidable) ? elidable : QString();
    setToolTip(text);
    showElided();
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    showElided();
}

void ElidedLabel::showElided()
{
    const int width = contentsRect().width();
    const QFontMetrics metrics = fontMetrics();
    // Before the first layout there is no width yet: show it all rather than "…".
    if (width <= 0 || metrics.horizontalAdvance(m_fullText) <= width) {
        setText(m_fullText);
        return;
    }
    if (!m_elidable.isEmpty()) {
        const int position = m_fullText.indexOf(m_elidable);
        const QString before = m_fullText.left(position);
        const QString after = m_fullText.mid(position + m_elidable.size());
        const int room = width - metrics.horizontalAdvance(before + after);
        const QString shortened = metrics.elidedText(m_elidable, Qt::ElideMiddle, room);
        if (room > metrics.horizontalAdvance(QStringLiteral("M…M")) && !shortened.isEmpty()) {
            setText(before + shortened + after);
            return;
        }
    }
    setText(metrics.elidedText(m_fullText, m_mode, width));
}
