#include "inputlist.h"

#include <QFile>

#include <cstdio>

QString readInputList(const QString &source, QStringList *paths)
{
    QFile file;
    const bool standardInput = source == QLatin1String("-");
    const bool opened = standardInput ? file.open(stdin, QIODevice::ReadOnly)
                                      : (file.setFileName(source), file.open(QIODevice::ReadOnly));
    if (!opened)
        return QStringLiteral("Cannot read the list of inputs %1: %2")
            .arg(standardInput ? QStringLiteral("from standard input") : source,
                 file.errorString());
    const QByteArray text = file.readAll();
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.startsWith('#'))
            continue;
        paths->append(QFile::decodeName(line));
    }
    return {};
}
