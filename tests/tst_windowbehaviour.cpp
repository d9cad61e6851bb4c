// Defects found using the window, each where Qt Test can see it: Tab follows the layout and
// focus is visible; cancel never reads as complete; skipped is not done; captions and reasons
// follow what is selected. The real window with real pixelmill-worker processes.

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "batchcontroller.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "previewpane.h"
#include "progresspanel.h"
#include "resultsmodel.h"

class tst_WindowBehaviour : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GuiTest::useEnglish(); }
    void init();
    void cleanup();
    void tabFollowsTheLayout();
    void focusOnStartIsVisible();
    void cancelShowsCancelledNotComplete();
    void progressCountsSkippedApartFromDone();
    void captionsFollowTheImageShown();
    void failedReasonGoesWhenAnotherRowIsSelected();

private:
    std::unique_ptr<MainWindow> makeWindow();
    // Three good JPEGs and one truncated one; returns the folder.
    QString makeMixedFolder();
    void runToEnd(MainWindow &window);
    // Presses Tab from `first` until focus comes back to it; the widgets passed through, or an
    // empty list when Tab never leads back.
    QList<QWidget *> tabCycle(QWidget *first);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void tst_WindowBehaviour::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

void tst_WindowBehaviour::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> tst_WindowBehaviour::makeWindow()
{
    auto window = std::make_unique<MainWindow>(m_settings.get());
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active");
    return window;
}

QString tst_WindowBehaviour::makeMixedFolder()
{
    const QString in = m_dir->filePath(QStringLiteral("mixed"));
    for (int i = 0; i < 3; ++i)
        GuiTest::writeGradient(QStringLiteral("%1/good%2.jpg").arg(in).arg(i), {240, 180});
    QFile good(in + QStringLiteral("/good0.jpg"));
    QFile broken(in + QStringLiteral("/broken.jpg"));
    if (!good.open(QIODevice::ReadOnly) || !broken.open(QIODevice::WriteOnly))
        qFatal("cannot make broken.jpg");
    broken.write(good.readAll().left(300)); // a JPEG header, then nothing: fails to decode
    return in;
}

