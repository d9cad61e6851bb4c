#pragma once

#include <QDir>
#include <QFile>
#include <QList>
#include <QStringList>

#include <initializer_list>

// Live (not zombie) processes whose parent is `parent` and whose command name (/proc's comm,
// cut to 15 characters by the kernel) starts with one of `namePrefixes`: how the end-to-end
// tests see the worker processes a pool or the CLI started, with no test hook in either.
inline QList<int> liveChildProcesses(qint64 parent,
                                     std::initializer_list<const char *> namePrefixes)
{
    QList<int> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const qsizetype open = text.indexOf('('), close = text.lastIndexOf(')');
        const QByteArray comm = text.mid(open + 1, close - open - 1);
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        bool named = false;
        for (const char *prefix : namePrefixes)
            named = named || comm.startsWith(prefix);
        if (named && fields.size() > 1 && fields.at(1).toLongLong() == parent &&
            fields.at(0) != "Z")
            pids << entry.toInt();
    }
    return pids;
}
