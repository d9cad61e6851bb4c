#include "mainwindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "advancedpanel.h"
#include "batchcontroller.h"
#include "compareview.h"
#include "desktopnotifier.h"
#include "imageformat.h"
#include "inputview.h"
#include "outputpanel.h"
#include "previewpane.h"
#include "progresspanel.h"
#include "recipepanel.h"
#include "resultsmodel.h"
#include "resultspanel.h"
#include "runbar.h"
#include "savings.h"
#include "sourcepanel.h"
#include "uiresources.h"

namespace {
// Workers a few steps below normal priority: they fill every core for the whole batch, and
// the window (progress, results, the person's clicks) must get a core the moment it wakes.
constexpr int kWorkerNiceness = 5;
} // namespace

MainWindow::MainWindow(QSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_settings(settings), m_model(new ResultsModel(this)),
      m_controller(new BatchController(m_model, this)), m_source(new SourcePanel(this)),
      m_recipe(new RecipePanel(settings, this)), m_output(new OutputPanel(this)),
      m_advanced(new AdvancedPanel(this)), m_progress(new ProgressPanel(this)),
      m_results(new ResultsPanel(m_model, this)), m_inputs(new InputView(this)),
      m_runTabs(new QTabWidget(this)), m_preview(new PreviewPane(this)), m_runBar(new RunBar(this)),
      m_notifier(new DesktopNotifier(this, this)), m_workerPath(locateWorkerExecutable())
{
    setWindowTitle(tr("Pixelmill"));
    setAcceptDrops(true);
    initUiResources();
    setWindowIcon(QIcon(QStringLiteral(":/icons/pixelmill.svg")));
    m_preview->setWorkerPath(m_workerPath);
    m_inputs->setWorkerPath(m_workerPath);
    buildLayout();
    buildMenus();
    connectPanels();
    connectController();
    restoreSettings();
    updateStartState();
}

MainWindow::~MainWindow()
{
    // ~QWidget closes the window, and the focus change can still emit from the panels
    // (editingFinished); nothing may reach this half-destroyed window.
    for (QObject *sender :
         std::initializer_list<QObject *>{m_source, m_recipe, m_output, m_advanced, m_results,
                                          m_runBar, m_controller, m_inputs->model()})
        sender->disconnect(this);
}

void MainWindow::buildLayout()
{
    auto *operations = new QGroupBox(tr("Operations"), this);
    auto *operationsLayout = new QVBoxLayout(operations);
    operationsLayout->addWidget(m_recipe);
    auto *settingsColumn = new QWidget(this);
    auto *column = new QVBoxLayout(settingsColumn);
    column->addWidget(m_source);
    column->addWidget(operations);
    column->addWidget(m_output);
    column->addWidget(m_advanced);
    column->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(settingsColumn);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFocusPolicy(Qt::NoFocus); // not a Tab stop of its own: its fields are
    scroll->setMinimumWidth(settingsColumn->sizeHint().width() + 24);

    auto *runArea = new QWidget(this);
    auto *runLayout = new QVBoxLayout(runArea);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addWidget(m_progress);
    m_runTabs->setObjectName(QStringLiteral("runTabs"));
    m_runTabs->addTab(m_inputs, tr("Images"));
    m_runTabs->addTab(m_results, tr("Results"));
    runLayout->addWidget(m_runTabs, 1);
    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->addWidget(m_preview);
    m_rightSplitter->addWidget(runArea);
    m_rightSplitter->setStretchFactor(1, 1);
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->addWidget(scroll);
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_mainSplitter, 1);
    layout->addWidget(m_runBar);
    setCentralWidget(central);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Folder…"), QKeySequence::Open, m_source, &SourcePanel::browse);
    file->addAction(tr("&Export Report…"), QKeySequence::Save, this, &MainWindow::exportReport);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *failures = view->addAction(tr("&Failures Only"));
    failures->setCheckable(true);
    connect(failures, &QAction::toggled, m_results, &ResultsPanel::setFailuresOnly);
    connect(failures, &QAction::toggled, m_inputs, &InputView::setFailuresOnly);
}

