// MainWindow's memory between sessions: the window's size and splitters, fitted to the screen
// it opens on, and every setting of the panels, read at start and written at close.
#include "mainwindow.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScreen>
#include <QSettings>
#include <QSplitter>

#include "advancedpanel.h"
#include "outputpanel.h"
#include "recipepanel.h"
#include "samples.h"
#include "sourcepanel.h"

// 1280x820 logical pixels, but never larger than the screen: at 125% scaling on a 1400x900
// display the window would otherwise open with its right side and bottom off screen.
static QSize firstRunSize()
{
    const QSize preferred(1280, 820);
    const QScreen *screen = QGuiApplication::primaryScreen();
    return screen ? preferred.boundedTo(screen->availableGeometry().size() * 0.92) : preferred;
}

// A geometry saved on a larger screen, or at a smaller scaling factor, would open partly off
// this screen with Start and the results out of reach: Qt moves it, but keeps its size.
void MainWindow::fitOnScreen()
{
    const QScreen *screen = this->screen();
    if (!screen || isMaximized() || isFullScreen())
        return;
    const QRect available = screen->availableGeometry();
    const QSize frame(16, 48); // room for a window manager's frame and title bar, not known yet
    QRect fitted = geometry();
    fitted.setSize(fitted.size().boundedTo(available.size() - frame));
    fitted.moveTo(qBound(available.left(), fitted.left(),
                         available.left() + available.width() - frame.width() - fitted.width()),
                  qBound(available.top(), fitted.top(),
                         available.top() + available.height() - frame.height() - fitted.height()));
    if (fitted != geometry())
        setGeometry(fitted);
}

void MainWindow::restoreSettings()
{
    QSettings &s = *m_settings;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(firstRunSize());
    else
        fitOnScreen();
    if (!m_mainSplitter->restoreState(
            s.value(QStringLiteral("window/mainSplitter")).toByteArray())) {
        // The settings at the width they need, the rest to the preview and the results: on a
        // small screen every pixel the table gets keeps its columns in view.
        const int settings = m_mainSplitter->widget(0)->minimumWidth();
        m_mainSplitter->setSizes({settings, qMax(0, width() - settings)});
    }
    if (!m_rightSplitter->restoreState(
            s.value(QStringLiteral("window/rightSplitter")).toByteArray()))
        m_rightSplitter->setSizes({height() * 3 / 8, height() * 5 / 8}); // the table's rows
    const QJsonObject recipeJson =
        QJsonDocument::fromJson(s.value(QStringLiteral("recipe")).toByteArray()).object();
    const Recipe recipe = Recipe::fromJson(recipeJson).value_or(Recipe{});
    m_recipe->setRecipe(recipe);
    m_advanced->setEngine(recipe.engine);
    m_advanced->setWorkerCount(s.value(QStringLiteral("workers")).toInt());
    m_advanced->setTimeoutMs(s.value(QStringLiteral("timeoutMs")).toInt());
    m_advanced->setMemoryLimitMb(s.value(QStringLiteral("memoryLimitMb"), -1).toInt());
    m_advanced->setCpuLimitSeconds(s.value(QStringLiteral("cpuLimitSeconds"), -1).toInt());
    m_advanced->setExpanded(s.value(QStringLiteral("advancedExpanded"), false).toBool());
    m_advanced->setKeepsJournal(s.value(QStringLiteral("keepJournal"), false).toBool());
    m_output->setNamePattern(
        s.value(QStringLiteral("namePattern"), QStringLiteral("{name}")).toString());
    m_output->setConflictPolicy(
        conflictPolicyFromString(s.value(QStringLiteral("conflict")).toString())
            .value_or(ConflictPolicy::Skip));
    m_output->setResume(s.value(QStringLiteral("resume"), false).toBool());
    m_source->setRecentFolders(s.value(QStringLiteral("recentFolders")).toStringList());
    m_source->setRecursive(s.value(QStringLiteral("recursive"), false).toBool());
    QString source = s.value(QStringLiteral("sourceFolder")).toString();
    if (source.isEmpty() || !QFileInfo(source).isDir())
        source = locateSamplesFolder(); // first run: the samples, so Start works at once
    if (!source.isEmpty())
        m_source->setFolder(source);
    const QString output = s.value(QStringLiteral("outputFolder")).toString();
    if (!output.isEmpty())
        m_output->setFolder(output);
}

void MainWindow::saveSettings() const
{
    QSettings &s = *m_settings;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    s.setValue(QStringLiteral("window/rightSplitter"), m_rightSplitter->saveState());
    s.setValue(QStringLiteral("recipe"),
               QJsonDocument(runOptions().plan.recipe.toJson()).toJson(QJsonDocument::Compact));
    s.setValue(QStringLiteral("workers"), m_advanced->workerCount());
    s.setValue(QStringLiteral("timeoutMs"), m_advanced->timeoutMs());
    s.setValue(QStringLiteral("memoryLimitMb"), m_advanced->memoryLimitMb());
    s.setValue(QStringLiteral("cpuLimitSeconds"), m_advanced->cpuLimitSeconds());
    s.setValue(QStringLiteral("advancedExpanded"), m_advanced->isExpanded());
    s.setValue(QStringLiteral("keepJournal"), m_advanced->keepsJournal());
    s.setValue(QStringLiteral("namePattern"), m_output->namePattern());
    s.setValue(QStringLiteral("conflict"), toString(m_output->conflictPolicy()));
    s.setValue(QStringLiteral("resume"), m_output->isResume());
    s.setValue(QStringLiteral("recentFolders"), m_source->recentFolders());
    s.setValue(QStringLiteral("recursive"), m_source->isRecursive());
    s.setValue(QStringLiteral("sourceFolder"), m_source->folder());
    // Only a folder the person chose is remembered; the default follows the source.
    s.setValue(QStringLiteral("outputFolder"),
               m_output->isFolderCustom() ? m_output->folder() : QString());
}
