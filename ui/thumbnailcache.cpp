#include "thumbnailcache.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QImageWriter>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>
#include <QtEndian>

namespace ThumbnailCache {

namespace {
const QString kUriKey = QStringLiteral("Thumb::URI");
const QString kMTimeKey = QStringLiteral("Thumb::MTime");
const QString kWidthKey = QStringLiteral("Thumb::Image::Width");
const QString kHeightKey = QStringLiteral("Thumb::Image::Height");
const QString kReasonKey = QStringLiteral("X-Pixelmill::Reason");
} // namespace

QString fileUri(const QString &path)
{
    return QString::fromLatin1(QUrl::fromLocalFile(path).toEncoded(QUrl::FullyEncoded));
}

QString normalFolder()
{
    // GenericCacheLocation is $XDG_CACHE_HOME, or ~/.cache when it is unset.
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/thumbnails/normal");
}

QString failFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/thumbnails/fail/pixelmill-1");
}

static QString md5Name(const QString &path)
{
    const QByteArray md5 =
        QCryptographicHash::hash(fileUri(path).toUtf8(), QCryptographicHash::Md5).toHex();
    return QString::fromLatin1(md5) + QStringLiteral(".png");
}

QString cachePath(const QString &path)
{
    return normalFolder() + QLatin1Char('/') + md5Name(path);
}

QString failPath(const QString &path)
{
    return failFolder() + QLatin1Char('/') + md5Name(path);
}

// The tEXt and iTXt chunks before the first IDAT. Read by hand: QImageReader::text() cuts
// keys at their first ':' ("Thumb::URI" would be "Thumb"), and a stale entry need not be
// decoded at all.
static QHash<QString, QString> textBeforePixels(const QByteArray &png)
{
    QHash<QString, QString> keys;
    for (qsizetype at = 8; at + 12 <= png.size();) {
        const quint32 length = qFromBigEndian<quint32>(png.constData() + at);
        const QByteArray type = png.mid(at + 4, 4);
        if (type == "IDAT" || length > quint32(png.size() - at - 12))
            break;
        const QByteArray body = png.mid(at + 8, length);
        const qsizetype nul = body.indexOf('\0');
        if (type == "tEXt" && nul > 0)
            keys.insert(QString::fromLatin1(body.left(nul)),
                        QString::fromLatin1(body.mid(nul + 1)));
        else if (type == "iTXt" && nul > 0 && body.size() >= nul + 5 && body.at(nul + 1) == 0) {
            // keyword, compression flag and method, language, translated keyword, text
            const qsizetype language = body.indexOf('\0', nul + 3);
            const qsizetype translated = language < 0 ? -1 : body.indexOf('\0', language + 1);
            if (translated > 0)
                keys.insert(QString::fromLatin1(body.left(nul)),
                            QString::fromUtf8(body.mid(translated + 1)));
        }
        at += 12 + qsizetype(length);
    }
    return keys;
}

// The entry's bytes when its keys name `path` at `modifiedSeconds`; empty otherwise.
static QByteArray readCurrent(const QString &entry, const QString &path, qint64 modifiedSeconds,
                              QHash<QString, QString> *keys)
{
    QFile file(entry);
    constexpr qint64 kMaxEntryBytes = 4 << 20; // 128x128 RGBA is 64 KB before compression
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxEntryBytes)
        return {};
    const QByteArray png = file.readAll();
    *keys = textBeforePixels(png);
    if (keys->value(kUriKey) != fileUri(path) ||
        keys->value(kMTimeKey) != QString::number(modifiedSeconds))
        return {};
    return png;
}

QImage readValid(const QString &path, qint64 modifiedSeconds, QSize *original)
{
    QHash<QString, QString> keys;
    const QByteArray png = readCurrent(cachePath(path), path, modifiedSeconds, &keys);
    if (png.isEmpty())
        return {};
    *original = QSize(keys.value(kWidthKey).toInt(), keys.value(kHeightKey).toInt());
    const QImage image = QImage::fromData(png, "png");
    if (image.width() > kNormalSide || image.height() > kNormalSide)
        return {};
    return image;
}

