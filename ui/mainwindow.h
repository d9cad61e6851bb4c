#pragma once

#include <QMainWindow>

#include "batch/run.h"

class QSettings;
class QSplitter;
class QTabWidget;
class AdvancedPanel;
class BatchController;
class DesktopNotifier;
class InputView;
class OutputPanel;
class PreviewPane;
class ProgressPanel;
class RecipePanel;
class ResultsModel;
class ResultsPanel;
class RunBar;
class SourcePanel;

// The window: lays out the panels and wires them to a BatchController. Holds no batch logic.
// settings: where geometry, folders, recipe and presets are kept; not owned, must outlive it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setSourceFolder(const QString &folder);
    RunOptions runOptions() const;
    ResultsModel *resultsModel() const { return m_model; }
    BatchController *controller() const { return m_controller; }

protected:
    void closeEvent(QCloseEvent *event) override;
    // Files and folders dropped anywhere but the source field join the input set.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildLayout();
    void buildMenus();
    void connectPanels();
    void connectController();
    void restoreSettings();
    void fitOnScreen();
    void saveSettings() const;
    void updateStartState();
    void updateNameExample();
    void onFinished(const BatchCounts &counts, bool cancelled);
    void exportReport();
    void notifyDone(const QString &message);
    void openOutputFolder();
    bool confirmStopAndClose();

    QSettings *m_settings;
    ResultsModel *m_model;
    BatchController *m_controller;
    SourcePanel *m_source;
    RecipePanel *m_recipe;
    OutputPanel *m_output;
    AdvancedPanel *m_advanced;
    ProgressPanel *m_progress;
    ResultsPanel *m_results;
    InputView *m_inputs;   // before a run: which images; the tab beside the results
    QTabWidget *m_runTabs; // Images | Results; a run shows its results
    PreviewPane *m_preview;
    RunBar *m_runBar;
    DesktopNotifier *m_notifier;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    QString m_workerPath;
};
