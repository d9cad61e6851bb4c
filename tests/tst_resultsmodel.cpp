#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

#include "resultsmodel.h"

class tst_ResultsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsInBatchesOnTimer();
    void hundredThousandRowsStayConsistent();
    void sameIdReplacesItsRow();
    void countsIncludePendingResults();
    void failuresFilter();
    void clearEmptiesEverything();
};

namespace {
JobResult makeResult(JobId id, JobStatus status)
{
    JobResult r;
    r.id = id;
    r.status = status;
    r.inputPath = QStringLiteral("/photos/img%1.jpg").arg(id);
    if (status == JobStatus::Ok) {
        r.outputPath = QStringLiteral("/out/img%1.jpg").arg(id);
        r.outputBytes = 1000 + qint64(id);
        r.elapsedMs = 12;
    } else if (status == JobStatus::Failed) {
        r.failure = FailureKind::CorruptData;
        r.message = QStringLiteral("truncated JPEG data");
    }
    return r;
}
} // namespace

void tst_ResultsModel::appendsInBatchesOnTimer()
{
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (JobId id = 1; id <= 50; ++id)
        model.addResult(makeResult(id, JobStatus::Ok));
    QCOMPARE(model.rowCount(), 0); // coalesced, not one insert per result
    QTRY_COMPARE(model.rowCount(), 50);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.data(model.index(0, ResultsModel::FileColumn)).toString(),
             QStringLiteral("img1.jpg"));
    QCOMPARE(model.data(model.index(49, ResultsModel::StatusColumn), ResultsModel::StatusRole)
                 .toString(),
             QStringLiteral("ok"));
    QVERIFY(!model.data(model.index(0, ResultsModel::StatusColumn), Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
}

void tst_ResultsModel::hundredThousandRowsStayConsistent()
{
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    constexpr int kRows = 100'000;
    for (int i = 0; i < kRows; ++i) {
        model.addResult(makeResult(JobId(i + 1), i % 100 == 0 ? JobStatus::Failed : JobStatus::Ok));
        if (i % 5000 == 4999)
            model.flush(); // as the timer would, several times during a batch
    }
    model.flush();
    QCOMPARE(model.rowCount(), kRows);
    QCOMPARE(inserted.count(), kRows / 5000);
    QCOMPARE(model.data(model.index(kRows - 1, ResultsModel::FileColumn)).toString(),
             QStringLiteral("img%1.jpg").arg(kRows));
    const BatchCounts counts = model.counts();
    QCOMPARE(counts.failed, kRows / 100);
    QCOMPARE(counts.ok, kRows - kRows / 100);
}

void tst_ResultsModel::sameIdReplacesItsRow()
{
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addResult(makeResult(1, JobStatus::Ok));
    model.addResult(makeResult(2, JobStatus::Failed));
    model.flush();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.addResult(makeResult(2, JobStatus::Ok)); // Retry failed succeeded
    model.flush();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(toString(model.result(1).status), toString(JobStatus::Ok));
    QVERIFY(model.data(model.index(1, ResultsModel::ReasonColumn)).toString().isEmpty());
}

void tst_ResultsModel::countsIncludePendingResults()
{
    ResultsModel model;
    model.addResult(makeResult(1, JobStatus::Ok));
    model.addResult(makeResult(2, JobStatus::Skipped));
    model.addResult(makeResult(3, JobStatus::Cancelled));
    model.addResult(makeResult(3, JobStatus::Failed)); // later verdict for the same job wins
    QVERIFY(model.hasPending());
    const BatchCounts counts = model.counts();
    QCOMPARE(counts.total, 3);
    QCOMPARE(counts.ok, 1);
    QCOMPARE(counts.skipped, 1);
    QCOMPARE(counts.failed, 1);
    QCOMPARE(counts.cancelled, 0);
    QCOMPARE(model.allResults().size(), 3);
    model.flush();
    QCOMPARE(model.rowCount(), 3);
}

void tst_ResultsModel::failuresFilter()
{
    ResultsModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(ResultsModel::StatusRole);
    proxy.setFilterKeyColumn(ResultsModel::StatusColumn);
    proxy.setFilterFixedString(toString(JobStatus::Failed));
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (JobId id = 1; id <= 10; ++id)
        model.addResult(makeResult(id, id == 4 || id == 7 ? JobStatus::Failed : JobStatus::Ok));
    model.flush();
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(proxy.data(proxy.index(0, ResultsModel::ReasonColumn)).toString(),
             QStringLiteral("truncated JPEG data"));
}

void tst_ResultsModel::clearEmptiesEverything()
{
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addResult(makeResult(1, JobStatus::Ok));
    model.flush();
    model.addResult(makeResult(2, JobStatus::Ok));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasPending());
    model.addResult(makeResult(1, JobStatus::Failed)); // ids restart with a new batch
    model.flush();
    QCOMPARE(model.rowCount(), 1);
}

QTEST_MAIN(tst_ResultsModel)
#include "tst_resultsmodel.moc"
