// The input view (issue 14, section 1): the images a batch will process, listed by the
// planner's own walk, with check boxes; only the checked ones run. The real window with real
// pixelmill-worker processes.

#include <QAbstractItemModel>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include "batchcontroller.h"
#include "guitestsupport.h"
#include "inputmodel.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "previewpane.h"
#include "resultsmodel.h"
#include "thumbnailer.h"

class tst_InputView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { GuiTest::useEnglish(); }
    void init();
    void cleanup();
    void listsNameFormatDimensionsAndSize();
    void checkButtonsActOnTheFilteredRows();
    void keysActOnTheSelectedRows();
    void onlyCheckedImagesAreProcessed();
    void thumbnailsFollowTheStandard();
    void secondVisitReadsTheCache();

private:
    std::unique_ptr<MainWindow> makeWindow();
    // a.png .. e.png, image i of (20 + 10 i) x (10 + i) pixels; returns the folder.
    QString makeFolder();
    static QAbstractItemModel *listed(MainWindow &window);
    // Chooses `folder` as the source and waits until the input view lists `count` images.
    static bool listsFolder(MainWindow &window, const QString &folder, int count);
    static QString dimensionsOf(MainWindow &window, const QString &name);
    static int rowNamed(const QAbstractItemModel *model, const QString &name);
    static void setChecked(QAbstractItemModel *model, const QString &name, bool checked);
    // wide.webp 300x200, small.png 64x40, broken.jpg (text); returns the folder.
    QString makeThumbnailFolder();
    // Asks for every row's thumbnail, as a view does for the rows it shows, and waits for all.
    static bool waitForThumbnails(MainWindow &window);
    // The tEXt chunks of a PNG before its first IDAT, read by hand from the PNG specification.
    static QMap<QByteArray, QByteArray> textChunksBeforePixels(const QString &path);
    // The standard's name for `path`'s entry in `folder`: the MD5 of "file://" + the path (the
    // test's paths need no percent-encoding), in hex, ".png".
    static QString entryName(const QString &folder, const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void tst_InputView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    qputenv("XDG_CACHE_HOME", QFile::encodeName(m_dir->filePath(QStringLiteral("cache"))));
}

void tst_InputView::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> tst_InputView::makeWindow()
{
    auto window = std::make_unique<MainWindow>(m_settings.get());
    window->findChild<OutputPanel *>()->setFolder(m_dir->filePath(QStringLiteral("out")));
    window->show();
    return window;
}

QString tst_InputView::makeFolder()
{
    const QString in = m_dir->filePath(QStringLiteral("in"));
    QDir().mkpath(in);
    for (int i = 0; i < 5; ++i) {
        QImage image(20 + 10 * i, 10 + i, QImage::Format_RGB32);
        image.fill(QColor(40 * i, 100, 200));
        const QString path = QStringLiteral("%1/%2.png").arg(in).arg(QChar(u'a' + i));
        if (!image.save(path))
            qFatal("cannot write %s", qPrintable(path));
    }
    return in;
}

QAbstractItemModel *tst_InputView::listed(MainWindow &window)
{
    return GuiTest::child<QTableView>(window, "inputView")->model();
}

QString tst_InputView::dimensionsOf(MainWindow &window, const QString &name)
{
    const QAbstractItemModel *model = listed(window);
    return model->index(rowNamed(model, name), InputModel::DimensionsColumn).data().toString();
}

bool tst_InputView::listsFolder(MainWindow &window, const QString &folder, int count)
{
    return GuiTest::chooseSource(window, folder, count) &&
           QTest::qWaitFor([&] { return listed(window)->rowCount() == count; });
}

int tst_InputView::rowNamed(const QAbstractItemModel *model, const QString &name)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, InputModel::NameColumn).data() == name)
            return r;
    return -1;
}

// What the view's delegate does when its check box is clicked.
void tst_InputView::setChecked(QAbstractItemModel *model, const QString &name, bool checked)
{
    const int row = rowNamed(model, name);
    QVERIFY2(row >= 0, qPrintable(name));
    QVERIFY(model->setData(model->index(row, InputModel::NameColumn),
                           checked ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole));
}

