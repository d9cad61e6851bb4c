// The window on small and scaled screens: it opens inside the screen, every button shows its
// whole text, the previews share the space evenly, and the results table shows all its columns
// without scrolling sideways. ctest runs this twice, on an offscreen 1024x700 screen and on a
// 1400x900 screen at QT_SCALE_FACTOR=1.5 (933x600 logical pixels); see tests/CMakeLists.txt.

#include <QAbstractButton>
#include <QHeaderView>
#include <QLabel>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "guitestsupport.h"
#include "mainwindow.h"
#include "previewpane.h"
#include "resultsmodel.h"

class tst_WindowFit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GuiTest::useEnglish(); }
    void init();
    void cleanup();
    void firstWindowFitsTheScreen();
    void windowSavedOnABiggerScreenFitsThisOne();
    void buttonsShowTheirWholeText();
    void previewsShareTheSpaceWithSeparateCaptions();
    void resultsTableShowsEveryColumn();

private:
    std::unique_ptr<MainWindow> makeWindow();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void tst_WindowFit::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

void tst_WindowFit::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> tst_WindowFit::makeWindow()
{
    auto window = std::make_unique<MainWindow>(m_settings.get());
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

void tst_WindowFit::firstWindowFitsTheScreen()
{
    qInfo("screen %s at %.2fx", qPrintable(GuiTest::describe(GuiTest::screenArea())),
          QGuiApplication::primaryScreen()->devicePixelRatio());
    auto window = makeWindow(); // no saved geometry: the first run's size
    const QRect screen = GuiTest::screenArea();
    QVERIFY2(screen.contains(window->frameGeometry()),
             qPrintable(
                 QStringLiteral("window %1 on screen %2")
                     .arg(GuiTest::describe(window->frameGeometry()), GuiTest::describe(screen))));
    // Not only this size: the layout's own minimum must fit too, or a window manager would
    // have to let it hang off the screen.
    const QSize minimum = window->minimumSizeHint();
    QVERIFY2(
        minimum.width() <= screen.width() && minimum.height() <= screen.height(),
        qPrintable(QStringLiteral("minimum %1x%2").arg(minimum.width()).arg(minimum.height())));
}

void tst_WindowFit::windowSavedOnABiggerScreenFitsThisOne()
{
    const QRect screen = GuiTest::screenArea();
    {
        auto window = makeWindow();
        // As saved on a larger monitor, or at a smaller scaling factor.
        window->setGeometry(QRect(screen.topLeft() + QPoint(200, 150), screen.size() * 1.4));
        window->close(); // saves the geometry
    }
    auto window = makeWindow();
    QVERIFY2(screen.contains(window->frameGeometry()),
             qPrintable(
                 QStringLiteral("window %1 on screen %2")
                     .arg(GuiTest::describe(window->frameGeometry()), GuiTest::describe(screen))));
}

void tst_WindowFit::buttonsShowTheirWholeText()
{
    auto window = makeWindow();
    QTRY_VERIFY(window->findChild<QAbstractButton *>(QStringLiteral("startButton"))->isEnabled());
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(window.get()) || button->text().isEmpty())
            continue;
        const QString text = button->text().remove(QLatin1Char('&'));
        QVERIFY2(GuiTest::textRoom(button) >= button->fontMetrics().horizontalAdvance(text),
                 qPrintable(QStringLiteral("\"%1\" gets %2 px of %3 px wide %4, needs %5")
                                .arg(text)
                                .arg(GuiTest::textRoom(button))
                                .arg(button->width())
                                .arg(QString::fromLatin1(button->metaObject()->className()))
                                .arg(button->fontMetrics().horizontalAdvance(text))));
    }
}

