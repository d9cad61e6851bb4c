// The normal-build driver for a fuzz target: replays every file under the folders given (the
// regression inputs in tests/fuzz/regressions/<target>/) through the target's entry point. A
// crash, sanitizer report or broken invariant fails the ctest test that runs it.
#include "fuzztarget.h"

#include <QDirIterator>
#include <QFile>

#include <algorithm>
#include <cstdio>

int main(int argc, char **argv)
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        QDirIterator it(QString::fromLocal8Bit(argv[i]), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    }
    std::sort(files.begin(), files.end()); // the same order every run
    int replayed = 0;
    for (const QString &path : std::as_const(files)) {
        if (path.endsWith(QLatin1String(".md")))
            continue; // a folder's note, not an input
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
            return 1;
        }
        // An exactly-sized heap copy, as libFuzzer hands inputs over.
        const QByteArray bytes = file.readAll();
        std::vector<uint8_t> input(bytes.begin(), bytes.end());
        std::printf("replay %s (%zu bytes)\n", qPrintable(path), input.size());
        std::fflush(stdout);
        LLVMFuzzerTestOneInput(input.data(), input.size());
        ++replayed;
    }
    if (replayed == 0) {
        std::fprintf(stderr, "no inputs found: a replay that runs nothing proves nothing\n");
        return 1;
    }
    std::printf("replayed %d inputs, none failed\n", replayed);
    return 0;
}
