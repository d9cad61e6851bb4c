#include "imageprobe.h"

#include <QFile>
#include <QJsonValue>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "imageheader.h"

namespace {

const std::array<std::pair<ImageFormat, const char *>, 10> kFormatKeys{{
    {ImageFormat::Unknown, "unknown"},
    {ImageFormat::Jpeg, "jpeg"},
    {ImageFormat::Png, "png"},
    {ImageFormat::Webp, "webp"},
    {ImageFormat::Tiff, "tiff"},
    {ImageFormat::Gif, "gif"},
    {ImageFormat::Bmp, "bmp"},
    {ImageFormat::Heif, "heif"},
    {ImageFormat::Avif, "avif"},
    {ImageFormat::Jxl, "jxl"},
}};

QString formatKey(ImageFormat format)
{
    for (const auto &[f, key] : kFormatKeys)
        if (f == format)
            return QLatin1String(key);
    return QStringLiteral("unknown");
}

// A whole number from `json[key]` within [min, max]; false with *error naming the key.
bool readWhole(const QJsonObject &json, const char *key, double min, double max, qint64 *out,
               QString *error)
{
    const QJsonValue value = json.value(QLatin1String(key));
    const double number = value.toDouble();
    if (value.isUndefined())
        *error = QStringLiteral("%1: is missing").arg(QLatin1String(key));
    else if (!value.isDouble() || !(number >= min && number <= max) || number != std::floor(number))
        *error = QStringLiteral("%1: must be a whole number from %2 to %3 (got %4)")
                     .arg(QLatin1String(key))
                     .arg(min, 0, 'f', 0)
                     .arg(max, 0, 'f', 0)
                     .arg(value.isDouble() ? QString::number(number) : QStringLiteral("no number"));
    else
        *out = qint64(number);
    return error->isEmpty();
}

} // namespace

QJsonObject ImageProbe::toJson() const
{
    return {
        {QStringLiteral("format"), formatKey(format)},
        {QStringLiteral("bytes"), double(fileBytes)},
        {QStringLiteral("modifiedMs"), double(modifiedMs)},
        {QStringLiteral("width"), size.width() > 0 ? size.width() : 0},
        {QStringLiteral("height"), size.height() > 0 ? size.height() : 0},
        {QStringLiteral("alpha"), hasAlpha},
        {QStringLiteral("orientation"), orientation},
        {QStringLiteral("captureDate"), captureDate},
    };
}

std::optional<ImageProbe> ImageProbe::fromJson(const QJsonObject &json, QString *error)
{
    ImageProbe probe;
    QString problem;
    const QJsonValue format = json.value(QLatin1String("format"));
    bool known = false;
    for (const auto &[f, key] : kFormatKeys)
        if (format.toString() == QLatin1String(key)) {
            probe.format = f;
            known = true;
        }
    if (format.isUndefined())
        problem = QStringLiteral("format: is missing");
    else if (!format.isString() || !known)
        problem = QStringLiteral("format: must be one of unknown, jpeg, png, webp, tiff, gif, bmp");
    constexpr double kMaxWhole = 9e15; // exact in a double
    qint64 width = 0, height = 0, orientation = 0;
    const bool numbers =
        problem.isEmpty() && readWhole(json, "bytes", -1, kMaxWhole, &probe.fileBytes, &problem) &&
        readWhole(json, "modifiedMs", -kMaxWhole, kMaxWhole, &probe.modifiedMs, &problem) &&
        readWhole(json, "width", 0, INT_MAX, &width, &problem) &&
        readWhole(json, "height", 0, INT_MAX, &height, &problem) &&
        readWhole(json, "orientation", 0, 8, &orientation, &problem);
    const QJsonValue alpha = json.value(QLatin1String("alpha"));
    const QJsonValue captureDate = json.value(QLatin1String("captureDate"));
    if (numbers && !alpha.isBool())
        problem = alpha.isUndefined() ? QStringLiteral("alpha: is missing")
                                      : QStringLiteral("alpha: must be true or false");
    else if (numbers && !captureDate.isString())
        problem = captureDate.isUndefined() ? QStringLiteral("captureDate: is missing")
                                            : QStringLiteral("captureDate: must be a string");
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    probe.size = QSize(int(width), int(height));
    probe.orientation = int(orientation);
    probe.hasAlpha = alpha.toBool();
    probe.captureDate = captureDate.toString();
    return probe;
}

bool operator==(const ImageProbe &a, const ImageProbe &b)
{
    return a.format == b.format && a.fileBytes == b.fileBytes && a.modifiedMs == b.modifiedMs &&
           a.size == b.size && a.hasAlpha == b.hasAlpha && a.orientation == b.orientation &&
           a.captureDate == b.captureDate;
}

ImageProbe probeBytes(const QByteArray &head)
{
    ImageProbe probe;
    probe.format = sniffImageFormat(head.left(kSniffBytes));
    if (const std::optional<ImageHeader> header = readHeaderDirectly(head, probe.format)) {
        probe.size = header->size;
        probe.hasAlpha = header->hasAlpha;
        probe.orientation = header->orientation;
        probe.captureDate = header->captureDate;
    }
    return probe;
}

namespace {
QString describeErrno(int error)
{
    if (error == ENOENT)
        return QStringLiteral("file not found");
    if (error == EACCES || error == EPERM)
        return QStringLiteral("permission denied");
    return QString::fromLocal8Bit(std::strerror(error)).toLower();
}
} // namespace

QString readRegularFile(const QString &path, qint64 maxBytes, QByteArray *bytes, qint64 *fileBytes,
                        qint64 *modifiedMs)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return describeErrno(errno);
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return QStringLiteral("not a regular file");
    }
    if (fileBytes)
        *fileBytes = qint64(st.st_size);
    if (modifiedMs)
        *modifiedMs = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1'000'000;
    const qint64 limit = maxBytes < 0 ? std::numeric_limits<qint64>::max() : maxBytes;
    // One byte more than the file holds, so that reaching its end needs no bigger buffer: a
    // full buffer would grow to Qt's next power of two and copy the whole file over (a 144 MB
    // JPEG then held 288 MB, and every image paid a copy of itself).
    QByteArray data(qsizetype(std::min<qint64>(qint64(st.st_size) + 1, limit)), Qt::Uninitialized);
    qsizetype got = 0;
    for (;;) {
        if (got == data.size()) {
            if (got >= limit)
                break;
            data.resize(qsizetype(std::min<qint64>(got + 64 * 1024, limit)));
        }
        const ssize_t n = ::read(fd, data.data() + got, size_t(data.size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            return describeErrno(error);
        }
        if (n == 0)
            break;
        got += n;
    }
    ::close(fd);
    data.truncate(got);
    *bytes = std::move(data);
    return {};
}

ImageProbe probeFile(const QString &path)
{
    QByteArray head;
    qint64 fileBytes = -1, modifiedMs = 0;
    if (!readRegularFile(path, kProbeBytes, &head, &fileBytes, &modifiedMs).isEmpty())
        return {};
    ImageProbe probe = probeBytes(head);
    probe.fileBytes = fileBytes;
    probe.modifiedMs = modifiedMs;
    return probe;
}
