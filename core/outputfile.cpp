#include "outputfile.h"

#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

namespace {
WriteAbortCheck g_abortCheck = nullptr;

QString describeWriteError(const QSaveFile &file)
{
    // QSaveFile's errorString() is generic; errno names the real cause (ENOSPC, EACCES, ...).
    const int code = errno;
    if (code == ENOSPC)
        return QStringLiteral("no space left on device");
    if (code == EDQUOT)
        return QStringLiteral("disk quota exceeded");
    if (code != 0)
        return QString::fromLocal8Bit(std::strerror(code)).toLower();
    return file.errorString();
}
} // namespace

void setWriteAbortCheck(WriteAbortCheck check)
{
    g_abortCheck = check;
}

FailureKind writeFileAtomically(const QString &path, const QByteArray &bytes, bool overwrite,
                                QString *error)
{
    if (!overwrite && QFileInfo::exists(path)) {
        *error = QStringLiteral("output already exists: %1").arg(path);
        return FailureKind::OutputExists;
    }
    QSaveFile file(path);
    // QSaveFile falls back to writing in place when it cannot make a temp file; never allow it.
    file.setDirectWriteFallback(false);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write output: %1").arg(describeWriteError(file));
        return FailureKind::WriteFailed;
    }
    qint64 written = 0;
    while (written < bytes.size()) {
        errno = 0;
        const qint64 n = file.write(bytes.constData() + written, bytes.size() - written);
        if (n <= 0) {
            *error = QStringLiteral("cannot write output: %1").arg(describeWriteError(file));
            file.cancelWriting();
            return FailureKind::WriteFailed;
        }
        written += n;
    }
    if (g_abortCheck && g_abortCheck()) {
        file.cancelWriting();
        *error = QStringLiteral("cancelled");
        return FailureKind::Cancelled;
    }
    errno = 0;
    if (!file.flush() || !file.commit()) {
        *error = QStringLiteral("cannot write output: %1").arg(describeWriteError(file));
        return FailureKind::WriteFailed;
    }
    return FailureKind::None;
}
