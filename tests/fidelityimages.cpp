// The generated images of fidelityimages.h: drawn pixel by pixel or with libvips, seeded so
// that every run and machine gets the same files.
#include "fidelityimages.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

using vips::VImage;

namespace Fidelity {

namespace {

// Deterministic noise and layout: the same images on every run and machine.
class Random
{
public:
    explicit Random(uint32_t seed) : m_state(seed) {}
    uint32_t next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return m_state;
    }
    int below(int n) { return int(next() % uint32_t(n)); }
    double unit() { return next() / 4294967296.0; }

private:
    uint32_t m_state;
};

uchar clampByte(double v)
{
    return uchar(std::clamp(std::lround(v), 0l, 255l));
}

// White paper with black ink where `ink` (one band, 0..255 coverage) is set, as 3-band sRGB.
VImage inkOnPaper(const VImage &ink)
{
    const VImage paper = (255 - ink).cast(VIPS_FORMAT_UCHAR);
    return VImage::bandjoin({paper, paper, paper})
        .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB))
        .copy_memory();
}

} // namespace

// --- raw pixels ---

VImage fromPixels(const std::vector<uchar> &data, QSize size, int bands,
                  VipsInterpretation interpretation)
{
    // new_from_memory does not copy; copy_memory() makes the image own its pixels.
    const VImage view =
        VImage::new_from_memory(const_cast<uchar *>(data.data()), data.size(), size.width(),
                                size.height(), bands, VIPS_FORMAT_UCHAR);
    return view.copy(VImage::option()->set("interpretation", interpretation)).copy_memory();
}

std::vector<uchar> pixelsOf(const VImage &image)
{
    size_t size = 0;
    void *memory = image.write_to_memory(&size);
    std::vector<uchar> data(static_cast<uchar *>(memory), static_cast<uchar *>(memory) + size);
    g_free(memory);
    return data;
}

// --- images ---

VImage gradient(QSize size)
{
    const int w = size.width();
    const int h = size.height();
    std::vector<uchar> data(size_t(w) * h * 3);
    for (int y = 0; y < h; ++y) {
        const double t = double(y) / std::max(1, h - 1);
        for (int x = 0; x < w; ++x) {
            const double s = double(x) / std::max(1, w - 1);
            uchar *p = &data[(size_t(y) * w + x) * 3];
            if (x < w / 2 && y < h / 2) {
                p[0] = clampByte(240 - 16 * t);
                p[1] = clampByte(230 - 16 * s);
                p[2] = clampByte(205 - 10 * (s + t));
            } else {
                p[0] = clampByte(40 + 180 * s);
                p[1] = clampByte(40 + 180 * t);
                p[2] = clampByte(60 + 100 * (1 - (s + t) / 2));
            }
        }
    }
    return fromPixels(data, size, 3, VIPS_INTERPRETATION_sRGB);
}

VImage flat(QSize size, std::array<int, 3> rgb, bool alpha)
{
    const int bands = alpha ? 4 : 3;
    std::vector<uchar> data(size_t(size.width()) * size.height() * bands);
    for (size_t i = 0; i < data.size(); i += bands) {
        for (int c = 0; c < 3; ++c)
            data[i + c] = uchar(rgb[c]);
        if (alpha)
            data[i + 3] = 255;
    }
    return fromPixels(data, size, bands, VIPS_INTERPRETATION_sRGB);
}

VImage texturedPhoto(QSize size)
{
    VImage image = gradient(size).cast(VIPS_FORMAT_FLOAT).copy_memory();
    Random random(20240601);
    // Objects with hard edges, as in a photo before the lens' blur.
    for (int i = 0; i < 14; ++i) {
        const std::vector<double> ink{double(30 + random.below(200)),
                                      double(30 + random.below(200)),
                                      double(30 + random.below(200))};
        image.draw_circle(ink, random.below(size.width()), random.below(size.height()),
                          20 + random.below(size.height() / 6),
                          VImage::option()->set("fill", true));
    }
    // Fine texture: blurred uniform noise, about 8 levels RMS.
    std::vector<float> noise(size_t(size.width()) * size.height());
    for (float &n : noise)
        n = float(random.unit() * 2 - 1);
    const VImage grain = VImage::new_from_memory(noise.data(), noise.size() * sizeof(float),
                                                 size.width(), size.height(), 1, VIPS_FORMAT_FLOAT)
                             .gaussblur(1.2)
                             .copy_memory();
    image = (image + grain * 60).gaussblur(0.7);
    return image.cast(VIPS_FORMAT_UCHAR)
        .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB))
        .copy_memory();
}

