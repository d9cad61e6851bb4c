#include "outputfile.h"

#include <QFile>
#include <QRandomGenerator>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

// No fsync, on purpose. The inputs are never touched and every output can be made again from
// them; Pillow scripts, mogrify and vips never sync either; and on thousands of small images
// the sync alone doubles the batch time. What a power loss could cost (an output the kernel
// had not yet flushed, left empty or short) is caught by the journal, which records each
// output's size: --resume trusts only an output of exactly that size and redoes a short one.
// Atomicity does not need the sync: readers see either the old file or the complete new one.

namespace {
WriteAbortCheck g_abortCheck = nullptr;

QString describeErrno(int code)
{
    if (code == ENOSPC)
        return QStringLiteral("no space left on device");
    if (code == EDQUOT)
        return QStringLiteral("disk quota exceeded");
    return QString::fromLocal8Bit(std::strerror(code)).toLower();
}

FailureKind writeFailed(int code, QString *error)
{
    *error = QStringLiteral("cannot write output: %1").arg(describeErrno(code));
    return FailureKind::WriteFailed;
}

FailureKind outputExists(const QString &path, QString *error)
{
    *error = QStringLiteral("output already exists: %1").arg(path);
    return FailureKind::OutputExists;
}

// The output path, encoded, and its folder and file name.
// A shortened name keeps the temporary name under NAME_MAX (255 bytes).
QByteArray tempStem(const QByteArray &outputName)
{
    return "." + outputName.left(200) + ".pixelmill-";
}
constexpr int kTempRandomChars = 6;

struct Target
{
    QString path;
    QByteArray encoded;
    QByteArray folder;
    QByteArray name;

    explicit Target(const QString &p) : path(p), encoded(QFile::encodeName(p))
    {
        const qsizetype slash = encoded.lastIndexOf('/');
        folder = slash < 0 ? QByteArray(".") : slash == 0 ? QByteArray("/") : encoded.left(slash);
        name = encoded.mid(slash + 1);
    }
};

class FileDescriptor
{
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;

    // 0 or the errno: a network file system may report a failed write only here. After EINTR
    // the descriptor is closed all the same (Linux).
    int close()
    {
        const int fd = std::exchange(m_fd, -1);
        return ::close(fd) == 0 || errno == EINTR ? 0 : errno;
    }

private:
    int m_fd;
};

// A hidden temporary name beside the output, `.<name>.pixelmill-XXXXXX`; whatever it names is
// removed when this goes out of scope, unless it was renamed away (forget()).
class TempName
{
public:
    TempName() = default;
    TempName(const TempName &) = delete;
    TempName &operator=(const TempName &) = delete;
    ~TempName()
    {
        if (!m_path.isEmpty())
            ::unlink(m_path.constData());
    }

    // Calls create(name) with fresh names until one was free; 0 or create's errno.
    template <typename Create> int createUnique(const Target &target, Create create)
    {
        static const char kChars[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        const QByteArray stem = target.folder + "/" + tempStem(target.name);
        for (int attempt = 0; attempt < 100; ++attempt) {
            QByteArray candidate = stem;
            for (int i = 0; i < kTempRandomChars; ++i)
                candidate += kChars[QRandomGenerator::global()->bounded(int(sizeof kChars) - 1)];
            const int code = create(candidate.constData());
            if (code == 0)
                m_path = candidate;
            if (code != EEXIST)
                return code;
        }
        return EEXIST;
    }
    const char *path() const { return m_path.constData(); }
    void forget() { m_path.clear(); }

private:
    QByteArray m_path;
};

// 0 or the errno. Retries EINTR and continues after short writes; a write that fails part
// way (a full disk) is reported, never committed.
int writeAll(int fd, const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qint64 left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, size_t(std::min<qint64>(left, 1 << 30)));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        if (n == 0)
            return EIO; // a regular file never takes nothing without saying why
        data += n;
        left -= n;
    }
    return 0;
}

// Writes the content to the not yet committed file, then asks the abort check.
FailureKind fill(int fd, const QByteArray &bytes, const Target &target, bool overwrite,
                 QString *error)
{
    if (const int code = writeAll(fd, bytes))
        return writeFailed(code, error);
    // A replaced file keeps its permission bits (as with QSaveFile before).
    struct stat old;
    if (overwrite && ::stat(target.encoded.constData(), &old) == 0 && S_ISREG(old.st_mode))
        ::fchmod(fd, old.st_mode & 07777);
    if (g_abortCheck && g_abortCheck()) {
        *error = QStringLiteral("cancelled");
        return FailureKind::Cancelled;
    }
    return FailureKind::None;
}

FailureKind renameInto(TempName &temp, const Target &target, QString *error)
{
    if (::rename(temp.path(), target.encoded.constData()) != 0)
        return writeFailed(errno, error);
    temp.forget();
    return FailureKind::None;
}

