#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "batch/report.h"
#include "batch/reportmerge.h"

// The report format the CLI and the GUI share, checked key by key.
class tst_Report : public QObject
{
    Q_OBJECT

private:
    static QList<JobResult> sample()
    {
        JobResult ok;
        ok.id = 1;
        ok.status = JobStatus::Ok;
        ok.inputPath = QStringLiteral("/in/a.jpg");
        ok.outputPath = QStringLiteral("/out/a.jpg");
        ok.elapsedMs = 42;
        ok.engine = QStringLiteral("vips");
        ok.chosenQuality = 67; // the size budget's search chose it
        Job job;
        job.id = 2;
        job.inputPath = QStringLiteral("/in/b, \"quoted\"\nline.png");
        job.outputPath = QStringLiteral("/out/b.png");
        JobResult failed = JobResult::failed(job, FailureKind::CorruptData,
                                             QStringLiteral("truncated, at byte 7"));
        failed.outputPath = job.outputPath; // never reported for a failure
        failed.elapsedMs = 3;
        job.id = 3;
        job.inputPath = QStringLiteral("/in/c.png");
        const JobResult skipped =
            JobResult::skipped(job, QStringLiteral("output exists: /out/c.png"));
        job.id = 4;
        const JobResult cancelled = JobResult::cancelled(job);
        return {ok, failed, skipped, cancelled};
    }

    // A small RFC 4180 reader, independent of the writer under test.
    static QList<QStringList> parseCsv(const QByteArray &bytes)
    {
        const QString text = QString::fromUtf8(bytes);
        QList<QStringList> rows;
        QStringList row;
        QString field;
        bool quoted = false;
        for (int i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (quoted) {
                if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == c) {
                    field += c;
                    ++i;
                } else if (c == QLatin1Char('"')) {
                    quoted = false;
                } else {
                    field += c;
                }
            } else if (c == QLatin1Char('"')) {
                quoted = true;
            } else if (c == QLatin1Char(',')) {
                row << field;
                field.clear();
            } else if (c == QLatin1Char('\n')) {
                row << field;
                rows << row;
                row.clear();
                field.clear();
            } else if (c != QLatin1Char('\r')) {
                field += c;
            }
        }
        return rows;
    }

