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
    void replacedVerdictRepaintsItsRow();
    void pendingUntilFlushed();
    void failuresFilter();
    void newSourceEmptiesEverything();
    void reasonGivesTheChosenQuality();
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
// The owner of the verdicts (a BatchRun in the application): appends, replaces in place, and
// tells the model which row changed, as BatchController does.
struct Source
{
    QList<JobResult> results;
    void append(ResultsModel &model, const JobResult &result)
    {
        results.append(result);
        model.rowArrived(results.size() - 1);
    }
    void replace(ResultsModel &model, qsizetype row, const JobResult &result)
    {
        results[row] = result;
        model.rowArrived(row);
    }
};
} // namespace

void tst_ResultsModel::appendsInBatchesOnTimer()
{
    ResultsModel model;
    Source source;
    model.setSource(&source.results);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (JobId id = 1; id <= 50; ++id)
        source.append(model, makeResult(id, JobStatus::Ok));
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
    Source source;
    model.setSource(&source.results);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    constexpr int kRows = 100'000;
    for (int i = 0; i < kRows; ++i) {
        source.append(model,
                      makeResult(JobId(i + 1), i % 100 == 0 ? JobStatus::Failed : JobStatus::Ok));
        if (i % 5000 == 4999)
            model.flush(); // as the timer would, several times during a batch
    }
    model.flush();
    QCOMPARE(model.rowCount(), kRows);
    QCOMPARE(inserted.count(), kRows / 5000);
    QCOMPARE(model.data(model.index(kRows - 1, ResultsModel::FileColumn)).toString(),
             QStringLiteral("img%1.jpg").arg(kRows));
    int failed = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        failed += model.data(model.index(row, ResultsModel::StatusColumn), ResultsModel::StatusRole)
                      .toString() == toString(JobStatus::Failed);
    QCOMPARE(failed, kRows / 100);
}

void tst_ResultsModel::replacedVerdictRepaintsItsRow()
{
    ResultsModel model;
    Source source;
    model.setSource(&source.results);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    source.append(model, makeResult(1, JobStatus::Ok));
    source.append(model, makeResult(2, JobStatus::Failed));
    model.flush();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    source.replace(model, 1, makeResult(2, JobStatus::Ok)); // Retry failed succeeded
    QVERIFY(model.hasPending());
    model.flush();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(toString(model.result(1).status), toString(JobStatus::Ok));
    QVERIFY(model.data(model.index(1, ResultsModel::ReasonColumn)).toString().isEmpty());
}

void tst_ResultsModel::pendingUntilFlushed()
{
    ResultsModel model;
    Source source;
    source.results.append(makeResult(1, JobStatus::Ok)); // there before the view
    model.setSource(&source.results);
    QVERIFY(model.hasPending());
    QCOMPARE(model.rowCount(), 0);
    source.append(model, makeResult(2, JobStatus::Skipped));
    model.flush();
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.hasPending());
}

void tst_ResultsModel::failuresFilter()
{
    ResultsModel model;
    Source source;
    model.setSource(&source.results);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(ResultsModel::StatusRole);
    proxy.setFilterKeyColumn(ResultsModel::StatusColumn);
    proxy.setFilterFixedString(toString(JobStatus::Failed));
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (JobId id = 1; id <= 10; ++id)
        source.append(model,
                      makeResult(id, id == 4 || id == 7 ? JobStatus::Failed : JobStatus::Ok));
    model.flush();
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(proxy.data(proxy.index(0, ResultsModel::ReasonColumn)).toString(),
             QStringLiteral("truncated JPEG data"));
}

void tst_ResultsModel::newSourceEmptiesEverything()
{
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Source first;
    model.setSource(&first.results);
    first.append(model, makeResult(1, JobStatus::Ok));
    model.flush();
    first.append(model, makeResult(2, JobStatus::Ok));
    Source second; // a new batch: ids restart
    model.setSource(&second.results);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasPending());
    second.append(model, makeResult(1, JobStatus::Failed));
    model.flush();
    QCOMPARE(model.rowCount(), 1);
    model.setSource(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

// --max-size: an Ok row's Reason says which quality made the file fit; without a search,
// nothing.
void tst_ResultsModel::reasonGivesTheChosenQuality()
{
    ResultsModel model;
    Source source;
    model.setSource(&source.results);
    JobResult budgeted = makeResult(1, JobStatus::Ok);
    budgeted.chosenQuality = 62;
    source.append(model, budgeted);
    source.append(model, makeResult(2, JobStatus::Ok));
    model.flush();
    QCOMPARE(model.data(model.index(0, ResultsModel::ReasonColumn)).toString(),
             QStringLiteral("Quality 62, chosen for the size limit"));
    QVERIFY(model.data(model.index(1, ResultsModel::ReasonColumn)).toString().isEmpty());
}

QTEST_MAIN(tst_ResultsModel)
#include "tst_resultsmodel.moc"