// Commits an O_TMPFILE file by linking it through /proc (linkat with AT_EMPTY_PATH would need
// CAP_DAC_READ_SEARCH). A link never replaces: with overwrite == false a file that appeared
// meanwhile is kept, and the job reports OutputExists.
FailureKind commitUnnamed(int fd, const Target &target, bool overwrite, QString *error)
{
    char self[48];
    std::snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
    const auto linkTo = [&self](const char *to) {
        return ::linkat(AT_FDCWD, self, AT_FDCWD, to, AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
    };
    if (!overwrite) {
        const int code = linkTo(target.encoded.constData());
        if (code == EEXIST)
            return outputExists(target.path, error);
        return code == 0 ? FailureKind::None : writeFailed(code, error);
    }
    // Most outputs are new even under the overwrite policy: a plain link then does it, and
    // only a file already there costs the temporary name and the rename over it.
    if (const int code = linkTo(target.encoded.constData()); code != EEXIST)
        return code == 0 ? FailureKind::None : writeFailed(code, error);
    TempName temp;
    if (const int code = temp.createUnique(target, linkTo))
        return writeFailed(code, error);
    return renameInto(temp, target, error);
}

// Moves a finished named temporary file to the output without ever replacing one: link() (the
// temporary name is then removed by ~TempName). Without hard links (FAT, some FUSE file
// systems: EPERM, EOPNOTSUPP), renameat2(RENAME_NOREPLACE); without that either, a check then
// a rename, which is all those file systems allow.
FailureKind linkNoReplace(TempName &temp, const Target &target, QString *error)
{
    const char *to = target.encoded.constData();
    int code = ::link(temp.path(), to) == 0 ? 0 : errno;
    if (code == EPERM || code == EOPNOTSUPP) {
        code = ::renameat2(AT_FDCWD, temp.path(), AT_FDCWD, to, RENAME_NOREPLACE) == 0 ? 0 : errno;
        if (code == EINVAL || code == ENOSYS || code == EOPNOTSUPP) {
            struct stat existing;
            if (::lstat(to, &existing) == 0)
                code = EEXIST;
            else
                code = ::rename(temp.path(), to) == 0 ? 0 : errno;
        }
        if (code == 0)
            temp.forget();
    }
    if (code == EEXIST)
        return outputExists(target.path, error);
    return code == 0 ? FailureKind::None : writeFailed(code, error);
}

// The fallback where O_TMPFILE is missing: a hidden named temporary file in the same folder.
FailureKind writeNamed(const Target &target, const QByteArray &bytes, bool overwrite,
                       QString *error)
{
    TempName temp;
    int fd = -1;
    const int created = temp.createUnique(target, [&fd](const char *name) {
        fd = ::open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        return fd >= 0 ? 0 : errno;
    });
    if (created != 0)
        return writeFailed(created, error);
    FileDescriptor file(fd);
    if (const FailureKind kind = fill(fd, bytes, target, overwrite, error);
        kind != FailureKind::None)
        return kind;
    if (const int code = file.close())
        return writeFailed(code, error);
    return overwrite ? renameInto(temp, target, error) : linkNoReplace(temp, target, error);
}

// Older kernels and some file systems (network mounts among them) refuse O_TMPFILE so.
bool tmpFileUnsupported(int code)
{
    return code == EOPNOTSUPP || code == EISDIR || code == EINVAL || code == ENOENT;
}

bool procFdAvailable()
{
    static const bool available = ::access("/proc/self/fd", X_OK) == 0;
    return available;
}

FailureKind writeOutput(const QString &path, const QByteArray &bytes, bool overwrite,
                        QString *error, bool allowUnnamed)
{
    const Target target(path);
    if (target.name.isEmpty())
        return writeFailed(EISDIR, error);
    if (allowUnnamed && procFdAvailable()) {
        // 0666 and the umask, as for any new file; unnamed until committed, gone if not.
        const int fd = ::open(target.folder.constData(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
        if (fd >= 0) {
            FileDescriptor file(fd);
            const FailureKind kind = fill(fd, bytes, target, overwrite, error);
            return kind != FailureKind::None ? kind : commitUnnamed(fd, target, overwrite, error);
        }
        if (const int code = errno; !tmpFileUnsupported(code))
            return writeFailed(code, error);
    }
    return writeNamed(target, bytes, overwrite, error);
}
} // namespace

void setWriteAbortCheck(WriteAbortCheck check)
{
    g_abortCheck = check;
}

FailureKind writeFileAtomically(const QString &path, const QByteArray &bytes, bool overwrite,
                                QString *error)
{
    return writeOutput(path, bytes, overwrite, error, true);
}

FailureKind writeFileAtomicallyForTest(const QString &path, const QByteArray &bytes, bool overwrite,
                                       QString *error, bool forceFallback)
{
    return writeOutput(path, bytes, overwrite, error, !forceFallback);
}

bool isAtomicWriteTemp(const QString &fileName, const QString &outputFileName)
{
    const QByteArray candidate = QFile::encodeName(fileName);
    const QByteArray stem = tempStem(QFile::encodeName(outputFileName));
    if (candidate.size() != stem.size() + kTempRandomChars || !candidate.startsWith(stem))
        return false;
    for (const char c : candidate.mid(stem.size()))
        if (!std::isalnum(static_cast<unsigned char>(c)))
            return false;
    return true;
}
