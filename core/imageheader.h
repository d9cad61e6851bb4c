#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

#include <optional>

#include "imageformat.h"

// What an image's header says, before any pixel is decoded.
struct ImageHeader
{
    QSize size; // as stored, before orientation
    bool hasAlpha = false;
    int orientation = 1; // EXIF orientation 1..8
    // EXIF DateTimeOriginal as stored, "YYYY:MM:DD HH:MM:SS"; empty when absent or malformed.
    QString captureDate;
};

// JPEG and PNG headers parsed directly, with the values libvips would report; nullopt for
// other formats and for anything unusual, which the engine then leaves to libvips.
// `bytes` may be only the start of the file: a header beyond it is nullopt too.
std::optional<ImageHeader> readHeaderDirectly(const QByteArray &bytes, ImageFormat format);