VImage digitsAndLines(QSize size)
{
    VImage ink = VImage::black(size.width(), size.height()).cast(VIPS_FORMAT_UCHAR).copy_memory();
    int y = 20;
    // Digits from large to small (libvips text: Pango, antialiased coverage 0..255).
    for (const int dpi : {400, 260, 170, 110, 72}) {
        const VImage text =
            VImage::text("0123456789 0123456789",
                         VImage::option()->set("font", "DejaVu Sans Mono 24")->set("dpi", dpi));
        if (y + text.height() > size.height() * 3 / 4)
            break;
        ink = ink.insert(text, 20, y);
        y += text.height() + 12;
    }
    ink = ink.copy_memory();
    // Lines: a fan from the bottom-left corner, a fine grid and 1-3 pixel verticals.
    const std::vector<double> black{255};
    for (int i = 0; i <= 24; ++i)
        ink.draw_line(black, 0, size.height() - 1, size.width() - 1,
                      size.height() - 1 - i * size.height() / 24);
    for (int x = size.width() * 3 / 4; x < size.width(); x += 9)
        ink.draw_line(black, x, 0, x, size.height() / 2);
    for (int gy = 0; gy < size.height() / 2; gy += 9)
        ink.draw_line(black, size.width() * 3 / 4, gy, size.width() - 1, gy);
    for (int i = 0; i < 12; ++i)
        ink.draw_rect(black, size.width() / 2 + i * 20, size.height() * 3 / 4, 1 + i % 3,
                      size.height() / 5, VImage::option()->set("fill", true));
    return inkOnPaper(ink);
}

VImage textPage(QSize size)
{
    const int w = size.width();
    const int h = size.height();
    std::vector<uchar> ink(size_t(w) * h, 0);
    auto dot = [&](int x, int y) {
        if (x >= 0 && y >= 0 && x < w && y < h)
            ink[size_t(y) * w + x] = 255;
    };
    Random random(7);
    const int xHeight = 9;
    for (int baseline = 40; baseline + 8 < h - 20; baseline += 26) {
        int x = 60;
        while (x < w - 80) {
            const int letters = 2 + random.below(8);
            for (int l = 0; l < letters; ++l) {
                const int kind = random.below(10);
                const int top = baseline - (kind < 3 ? 15 : xHeight);
                const int bottom = baseline + (kind == 9 ? 5 : 0);
                const int stem = 1 + (random.below(4) == 0); // 1 or 2 pixels wide
                for (int yy = top; yy < bottom; ++yy)
                    for (int s = 0; s < stem; ++s)
                        dot(x + s, yy);
                if (kind % 2 == 0) // a bowl or arch: top and bottom bars and a second stem
                    for (int xx = x; xx < x + 6; ++xx) {
                        dot(xx, baseline - xHeight);
                        dot(xx, baseline - 1);
                    }
                if (kind % 3 == 0)
                    for (int yy = baseline - xHeight; yy < baseline; ++yy)
                        dot(x + 5, yy);
                x += 8 + random.below(2);
            }
            x += 9; // word space
        }
    }
    const VImage coverage = fromPixels(ink, size, 1, VIPS_INTERPRETATION_B_W);
    return inkOnPaper(coverage);
}

QByteArray encode(const VImage &image, const QString &suffix, int quality, bool palette)
{
    auto *options = VImage::option();
    if (suffix == QLatin1String(".jpg") || suffix == QLatin1String(".webp"))
        options->set("Q", quality);
    if (palette)
        options->set("palette", true)->set("dither", 0.0);
    void *buffer = nullptr;
    size_t length = 0;
    image.write_to_buffer(suffix.toUtf8().constData(), &buffer, &length, options);
    QByteArray bytes(static_cast<const char *>(buffer), qsizetype(length));
    g_free(buffer);
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

VImage decode(const QByteArray &bytes)
{
    // Copy into an image that owns its pixels: `bytes` may die first.
    return VImage::new_from_buffer(bytes.constData(), size_t(bytes.size()), "").copy_memory();
}

QByteArray iccOf(const VImage &image)
{
    if (image.get_typeof(VIPS_META_ICC_NAME) == 0)
        return {};
    size_t length = 0;
    const void *data = image.get_blob(VIPS_META_ICC_NAME, &length);
    return QByteArray(static_cast<const char *>(data), qsizetype(length));
}

} // namespace Fidelity
