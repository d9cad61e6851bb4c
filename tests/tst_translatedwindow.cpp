#include <QAbstractButton>
#include <QComboBox>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "mainwindow.h"
#include "resultsmodel.h"
#include "translations.h"

// The real window in the language the environment asks for. ctest runs this once per shipped
// language with LANGUAGE or LC_ALL set (tests/CMakeLists.txt), as a desktop session would; the
// expected words are written here by hand, not read from the catalogues.
class tst_TranslatedWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void startButtonAndMenus();
    void imageCountUsesPluralForms();
    void nothingClipped();
    void resultsTableFits();
    void qtDialogsFollow();

private:
    struct Expected
    {
        QString start, fileMenu, viewMenu, oneImage, threeImages, qtCancel;
    };
    QString makeFolder(const QString &name, int count);
    std::unique_ptr<MainWindow> makeWindow();

    QString m_language;
    Expected m_expected;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void tst_TranslatedWindow::initTestCase()
{
    // Which language the environment (LANGUAGE, LC_ALL, LANG) should give, as ctest states it.
    m_language = qEnvironmentVariable("PIXELMILL_EXPECTED_LANGUAGE");
    const QHash<QString, Expected> table{
        {QStringLiteral("en"),
         {QStringLiteral("Start"), QStringLiteral("&File"), QStringLiteral("&View"),
          QStringLiteral("1 image found"), QStringLiteral("3 images found"),
          QStringLiteral("Cancel")}},
        {QStringLiteral("de"),
         {QStringLiteral("Starten"), QStringLiteral("&Datei"), QStringLiteral("&Ansicht"),
          QStringLiteral("1 Bild gefunden"), QStringLiteral("3 Bilder gefunden"),
          QStringLiteral("Abbrechen")}},
        {QStringLiteral("zh_CN"),
         {QStringLiteral("开始"), QStringLiteral("文件(&F)"), QStringLiteral("视图(&V)"),
          QStringLiteral("找到 1 张图像"), QStringLiteral("找到 3 张图像"),
          QStringLiteral("取消")}},
    };
    QVERIFY2(table.contains(m_language),
             "set PIXELMILL_EXPECTED_LANGUAGE to en, de or zh_CN (ctest does)");
    m_expected = table.value(m_language);
    // The application's own call: the system locale, which honours LANGUAGE.
    QCOMPARE(installTranslations(QCoreApplication::instance()), m_language);
}

void tst_TranslatedWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

void tst_TranslatedWindow::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

QString tst_TranslatedWindow::makeFolder(const QString &name, int count)
{
    const QString folder = m_dir->filePath(name);
    QDir().mkpath(folder);
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    for (int i = 0; i < count; ++i)
        if (!image.save(QStringLiteral("%1/img%2.png").arg(folder).arg(i)))
            qFatal("cannot write into %s", qPrintable(folder));
    return folder;
}

std::unique_ptr<MainWindow> tst_TranslatedWindow::makeWindow()
{
    auto window = std::make_unique<MainWindow>(m_settings.get());
    window->resize(1024, 700); // the smallest screen we design for
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qFatal("window not exposed");
    return window;
}

void tst_TranslatedWindow::startButtonAndMenus()
{
    const auto window = makeWindow();
    const auto *start = window->findChild<QPushButton *>(QStringLiteral("startButton"));
    QVERIFY(start);
    QCOMPARE(start->text(), m_expected.start);
    QStringList menus;
    for (const QAction *action : window->menuBar()->actions())
        menus.append(action->text());
    QCOMPARE(menus, (QStringList{m_expected.fileMenu, m_expected.viewMenu}));
}

void tst_TranslatedWindow::imageCountUsesPluralForms()
{
    const auto window = makeWindow();
    const auto *count = window->findChild<QLabel *>(QStringLiteral("imageCountLabel"));
    QVERIFY(count);
    window->setSourceFolder(makeFolder(QStringLiteral("one"), 1));
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), m_expected.oneImage, 10'000);
    window->setSourceFolder(makeFolder(QStringLiteral("three"), 3));
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), m_expected.threeImages, 10'000);
}

