#include "engineshared.h"
#include "procmemory.h"

#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

// Guards around decoders that only warn about damaged data. No image library is included:
// libjpeg's default message handler prints its warnings on stderr, which is where we read
// them, the same way for OpenCV and libvips.

namespace {
constexpr int kMaxCaptureBytes = 8192;
} // namespace

StderrCapture::StderrCapture()
{
    std::fflush(stderr);
    m_file = memfd_create("pixelmill-stderr", MFD_CLOEXEC);
    if (m_file < 0)
        return;
    m_saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    if (m_saved < 0 || dup2(m_file, STDERR_FILENO) < 0) {
        ::close(m_file);
        m_file = -1;
    }
}

StderrCapture::~StderrCapture()
{
    const QString rest = finish();
    if (!rest.isEmpty())
        std::fprintf(stderr, "%s", qPrintable(rest));
}

QString StderrCapture::finish()
{
    if (m_file < 0)
        return {};
    std::fflush(stderr);
    dup2(m_saved, STDERR_FILENO);
    ::close(m_saved);
    QByteArray text(kMaxCaptureBytes, '\0');
    const ssize_t n = pread(m_file, text.data(), size_t(text.size()), 0);
    ::close(m_file);
    m_file = -1;
    m_saved = -1;
    text.truncate(n > 0 ? qsizetype(n) : 0);
    return QString::fromUtf8(text);
}

void checkDecodeMemory(QSize size, qint64 bytes)
{
    // Small images cannot matter under a cap of hundreds of MB, and reading /proc costs more
    // than decoding a thumbnail-sized file; a real shortfall still fails as bad_alloc.
    constexpr qint64 kAlwaysFits = 32ll << 20;
    if (bytes < kAlwaysFits)
        return;
    rlimit limit = {};
    if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return;
    const qint64 cap = qint64(limit.rlim_cur);
    if (processMemory().virtualBytes + bytes <= cap)
        return;
    constexpr qint64 kMb = 1024 * 1024;
    const QString needs =
        QStringLiteral("not enough memory to decode image: %1x%2 needs about %3 MB")
            .arg(size.width())
            .arg(size.height())
            .arg((bytes + kMb - 1) / kMb);
    // The cap is --memory-limit; what the worker already holds (libraries, heap) counts too,
    // and is named when the image alone would fit.
    if (bytes > cap)
        throw EngineFailure{
            FailureKind::TooLarge,
            QStringLiteral("%1, over the %2 MB memory limit").arg(needs).arg(cap / kMb)};
    throw EngineFailure{FailureKind::TooLarge,
                        QStringLiteral("%1, which with the worker's own %2 MB is over the %3 MB "
                                       "memory limit")
                            .arg(needs)
                            .arg(processMemory().virtualBytes / kMb)
                            .arg(cap / kMb)};
}

std::optional<EngineFailure> damageFromJpegWarnings(const QString &text)
{
    // libjpeg's JWRN_* texts (jerror.h) that mean the pixels are wrong. "extraneous bytes
    // before marker" is left out on purpose: stray bytes between segments are common and
    // harmless. Flips that keep the Huffman decoder in step produce no warning at all: JPEG
    // has no checksum, so those cannot be caught by anyone.
    static const struct
    {
        const char *warning;
        const char *message;
    } damage[] = {
        {"premature end of data segment", "corrupt JPEG data: premature end of data segment"},
        {"bad Huffman code", "corrupt JPEG data: bad Huffman code"},
        {"instead of RST", "corrupt JPEG data: restart marker missing"},
        {"Premature end of JPEG file", "truncated JPEG data"},
        {"Invalid SOS parameters", "corrupt JPEG data: invalid scan parameters"},
        {"Inconsistent progression", "corrupt JPEG data: inconsistent progression sequence"},
        {"Bogus", "corrupt JPEG data: bogus parameters"},
    };
    for (const auto &entry : damage) {
        if (text.contains(QLatin1String(entry.warning), Qt::CaseInsensitive))
            return EngineFailure{FailureKind::CorruptData, QString::fromLatin1(entry.message)};
    }
    return std::nullopt;
}

QString refusedFormatName(const QByteArray &head)
{
    const QByteArray trimmed = head.left(512).trimmed();
    // Magic strings may hold NUL bytes: their length is the array's, not strlen's.
    const auto at = [&head](qsizetype offset, const auto &magic) {
        const qsizetype size = qsizetype(sizeof(magic)) - 1;
        return head.mid(offset, size) == QByteArray(magic, size);
    };
    if (trimmed.startsWith("<svg") || (trimmed.startsWith("<?xml") && head.contains("<svg")))
        return QStringLiteral("SVG");
    if (at(0, "%PDF"))
        return QStringLiteral("PDF");
    if (at(0, "%!PS"))
        return QStringLiteral("PostScript");
    if (at(0, "8BPS"))
        return QStringLiteral("Photoshop (PSD)");
    if (at(0, "gimp xcf"))
        return QStringLiteral("GIMP (XCF)");
    if (at(0, "\0\0\0\x0CjP  ") || at(0, "\xFF\x4F\xFF\x51"))
        return QStringLiteral("JPEG 2000");
    if (at(0, "\x76\x2F\x31\x01"))
        return QStringLiteral("OpenEXR");
    if (at(0, "\0\0\x01\0"))
        return QStringLiteral("Windows icon (ICO)");
    return {};
}
