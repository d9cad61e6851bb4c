#include "launchpaths.h"

#include <QFileInfo>
#include <QUrl>

QString sourceFolderForPaths(const QStringList &paths)
{
    for (const QString &argument : paths) {
        // Some file managers pass file:// URLs even for %F.
        const QUrl url(argument);
        const QString path = url.isLocalFile() ? url.toLocalFile() : argument;
        const QFileInfo info(path);
        if (info.isDir())
            return info.absoluteFilePath();
        if (info.isFile())
            return info.absolutePath();
    }
    return {};
}