void tst_WindowBehaviour::runToEnd(MainWindow &window)
{
    QSignalSpy finished(window.controller(), &BatchController::finished);
    auto *start = GuiTest::child<QPushButton>(window, "startButton");
    QTRY_VERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(finished.wait(30'000));
    // A run leaves the Images tab in front (it shows each image's state); these tests are
    // about the results table, as a person sees it on its tab.
    GuiTest::child<QTabWidget>(window, "runTabs")->setCurrentIndex(1);
}

QList<QWidget *> tst_WindowBehaviour::tabCycle(QWidget *first)
{
    first->setFocus(Qt::TabFocusReason);
    QList<QWidget *> stops;
    for (int step = 0; step < 80 && QApplication::focusWidget(); ++step) {
        stops.append(QApplication::focusWidget());
        QTest::keyClick(stops.last(), Qt::Key_Tab);
        if (QApplication::focusWidget() == first)
            return stops;
    }
    return {};
}

void tst_WindowBehaviour::tabFollowsTheLayout()
{
    auto window = makeWindow();
    window->findChild<OutputPanel *>()->setFolder(m_dir->filePath(QStringLiteral("out")));
    QVERIFY(GuiTest::chooseSource(*window, makeMixedFolder(), 4));
    runToEnd(*window); // the buttons for results are enabled: they must be reachable too
    QVERIFY(window->resultsModel()->rowCount() == 4);

    const QList<QWidget *> stops = tabCycle(GuiTest::child<QWidget>(*window, "sourceFolderEdit"));
    QStringList cycle;
    for (const QWidget *stop : stops)
        cycle.append(stop->objectName().isEmpty()
                         ? QString::fromLatin1(stop->metaObject()->className())
                         : stop->objectName());
    const QString seen = cycle.join(QStringLiteral(" → "));
    QVERIFY2(!stops.isEmpty(), "Tab never comes back to where it started");
    // The table is one stop: Tab leaves it instead of walking its cells.
    QVERIFY2(cycle.count(QStringLiteral("resultsView")) == 1, qPrintable(seen));
    const QStringList visualOrder = {
        QStringLiteral("sourceFolderEdit"),   QStringLiteral("sourceBrowseButton"),
        QStringLiteral("recursiveCheckBox"),  QStringLiteral("outputFolderEdit"),
        QStringLiteral("outputBrowseButton"), QStringLiteral("namePatternEdit"),
        QStringLiteral("conflictCombo"),      QStringLiteral("resumeCheckBox"),
        QStringLiteral("advancedToggle"),     QStringLiteral("failuresOnlyCheckBox"),
        QStringLiteral("resultsView"),        QStringLiteral("openOutputButton"),
        QStringLiteral("retryButton"),        QStringLiteral("exportButton"),
        QStringLiteral("startButton")};
    qsizetype previous = -1;
    for (const QString &name : visualOrder) {
        const qsizetype at = cycle.indexOf(name);
        QVERIFY2(at > previous, qPrintable(name + QStringLiteral(" out of order in: ") + seen));
        previous = at;
    }
    // In the settings column, every stop: each one is on a lower row than the one before, or
    // on the same row further right.
    const QWidget *column = window->findChild<QScrollArea *>()->widget();
    int compared = 0;
    for (qsizetype i = 1; i < stops.size(); ++i) {
        const QWidget *a = stops.at(i - 1), *b = stops.at(i);
        if (!column->isAncestorOf(a) || !column->isAncestorOf(b))
            continue;
        const QRect ra(a->mapTo(column, QPoint()), a->size());
        const QRect rb(b->mapTo(column, QPoint()), b->size());
        const bool nextRow = rb.top() >= ra.center().y();
        const bool sameRowRight =
            qAbs(rb.center().y() - ra.center().y()) < ra.height() / 2 && rb.left() > ra.left();
        QVERIFY2(nextRow || sameRowRight,
                 qPrintable(cycle.at(i) + QStringLiteral(" comes after ") + cycle.at(i - 1)));
        ++compared;
    }
    QVERIFY2(compared >= 10, qPrintable(seen));
}

void tst_WindowBehaviour::focusOnStartIsVisible()
{
    auto window = makeWindow();
    auto *start = GuiTest::child<QPushButton>(*window, "startButton");
    QTRY_VERIFY(start->isEnabled());
    // Reached with the Tab key: styles draw keyboard focus only after a key moved it. From
    // the stop before Start, whichever that is.
    QWidget *before = start->previousInFocusChain();
    while (!before->isEnabled() || !before->isVisible() || !(before->focusPolicy() & Qt::TabFocus))
        before = before->previousInFocusChain();
    before->setFocus();
    const QImage without = start->grab().toImage();
    QTest::keyClick(before, Qt::Key_Tab);
    QVERIFY2(start->hasFocus(), qPrintable(QApplication::focusWidget()->objectName()));
    const QImage with = start->grab().toImage();
    QVERIFY2(with != without, "Start looks the same with and without keyboard focus");
}

void tst_WindowBehaviour::cancelShowsCancelledNotComplete()
{
    constexpr int kImages = 16;
    const QString in = m_dir->filePath(QStringLiteral("big"));
    for (int i = 0; i < kImages; ++i)
        GuiTest::writeGradient(QStringLiteral("%1/img%2.png").arg(in).arg(i), {1400, 1400});
    auto window = makeWindow();
    window->findChild<OutputPanel *>()->setFolder(m_dir->filePath(QStringLiteral("bigout")));
    QVERIFY(GuiTest::chooseSource(*window, in, kImages));
    GuiTest::child<QSpinBox>(*window, "workerCountSpin")->setValue(1);

    auto *bar = GuiTest::child<QProgressBar>(*window, "progressBar");
    QSignalSpy barValues(bar, &QProgressBar::valueChanged);
    QSignalSpy jobDone(window->controller(), &BatchController::jobFinished);
    QSignalSpy finished(window->controller(), &BatchController::finished);
    QTest::mouseClick(GuiTest::child<QPushButton>(*window, "startButton"), Qt::LeftButton);
    QVERIFY(jobDone.wait(30'000));
    QTest::mouseClick(GuiTest::child<QPushButton>(*window, "cancelButton"), Qt::LeftButton);
    QVERIFY(finished.count() == 1 || finished.wait(60'000));

    const BatchCounts counts = window->controller()->counts();
    QVERIFY(counts.cancelled > 0);
    for (const QList<QVariant> &value : barValues)
        QVERIFY2(value.at(0).toInt() < kImages, "the bar reached the end of a cancelled batch");
    QCOMPARE(bar->value(), counts.ok + counts.failed + counts.skipped);
    QVERIFY(bar->text() != QStringLiteral("100%"));
    const QString label = GuiTest::child<QLabel>(*window, "progressLabel")->text();
    QVERIFY2(label.contains(QStringLiteral("%1 cancelled").arg(counts.cancelled)),
             qPrintable(label));
    QVERIFY2(!label.contains(QStringLiteral("left")), qPrintable(label));
}

void tst_WindowBehaviour::progressCountsSkippedApartFromDone()
{
    ProgressPanel panel;
    panel.show();
    panel.startRun(2);
    panel.setTotal(10);
    auto *label = panel.findChild<QLabel *>(QStringLiteral("progressLabel"));
    auto *bar = panel.findChild<QProgressBar *>(QStringLiteral("progressBar"));
    const QString before = label->text();

    BatchCounts running;
    running.total = 10;
    running.ok = 2;
    running.skipped = 3;
    running.failed = 1;
    panel.showCounts(running, 4.0, 1.0);
    QTRY_VERIFY(label->text() != before);
    QString text = label->text();
    QVERIFY2(text.contains(QStringLiteral("2 of 10 done")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("3 skipped")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("1 failed")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("5 ")), qPrintable(text)); // ok + skipped as "done"
    QCOMPARE(bar->value(), 6);

    // The rest cancelled: every job has a verdict, but the batch is not complete and nothing
    // is "left" to wait for.
    BatchCounts cancelled = running;
    cancelled.cancelled = 4;
    panel.showCounts(cancelled, 4.0, 0.0);
    QTRY_VERIFY(label->text() != text);
    text = label->text();
    QVERIFY2(text.contains(QStringLiteral("4 cancelled")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("left")), qPrintable(text));
    QCOMPARE(bar->value(), 6);
    QVERIFY(bar->value() < bar->maximum());
}

void tst_WindowBehaviour::captionsFollowTheImageShown()
{
    const QString in = m_dir->filePath(QStringLiteral("one"));
    GuiTest::writeGradient(in + QStringLiteral("/first.jpg"), {400, 300});
    auto window = makeWindow();
    auto *preview = window->findChild<PreviewPane *>();
    QVERIFY(GuiTest::chooseSource(*window, in, 1));
    auto *sourceCaption = GuiTest::child<QLabel>(*window, "previewSourceCaption");
    auto *resultCaption = GuiTest::child<QLabel>(*window, "previewResultCaption");
    QTRY_VERIFY_WITH_TIMEOUT(resultCaption->text().contains(QStringLiteral("×")), 60'000);
    QVERIFY(sourceCaption->toolTip().contains(QStringLiteral("first.jpg · 400 × 300")));

    // Output set to the source folder: Start is refused, the image is still the one shown.
    window->findChild<OutputPanel *>()->setFolder(in);
    QVERIFY(!GuiTest::child<QPushButton>(*window, "startButton")->isEnabled());
    QCOMPARE(QFileInfo(preview->imagePath()).fileName(), QStringLiteral("first.jpg"));

    // Then a source with no image: nothing to preview, and no caption may still describe
    // first.jpg.
    const QString empty = m_dir->filePath(QStringLiteral("empty"));
    QVERIFY(QDir().mkpath(empty));
    QVERIFY(GuiTest::chooseSource(*window, empty, 0));
    QTRY_VERIFY(preview->imagePath().isEmpty());
    for (const QString &shown : {sourceCaption->text(), sourceCaption->toolTip()})
        QVERIFY2(!shown.contains(QStringLiteral("first")), qPrintable(shown));
    for (const QString &shown : {resultCaption->text(), resultCaption->toolTip()})
        QVERIFY2(!shown.contains(QStringLiteral("×")), qPrintable(shown));
}

void tst_WindowBehaviour::failedReasonGoesWhenAnotherRowIsSelected()
{
    auto window = makeWindow();
    window->findChild<OutputPanel *>()->setFolder(m_dir->filePath(QStringLiteral("out")));
    QVERIFY(GuiTest::chooseSource(*window, makeMixedFolder(), 4));
    runToEnd(*window);
    auto *view = GuiTest::child<QTableView>(*window, "resultsView");
    int failedRow = -1, goodRow = -1;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const bool failed =
            view->model()->index(row, ResultsModel::StatusColumn).data(ResultsModel::StatusRole) ==
            toString(JobStatus::Failed);
        (failed ? failedRow : goodRow) = row;
    }
    QVERIFY(failedRow >= 0 && goodRow >= 0);

    // Both views: a file that cannot be decoded fails in both, each showing the reason.
    const QList<QWidget *> views = {
        window->findChild<QWidget *>(QStringLiteral("previewSourceView")),
        window->findChild<QWidget *>(QStringLiteral("previewResultView"))};
    QVERIFY(views.at(0) && views.at(1));
    auto *preview = window->findChild<PreviewPane *>();
    auto *resultCaption = GuiTest::child<QLabel>(*window, "previewResultCaption");
    view->setCurrentIndex(view->model()->index(failedRow, ResultsModel::FileColumn));
    // Not a previewReady spy: broken.jpg sorts first, so the pane may show it already and
    // selecting it again starts nothing (a 60 s timeout on a busy machine).
    QTRY_VERIFY_WITH_TIMEOUT(preview->imagePath().endsWith(QStringLiteral("broken.jpg")) &&
                                 preview->isUpToDate(),
                             60'000);
    QVERIFY2(resultCaption->text().contains(QStringLiteral("failed")),
             qPrintable(resultCaption->text()));
    for (QWidget *shown : views)
        QVERIFY2(!shown->accessibleDescription().isEmpty(), qPrintable(shown->objectName()));

    // At once, not when the next preview is ready: the failure belongs to the other image.
    view->setCurrentIndex(view->model()->index(goodRow, ResultsModel::FileColumn));
    QVERIFY2(!resultCaption->text().contains(QStringLiteral("failed")),
             qPrintable(resultCaption->text()));
    for (QWidget *shown : views)
        QVERIFY2(
            shown->accessibleDescription().isEmpty(),
            qPrintable(shown->objectName() + QLatin1Char(' ') + shown->accessibleDescription()));
    QTRY_VERIFY_WITH_TIMEOUT(resultCaption->text().contains(QStringLiteral("×")), 60'000);
}

QTEST_MAIN(tst_WindowBehaviour)
#include "tst_windowbehaviour.moc"
