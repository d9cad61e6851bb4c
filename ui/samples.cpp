#include "samples.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

QString locateSamplesFolder()
{
    const QDir appDir(QCoreApplication::applicationDirPath());
    for (const QString &relative : {QStringLiteral("../share/pixelmill/samples"),
                                    QStringLiteral("share/pixelmill/samples")}) {
        const QFileInfo candidate(appDir.filePath(relative));
        if (candidate.isDir())
            return QDir::cleanPath(candidate.absoluteFilePath());
    }
    return {};
}
