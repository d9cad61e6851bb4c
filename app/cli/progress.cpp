#include "progress.h"

#include "batch/run.h"

#include <cmath>

namespace {
constexpr int kBarWidth = 24;
constexpr qint64 kRedrawMs = 100;
} // namespace

QString formatDuration(double seconds)
{
    const qint64 s = qint64(std::ceil(seconds));
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

ProgressPrinter::ProgressPrinter(const BatchRun &run, Style style, FILE *stream, QObject *parent)
    : QObject(parent), m_run(run), m_style(style), m_stream(stream)
{
}

void ProgressPrinter::write(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_stream);
    std::fflush(m_stream);
}

void ProgressPrinter::clearBar()
{
    if (m_barShown)
        write(QStringLiteral("\r\x1b[K"));
    m_barShown = false;
}

void ProgressPrinter::printError(const QString &message)
{
    clearBar();
    write(message + QLatin1Char('\n'));
    redraw(true);
}

void ProgressPrinter::printPlanned(int total, const QString &outputDir)
{
    if (m_style == Style::Lines)
        write(
            (total == 1 ? QStringLiteral("%1 image -> %2\n") : QStringLiteral("%1 images -> %2\n"))
                .arg(total)
                .arg(outputDir));
    redraw(true);
}

// Newlines in a file name would break the one-line-per-image promise; show them escaped.
static QString oneLine(QString text)
{
    return text.replace(QLatin1Char('\n'), QLatin1String("\\n"))
        .replace(QLatin1Char('\r'), QLatin1String("\\r"));
}

void ProgressPrinter::printFinished(const JobResult &result)
{
    const QString input = oneLine(result.inputPath);
    if (result.status == JobStatus::Failed) {
        printError(QStringLiteral("failed: %1: %2").arg(input, oneLine(result.message)));
        return;
    }
    if (m_style == Style::Terminal) {
        redraw();
    } else if (m_style == Style::Lines) {
        // The quality the size budget chose (--max-size), when it searched one.
        const QString quality = result.chosenQuality > 0
                                    ? QStringLiteral(", quality %1").arg(result.chosenQuality)
                                    : QString();
        if (result.isOk())
            write(QStringLiteral("ok: %1 -> %2 (%3 ms%4)\n")
                      .arg(input, oneLine(result.outputPath))
                      .arg(result.elapsedMs)
                      .arg(quality));
        else
            write(QStringLiteral("%1: %2: %3\n")
                      .arg(toString(result.status), input, oneLine(result.message)));
    }
}

QString ProgressPrinter::barText() const
{
    const BatchCounts c = m_run.counts();
    const int done = c.finished();
    const int filled = c.total > 0 ? done * kBarWidth / c.total : 0;
    QString text =
        QStringLiteral("[%1%2] %3/%4")
            .arg(QString(filled, QLatin1Char('#')), QString(kBarWidth - filled, QLatin1Char('-')))
            .arg(done)
            .arg(c.total);
    if (c.failed > 0)
        text += QStringLiteral(", %1 failed").arg(c.failed);
    text += QStringLiteral(", %1 images/s").arg(m_run.imagesPerSecond(), 0, 'f', 1);
    const double eta = m_run.etaSeconds();
    if (eta >= 0 && done < c.total)
        text += QStringLiteral(", ETA %1").arg(formatDuration(eta));
    return text;
}

void ProgressPrinter::redraw(bool force)
{
    if (m_style != Style::Terminal)
        return;
    if (!force && m_lastDraw.isValid() && m_lastDraw.elapsed() < kRedrawMs)
        return;
    m_lastDraw.start();
    write(QStringLiteral("\r\x1b[K") + barText());
    m_barShown = true;
}

void ProgressPrinter::printSummary(const QString &outputDir)
{
    clearBar();
    if (m_style == Style::Quiet)
        return;
    const BatchCounts c = m_run.counts();
    QString line =
        QStringLiteral("%1 done, %2 failed, %3 skipped").arg(c.ok).arg(c.failed).arg(c.skipped);
    if (c.cancelled > 0)
        line += QStringLiteral(", %1 cancelled").arg(c.cancelled);
    line += QStringLiteral(" in %1 s (%2 images/s) -> %3\n")
                .arg(m_run.elapsedSeconds(), 0, 'f', 1)
                .arg(m_run.imagesPerSecond(), 0, 'f', 1)
                .arg(outputDir);
    write(line);
}
