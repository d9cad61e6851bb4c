#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "job.h"

// What a batch saved: the inputs and outputs of the images it finished, in bytes.
struct ByteTotals
{
    qint64 inputBytes = 0;
    qint64 outputBytes = 0;
    int images = 0;
};

// Over the results that finished (Ok); skipped, failed and cancelled images wrote nothing.
ByteTotals finishedByteTotals(const QList<JobResult> &results);

class Savings
{
    Q_DECLARE_TR_FUNCTIONS(Savings)
public:
    // "126 MB → 18 MB, 86% smaller" (or "larger"); empty when nothing was written.
    static QString describe(const ByteTotals &totals);
};
