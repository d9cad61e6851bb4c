#pragma once

#include <QPushButton>

#include "step.h"

// A button showing a colour (a swatch and its #rrggbb name); a click opens QColorDialog, with
// alpha, and a chosen colour is announced by colourChosen.
class ColourButton : public QPushButton
{
    Q_OBJECT
public:
    explicit ColourButton(QWidget *parent = nullptr);

    Rgba colour() const { return m_colour; }
    void setColour(const Rgba &colour);

Q_SIGNALS:
    void colourChosen(const Rgba &colour);

private:
    void choose();

    Rgba m_colour;
};
