#pragma once

// HEIF, AVIF and JPEG XL in and out, and the encoder options, through the engine in-process
// (initializeEngines applies the same libvips block list as the workers). Every reference is
// independent of the code under test: inputs are written by libvips' own savers, outputs are
// decoded by libvips directly, and the option checks read the bytes by hand (JPEG SOF markers,
// the PNG IHDR, WebP's chunk name).
// tst_formats.cpp: sniffing, decoding, encoding and alpha of the modern formats;
// tst_formats_encoders.cpp: the encoder options (progressive, chroma, palette, PNG level,
// lossless WebP).

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

#include "engine/engine.h"
#include "imageformat.h"
#include "testimages.h"

Q_DECLARE_METATYPE(OutputFormat)

namespace FormatsTest {

using vips::VImage;

inline const QSize kSize(160, 120);

inline Recipe pngOutput()
{
    Recipe recipe;
    recipe.format = OutputFormat::Png;
    return recipe;
}

// libvips 8.14's JPEG XL loader fails random access from memory ("bad seek"); read in order.
inline VImage loadFile(const QString &path)
{
    const QByteArray bytes = TestImages::readBytes(path);
    return VImage::new_from_buffer(bytes.constData(), size_t(bytes.size()), "",
                                   VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL))
        .copy_memory();
}

// Where the SOFn marker of a JPEG starts (its 0xFF), -1 when none: walks the marker segments.
inline qsizetype sofOffset(const QByteArray &jpeg)
{
    qsizetype pos = 2;
    while (pos + 4 <= jpeg.size() && quint8(jpeg[pos]) == 0xFF) {
        const quint8 marker = quint8(jpeg[pos + 1]);
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            return pos;
        pos += 2 + (quint8(jpeg[pos + 2]) << 8 | quint8(jpeg[pos + 3]));
    }
    return -1;
}

} // namespace FormatsTest

using namespace FormatsTest;

class tst_Formats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sniffing_data();
    void sniffing();
    void decodes_data();
    void decodes();
    void heifOrientationIsNotAppliedTwice();
    void otherUntrustedLoadersStayBlocked();
    void encodes_data();
    void encodes();
    void alphaSurvives_data();
    void alphaSurvives();
    void sameFormatKeepsModernFormats();
    void progressiveJpeg_data();
    void progressiveJpeg();
    void chromaSubsampling_data();
    void chromaSubsampling();
    void pngPalette();
    void pngCompressionLevel();
    void losslessWebp();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    JobResult run(EngineChoice engine, const QString &input, const Recipe &recipe,
                  const QString &output);
    QString writeInput(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;
    QString m_sourcePng; // TestImages::make(kSize) as PNG
    int m_counter = 0;
};
