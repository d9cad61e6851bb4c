#include "savings.h"

#include <QLocale>
#include <QtMath>

#include "textformat.h"

ByteTotals finishedByteTotals(const QList<JobResult> &results)
{
    ByteTotals totals;
    for (const JobResult &result : results) {
        if (!result.isOk())
            continue;
        totals.inputBytes += result.inputBytes;
        totals.outputBytes += result.outputBytes;
        ++totals.images;
    }
    return totals;
}

QString Savings::describe(const ByteTotals &totals)
{
    if (totals.images == 0 || totals.inputBytes <= 0)
        return {};
    const QString sizes =
        tr("%1 → %2").arg(formatBytes(totals.inputBytes), formatBytes(totals.outputBytes));
    const qint64 change = totals.outputBytes - totals.inputBytes;
    const QString percent =
        QLocale().toString(qRound64(100.0 * qAbs(change) / double(totals.inputBytes)));
    if (change <= 0)
        return tr("%1, %2% smaller").arg(sizes, percent);
    return tr("%1, %2% larger").arg(sizes, percent);
}