void MainWindow::connectPanels()
{
    connect(m_source, &SourcePanel::folderChanged, this, [this](const QString &folder) {
        m_output->setSourceFolder(folder);
        updateStartState();
    });
    connect(m_output, &OutputPanel::folderChanged, this, [this](const QString &folder) {
        m_source->setExcludedFolder(folder);
        updateStartState();
    });
    connect(m_output, &OutputPanel::optionsChanged, this, &MainWindow::updateStartState);
    connect(m_source, &SourcePanel::scanned, this, [this](const ImageScanner::Summary &summary) {
        m_recipe->setInputsMayBeLossy(summary.hasLossyInputs || !summary.done);
        updateNameExample();
        if (summary.done)
            m_preview->setImage(summary.firstImage);
        updateStartState();
    });
    InputModel *inputs = m_inputs->model();
    connect(m_source, &SourcePanel::listingStarted, inputs, &InputModel::clear);
    connect(m_source, &SourcePanel::filesFound, inputs, &InputModel::append);
    connect(inputs, &InputModel::checkedChanged, this, &MainWindow::updateStartState);
    connect(inputs, &InputModel::imagesRemoved, this, [this, inputs](const QStringList &paths) {
        m_source->removeImages(paths, inputs->firstReadableImage());
    });
    connect(m_inputs, &InputView::addRequested, m_source, &SourcePanel::addInputs);
    inputs->followResults(m_model);
    connect(m_inputs, &InputView::imageChosen, m_preview, &PreviewPane::setImage);
    connect(m_recipe, &RecipePanel::recipeChanged, this, [this] {
        updateNameExample();
        m_preview->setRecipe(runOptions().plan.recipe);
    });
    connect(m_advanced, &AdvancedPanel::engineChanged, this,
            [this] { m_preview->setRecipe(runOptions().plan.recipe); });
    connect(m_results, &ResultsPanel::resultSelected, this,
            [this](const JobResult &result) { m_preview->setImage(result.inputPath); });
    connect(m_results, &ResultsPanel::compareRequested, this,
            [this](const JobResult &result) { CompareView::showFor(result, this); });
}

void MainWindow::connectController()
{
    connect(m_runBar, &RunBar::startRequested, this, [this] {
        if (!m_source->folder().isEmpty())
            m_source->addRecentFolder(m_source->folder());
        saveSettings();
        m_inputs->model()->markQueued();
        m_controller->start(runOptions());
    });
    connect(m_runBar, &RunBar::cancelRequested, m_controller, &BatchController::cancel);
    connect(m_runBar, &RunBar::retryRequested, this, [this] {
        m_inputs->model()->markFailedQueued();
        m_controller->retryFailed();
    });
    connect(m_runBar, &RunBar::exportRequested, this, &MainWindow::exportReport);
    connect(m_runBar, &RunBar::openOutputRequested, this, &MainWindow::openOutputFolder);
    connect(m_controller, &BatchController::started, this, [this](int workers) {
        m_runBar->setRunning(true);
        m_inputs->setRunning(true);
        m_progress->startRun(workers);
        // The Images tab shows each image's state as it goes; from nothing, the results.
        if (m_inputs->model()->rowCount() == 0)
            m_runTabs->setCurrentWidget(m_results);
    });
    connect(m_controller, &BatchController::planned, m_progress, &ProgressPanel::setTotal);
    connect(m_controller, &BatchController::jobStarted, m_progress, &ProgressPanel::showJobStarted);
    connect(m_controller, &BatchController::jobStarted, m_inputs->model(),
            [this](JobId, int, const QString &path) { m_inputs->model()->markStarted(path); });
    connect(m_controller, &BatchController::jobFinished, m_progress,
            &ProgressPanel::showJobFinished);
    connect(m_controller, &BatchController::progressed, m_progress, &ProgressPanel::showCounts);
    connect(m_controller, &BatchController::setupFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_controller, &BatchController::finished, this, &MainWindow::onFinished);
}

RunOptions MainWindow::runOptions() const
{
    RunOptions options;
    options.plan.inputDir = m_source->folder();
    options.plan.inputs = m_source->inputs(); // the one list the count and the listing walk
    options.plan.outputDir = m_output->folder();
    options.plan.recursive = m_source->isRecursive();
    options.plan.namePattern = m_output->namePattern();
    options.plan.conflict = m_output->conflictPolicy();
    options.plan.resume = m_output->isResume();
    options.plan.onlyInputs =
        m_inputs->model()->checkedInputs(!m_source->removedImages().isEmpty());
    options.plan.recipe = m_recipe->recipe();
    options.plan.recipe.engine = m_advanced->engine();
    options.pool.workerPath = m_workerPath;
    options.pool.workerCount = m_advanced->workerCount();
    options.pool.jobTimeoutMs = m_advanced->timeoutMs();
    options.pool.memoryLimitMb = m_advanced->memoryLimitMb();
    options.pool.cpuLimitSeconds = m_advanced->cpuLimitSeconds();
    options.pool.workerNiceness = kWorkerNiceness;
    options.keepJournal = m_advanced->keepsJournal();
    return options;
}

void MainWindow::setSourceFolder(const QString &folder)
{
    m_source->setFolder(folder);
}

