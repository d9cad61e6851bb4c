// bench_resample: the Lanczos-3 resampler (core/engine/resample.h) against libvips' own
// resize on the same pixels, one thread each, median of 7: the figure behind issue 16's
// "a resize kernel with SIMD" candidate.
#include <QElapsedTimer>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <vips/vips8>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include "benchtiming.h"
#include "engine/resample.h"

namespace {

cv::Mat photo(int w, int h, int channels)
{
    cv::Mat image(h, w, CV_8UC(channels));
    cv::RNG rng(1);
    rng.fill(image, cv::RNG::UNIFORM, 0, 256);
    cv::GaussianBlur(image, image, cv::Size(0, 0), 1.5);
    return image;
}

void row(const char *name, int w, int h, int channels, QSize target)
{
    const cv::Mat image = photo(w, h, channels);
    const double ours = medianMs(7, [&] { resizeLanczos3(image, target, QSizeF(w, h)); });
    const double vips = medianMs(7, [&] {
        vips::VImage in = vips::VImage::new_from_memory(image.data, image.total() * channels, w, h,
                                                        channels, VIPS_FORMAT_UCHAR);
        const double scale = double(target.width()) / w;
        vips::VImage out = in.resize(scale, vips::VImage::option()
                                                ->set("vscale", double(target.height()) / h)
                                                ->set("kernel", VIPS_KERNEL_LANCZOS3));
        out.write_to_memory(nullptr);
    });
    std::printf("| %s | %.1f | %.1f |\n", name, ours, vips);
}

} // namespace

int main(int argc, char **argv)
{
    if (VIPS_INIT(argv[0]))
        return 1;
    (void)argc;
    vips_concurrency_set(1);
    cv::setNumThreads(1);
    std::printf("| resize | ours ms | libvips resize ms |\n|---|---:|---:|\n");
    row("5120x2880 RGB -> 2048x1152", 5120, 2880, 3, QSize(2048, 1152));
    row("3840x2160 RGB -> 2048x1152", 3840, 2160, 3, QSize(2048, 1152));
    row("2560x1600 RGB -> 2048x1280", 2560, 1600, 3, QSize(2048, 1280));
    row("4096x4096 RGB -> 2048x2048", 4096, 4096, 3, QSize(2048, 2048));
    row("2048x2048 gray -> 600x600", 2048, 2048, 1, QSize(600, 600));
    row("2560x1600 gray -> 800x500", 2560, 1600, 1, QSize(800, 500));
    return 0;
}