void tst_WindowFit::previewsShareTheSpaceWithSeparateCaptions()
{
    const QString in = m_dir->filePath(QStringLiteral("in"));
    // A long name: its caption is the widest thing in the preview.
    GuiTest::writeGradient(
        in + QStringLiteral("/holiday-2026-lisbon-tram-28-at-sunset-from-the-castle-walls.jpg"),
        {1200, 900});
    auto window = makeWindow();
    auto *preview = window->findChild<PreviewPane *>();
    QSignalSpy ready(preview, &PreviewPane::previewReady);
    QVERIFY(GuiTest::chooseSource(*window, in, 1));
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() > 0 && !preview->imagePath().isEmpty(), 20'000);
    // The two image views: the pane's children that are not captions.
    QList<QWidget *> views;
    for (QWidget *child : preview->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
        if (!qobject_cast<QLabel *>(child))
            views.append(child);
    QCOMPARE(views.size(), 2);
    QCOMPARE(views.at(0)->size(), views.at(1)->size());

    auto *sourceCaption = GuiTest::child<QLabel>(*window, "previewSourceCaption");
    auto *resultCaption = GuiTest::child<QLabel>(*window, "previewResultCaption");
    QVERIFY(sourceCaption->toolTip().contains(QStringLiteral("lisbon-tram")));
    const QRect left(sourceCaption->mapTo(preview, QPoint()), sourceCaption->size());
    const QRect right(resultCaption->mapTo(preview, QPoint()), resultCaption->size());
    QVERIFY2(left.right() < right.left(),
             qPrintable(GuiTest::describe(left) + QLatin1Char(' ') + GuiTest::describe(right)));
    // What each caption shows fits its own box: long text is elided, not painted over the
    // neighbour.
    for (QLabel *caption : {sourceCaption, resultCaption})
        QVERIFY2(caption->fontMetrics().horizontalAdvance(caption->text()) <=
                     caption->contentsRect().width(),
                 qPrintable(caption->text()));
}

void tst_WindowFit::resultsTableShowsEveryColumn()
{
    auto window = makeWindow();
    QList<JobResult> results;
    for (int i = 0; i < 3; ++i) {
        JobResult r;
        r.id = JobId(i + 1);
        r.inputPath =
            QStringLiteral("/photos/2026/a-rather-long-file-name-from-a-camera-%1.jpg").arg(i);
        r.status = i == 1 ? JobStatus::Failed : JobStatus::Ok;
        r.outputPath = QStringLiteral("/photos/out/%1.jpg").arg(i);
        r.outputBytes = 123'456'789;
        r.elapsedMs = 12'345;
        if (r.status == JobStatus::Failed)
            r.message = QStringLiteral("libvips: VipsJpeg: Premature end of JPEG file; out of "
                                       "data at byte 40960 of 122880, the file is truncated");
        results.append(r);
    }
    ResultsModel *model = window->resultsModel();
    model->setSource(&results);
    model->flush();
    // Results show on their tab (a run opens it); the Images tab is the one before a run.
    GuiTest::child<QTabWidget>(*window, "runTabs")->setCurrentIndex(1);
    auto *view = GuiTest::child<QTableView>(*window, "resultsView");
    QCOMPARE(view->model()->rowCount(), 3);
    QCoreApplication::processEvents();
    const QHeaderView *header = view->horizontalHeader();
    const int viewportWidth = view->viewport()->width();
    QString sizes;
    for (int column = 0; column < ResultsModel::ColumnCount; ++column)
        sizes += QString::number(header->sectionSize(column)) + QLatin1Char(' ');
    QVERIFY2(view->horizontalScrollBar()->maximum() == 0,
             qPrintable(QStringLiteral("columns %1in %2").arg(sizes).arg(viewportWidth)));
    for (int column = 0; column < ResultsModel::ColumnCount; ++column) {
        const int left = header->sectionViewportPosition(column);
        QVERIFY2(left >= 0 && left + header->sectionSize(column) <= viewportWidth,
                 qPrintable(QStringLiteral("column %1 at %2 + %3 in %4")
                                .arg(column)
                                .arg(left)
                                .arg(header->sectionSize(column))
                                .arg(viewportWidth)));
    }
    // Every column can show its header and a typical value in full.
    for (int column : {int(ResultsModel::StatusColumn), int(ResultsModel::OutputColumn),
                       int(ResultsModel::TimeColumn)}) {
        const QString value = view->model()->index(0, column).data().toString();
        const QString title = view->model()->headerData(column, Qt::Horizontal).toString();
        const int needed = qMax(view->fontMetrics().horizontalAdvance(value),
                                header->fontMetrics().horizontalAdvance(title));
        QVERIFY2(header->sectionSize(column) > needed, qPrintable(title));
    }
    // The reason takes what is left, and a long one is readable in full in its tooltip.
    QVERIFY(header->sectionSize(ResultsModel::ReasonColumn) >=
            header->sectionSize(ResultsModel::TimeColumn));
    const QModelIndex reason = view->model()->index(1, ResultsModel::ReasonColumn);
    QCOMPARE(reason.data(Qt::ToolTipRole).toString(), results.at(1).message);
    model->setSource(nullptr);
}

QTEST_MAIN(tst_WindowFit)
#include "tst_windowfit.moc"
