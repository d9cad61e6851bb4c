// The input set (issue 14, sections 1 and 2): files and folders added through the dialogs or
// dropped, images removed, and each image's state in the Images view during and after a run.
// The real window with real pixelmill-worker processes; what is processed is read from the
// output folder.

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QtTest>

#include "batchcontroller.h"
#include "guitestsupport.h"
#include "inputmodel.h"
#include "inputview.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "resultsmodel.h"

class tst_InputSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GuiTest::useEnglish(); }
    void init();
    void cleanup();
    void addedFilesAreTheBatch();
    void addedFolderJoinsTheSet();
    void droppedUrlsJoinTheSet();
    void removedImagesAreNotProcessed();
    void statusFollowsTheRun();
    void tabFollowsTheImagesTab();

private:
    std::unique_ptr<MainWindow> makeWindow();
    // `names` (PNG, 24x16) in folder `folder` below the test's directory; returns the folder.
    QString makeImages(const QString &folder, const QStringList &names);
    QStringList outputs() const;
    // Presses Start and waits for the end of the batch.
    static bool runBatch(MainWindow &window);
    // Answers the next file dialog (Qt's own: this platform has no native one) with `path`.
    static void answerDialog(const QString &path);
    static QAbstractItemModel *listed(MainWindow &window);
    static QStringList names(MainWindow &window);
    static QString cell(MainWindow &window, const QString &name, int column, int role);
    static QString countText(MainWindow &window);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void tst_InputSet::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    qputenv("XDG_CACHE_HOME", QFile::encodeName(m_dir->filePath(QStringLiteral("cache"))));
}

void tst_InputSet::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> tst_InputSet::makeWindow()
{
    auto window = std::make_unique<MainWindow>(m_settings.get());
    window->findChild<OutputPanel *>()->setFolder(m_dir->filePath(QStringLiteral("out")));
    window->show();
    return window;
}

QString tst_InputSet::makeImages(const QString &folder, const QStringList &names)
{
    const QString dir = m_dir->filePath(folder);
    QDir().mkpath(dir);
    for (const QString &name : names) {
        QImage image(24, 16, QImage::Format_RGB32);
        image.fill(QColor(30, 120, 200));
        if (!image.save(dir + QLatin1Char('/') + name))
            qFatal("cannot write %s", qPrintable(name));
    }
    return dir;
}

QStringList tst_InputSet::outputs() const
{
    QDir out(m_dir->filePath(QStringLiteral("out")));
    return out.entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
}

bool tst_InputSet::runBatch(MainWindow &window)
{
    QSignalSpy finished(window.controller(), &BatchController::finished);
    auto *start = GuiTest::child<QPushButton>(window, "startButton");
    if (!QTest::qWaitFor([&] { return start->isEnabled(); }, 10'000))
        return false;
    QTest::mouseClick(start, Qt::LeftButton);
    return finished.wait(60'000);
}

void tst_InputSet::answerDialog(const QString &path)
{
    QTimer::singleShot(0, qApp, [path] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            qFatal("no file dialog open");
        dialog->setDirectory(QFileInfo(path).absolutePath());
        dialog->selectFile(QFileInfo(path).fileName());
        static_cast<QDialog *>(dialog)->accept(); // public in QDialog
    });
}

QAbstractItemModel *tst_InputSet::listed(MainWindow &window)
{
    return GuiTest::child<QTableView>(window, "inputView")->model();
}

QStringList tst_InputSet::names(MainWindow &window)
{
    const QAbstractItemModel *model = listed(window);
    QStringList names;
    for (int r = 0; r < model->rowCount(); ++r)
        names.append(model->index(r, InputModel::NameColumn).data().toString());
    names.sort();
    return names;
}

QString tst_InputSet::cell(MainWindow &window, const QString &name, int column, int role)
{
    const QAbstractItemModel *model = listed(window);
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, InputModel::NameColumn).data() == name)
            return model->index(r, column).data(role).toString();
    return QStringLiteral("<no row %1>").arg(name);
}

QString tst_InputSet::countText(MainWindow &window)
{
    return GuiTest::child<QLabel>(window, "imageCountLabel")->text();
}

// No source folder: two files from two folders, each through Add Files…, are the whole batch.
// Files given directly land flat in the output folder.
void tst_InputSet::addedFilesAreTheBatch()
{
    const QString a =
        makeImages(QStringLiteral("a"), {QStringLiteral("one.png"), QStringLiteral("two.png")});
    const QString b = makeImages(QStringLiteral("b"), {QStringLiteral("three.png")});
    auto window = makeWindow();
    auto *source = GuiTest::child<QLineEdit>(*window, "sourceFolderEdit");
    source->clear(); // the first run's sample folder out: no folder at all
    QTest::keyClick(source, Qt::Key_Return);
    QTRY_COMPARE(countText(*window), QStringLiteral("No folder chosen"));
    QVERIFY(!GuiTest::child<QPushButton>(*window, "startButton")->isEnabled());
    auto *addFiles = GuiTest::child<QPushButton>(*window, "addFilesButton");
    answerDialog(a + QStringLiteral("/one.png"));
    QTest::mouseClick(addFiles, Qt::LeftButton);
    answerDialog(b + QStringLiteral("/three.png"));
    QTest::mouseClick(addFiles, Qt::LeftButton);
    QTRY_COMPARE(names(*window),
                 QStringList({QStringLiteral("one.png"), QStringLiteral("three.png")}));
    QTRY_COMPARE(countText(*window), QStringLiteral("2 images found"));
    QVERIFY(runBatch(*window));
    QCOMPARE(outputs(), QStringList({QStringLiteral("one.png"), QStringLiteral("three.png")}));
    QCOMPARE(window->resultsModel()->rowCount(), 2);
}

