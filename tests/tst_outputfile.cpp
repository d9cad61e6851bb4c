#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outputfile.h"

// writeFileAtomically on both of its paths: O_TMPFILE (linked into place) and the fallback for
// file systems without it (a hidden named temporary file). Every test runs once per path.
namespace {
QString g_folder; // the folder under test, for the abort checks
QStringList g_seenAtCommit;
const QByteArray kTheirs("another writer's content");

QStringList entries(const QString &folder)
{
    QStringList names = QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                                               QDir::NoDotAndDotDot);
    names.sort();
    return names;
}

bool abortAlways()
{
    return true;
}

bool recordEntries()
{
    g_seenAtCommit = entries(g_folder);
    return false;
}

// Another writer creates the output between our write and our commit.
bool createOutputMeanwhile()
{
    QFile file(g_folder + QStringLiteral("/out.bin"));
    if (file.open(QIODevice::NewOnly))
        file.write(kTheirs);
    return false;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
}

mode_t modeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : 0;
}
} // namespace

class tst_OutputFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_out;

    FailureKind write(const QByteArray &bytes, bool overwrite, QString *error,
                      const QString &path = {})
    {
        QFETCH_GLOBAL(bool, fallback);
        return writeFileAtomicallyForTest(path.isEmpty() ? m_out : path, bytes, overwrite, error,
                                          fallback);
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<bool>("fallback");
        QTest::newRow("O_TMPFILE") << false;
        QTest::newRow("named temp") << true;
    }
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        ::umask(022);
    }
    void init()
    {
        QFETCH_GLOBAL(bool, fallback);
        // A fresh folder per function, path and row (currentDataTag() is the local row only).
        const QString row = QString::fromLatin1(QTest::currentDataTag()).replace(' ', '_');
        m_dir = m_tmp.filePath(
            QString::fromLatin1(QTest::currentTestFunction()) +
            (fallback ? QStringLiteral("-named-") : QStringLiteral("-tmpfile-")) + row);
        QVERIFY(!QFileInfo::exists(m_dir));
        QVERIFY(QDir().mkpath(m_dir));
        m_out = m_dir + QStringLiteral("/out.bin");
        g_folder = m_dir;
        g_seenAtCommit.clear();
        setWriteAbortCheck(nullptr);
    }
    void cleanup() { setWriteAbortCheck(nullptr); }

    // The path under test is the one taken: O_TMPFILE has no name until it is committed, the
    // fallback a hidden one beside the output.
    void takesTheExpectedPath()
    {
        QFETCH_GLOBAL(bool, fallback);
        if (!fallback) {
            const int fd = ::open(QFile::encodeName(m_dir).constData(), O_TMPFILE | O_WRONLY, 0600);
            if (fd < 0)
                QSKIP("the temporary folder's file system has no O_TMPFILE");
            ::close(fd);
        }
        setWriteAbortCheck(&recordEntries);
        QString error;
        QCOMPARE(int(write("x", false, &error)), int(FailureKind::None));
        if (fallback) {
            QCOMPARE(g_seenAtCommit.size(), 1);
            const QRegularExpression hidden(
                QStringLiteral("^\\.out\\.bin\\.pixelmill-[A-Za-z0-9]{6}$"));
            QVERIFY2(hidden.match(g_seenAtCommit.first()).hasMatch(),
                     qPrintable(g_seenAtCommit.first()));
        } else {
            QCOMPARE(g_seenAtCommit, QStringList());
        }
        QCOMPARE(entries(m_dir), QStringList{QStringLiteral("out.bin")});
    }

    void writesContentExactly()
    {
        QByteArray bytes(300'000, Qt::Uninitialized);
        QRandomGenerator random(7);
        for (char &c : bytes)
            c = char(random.bounded(256));
        bytes[10] = '\0';
        QString error;
        QCOMPARE(int(write(bytes, false, &error)), int(FailureKind::None));
        QCOMPARE(error, QString());
        QCOMPARE(readAll(m_out), bytes);
        QCOMPARE(modeOf(m_out), mode_t(0644)); // 0666 less the umask, like any new file
        QCOMPARE(entries(m_dir), QStringList{QStringLiteral("out.bin")});
    }

    void writesAnEmptyFile()
    {
        QString error;
        QCOMPARE(int(write(QByteArray(), false, &error)), int(FailureKind::None));
        QVERIFY(QFileInfo::exists(m_out));
        QCOMPARE(QFileInfo(m_out).size(), 0);
        QCOMPARE(entries(m_dir), QStringList{QStringLiteral("out.bin")});
    }

    // An existing output is kept, also one another writer creates while we write (a check and
    // then a rename would replace that one).
    void noOverwriteKeepsAnExistingFile_data()
    {
        QTest::addColumn<bool>("meanwhile");
        QTest::newRow("there before") << false;
        QTest::newRow("appears meanwhile") << true;
    }
    void noOverwriteKeepsAnExistingFile()
    {
        QFETCH(bool, meanwhile);
        if (meanwhile)
            setWriteAbortCheck(&createOutputMeanwhile);
        else
            writeFile(m_out, kTheirs);
        QString error;
        QCOMPARE(int(write("ours", false, &error)), int(FailureKind::OutputExists));
        QCOMPARE(error, QStringLiteral("output already exists: ") + m_out);
        QCOMPARE(readAll(m_out), kTheirs);
        QCOMPARE(entries(m_dir), QStringList{QStringLiteral("out.bin")});
    }

    void overwriteReplacesAndKeepsPermissions()
    {
        writeFile(m_out, "a longer old content");
        QVERIFY(QFile::setPermissions(m_out, QFile::ReadOwner | QFile::WriteOwner));
        QString error;
        QCOMPARE(int(write("new", true, &error)), int(FailureKind::None));
        QCOMPARE(readAll(m_out), QByteArray("new"));
        QCOMPARE(modeOf(m_out), mode_t(0600));
        QCOMPARE(entries(m_dir), QStringList{QStringLiteral("out.bin")});
    }

    void overwriteCreatesAMissingFile()
    {
        QString error;
        QCOMPARE(int(write("new", true, &error)), int(FailureKind::None));
        QCOMPARE(readAll(m_out), QByteArray("new"));
        QCOMPARE(entries(m_dir), QStringList{QStringLiteral("out.bin")});
    }

    void missingFolderFails()
    {
        QString error;
        const QString path = m_dir + QStringLiteral("/missing/out.bin");
        QCOMPARE(int(write("x", false, &error, path)), int(FailureKind::WriteFailed));
        QCOMPARE(error, QStringLiteral("cannot write output: no such file or directory"));
        QCOMPARE(entries(m_dir), QStringList());
    }

    void parentIsAFileFails()
    {
        writeFile(m_dir + QStringLiteral("/file"), "keep");
        QString error;
        const QString path = m_dir + QStringLiteral("/file/out.bin");
        QCOMPARE(int(write("x", true, &error, path)), int(FailureKind::WriteFailed));
        QCOMPARE(error, QStringLiteral("cannot write output: not a directory"));
        QCOMPARE(entries(m_dir), QStringList{QStringLiteral("file")});
    }

    // The commit itself fails (a folder is in the way): the temporary file goes too.
    void failedCommitLeavesNothing()
    {
        QVERIFY(QDir().mkpath(m_out));
        writeFile(m_out + QStringLiteral("/inside"), "keep");
        QString error;
        QCOMPARE(int(write("x", true, &error)), int(FailureKind::WriteFailed));
        QVERIFY2(error.startsWith(QLatin1String("cannot write output: ")), qPrintable(error));
        QCOMPARE(entries(m_dir), QStringList{QStringLiteral("out.bin")});
        QCOMPARE(entries(m_out), QStringList{QStringLiteral("inside")});
    }

    void abortCheckCancelsAndLeavesNothing()
    {
        setWriteAbortCheck(&abortAlways);
        QString error;
        QCOMPARE(int(write("x", false, &error)), int(FailureKind::Cancelled));
        QCOMPARE(error, QStringLiteral("cancelled"));
        QCOMPARE(entries(m_dir), QStringList());

        writeFile(m_out, "old");
        QCOMPARE(int(write("new", true, &error)), int(FailureKind::Cancelled));
        QCOMPARE(readAll(m_out), QByteArray("old"));
        QCOMPARE(entries(m_dir), QStringList{QStringLiteral("out.bin")});
    }

    // The pool removes what a killed worker left by this shape; nothing else may match it.
    void recognisesOnlyItsOwnTemporaryNames()
    {
        const QString out = QStringLiteral("photo 1.jpg");
        QVERIFY(isAtomicWriteTemp(QStringLiteral(".photo 1.jpg.pixelmill-aZ09xY"), out));
        QVERIFY(!isAtomicWriteTemp(out, out));
        QVERIFY(!isAtomicWriteTemp(QStringLiteral(".photo 1.jpg.pixelmill-aZ09x"), out));
        QVERIFY(!isAtomicWriteTemp(QStringLiteral(".photo 1.jpg.pixelmill-aZ09x!"), out));
        QVERIFY(!isAtomicWriteTemp(QStringLiteral(".photo 2.jpg.pixelmill-aZ09xY"), out));
        QVERIFY(!isAtomicWriteTemp(QStringLiteral("photo 1.jpg.aZ09xY"), out));
    }
};

QTEST_GUILESS_MAIN(tst_OutputFile)
#include "tst_outputfile.moc"
