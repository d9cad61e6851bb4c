#pragma once

#include <QLabel>

// A one-line label that never asks for more width than its layout gives it: long text is
// elided (the full text is the tooltip), so a long file name can neither widen the window
// nor run into the widget beside it. Set the text with setFullText(), not setText().
class ElidedLabel : public QLabel
{
public:
    explicit ElidedLabel(QWidget *parent = nullptr, Qt::TextElideMode mode = Qt::ElideMiddle);

    // `elidable`, when given, is the part of `text` to shorten first (a file name in "Original:
    // NAME · 2560 × 1600 · 1 MB"), so that the words and figures around it stay readable; only
    // when they alone do not fit is the whole text elided.
    void setFullText(const QString &text, const QString &elidable = QString());
    QString fullText() const { return m_fullText; }
    // A few characters wide: the layout gives the rest, whatever the text.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showElided();

    QString m_fullText;
    QString m_elidable;
    Qt::TextElideMode m_mode;
};
