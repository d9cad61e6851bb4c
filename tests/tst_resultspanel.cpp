#include <QCheckBox>
#include <QDesktopServices>
#include <QHeaderView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "resultsmodel.h"
#include "resultspanel.h"
#include "savings.h"

// The results table as the person uses it after a run: sorting by the numbers (not their
// text), the failures filter over a sorted table, double-click opening the output, Compare
// handing over the row's own result; and the total saved under the progress bar.
class tst_ResultsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void sortsSizesAndTimesAsNumbers();
    void failuresFilterKeepsWorkingWhenSorted();
    void doubleClickOpensTheOutput();
    void compareHandsOverTheSortedRow();
    void savingsTotalFinishedImagesOnly();
    void savingsSayLargerWhenOutputsGrew();

public Q_SLOTS:
    void recordOpen(const QUrl &url) { m_opened.append(url); }

private:
    QStringList column(int col) const;

    QList<JobResult> m_results;
    std::unique_ptr<ResultsModel> m_model;
    std::unique_ptr<ResultsPanel> m_panel;
    QList<QUrl> m_opened;
};

namespace {
JobResult result(JobId id, JobStatus status, qint64 in, qint64 out, qint64 ms)
{
    JobResult r;
    r.id = id;
    r.status = status;
    r.inputPath = QStringLiteral("/photos/img%1.jpg").arg(id);
    r.inputBytes = in;
    r.elapsedMs = ms;
    if (status == JobStatus::Ok) {
        r.outputPath = QStringLiteral("/out/img%1.webp").arg(id);
        r.outputBytes = out;
    } else {
        r.message = QStringLiteral("broken %1").arg(id);
    }
    return r;
}
} // namespace

