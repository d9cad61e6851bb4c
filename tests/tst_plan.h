#pragma once

// The planner's test: one class, one executable, in two files:
//   tst_plan.cpp         the fixture, and the scan: probes, stop flag, content sniffing,
//                        special files, recursion, output-folder guards, setup errors
//   tst_plan_naming.cpp  output names: patterns, collisions, conflict policies, never an
//                        input overwritten, order and ids, odd names literally

#include <QDir>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include "batch/plan.h"

// planBatch on real folders made by each test: content sniffing, special files, recursion,
// the output-folder guards, naming and conflicts.
class tst_Plan : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_in;
    QString m_out;

    // A real PNG of the given byte size class (bigger sides make bigger files).
    void writePng(const QString &path, int side = 8)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QImage image(side, side, QImage::Format_RGB32);
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x)
                image.setPixel(x, y, qRgb((x * 37 + y * 11) & 255, (x * y) & 255, y & 255));
        QVERIFY2(image.save(path, "PNG"), qPrintable(path));
    }
    void writeText(const QString &path, const QByteArray &text = "not an image")
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }
    PlanOptions options() const
    {
        PlanOptions o;
        o.inputDir = m_in;
        o.outputDir = m_out;
        return o;
    }
    static QStringList outputs(const BatchPlan &plan)
    {
        QStringList list;
        for (const Job &job : plan.jobs)
            list << job.outputPath;
        return list;
    }
    static QStringList inputNames(const BatchPlan &plan)
    {
        QStringList list;
        for (const Job &job : plan.jobs)
            list << QFileInfo(job.inputPath).fileName();
        return list;
    }

private Q_SLOTS:
    void init();
    void jobsCarryTheirProbe();
    void stopFlagAbandonsTheScan();
    void onlyInputsKeepWholeFolderNames();
    void nonImagesTakeNoNames();
    void sniffsContentNotExtension();
    void skipsSpecialFilesWithoutBlocking();
    void recursionMirrorsSubfolders();
    void outputInsideInputIsNotScanned();
    void outputEqualToInputIsRefused_data();
    void outputEqualToInputIsRefused();
    void setupErrors_data();
    void setupErrors();
    void namePattern_data();
    void namePattern();
    void badPatternIsRefused();
    void collisionsWithinBatchGetSuffixes();
    void conflictPolicies_data();
    void conflictPolicies();
    void neverOverwritesAnInput();
    void largestFirstAndIds();
    void weirdNamesWorkLiterally_data();
    void weirdNamesWorkLiterally();
    void conflictPolicyNames();
};