// Longer words (German) must not cut off a label, button or choice at 1024x700.
void tst_TranslatedWindow::nothingClipped()
{
    const auto window = makeWindow();
    window->setSourceFolder(makeFolder(QStringLiteral("images"), 3));
    const auto *count = window->findChild<QLabel *>(QStringLiteral("imageCountLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), m_expected.threeImages, 10'000);
    auto *advanced = window->findChild<QAbstractButton *>(QStringLiteral("advancedToggle"));
    QVERIFY(advanced);
    advanced->setChecked(true); // its fields are checked too
    QVERIFY(window->findChild<QWidget *>(QStringLiteral("timeoutSpin"))->isVisible());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // lay out new texts
    QStringList clipped;
    const auto check = [&](const QWidget *w, const QString &text, int needed) {
        if (w->isVisible() && !text.isEmpty() && w->width() < needed)
            clipped.append(QStringLiteral("%1 \"%2\": %3 < %4 px")
                               .arg(w->objectName(), text)
                               .arg(w->width())
                               .arg(needed));
    };
    for (const QLabel *label : window->findChildren<QLabel *>())
        if (!label->wordWrap() && label->textFormat() != Qt::RichText)
            check(label, label->text(),
                  label->fontMetrics().size(Qt::TextShowMnemonic, label->text()).width() +
                      2 * label->margin());
    for (const QAbstractButton *button : window->findChildren<QAbstractButton *>())
        check(button, button->text(), button->minimumSizeHint().width());
    for (const QComboBox *combo : window->findChildren<QComboBox *>())
        check(combo, combo->currentText(), combo->minimumSizeHint().width());
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
}

// Status words and headers fit their columns' default widths, without "Fehlg…lagen".
void tst_TranslatedWindow::resultsTableFits()
{
    const auto window = makeWindow();
    // The model is a view over a run's results; this list stands in for the run's store.
    QList<JobResult> results;
    JobId id = 0;
    for (const JobStatus status :
         {JobStatus::Ok, JobStatus::Failed, JobStatus::Skipped, JobStatus::Cancelled}) {
        JobResult result;
        result.id = ++id;
        result.status = status;
        result.inputPath = QStringLiteral("/photos/img%1.jpg").arg(id);
        result.outputBytes = 123'456'789;
        result.elapsedMs = 12'345;
        results.append(result);
    }
    window->resultsModel()->setSource(&results);
    window->resultsModel()->flush();
    // QAbstractItemView: sizeHintForColumn is public there, protected in QTableView.
    const QAbstractItemView *view = window->findChild<QTableView *>(QStringLiteral("resultsView"));
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 4);
    const QHeaderView *header = static_cast<const QTableView *>(view)->horizontalHeader();
    for (const int column :
         {ResultsModel::StatusColumn, ResultsModel::OutputColumn, ResultsModel::TimeColumn}) {
        const QString name = view->model()->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(view->sizeHintForColumn(column) <= header->sectionSize(column),
                 qPrintable(QStringLiteral("%1: %2 > %3")
                                .arg(name)
                                .arg(view->sizeHintForColumn(column))
                                .arg(header->sectionSize(column))));
        QVERIFY2(header->sectionSizeHint(column) <= header->sectionSize(column), qPrintable(name));
    }
    window->resultsModel()->setSource(nullptr); // `results` goes before the window
}

// Qt's own buttons (qtbase catalogue, Debian qt6-translations-l10n) in the same language.
void tst_TranslatedWindow::qtDialogsFollow()
{
    QMessageBox box(QMessageBox::Question, QString(), QString(), QMessageBox::Cancel);
    QCOMPARE(box.button(QMessageBox::Cancel)->text(), m_expected.qtCancel);
}

QTEST_MAIN(tst_TranslatedWindow)
#include "tst_translatedwindow.moc"