// A source folder, then another folder through Add Folder…: both are listed, counted and run.
void tst_InputSet::addedFolderJoinsTheSet()
{
    const QString a =
        makeImages(QStringLiteral("a"), {QStringLiteral("one.png"), QStringLiteral("two.png")});
    const QString b = makeImages(QStringLiteral("b"), {QStringLiteral("three.png")});
    auto window = makeWindow();
    QVERIFY(GuiTest::chooseSource(*window, a, 2));
    answerDialog(b);
    QTest::mouseClick(GuiTest::child<QPushButton>(*window, "addFolderButton"), Qt::LeftButton);
    QTRY_COMPARE(countText(*window), QStringLiteral("3 images found"));
    QTRY_COMPARE(listed(*window)->rowCount(), 3);
    QVERIFY(runBatch(*window));
    QCOMPARE(outputs(), QStringList({QStringLiteral("one.png"), QStringLiteral("three.png"),
                                     QStringLiteral("two.png")}));
    // Choosing a folder again replaces the set.
    QVERIFY(GuiTest::chooseSource(*window, b, 1));
    QTRY_COMPARE(names(*window), QStringList({QStringLiteral("three.png")}));
}

// A file manager's drop: file:// URLs of a file and a folder, on the list and on the window.
void tst_InputSet::droppedUrlsJoinTheSet()
{
    const QString a = makeImages(QStringLiteral("a"), {QStringLiteral("one.png")});
    const QString b =
        makeImages(QStringLiteral("b"), {QStringLiteral("two.png"), QStringLiteral("three.png")});
    const QString c = makeImages(QStringLiteral("c"), {QStringLiteral("four.png")});
    auto window = makeWindow();
    QVERIFY(GuiTest::chooseSource(*window, a, 1));
    const auto drop = [](QWidget *target, const QStringList &paths) {
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString &path : paths)
            urls.append(QUrl::fromLocalFile(path));
        mime.setUrls(urls);
        const QPoint at = target->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QDropEvent dropped(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &dropped);
        return enter.isAccepted() && dropped.isAccepted();
    };
    QVERIFY(drop(window->findChild<InputView *>(), {b + QStringLiteral("/two.png")}));
    QTRY_COMPARE(countText(*window), QStringLiteral("2 images found"));
    QVERIFY(drop(window.get(), {c}));
    QTRY_COMPARE(countText(*window), QStringLiteral("3 images found"));
    QTRY_COMPARE(names(*window), QStringList({QStringLiteral("four.png"), QStringLiteral("one.png"),
                                              QStringLiteral("two.png")}));
    QVERIFY(runBatch(*window));
    QCOMPARE(outputs(), QStringList({QStringLiteral("four.png"), QStringLiteral("one.png"),
                                     QStringLiteral("two.png")}));
}

// Remove takes images out of the list, the count and the batch, and they stay out when the
// folder is listed again (a changed output folder).
void tst_InputSet::removedImagesAreNotProcessed()
{
    const QString a =
        makeImages(QStringLiteral("a"), {QStringLiteral("one.png"), QStringLiteral("two.png"),
                                         QStringLiteral("three.png")});
    auto window = makeWindow();
    QVERIFY(GuiTest::chooseSource(*window, a, 3));
    QTRY_COMPARE(listed(*window)->rowCount(), 3);
    auto *view = GuiTest::child<QTableView>(*window, "inputView");
    auto *remove = GuiTest::child<QPushButton>(*window, "removeImagesButton");
    QVERIFY(!remove->isEnabled());
    for (int r = 0; r < 3; ++r)
        if (view->model()->index(r, 0).data() == QStringLiteral("two.png"))
            view->selectionModel()->select(view->model()->index(r, 0),
                                           QItemSelectionModel::ClearAndSelect |
                                               QItemSelectionModel::Rows);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(names(*window), QStringList({QStringLiteral("one.png"), QStringLiteral("three.png")}));
    QCOMPARE(countText(*window), QStringLiteral("2 images found"));
    QVERIFY(GuiTest::child<QLabel>(*window, "inputTotalsLabel")
                ->toolTip() // unelided
                .startsWith(QStringLiteral("2 of 2 images checked")));
    window->findChild<OutputPanel *>()->setFolder(m_dir->filePath(QStringLiteral("out2")));
    window->findChild<OutputPanel *>()->setFolder(m_dir->filePath(QStringLiteral("out")));
    QTRY_COMPARE(countText(*window), QStringLiteral("2 images found"));
    QTRY_COMPARE(names(*window),
                 QStringList({QStringLiteral("one.png"), QStringLiteral("three.png")}));
    QVERIFY(runBatch(*window));
    QCOMPARE(outputs(), QStringList({QStringLiteral("one.png"), QStringLiteral("three.png")}));
    QCOMPARE(window->resultsModel()->rowCount(), 2);
}

