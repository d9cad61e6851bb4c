#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <cstdio>

#include "job.h"

class BatchRun;

// Reports a BatchRun on stderr. On a terminal: one bar redrawn in place, with failures
// printed above it. Otherwise: one plain line per finished image. Quiet: failures only.
class ProgressPrinter : public QObject
{
    Q_OBJECT
public:
    enum class Style { Terminal, Lines, Quiet };

    ProgressPrinter(const BatchRun &run, Style style, FILE *stream, QObject *parent = nullptr);

    void printPlanned(int total, const QString &outputDir);
    void printFinished(const JobResult &result);
    void printSummary(const QString &outputDir);
    void printError(const QString &message);
    // Redraws the bar (terminal only), at most a few times a second unless forced.
    void redraw(bool force = false);

private:
    void clearBar();
    QString barText() const;
    void write(const QString &text);

    const BatchRun &m_run;
    Style m_style;
    FILE *m_stream;
    QElapsedTimer m_lastDraw;
    bool m_barShown = false;
};

QString formatDuration(double seconds);