void MainWindow::updateStartState()
{
    const RunOptions options = runOptions();
    QString why;
    if (m_workerPath.isEmpty())
        why = tr("pixelmill-worker was not found next to the application");
    else if (options.plan.inputs.isEmpty())
        why = tr("Choose a source folder or add images first");
    else if (options.plan.outputDir.isEmpty() ||
             options.plan.inputs.contains(options.plan.outputDir))
        why = tr("Choose an output folder other than the source");
    else if (!options.plan.recipe.isValid())
        why = options.plan.recipe.validationError();
    else if (const QString naming = namePatternError(options.plan.namePattern); !naming.isEmpty())
        why = naming;
    else if (m_source->summary().done && m_source->imageCount() == 0)
        why = tr("No images in the source folder");
    else if (m_inputs->model()->rowCount() > 0 && m_inputs->model()->checkedCount() == 0)
        why = tr("No images are checked");
    m_runBar->setCanStart(why.isEmpty(), why);
    if (!why.isEmpty() && !m_controller->isRunning())
        statusBar()->showMessage(why);
    else
        statusBar()->clearMessage();
}

void MainWindow::updateNameExample()
{
    const QString first = m_source->summary().firstImage;
    const OutputFormat format =
        resolveOutputFormat(m_recipe->recipe().format,
                            first.isEmpty() ? ImageFormat::Unknown : sniffImageFormatOfFile(first));
    m_output->setExampleInput(first, format, m_recipe->recipe());
}

void MainWindow::onFinished(const BatchCounts &counts, bool cancelled)
{
    const QLocale locale;
    QString summary = cancelled ? tr("Cancelled: ") : tr("Finished: ");
    summary += tr("%1 done, %2 failed, %3 skipped")
                   .arg(locale.toString(counts.ok), locale.toString(counts.failed),
                        locale.toString(counts.skipped));
    if (counts.cancelled > 0)
        summary += tr(", %1 cancelled").arg(locale.toString(counts.cancelled));
    summary += tr(" in %1 s").arg(locale.toString(m_controller->seconds(), 'f', 1));
    const QString saved = Savings::describe(finishedByteTotals(m_model->allResults()));
    if (!saved.isEmpty())
        summary += QLatin1Char('\n') + saved;
    m_progress->showCounts(counts, -1, -1);
    m_progress->finishRun(summary);
    m_runBar->setRunning(false);
    m_inputs->setRunning(false);
    m_inputs->model()->settleRun();
    m_runBar->setResultsAvailable(counts.finished() > 0, counts.failed);
    updateStartState();
    if (!cancelled)
        notifyDone(summary);
}

void MainWindow::notifyDone(const QString &message)
{
    if (shouldNotifyFinish(m_controller->seconds(), isActiveWindow()))
        m_notifier->notify(tr("Pixelmill: batch finished"), message);
}

void MainWindow::exportReport()
{
    if (m_controller->isRunning() || m_controller->counts().finished() == 0)
        return;
    const QString suggested =
        QDir(m_controller->outputFolder()).filePath(QStringLiteral("pixelmill-report.json"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export report"), suggested, tr("JSON report (*.json);;CSV table (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (m_controller->writeReport(path, &error))
        statusBar()->showMessage(tr("Report saved to %1").arg(QDir::toNativeSeparators(path)),
                                 10'000);
    else
        statusBar()->showMessage(tr("Could not save the report: %1").arg(error));
}

// Without a file manager (or any handler for folders) openUrl fails silently unless told.
void MainWindow::openOutputFolder()
{
    const QString folder = m_controller->outputFolder();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        statusBar()->showMessage(
            tr("Could not open %1: no application to show folders is set up on this system")
                .arg(QDir::toNativeSeparators(folder)));
}

bool MainWindow::confirmStopAndClose()
{
    QMessageBox box(QMessageBox::Question, tr("Pixelmill"),
                    tr("A batch is running. Stop it and close?"), QMessageBox::NoButton, this);
    box.setInformativeText(tr("Finished images are kept; the others are not processed."));
    QPushButton *stop = box.addButton(tr("Stop and close"), QMessageBox::DestructiveRole);
    box.setDefaultButton(box.addButton(tr("Keep running"), QMessageBox::RejectRole));
    box.exec();
    return box.clickedButton() == stop;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_controller->isRunning() && !confirmStopAndClose()) {
        event->ignore();
        return;
    }
    m_controller->cancel(); // finished outputs are whole, the rest never started
    saveSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_controller->isRunning() && !InputView::droppedPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = InputView::droppedPaths(event->mimeData());
    if (m_controller->isRunning() || paths.isEmpty())
        return;
    event->acceptProposedAction();
    m_source->addInputs(paths);
}
