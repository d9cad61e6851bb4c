// bench_steps: each recipe step (core/engine/steps.h) timed on a 12 MP (4000x3000) RGB image,
// the median of 5 runs, printed as a Markdown table for issue 13's step micro-bench.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <opencv2/core.hpp>
#include <vips/vips8>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include "engine/engine.h"
#include "engine/steps.h"

namespace {

// A photo-like stand-in: gradients plus noise, so that no step meets a flat shortcut.
cv::Mat photo(int w, int h)
{
    cv::Mat image(h, w, CV_8UC3);
    cv::RNG rng(1);
    cv::Mat noise(h, w, CV_8UC3);
    rng.fill(noise, cv::RNG::NORMAL, 0, 12);
    for (int y = 0; y < h; ++y) {
        auto *p = image.ptr<cv::Vec3b>(y);
        for (int x = 0; x < w; ++x)
            p[x] = cv::Vec3b(uchar(x * 255 / w), uchar(y * 255 / h), uchar((x + y) % 256));
    }
    return image + noise;
}

QString writeLogo(const QTemporaryDir &dir)
{
    cv::Mat logo(200, 400, CV_8UC4, cv::Scalar(30, 60, 200, 255));
    logo.colRange(200, 400).setTo(cv::Scalar(0, 0, 0, 0));
    const QString path = dir.filePath(QStringLiteral("logo.png"));
    vips::VImage::new_from_memory(logo.data, logo.total() * 4, logo.cols, logo.rows, 4,
                                  VIPS_FORMAT_UCHAR)
        .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB))
        .pngsave(path.toUtf8().constData());
    return path;
}

double medianMs(const cv::Mat &image, const Step &step)
{
    std::vector<double> ms;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        const cv::Mat out = applyStep(image, step);
        ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString error;
    if (!initializeEngines(argv[0], &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    const cv::Mat image = photo(4000, 3000);
    CropStep square;
    square.aspectWidth = square.aspectHeight = 1;
    CropStep attention = square;
    attention.gravity = Gravity::Attention;
    WatermarkStep text;
    text.text = QStringLiteral("© Pixelmill 2026");
    WatermarkStep logo;
    logo.imagePath = writeLogo(dir);
    logo.sizePercent = 15;
    const std::vector<std::pair<const char *, Step>> steps = {
        {"crop 1:1, centre", square},
        {"crop 1:1, attention", attention},
        {"rotate 90", RotateStep{90}},
        {"flip horizontal", FlipStep{FlipAxis::Horizontal}},
        {"pad to 4200x3200", PadStep{QSize(4200, 3200), Rgba{}, Gravity::Centre}},
        {"sharpen (sigma 0.75, amount 0.75)", SharpenStep{}},
        {"adjust (brightness 10, contrast 10, gamma 1.2)", AdjustStep{10, 10, 1.2}},
        {"auto-level", AutoLevelStep{}},
        {"grayscale", GrayscaleStep{}},
        {"watermark text (4%, south-east)", text},
        {"watermark PNG logo (15% of the width)", logo},
    };
    std::printf("| step | ms per 12 MP |\n|---|---:|\n");
    for (const auto &[name, step] : steps) {
        std::printf("| %s | %.1f |\n", name, medianMs(image, step));
        std::fflush(stdout);
    }
    return 0;
}
