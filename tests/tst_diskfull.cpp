#include <QtTest>

#include <QDir>
#include <QImage>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include "outputfile.h"
#include "pool/workerpool.h"

// A full disk, for real: the test enters a private mount namespace before Qt starts any thread
// and mounts a 256 KiB tmpfs there; the workers it starts inherit the namespace. Outputs that
// do not fit must fail with "no space left on device", leaving no partial or temp file and an
// existing file byte-identical, while the batch goes on.
namespace {
QString g_mountDir;
QString g_skipReason;

bool writeText(const char *path, const QByteArray &text)
{
    const int fd = ::open(path, O_WRONLY);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size();
    ::close(fd);
    return ok;
}

// Root: a mount namespace; otherwise a user namespace that maps us to root inside it.
QString enterMountNamespace()
{
    if (geteuid() == 0)
        return unshare(CLONE_NEWNS) == 0 ? QString() : QString::fromLocal8Bit(strerror(errno));
    const QByteArray uid = QByteArray::number(geteuid());
    const QByteArray gid = QByteArray::number(getegid());
    if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return QString::fromLocal8Bit(strerror(errno));
    writeText("/proc/self/setgroups", "deny");
    if (!writeText("/proc/self/uid_map", "0 " + uid + " 1") ||
        !writeText("/proc/self/gid_map", "0 " + gid + " 1"))
        return QStringLiteral("cannot map user ids");
    return {};
}

// Must run while the process has one thread (unshare of a mount namespace needs that).
void prepareSmallDisk()
{
    char pattern[] = "/tmp/pixelmill-diskfull-XXXXXX";
    if (!mkdtemp(pattern)) {
        g_skipReason = QStringLiteral("cannot make a mount point");
        return;
    }
    g_mountDir = QString::fromLocal8Bit(pattern);
    const QString error = enterMountNamespace();
    if (!error.isEmpty()) {
        g_skipReason = QStringLiteral("no private mount namespace here (%1)").arg(error);
        return;
    }
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        mount("pixelmill-full", pattern, "tmpfs", 0, "size=256k") != 0)
        g_skipReason = QStringLiteral("cannot mount a small tmpfs (%1)")
                           .arg(QString::fromLocal8Bit(strerror(errno)));
}
} // namespace

// The file already on the small disk, whose content a failed write must leave alone.
static void writeExisting(QFile &file, const QByteArray &content)
{
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    file.close();
}

class tst_DiskFull : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fullDiskFailsCleanly();
    void bothWritePathsFailCleanly();

private:
    QString noisyPng(const QString &name, QSize size);
    Job job(const QString &input, const QString &outputName, bool overwrite);

    QTemporaryDir m_inputs; // on the real disk
    JobId m_nextId = 1;
};

void tst_DiskFull::initTestCase()
{
    if (!g_skipReason.isEmpty())
        QSKIP(qPrintable(g_skipReason));
    QVERIFY(m_inputs.isValid());
    QVERIFY2(!locateWorkerExecutable().isEmpty(), "pixelmill-worker must be built beside the test");
}

void tst_DiskFull::cleanupTestCase()
{
    if (!g_mountDir.isEmpty()) {
        umount(qPrintable(g_mountDir));
        QDir().rmdir(g_mountDir);
    }
}

// Noise does not compress: the PNG output is about as large as the pixels.
QString tst_DiskFull::noisyPng(const QString &name, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            line[x] = 0xFF000000u | (random.generate() & 0xFFFFFFu);
    }
    const QString path = m_inputs.filePath(name);
    return image.save(path) ? path : QString();
}

Job tst_DiskFull::job(const QString &input, const QString &outputName, bool overwrite)
{
    Job j;
    j.id = m_nextId++;
    j.inputPath = input;
    j.outputPath = QDir(g_mountDir).filePath(outputName);
    j.recipe.format = OutputFormat::Png;
    j.overwrite = overwrite;
    return j;
}

void tst_DiskFull::fullDiskFailsCleanly()
{
    const QString big = noisyPng(QStringLiteral("big.png"), QSize(400, 300)); // ~360 KB out
    const QString small = noisyPng(QStringLiteral("small.png"), QSize(40, 30));
    QVERIFY(!big.isEmpty() && !small.isEmpty());
    const QString existing = QDir(g_mountDir).filePath(QStringLiteral("existing.png"));
    const QByteArray before(20'000, 'x');
    QFile file(existing);
    writeExisting(file, before);

    const QList<Job> jobs{job(big, QStringLiteral("new.png"), false),
                          job(big, QStringLiteral("existing.png"), true),
                          job(small, QStringLiteral("fits.png"), false)};
    PoolOptions options;
    options.workerPath = locateWorkerExecutable();
    options.workerCount = 1; // in order: the small one must still fit after the failures
    WorkerPool pool(options);
    QList<JobResult> results;
    connect(&pool, &WorkerPool::jobFinished, this,
            [&results](const JobResult &r) { results.append(r); });
    QSignalSpy drained(&pool, &WorkerPool::drained);
    pool.submit(jobs);
    QVERIFY(drained.wait(30'000));
    QCOMPARE(results.size(), 3);
    for (int i = 0; i < 2; ++i) {
        const JobResult &r = results[i];
        QCOMPARE(r.id, jobs[i].id);
        QCOMPARE(toString(r.status), toString(JobStatus::Failed));
        QCOMPARE(toString(r.failure), toString(FailureKind::WriteFailed));
        QVERIFY2(r.message.contains(QLatin1String("no space left on device")),
                 qPrintable(r.message));
    }
    QVERIFY2(results[2].isOk(), qPrintable(results[2].message));
    QVERIFY(!QFileInfo::exists(jobs[0].outputPath));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    // Nothing else: no temp file, no partial output.
    QStringList names = QDir(g_mountDir).entryList(QDir::Files | QDir::Hidden | QDir::System);
    names.sort();
    QCOMPARE(names, QStringList({QStringLiteral("existing.png"), QStringLiteral("fits.png")}));
}

// The same in this process, on the O_TMPFILE path and on the named-temporary-file fallback.
void tst_DiskFull::bothWritePathsFailCleanly()
{
    const QString existing = QDir(g_mountDir).filePath(QStringLiteral("kept.bin"));
    const QByteArray before(10'000, 'k');
    QFile file(existing);
    writeExisting(file, before);
    const auto listing = [] {
        return QDir(g_mountDir)
            .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                       QDir::Name);
    };
    const QStringList names = listing();
    const QByteArray big(400'000, 'b'); // over the 256 KiB disk
    for (const bool fallback : {false, true}) {
        for (const bool overwrite : {false, true}) {
            const QString path = overwrite ? existing : QDir(g_mountDir).filePath("new.bin");
            QString error;
            const FailureKind kind =
                writeFileAtomicallyForTest(path, big, overwrite, &error, fallback);
            QCOMPARE(toString(kind), toString(FailureKind::WriteFailed));
            QCOMPARE(error, QStringLiteral("cannot write output: no space left on device"));
            QCOMPARE(listing(), names);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), before);
            file.close();
        }
    }
    QVERIFY(file.remove());
}

int main(int argc, char **argv)
{
    prepareSmallDisk();
    QCoreApplication app(argc, argv);
    tst_DiskFull test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_diskfull.moc"