void tst_ResultsPanel::init()
{
    m_opened.clear();
    // As text, "900 B" < "2.0 kB" < "30.0 kB" would sort "2.0 kB" first; as numbers 900 first.
    m_results = {result(1, JobStatus::Ok, 5000, 30000, 20), result(2, JobStatus::Failed, 0, 0, 5),
                 result(3, JobStatus::Ok, 4000, 900, 1500),
                 result(4, JobStatus::Ok, 8000, 2000, 300), result(5, JobStatus::Failed, 0, 0, 90)};
    m_panel.reset();
    m_model = std::make_unique<ResultsModel>();
    m_model->setSource(&m_results);
    m_model->flush();
    m_panel = std::make_unique<ResultsPanel>(m_model.get());
    m_panel->resize(800, 400);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

QStringList tst_ResultsPanel::column(int col) const
{
    const QAbstractItemModel *shown = m_panel->view()->model();
    QStringList names;
    for (int row = 0; row < shown->rowCount(); ++row)
        names << shown->index(row, col).data().toString();
    return names;
}

void tst_ResultsPanel::sortsSizesAndTimesAsNumbers()
{
    QHeaderView *header = m_panel->view()->horizontalHeader();
    QVERIFY(m_panel->view()->isSortingEnabled());
    const QStringList arrival = {QStringLiteral("img1.jpg"), QStringLiteral("img2.jpg"),
                                 QStringLiteral("img3.jpg"), QStringLiteral("img4.jpg"),
                                 QStringLiteral("img5.jpg")};
    QCOMPARE(column(ResultsModel::FileColumn), arrival); // unsorted until asked

    header->setSortIndicator(ResultsModel::OutputColumn, Qt::AscendingOrder);
    QCOMPARE(column(ResultsModel::FileColumn),
             QStringList({"img2.jpg", "img5.jpg", "img3.jpg", "img4.jpg", "img1.jpg"}));
    header->setSortIndicator(ResultsModel::TimeColumn, Qt::DescendingOrder);
    QCOMPARE(column(ResultsModel::FileColumn),
             QStringList({"img3.jpg", "img4.jpg", "img5.jpg", "img1.jpg", "img2.jpg"}));
    header->setSortIndicator(-1, Qt::AscendingOrder);
    QCOMPARE(column(ResultsModel::FileColumn), arrival);

    // A result arriving later lands in its sorted place.
    header->setSortIndicator(ResultsModel::OutputColumn, Qt::AscendingOrder);
    m_results.append(result(6, JobStatus::Ok, 3000, 1000, 10));
    m_model->rowArrived(m_results.size() - 1);
    m_model->flush();
    QCOMPARE(column(ResultsModel::FileColumn),
             QStringList({"img2.jpg", "img5.jpg", "img3.jpg", "img6.jpg", "img4.jpg", "img1.jpg"}));
}

void tst_ResultsPanel::failuresFilterKeepsWorkingWhenSorted()
{
    m_panel->view()->horizontalHeader()->setSortIndicator(ResultsModel::TimeColumn,
                                                          Qt::DescendingOrder);
    m_panel->findChild<QCheckBox *>(QStringLiteral("failuresOnlyCheckBox"))->setChecked(true);
    QCOMPARE(column(ResultsModel::FileColumn), QStringList({"img5.jpg", "img2.jpg"}));
    m_panel->setFailuresOnly(false);
    QCOMPARE(column(ResultsModel::FileColumn).size(), 5);
}

void tst_ResultsPanel::doubleClickOpensTheOutput()
{
    QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "recordOpen");
    auto guard = qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("file")); });
    QTableView *view = m_panel->view();
    view->horizontalHeader()->setSortIndicator(ResultsModel::OutputColumn, Qt::DescendingOrder);
    // Row 0 is now img1 (the largest output), row 4 a failure without one.
    auto doubleClickRow = [view](int row) {
        const QRect cell = view->visualRect(view->model()->index(row, ResultsModel::FileColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
    };
    doubleClickRow(0);
    QCOMPARE(m_opened, QList<QUrl>({QUrl::fromLocalFile(QStringLiteral("/out/img1.webp"))}));
    doubleClickRow(4);
    QCOMPARE(m_opened.size(), 2);
    QCOMPARE(m_opened.last(), QUrl::fromLocalFile(QStringLiteral("/photos"))); // its folder
}

void tst_ResultsPanel::compareHandsOverTheSortedRow()
{
    QSignalSpy requested(m_panel.get(), &ResultsPanel::compareRequested);
    auto *button = m_panel->findChild<QPushButton *>(QStringLiteral("compareButton"));
    QVERIFY(button);
    QTableView *view = m_panel->view();
    view->setCurrentIndex(QModelIndex());
    QVERIFY(!button->isEnabled()); // no row: nothing to compare
    view->horizontalHeader()->setSortIndicator(ResultsModel::TimeColumn, Qt::DescendingOrder);
    view->setCurrentIndex(view->model()->index(1, 0)); // img4: 300 ms
    QVERIFY(button->isEnabled());
    button->click();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).value<JobResult>().id, JobId(4));

    // The same through the shortcut, as a person at the keyboard would.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.at(1).at(0).value<JobResult>().id, JobId(4));
}

void tst_ResultsPanel::savingsTotalFinishedImagesOnly()
{
    QList<JobResult> results{result(1, JobStatus::Ok, 100'000'000, 10'000'000, 1),
                             result(2, JobStatus::Ok, 26'000'000, 8'000'000, 1),
                             result(3, JobStatus::Failed, 50'000'000, 0, 1)};
    results[2].inputBytes = 50'000'000; // a failure read its input but wrote nothing
    const ByteTotals totals = finishedByteTotals(results);
    QCOMPARE(totals.inputBytes, qint64(126'000'000));
    QCOMPARE(totals.outputBytes, qint64(18'000'000));
    QCOMPARE(totals.images, 2);
    // 1 - 18/126 = 0.857 -> 86% (by hand); sizes in SI units as the table shows them.
    const QString text = Savings::describe(totals);
    QVERIFY2(text.startsWith(QStringLiteral("126")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("MB → 18")), qPrintable(text));
    QVERIFY2(text.endsWith(QStringLiteral(", 86% smaller")), qPrintable(text));
    QVERIFY(Savings::describe(finishedByteTotals({results[2]})).isEmpty());
}

void tst_ResultsPanel::savingsSayLargerWhenOutputsGrew()
{
    // 1000 -> 1250 bytes: 25% larger (by hand).
    const QString text =
        Savings::describe(finishedByteTotals({result(1, JobStatus::Ok, 1000, 1250, 1)}));
    QVERIFY2(text.endsWith(QStringLiteral(", 25% larger")), qPrintable(text));
}

QTEST_MAIN(tst_ResultsPanel)
#include "tst_resultspanel.moc"