// Queued at Start, working when a worker takes it, then the verdict with its reason: done,
// failed (a text file named .jpg) and skipped (its output exists). Sorting by Status groups
// them; Failures only shows the failure.
void tst_InputSet::statusFollowsTheRun()
{
    const QString a =
        makeImages(QStringLiteral("a"), {QStringLiteral("good.png"), QStringLiteral("kept.png")});
    QFile broken(a + QStringLiteral("/broken.jpg"));
    QVERIFY(broken.open(QIODevice::WriteOnly) && broken.write("this is not a JPEG\n") > 0);
    broken.close();
    makeImages(QStringLiteral("out"), {QStringLiteral("kept.png")}); // skip policy: kept
    auto window = makeWindow();
    QVERIFY(GuiTest::chooseSource(*window, a, 3));
    QTRY_COMPARE(listed(*window)->rowCount(), 3);

    QStringList seenWorking;
    connect(window->controller(), &BatchController::jobStarted, this,
            [&](JobId, int, const QString &path) {
                seenWorking.append(cell(*window, QFileInfo(path).fileName(),
                                        InputModel::StatusColumn, Qt::DisplayRole));
            });
    QSignalSpy finished(window->controller(), &BatchController::finished);
    auto *start = GuiTest::child<QPushButton>(*window, "startButton");
    QTRY_VERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    for (const char *name : {"good.png", "kept.png", "broken.jpg"})
        QCOMPARE(cell(*window, QLatin1String(name), InputModel::StatusColumn, Qt::DisplayRole),
                 QStringLiteral("Queued"));
    QVERIFY(finished.wait(60'000));
    QVERIFY(!seenWorking.isEmpty());
    QCOMPARE(seenWorking, QStringList(seenWorking.size(), QStringLiteral("Working")));

    const auto status = [&](const char *name) {
        return cell(*window, QLatin1String(name), InputModel::StatusColumn, Qt::DisplayRole);
    };
    const auto reason = [&](const char *name) {
        return cell(*window, QLatin1String(name), InputModel::ReasonColumn, Qt::DisplayRole);
    };
    QCOMPARE(status("good.png"), QStringLiteral("Done"));
    QCOMPARE(reason("good.png"), QString());
    QCOMPARE(status("kept.png"), QStringLiteral("Skipped"));
    QVERIFY2(reason("kept.png").contains(QStringLiteral("output exists")),
             qPrintable(reason("kept.png")));
    QCOMPARE(status("broken.jpg"), QStringLiteral("Failed"));
    QVERIFY2(reason("broken.jpg").contains(QStringLiteral("not an image")),
             qPrintable(reason("broken.jpg")));
    QCOMPARE(cell(*window, QStringLiteral("broken.jpg"), InputModel::StatusColumn, Qt::ToolTipRole),
             reason("broken.jpg"));

    auto *view = GuiTest::child<QTableView>(*window, "inputView");
    view->sortByColumn(InputModel::StatusColumn, Qt::DescendingOrder);
    QAbstractItemModel *model = view->model();
    QStringList order;
    for (int r = 0; r < model->rowCount(); ++r)
        order.append(model->index(r, InputModel::StatusColumn).data().toString());
    QCOMPARE(order, QStringList({QStringLiteral("Failed"), QStringLiteral("Skipped"),
                                 QStringLiteral("Done")}));
    QTest::mouseClick(GuiTest::child<QCheckBox>(*window, "inputFailuresOnlyCheckBox"),
                      Qt::LeftButton);
    QCOMPARE(names(*window), QStringList({QStringLiteral("broken.jpg")}));
}

// Tab walks the Images tab as it is laid out: the row above the table, the table (one stop),
// the buttons below it (Remove is off without a selection, so no stop).
void tst_InputSet::tabFollowsTheImagesTab()
{
    auto window = makeWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    auto *filter = GuiTest::child<QLineEdit>(*window, "inputFilterEdit");
    filter->setFocus(Qt::TabFocusReason);
    QStringList stops;
    for (int step = 0; step < 7; ++step) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        stops.append(QApplication::focusWidget()->objectName());
    }
    QCOMPARE(stops,
             QStringList({QStringLiteral("inputFailuresOnlyCheckBox"),
                          QStringLiteral("checkAllButton"), QStringLiteral("checkNoneButton"),
                          QStringLiteral("invertCheckButton"), QStringLiteral("inputView"),
                          QStringLiteral("addFilesButton"), QStringLiteral("addFolderButton")}));
}

QTEST_MAIN(tst_InputSet)
#include "tst_inputset.moc"
