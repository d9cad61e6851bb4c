#pragma once

#include <QImage>
#include <QString>
#include <QTest>

// A real image file of the given size for end-to-end tests: a gradient, so that every engine
// and codec has actual content to decode and resize. QVERIFY-fails the calling test on error.
inline void writeGradientImage(const QString &path, QSize size, const char *format)
{
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            image.setPixel(x, y, qRgb(x * 255 / size.width(), y * 255 / size.height(), 90));
    QVERIFY2(image.save(path, format), qPrintable(path));
}
