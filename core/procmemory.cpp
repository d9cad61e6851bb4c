#include "procmemory.h"

#include <QFile>
#include <QList>

#include <unistd.h>

ProcessMemory processMemory(qint64 pid)
{
    QFile statm(pid > 0 ? QStringLiteral("/proc/%1/statm").arg(pid)
                        : QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    // "size resident shared text lib data dt", in pages.
    const QList<QByteArray> fields = statm.read(128).split(' ');
    if (fields.size() < 2)
        return {};
    static const qint64 pageBytes = sysconf(_SC_PAGESIZE);
    return {fields[0].toLongLong() * pageBytes, fields[1].toLongLong() * pageBytes};
}
