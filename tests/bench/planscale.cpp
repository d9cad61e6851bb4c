// bench_planscale FOLDER [K/N]: the global plan of a folder, as every shard computes it, timed
// and weighed. Prints files planned, this shard's jobs, seconds, and the peak RSS of the
// process (VmHWM). For docs/SCALE.md: run it over a million empty files named *.png.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <malloc.h>

#include "batch/plan.h"

namespace {

long peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    mallopt(M_ARENA_MAX, 1); // as pixelmill-cli does
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_planscale FOLDER [K/N]\n");
        return 2;
    }
    QTemporaryDir out;
    PlanOptions options;
    options.inputDir = args.at(1);
    options.outputDir = out.filePath(QStringLiteral("out"));
    if (args.size() > 2) {
        options.shardIndex = args.at(2).section(QLatin1Char('/'), 0, 0).toInt();
        options.shardCount = args.at(2).section(QLatin1Char('/'), 1, 1).toInt();
    }
    const long before = peakRssKb();
    QElapsedTimer timer;
    timer.start();
    const BatchPlan plan = planBatch(options);
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (!plan.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(plan.error));
        return 1;
    }
    std::printf("shard %d/%d: %lld jobs, %lld pre-resolved; plan %.2f s; peak RSS %.1f MB "
                "(%.1f MB before planning); fingerprint %s\n",
                options.shardIndex, options.shardCount, qlonglong(plan.jobs.size()),
                qlonglong(plan.preResolved.size()), seconds, peakRssKb() / 1024.0, before / 1024.0,
                qPrintable(plan.fingerprint.left(12)));
    return 0;
}
