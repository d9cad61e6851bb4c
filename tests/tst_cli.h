#pragma once

// The CLI's test: one class, one executable, in four files:
//   tst_cli.cpp          the fixture, and whole runs: corrupt files, memory limit, success,
//                        quiet, shards merged, SIGINT
//   tst_cli_inputs.cpp   what counts as an input: files named like images, files and folders
//                        mixed, --files-from standard input
//   tst_cli_options.cpp  flags: usage and setup errors, encoder flags, unwritable output,
//                        missing worker, help and version, bad shards
//   tst_cli_steps.cpp    operations: canonical order, --recipe files, rotate/flip pixels

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "childprocesses.h"
#include "gradientimage.h"

#include <vips/vips8>

#include <csignal>
#include <unistd.h>

// pixelmill-cli as a user runs it: exit codes, report, outputs, one-line errors, SIGINT.
class tst_Cli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_in;
    QString m_out;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static QString binary(const char *name)
    {
        return QCoreApplication::applicationDirPath() + QLatin1Char('/') + QLatin1String(name);
    }
    static void writeCorrupt(const QString &path)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(500, '\x33'));
    }
    static Run cli(const QStringList &arguments)
    {
        QProcess process;
        process.start(binary("pixelmill-cli"), arguments);
        Run run;
        if (!process.waitForFinished(60'000)) {
            process.kill();
            process.waitForFinished();
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }
    static QJsonObject readJson(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }
    // Live pixelmill-worker processes whose parent is `parent`.
    static QList<int> workersOf(qint64 parent)
    {
        return liveChildProcesses(parent, {"pixelmill-work"});
    }
    static bool isAlive(int pid)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray text = stat.readAll();
        return !text.mid(text.lastIndexOf(')') + 2).startsWith('Z');
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void batchWithCorruptFileExitsOne();
    void memoryLimitRefusesOversizedTiff();
    void filesNamedLikeImagesAreAccountedFor();
    void allSucceedExitsZero();
    void filesAndFoldersMix();
    void filesFromStandardInput();
    void quietPrintsNothingOnSuccess();
    void usageAndSetupErrorsExitTwo_data();
    void usageAndSetupErrorsExitTwo();
    void encoderFlagsReachTheOutput();
    void unwritableOutputExitsTwo();
    void missingWorkerExitsTwo();
    void helpAndVersion();
    void shardsMergeIntoOneReport();
    void badShardIsAUsageError_data();
    void badShardIsAUsageError();
    void sigintCancelsCleanly();
    void printRecipeUsesTheCanonicalOrder();
    void recipeFileKeepsItsOrder();
    void rotateAndFlipPixels_data();
    void rotateAndFlipPixels();
    void rotateAfterJpegDecode();
    void cropBoxOutsideFailsThatImage();
};
