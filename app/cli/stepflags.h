#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

#include "step.h"

// The flags that add operations. They build the steps in one canonical order, whatever order
// they are given in: crop, resize, pad, rotate, flip, adjust, autolevel, sharpen, grayscale,
// watermark (EXIF orientation is applied before all of them). --recipe FILE.json gives any
// order instead.
struct StepFlags
{
    StepFlags();
    QList<QCommandLineOption> all() const;
    // The first of these flags given ("--rotate"), or empty: they conflict with --recipe.
    QString firstGiven(const QCommandLineParser &p) const;
    // False with *error naming the flag when a value is bad.
    bool read(const QCommandLineParser &p, QList<Step> *steps, QString *error) const;

    QCommandLineOption crop, gravity, resize, mode, percent, longEdge, noEnlarge, pad, background,
        rotate, flip, brightness, contrast, gamma, autoLevel, sharpen, grayscale, watermarkText,
        watermarkImage, watermarkPosition, watermarkOpacity, watermarkSize;
};

// --sharpen's amount is optional, which QCommandLineParser cannot express: "--sharpen 1.2"
// and "--sharpen=1.2" keep their amount, a bare "--sharpen" gets the default.
QStringList withSharpenAmounts(const QStringList &arguments);

constexpr double kDefaultSharpenAmount = 0.75;
