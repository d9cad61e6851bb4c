#pragma once

#include <QPixmap>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>

#include "job.h"
#include "recipe.h"

class WorkerPool;
class ElidedLabel;
class PixmapView;

// The chosen image before and after the recipe, side by side. Every pixel shown is made by a
// worker process: the source as a fit-800 PNG, the result by running the recipe, then a
// fit-800 PNG of that output. The GUI only loads those small PNGs.
//
// Ownership: owns one WorkerPool per preview request; a newer request cancels the older one.
class PreviewPane : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPane(QWidget *parent = nullptr);
    ~PreviewPane() override;

    void setWorkerPath(const QString &workerPath) { m_workerPath = workerPath; }
    void setImage(const QString &inputPath);
    void setRecipe(const Recipe &recipe);
    QString imagePath() const { return m_inputPath; }
    // Shows imagePath() with the current recipe: no preview is waiting to start or running.
    bool isUpToDate() const { return m_pending == 0 && !m_debounce.isActive(); }

protected:
    void resizeEvent(QResizeEvent *event) override;

Q_SIGNALS:
    // Both halves are shown (or have failed); for tests and the screenshot.
    void previewReady();

private:
    void run();
    void onJobFinished(const JobResult &result);
    Job makeJob(int stage, const QString &input, const QString &output, const Recipe &recipe) const;
    QString stagePath(int stage, const QString &extension) const;
    // Names the current image (or none); the result's caption says `resultText`.
    void showCaptions(const QString &resultText = {});
    void finishIfDone();

    QString m_workerPath;
    QString m_inputPath;
    Recipe m_recipe;
    QTemporaryDir m_dir;
    QTimer m_debounce;
    WorkerPool *m_pool = nullptr;
    quint64 m_generation = 0;
    int m_pending = 0;
    JobResult m_resultInfo;
    PixmapView *m_sourceView;
    PixmapView *m_resultView;
    ElidedLabel *m_sourceCaption;
    ElidedLabel *m_resultCaption;
};