QString readFailure(const QString &path, qint64 modifiedSeconds)
{
    QHash<QString, QString> keys;
    if (readCurrent(failPath(path), path, modifiedSeconds, &keys).isEmpty())
        return {};
    const QString reason = keys.value(kReasonKey);
    return reason.isEmpty() ? QStringLiteral("no thumbnail could be made") : reason;
}

// A PNG chunk: length, type, body, CRC-32 over type and body (the PNG specification's).
static QByteArray pngChunk(const char *type, const QByteArray &body)
{
    const QByteArray typed = QByteArray(type, 4) + body;
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : typed) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    QByteArray out(4, '\0');
    qToBigEndian(quint32(body.size()), out.data());
    out += typed;
    QByteArray tail(4, '\0');
    qToBigEndian(~crc, tail.data());
    return out + tail;
}

// Plain tEXt chunks right after IHDR: every reader finds the keys without decoding pixels
// (Qt's own writer compresses values over 40 characters into zTXt). `utf8Text` goes in an
// iTXt chunk, for words that are not Latin-1.
static QByteArray withTextChunks(const QByteArray &png,
                                 const QList<std::pair<QString, QString>> &keys,
                                 const std::pair<QString, QString> &utf8Text)
{
    constexpr int kAfterIhdr = 8 + 8 + 13 + 4; // signature, IHDR's header, body and CRC
    QByteArray chunks;
    for (const auto &[key, value] : keys)
        chunks += pngChunk("tEXt", key.toLatin1() + '\0' + value.toLatin1());
    if (!utf8Text.second.isEmpty())
        chunks += pngChunk("iTXt", utf8Text.first.toLatin1() + QByteArray("\0\0\0\0\0", 5) +
                                       utf8Text.second.toUtf8());
    return png.left(kAfterIhdr) + chunks + png.mid(kAfterIhdr);
}

// Writes `image` with the standard's keys: to a temporary file in the folder, mode 0600, then
// renamed over the final name, so a reader never sees half a file.
static QString writeEntry(const QString &folder, const QString &path, qint64 modifiedSeconds,
                          const QImage &image, QSize original, const QString &reason = {})
{
    if (!QDir().mkpath(folder))
        return QStringLiteral("cannot create %1").arg(folder);
    // The standard: the cache folders are private to the user.
    QFile::setPermissions(folder,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QBuffer encoded;
    encoded.open(QIODevice::WriteOnly);
    QImageWriter writer(&encoded, "png");
    if (!writer.write(image))
        return writer.errorString();
    QList<std::pair<QString, QString>> keys = {
        {kUriKey, fileUri(path)},
        {kMTimeKey, QString::number(modifiedSeconds)},
        {QStringLiteral("Software"), QStringLiteral("Pixelmill")}};
    if (!original.isEmpty()) {
        keys.append({kWidthKey, QString::number(original.width())});
        keys.append({kHeightKey, QString::number(original.height())});
    }
    const QByteArray png = withTextChunks(encoded.data(), keys, {kReasonKey, reason});
    QSaveFile file(folder + QLatin1Char('/') + md5Name(path));
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(png) != png.size()) {
        file.cancelWriting();
        return file.errorString();
    }
    return file.commit() ? QString() : file.errorString();
}

QString store(const QString &path, qint64 modifiedSeconds, const QImage &thumbnail, QSize original)
{
    if (thumbnail.isNull())
        return QStringLiteral("no thumbnail to store");
    return writeEntry(normalFolder(), path, modifiedSeconds, thumbnail, original);
}

QString storeFailure(const QString &path, qint64 modifiedSeconds, const QString &reason)
{
    QImage mark(1, 1, QImage::Format_ARGB32);
    mark.fill(Qt::transparent);
    return writeEntry(failFolder(), path, modifiedSeconds, mark, {}, reason);
}

} // namespace ThumbnailCache
