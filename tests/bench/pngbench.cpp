// bench_pngdecode FOLDER: the PNG fast path (core/engine/pngfast.h) over every PNG in FOLDER,
// one thread, each file the median of 5: the figure behind issue 16's PNG profile.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include "benchtiming.h"
#include "engine/pngfast.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_pngdecode FOLDER\n");
        return 2;
    }
    cv::setNumThreads(1);
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    double total = 0;
    qint64 megapixels = 0;
    int files = 0;
    for (const QString &name : dir.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        cv::Mat pixels;
        total += medianMs(5, [&] { pixels = decodePngFast(bytes); });
        megapixels += qint64(pixels.total());
        ++files;
    }
    std::printf("%d PNGs, %.1f MP: %.1f ms decoding (median of 5 each)\n", files, megapixels / 1e6,
                total);
    return 0;
}
