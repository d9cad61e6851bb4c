#include "textformat.h"

#include <QCoreApplication>
#include <QLocale>

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString formatDuration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    const qint64 total = qint64(seconds + 0.5);
    const qint64 h = total / 3600, m = (total / 60) % 60, s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString formatMilliseconds(qint64 ms)
{
    if (ms < 1000)
        return QCoreApplication::translate("TextFormat", "%1 ms").arg(ms);
    return QCoreApplication::translate("TextFormat", "%1 s")
        .arg(QLocale().toString(ms / 1000.0, 'f', 1));
}
