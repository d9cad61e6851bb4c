#pragma once

#include <QByteArray>
#include <QString>

#include "recipe.h"

// Image formats recognised by content (magic bytes), never by file name.
enum class ImageFormat { Unknown, Jpeg, Png, Webp, Tiff, Gif, Bmp };

// Needs the first 16 bytes of a file; fewer bytes give Unknown.
ImageFormat sniffImageFormat(const QByteArray &head);
ImageFormat sniffImageFormatOfFile(const QString &path);
QString toString(ImageFormat format);

// True when a file name claims an image (.jpg, .png, .webp, .tif, .gif, .bmp, .heic, .avif,
// .jxl, .svg, ...; any case). A folder scan takes such a file even when its content is no
// image we read, so that it gets a verdict ("empty file", "not an image (looks like text)",
// "unsupported format: SVG") instead of vanishing from the count; other names stay out.
bool hasImageFileName(const QString &fileName);

// The output format a recipe produces for an input of this format: Same keeps JPEG, PNG,
// WebP and TIFF, and turns GIF and BMP into PNG (we do not write those).
OutputFormat resolveOutputFormat(OutputFormat requested, ImageFormat input);
