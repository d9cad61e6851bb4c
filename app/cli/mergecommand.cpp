#include "mergecommand.h"

#include <cstdio>

#include "batch/reportmerge.h"

namespace {

constexpr int kExitIncomplete = 1;
constexpr int kExitRefused = 2;

const char kUsage[] =
    "Usage: pixelmill-cli merge-reports OUT.json|OUT.csv IN.json...\n"
    "Merges the JSON reports of the shards of one batch (--shard K/N --report run-{shard}.json)\n"
    "into one: every input once, counts summed, seconds of the longest shard. Refuses reports\n"
    "of different plans (another folder, recipe or file list) or shard counts, and a shard\n"
    "given twice. Exit status: 0 all N shards merged, 1 merged with shards missing (named on\n"
    "stderr), 2 refused.\n";

int refuse(const QString &message)
{
    std::fprintf(stderr, "pixelmill-cli merge-reports: %s\n", qUtf8Printable(message));
    return kExitRefused;
}

} // namespace

int runMergeReports(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (arguments.size() < 2)
        return refuse(QStringLiteral("give the merged report's name, then one or more shard "
                                     "reports (see merge-reports --help)."));
    const QString outPath = arguments.constFirst();
    const QString suffix = outPath.section(QLatin1Char('.'), -1).toLower();
    if (suffix != QLatin1String("json") && suffix != QLatin1String("csv"))
        return refuse(QStringLiteral("the merged report's name must end in .json or .csv (got "
                                     "\"%1\").")
                          .arg(outPath));
    QString error;
    const std::optional<MergeOutcome> merged = mergeReports(arguments.mid(1), outPath, &error);
    if (!merged)
        return refuse(error);
    if (merged->missingShards.isEmpty())
        return 0;
    QStringList missing;
    for (int shard : merged->missingShards)
        missing << QString::number(shard);
    std::fprintf(stderr,
                 "pixelmill-cli merge-reports: wrote %s without shard(s) %s of %d: their "
                 "reports were not given.\n",
                 qUtf8Printable(outPath), qUtf8Printable(missing.join(QStringLiteral(", "))),
                 merged->summary.shardCount);
    return kExitIncomplete;
}