private Q_SLOTS:
    void jsonShape()
    {
        const QJsonDocument doc = QJsonDocument::fromJson(reportJson(sample(), 5, 1.23456));
        QVERIFY(doc.isObject());
        const QJsonObject root = doc.object();
        QCOMPARE(root.keys(), (QStringList{QStringLiteral("results"), QStringLiteral("summary")}));
        const QJsonObject summary = root.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.keys(),
                 (QStringList{"cancelled", "failed", "ok", "seconds", "skipped", "total"}));
        QCOMPARE(summary.value(QLatin1String("total")).toInt(), 5);
        QCOMPARE(summary.value(QLatin1String("ok")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("failed")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("skipped")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("cancelled")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("seconds")).toDouble(), 1.235);

        const QJsonArray results = root.value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 4);
        const QStringList keys{"engine", "error", "input", "ms", "output", "quality", "status"};
        for (const QJsonValue &value : results)
            QCOMPARE(value.toObject().keys(), keys);
        const QJsonObject ok = results.at(0).toObject();
        QCOMPARE(ok.value(QLatin1String("input")).toString(), QStringLiteral("/in/a.jpg"));
        QCOMPARE(ok.value(QLatin1String("output")).toString(), QStringLiteral("/out/a.jpg"));
        QCOMPARE(ok.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(ok.value(QLatin1String("error")).toString(), QString());
        QCOMPARE(ok.value(QLatin1String("ms")).toInt(), 42);
        QCOMPARE(ok.value(QLatin1String("engine")).toString(), QStringLiteral("vips"));
        QCOMPARE(ok.value(QLatin1String("quality")).toInt(), 67);
        const QJsonObject failed = results.at(1).toObject();
        QCOMPARE(failed.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(failed.value(QLatin1String("output")).toString(), QString());
        QCOMPARE(failed.value(QLatin1String("error")).toString(),
                 QStringLiteral("truncated, at byte 7"));
        QCOMPARE(results.at(2).toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("skipped"));
        QCOMPARE(results.at(3).toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("cancelled"));
    }

    // A planned run's report names its plan and shard: merge-reports checks them.
    void jsonNamesPlanAndShard()
    {
        ReportSummary summary;
        summary.total = 4;
        summary.planFingerprint = QStringLiteral("f00d");
        summary.shardIndex = 2;
        summary.shardCount = 5;
        const QJsonObject root = QJsonDocument::fromJson(reportJson(sample(), summary)).object();
        const QJsonObject json = root.value(QLatin1String("summary")).toObject();
        QCOMPARE(json.value(QLatin1String("plan")).toString(), QStringLiteral("f00d"));
        QCOMPARE(json.value(QLatin1String("shard")).toString(), QStringLiteral("2/5"));
        QCOMPARE(root.value(QLatin1String("results")).toArray().size(), 4);
    }

    void emptyJson()
    {
        const QJsonObject root = QJsonDocument::fromJson(reportJson({}, 0, 0)).object();
        QCOMPARE(root.value(QLatin1String("results")).toArray().size(), 0);
        QCOMPARE(root.value(QLatin1String("summary")).toObject().value("total").toInt(-1), 0);
    }

    void csvQuoting()
    {
        const QList<QStringList> rows = parseCsv(reportCsv(sample()));
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.at(0),
                 (QStringList{"input", "output", "status", "error", "ms", "engine", "quality"}));
        QCOMPARE(rows.at(1),
                 (QStringList{"/in/a.jpg", "/out/a.jpg", "ok", QString(), "42", "vips", "67"}));
        QCOMPARE(rows.at(2), (QStringList{QStringLiteral("/in/b, \"quoted\"\nline.png"), QString(),
                                          "failed", "truncated, at byte 7", "3", QString(), "0"}));
        QCOMPARE(rows.at(3).at(2), QStringLiteral("skipped"));
        QCOMPARE(rows.at(4).at(2), QStringLiteral("cancelled"));
    }

    void csvPlainFieldsAreNotQuoted()
    {
        const QByteArray csv = reportCsv({sample().first()});
        QVERIFY2(csv.contains("/in/a.jpg,/out/a.jpg,ok,,42,vips,67"), csv.constData());
    }

    void writeByExtension_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("start");
        QTest::newRow("json") << "r.json" << true << QByteArray("{");
        QTest::newRow("JSON upper") << "r.JSON" << true << QByteArray("{");
        QTest::newRow("csv") << "r.csv" << true << QByteArray("input,");
        QTest::newRow("txt") << "r.txt" << false << QByteArray();
        QTest::newRow("missing folder") << "nope/r.json" << false << QByteArray();
    }
    void writeByExtension()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        QFETCH(QByteArray, start);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QString error;
        QCOMPARE(writeReport(path, sample(), 4, 1.0, &error), ok);
        QCOMPARE(error.isEmpty(), ok);
        QFile file(path);
        QCOMPARE(file.open(QIODevice::ReadOnly), ok);
        if (ok)
            QVERIFY(file.readAll().startsWith(start));
    }

    // Shard reports of one plan merge: counts summed from their summaries, rows streamed.
    void mergeSumsShardsAndNamesTheMissingOne()
    {
        QTemporaryDir dir;
        QList<JobResult> rows = sample();
        rows[3].inputPath = QStringLiteral("/in/d.png"); // sample() cancels c.png's second job
        QStringList paths;
        for (int k : {0, 2}) { // of 3: shard 1 is missing
            ReportSummary summary;
            summary.total = 2;
            summary.seconds = k + 1.5;
            summary.planFingerprint = QStringLiteral("p1");
            summary.shardIndex = k;
            summary.shardCount = 3;
            paths << dir.filePath(QStringLiteral("run-%1.json").arg(k));
            QString error;
            QVERIFY2(writeReport(paths.last(), rows.mid(k, 2), summary, &error), qPrintable(error));
        }
        QString error;
        const auto merged = mergeReports(paths, dir.filePath("merged.json"), &error);
        QVERIFY2(merged, qPrintable(error));
        QCOMPARE(merged->missingShards, QList<int>({1}));
        QFile file(dir.filePath("merged.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject summary = root.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.value(QLatin1String("total")).toInt(), 4);
        QCOMPARE(summary.value(QLatin1String("ok")).toInt(), 1);      // a.jpg, shard 0
        QCOMPARE(summary.value(QLatin1String("failed")).toInt(), 1);  // b, shard 0
        QCOMPARE(summary.value(QLatin1String("skipped")).toInt(), 1); // c.png, shard 2
        QCOMPARE(summary.value(QLatin1String("cancelled")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("seconds")).toDouble(), 3.5);
        QCOMPARE(summary.value(QLatin1String("shard")).toString(), QStringLiteral("0,2/3"));
        const QJsonArray results = root.value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 4);
        QCOMPARE(results.at(1).toObject().value(QLatin1String("input")).toString(),
                 rows.at(1).inputPath); // quotes and a newline survive the row-per-line layout
    }

    void mergeRefusesWhatIsNotOneBatch()
    {
        QTemporaryDir dir;
        const auto write = [&](const QString &name, const QString &plan, int shard,
                               const QList<JobResult> &rows) {
            ReportSummary summary;
            summary.planFingerprint = plan;
            summary.shardIndex = shard;
            summary.shardCount = 2;
            QString error;
            QVERIFY2(writeReport(dir.filePath(name), rows, summary, &error), qPrintable(error));
        };
        write("a0.json", "p1", 0, sample().mid(0, 2));
        write("a1-overlap.json", "p1", 1, sample().mid(1, 2)); // b listed by both
        write("b1.json", "p2", 1, sample().mid(2, 2));
        write("plain.json", QString(), 0, sample()); // a GUI report: no plan
        QFile damaged(dir.filePath("damaged.json"));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        QFile source(dir.filePath("a0.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        damaged.write(source.readAll().replace("\"status\":\"ok\"", "\"status\":"));
        damaged.close();
        const QList<std::pair<QStringList, QString>> cases{
            {{"a0.json", "a1-overlap.json"}, "which another report lists too"},
            {{"a0.json", "b1.json"}, "from another batch"},
            {{"a0.json", "a0.json"}, "shard 0 again"},
            {{"plain.json"}, "plan fingerprint"},
            {{"damaged.json"}, "damaged row"},
        };
        for (const auto &[names, reason] : cases) {
            QStringList paths;
            for (const QString &name : names)
                paths << dir.filePath(name);
            QString error;
            QVERIFY(!mergeReports(paths, dir.filePath("out.csv"), &error));
            QVERIFY2(error.contains(reason), qPrintable(error));
            QVERIFY(!QFile::exists(dir.filePath("out.csv"))); // nothing half-written
        }
    }

    void countsAdd()
    {
        BatchCounts counts;
        counts.total = 4;
        for (const JobResult &r : sample())
            counts.add(r);
        QCOMPARE(counts.ok, 1);
        QCOMPARE(counts.failed, 1);
        QCOMPARE(counts.skipped, 1);
        QCOMPARE(counts.cancelled, 1);
        QCOMPARE(counts.finished(), 4);
    }
};

QTEST_GUILESS_MAIN(tst_Report)
#include "tst_report.moc"