void tst_InputView::listsNameFormatDimensionsAndSize()
{
    auto window = makeWindow();
    const QString in = makeFolder();
    QVERIFY(listsFolder(*window, in, 5));
    QAbstractItemModel *model = listed(*window);
    for (int i = 0; i < 5; ++i) {
        const QString name = QStringLiteral("%1.png").arg(QChar(u'a' + i));
        const int row = rowNamed(model, name);
        QVERIFY2(row >= 0, qPrintable(name));
        QCOMPARE(model->index(row, InputModel::FormatColumn).data().toString(),
                 QStringLiteral("PNG"));
        QCOMPARE(model->index(row, InputModel::DimensionsColumn).data().toString(),
                 QStringLiteral("%1 × %2").arg(20 + 10 * i).arg(10 + i));
        const qint64 bytes = QFileInfo(in + QLatin1Char('/') + name).size();
        QCOMPARE(model->index(row, InputModel::SizeColumn).data(InputModel::SortRole).toLongLong(),
                 bytes);
        QCOMPARE(model->index(row, InputModel::NameColumn).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
    }
    // The tooltip holds the whole text; the label may be elided to fit.
    const QString totals = GuiTest::child<QLabel>(*window, "inputTotalsLabel")->toolTip();
    QVERIFY2(totals.startsWith(QStringLiteral("5 of 5 images checked")), qPrintable(totals));
}

void tst_InputView::checkButtonsActOnTheFilteredRows()
{
    auto window = makeWindow();
    const QString in = makeFolder();
    QVERIFY(listsFolder(*window, in, 5));
    QAbstractItemModel *model = listed(*window);
    auto *filter = GuiTest::child<QLineEdit>(*window, "inputFilterEdit");
    auto *totals = GuiTest::child<QLabel>(*window, "inputTotalsLabel");
    auto click = [&](const char *name) {
        QTest::mouseClick(GuiTest::child<QPushButton>(*window, name), Qt::LeftButton);
    };
    filter->setText(QStringLiteral("png")); // by format: all five
    QCOMPARE(model->rowCount(), 5);
    filter->setText(QStringLiteral("B.P")); // by name, any case: b.png only
    QCOMPARE(model->rowCount(), 1);
    click("checkNoneButton");
    filter->clear();
    QVERIFY2(totals->toolTip().startsWith(QStringLiteral("4 of 5 images checked")),
             qPrintable(totals->toolTip()));
    click("invertCheckButton"); // b.png alone
    QVERIFY2(totals->toolTip().startsWith(QStringLiteral("1 of 5 images checked")),
             qPrintable(totals->toolTip()));
    QCOMPARE(totals->toolTip(), QStringLiteral("1 of 5 images checked, %1 bytes")
                                    .arg(QFileInfo(in + QStringLiteral("/b.png")).size()));
    click("checkNoneButton");
    QVERIFY(totals->toolTip().startsWith(QStringLiteral("0 of 5 images checked")));
    QVERIFY(!GuiTest::child<QPushButton>(*window, "startButton")->isEnabled());
    click("checkAllButton");
    QVERIFY(totals->toolTip().startsWith(QStringLiteral("5 of 5 images checked")));
    QVERIFY(GuiTest::child<QPushButton>(*window, "startButton")->isEnabled());
}

// Delete takes the selected rows out of the batch, Space flips checks; the preview follows
// the current row.
void tst_InputView::keysActOnTheSelectedRows()
{
    auto window = makeWindow();
    const QString in = makeFolder();
    QVERIFY(listsFolder(*window, in, 5));
    auto *view = GuiTest::child<QTableView>(*window, "inputView");
    auto *totals = GuiTest::child<QLabel>(*window, "inputTotalsLabel");
    QItemSelectionModel *selection = view->selectionModel();
    const auto rowOf = [&](const char *name) {
        return view->model()->index(rowNamed(view->model(), QLatin1String(name)), 0);
    };
    selection->setCurrentIndex(rowOf("b.png"),
                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(window->findChild<PreviewPane *>()->imagePath(), in + QStringLiteral("/b.png"));
    selection->select(rowOf("d.png"), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY2(totals->toolTip().startsWith(QStringLiteral("3 of 3 images checked")),
             qPrintable(totals->toolTip()));
    QCOMPARE(rowNamed(view->model(), QStringLiteral("d.png")), -1);
    QCOMPARE(GuiTest::child<QLabel>(*window, "imageCountLabel")->text(),
             QStringLiteral("3 images found"));
    selection->setCurrentIndex(rowOf("c.png"),
                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY2(totals->toolTip().startsWith(QStringLiteral("2 of 3 images checked")),
             qPrintable(totals->toolTip()));
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY2(totals->toolTip().startsWith(QStringLiteral("3 of 3 images checked")),
             qPrintable(totals->toolTip()));
}

void tst_InputView::onlyCheckedImagesAreProcessed()
{
    auto window = makeWindow();
    const QString in = makeFolder();
    QVERIFY(listsFolder(*window, in, 5));
    QAbstractItemModel *model = listed(*window);
    setChecked(model, QStringLiteral("b.png"), false);
    setChecked(model, QStringLiteral("d.png"), false);

    QSignalSpy finished(window->controller(), &BatchController::finished);
    auto *start = GuiTest::child<QPushButton>(*window, "startButton");
    QTRY_VERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(finished.wait(30'000));
    QCOMPARE(window->resultsModel()->rowCount(), 3);
    // The Images tab stays, now with each image's state; unchecked images have none.
    QCOMPARE(GuiTest::child<QTabWidget>(*window, "runTabs")->currentIndex(), 0);
    for (const char *name : {"a.png", "b.png", "c.png", "d.png", "e.png"}) {
        const QString status =
            model->index(rowNamed(model, QLatin1String(name)), InputModel::StatusColumn)
                .data()
                .toString();
        const bool checked = name[0] == 'a' || name[0] == 'c' || name[0] == 'e';
        QCOMPARE(status, checked ? QStringLiteral("Done") : QString());
    }
    QDir out(m_dir->filePath(QStringLiteral("out")));
    QCOMPARE(
        out.entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList({QStringLiteral("a.png"), QStringLiteral("c.png"), QStringLiteral("e.png")}));
    for (const char *name : {"a.png", "c.png", "e.png"})
        QVERIFY(!QImage(out.filePath(QLatin1String(name))).isNull());
}

QString tst_InputView::makeThumbnailFolder()
{
    const QString in = m_dir->filePath(QStringLiteral("thumbs"));
    QDir().mkpath(in);
    GuiTest::writeGradient(in + QStringLiteral("/wide.webp"), {300, 200});
    GuiTest::writeGradient(in + QStringLiteral("/small.png"), {64, 40});
    QFile broken(in + QStringLiteral("/broken.jpg"));
    if (!broken.open(QIODevice::WriteOnly) || broken.write("not an image") < 0)
        qFatal("cannot write broken.jpg");
    return in;
}

QMap<QByteArray, QByteArray> tst_InputView::textChunksBeforePixels(const QString &path)
{
    QFile file(path);
    QMap<QByteArray, QByteArray> keys;
    if (!file.open(QIODevice::ReadOnly))
        return keys;
    const QByteArray png = file.readAll();
    for (qsizetype at = 8; at + 12 <= png.size();) {
        const quint32 length = qFromBigEndian<quint32>(png.constData() + at);
        const QByteArray type = png.mid(at + 4, 4);
        if (type == "IDAT")
            break;
        const QByteArray body = png.mid(at + 8, length);
        if (type == "tEXt" && body.contains('\0'))
            keys.insert(body.left(body.indexOf('\0')), body.mid(body.indexOf('\0') + 1));
        at += 12 + qsizetype(length);
    }
    return keys;
}

QString tst_InputView::entryName(const QString &folder, const QString &path)
{
    const QByteArray uri = QByteArrayLiteral("file://") + QFile::encodeName(path);
    return folder + QLatin1Char('/') +
           QString::fromLatin1(QCryptographicHash::hash(uri, QCryptographicHash::Md5).toHex()) +
           QStringLiteral(".png");
}

bool tst_InputView::waitForThumbnails(MainWindow &window)
{
    auto *thumbnailer = window.findChild<Thumbnailer *>();
    QAbstractItemModel *model = listed(window);
    auto known = [&] {
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString path = model->index(r, 0).data(InputModel::PathRole).toString();
            if (thumbnailer->icon(path).isNull() && thumbnailer->failure(path).isEmpty())
                return false;
        }
        return true;
    };
    for (int r = 0; r < model->rowCount(); ++r)
        model->index(r, InputModel::NameColumn).data(Qt::DecorationRole);
    QSignalSpy ready(thumbnailer, &Thumbnailer::ready);
    while (!known())
        if (!ready.wait(30'000))
            return false;
    return true;
}

// Names, keys and sizes from the standard, computed here (entryName), the file's mtime in
// seconds, at most 128 a side
// and never enlarged. A file that is no image gets a broken mark with the worker's reason,
// and the standard's failure record.
void tst_InputView::thumbnailsFollowTheStandard()
{
    auto window = makeWindow();
    const QString in = makeThumbnailFolder();
    QVERIFY(listsFolder(*window, in, 3));
    QVERIFY(waitForThumbnails(*window));
    const QString cache = m_dir->filePath(QStringLiteral("cache/thumbnails"));
    const QList<std::pair<QString, QSize>> expected = {{QStringLiteral("wide.webp"), {128, 85}},
                                                       {QStringLiteral("small.png"), {64, 40}}};
    for (const auto &[name, size] : expected) {
        const QString path = in + QLatin1Char('/') + name;
        const QString uri = QStringLiteral("file://") + path;
        const QString thumb = entryName(cache + QStringLiteral("/normal"), path);
        const QMap<QByteArray, QByteArray> keys = textChunksBeforePixels(thumb);
        QCOMPARE(keys.value("Thumb::URI"), uri.toLatin1());
        QCOMPARE(keys.value("Thumb::MTime"),
                 QByteArray::number(QFileInfo(path).lastModified().toSecsSinceEpoch()));
        const QImage image(thumb, "png"); // and as libpng reads them, through Qt
        QCOMPARE(image.text(QStringLiteral("Thumb::URI")), uri);
        QCOMPARE(image.text(QStringLiteral("Thumb::MTime")),
                 QString::number(QFileInfo(path).lastModified().toSecsSinceEpoch()));
        QCOMPARE(image.size(), size);
        QCOMPARE(QFileInfo(thumb).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
    }
    // The scan reads no WebP header: the size comes from the worker, and goes in the cache.
    QCOMPARE(dimensionsOf(*window, QStringLiteral("wide.webp")), QStringLiteral("300 × 200"));
    const QMap<QByteArray, QByteArray> wideKeys = textChunksBeforePixels(
        entryName(cache + QStringLiteral("/normal"), in + QStringLiteral("/wide.webp")));
    QCOMPARE(wideKeys.value("Thumb::Image::Width"), QByteArray("300"));
    QCOMPARE(wideKeys.value("Thumb::Image::Height"), QByteArray("200"));
    auto *thumbnailer = window->findChild<Thumbnailer *>();
    const QString broken = in + QStringLiteral("/broken.jpg");
    QVERIFY(thumbnailer->icon(broken).isNull());
    QVERIFY2(!thumbnailer->failure(broken).isEmpty(), "no reason for the broken file");
    QAbstractItemModel *model = listed(*window);
    const int row = rowNamed(model, QStringLiteral("broken.jpg"));
    QVERIFY(model->index(row, 0).data(Qt::DecorationRole).canConvert<QIcon>());
    QVERIFY(model->index(row, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(thumbnailer->failure(broken)));
    QVERIFY(QFileInfo::exists(entryName(cache + QStringLiteral("/fail/pixelmill-1"), broken)));
    QCOMPARE(thumbnailer->workerJobs(), 3);
}

// A second window on the same folder finds every thumbnail, and the failure, in the cache.
void tst_InputView::secondVisitReadsTheCache()
{
    const QString in = makeThumbnailFolder();
    {
        auto first = makeWindow();
        QVERIFY(listsFolder(*first, in, 3));
        QVERIFY(waitForThumbnails(*first));
        QCOMPARE(first->findChild<Thumbnailer *>()->workerJobs(), 3);
    }
    auto second = makeWindow();
    QVERIFY(listsFolder(*second, in, 3));
    QVERIFY(waitForThumbnails(*second));
    auto *thumbnailer = second->findChild<Thumbnailer *>();
    QCOMPARE(thumbnailer->workerJobs(), 0);
    QVERIFY(!thumbnailer->icon(in + QStringLiteral("/wide.webp")).isNull());
    QCOMPARE(dimensionsOf(*second, QStringLiteral("wide.webp")), QStringLiteral("300 × 200"));
    QVERIFY(!thumbnailer->failure(in + QStringLiteral("/broken.jpg")).isEmpty());
}

QTEST_MAIN(tst_InputView)
#include "tst_inputview.moc"
