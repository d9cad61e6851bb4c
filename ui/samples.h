#pragma once

#include <QString>

// The sample folder shipped with Pixelmill, preselected on first run: share/pixelmill/samples
// beside bin/ (the build tree gets a copy there, and install() puts it there too).
// Empty when not found.
QString locateSamplesFolder();
