#pragma once

#include <QWidget>

#include "compareimage.h"
#include "job.h"

class QAbstractButton;
class QLabel;
class QSlider;
class QStackedWidget;
class CompareCanvas;
class CompareImageLoader;
class CompareViewport;

// Before and after of one result in a window of its own: side by side, or over each other
// with a split slider; fitted or at 1:1; one zoom and pan for both (wheel, drag, keys).
// Captions give each side's pixel size, file size and format, or why it cannot be shown.
//
// Keys: + and - zoom, 0 fits, 1 shows 1:1, arrows pan, S switches the layout, Esc closes.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { SideBySide, Split };

    explicit CompareView(QWidget *parent = nullptr);
    ~CompareView() override;

    // The owner's compare window (made on first use) showing `result`, raised.
    static CompareView *showFor(const JobResult &result, QWidget *owner);

    void showResult(const JobResult &result); // images load off the GUI thread
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    CompareViewport *viewport() const { return m_viewport; }
    CompareCanvas *beforeCanvas() const { return m_beforeCanvas; }
    CompareCanvas *afterCanvas() const { return m_afterCanvas; }
    CompareCanvas *splitCanvas() const { return m_splitCanvas; }
    QSlider *splitSlider() const { return m_splitSlider; }
    QLabel *beforeInfo() const { return m_beforeInfo; }
    QLabel *afterInfo() const { return m_afterInfo; }
    const CompareImage &before() const { return m_before; }
    const CompareImage &after() const { return m_after; }

Q_SIGNALS:
    void imagesShown(); // both sides loaded or explained; for tests and screenshots

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QWidget *buildToolBar();
    QWidget *buildSideBySidePage();
    QWidget *buildSplitPage();
    void onLoaded(const CompareImage &before, const CompareImage &after);
    QString caption(const QString &side, const CompareImage &image) const;
    void updateZoomLabel();

    CompareViewport *m_viewport;
    CompareImageLoader *m_loader;
    CompareImage m_before;
    CompareImage m_after;
    Mode m_mode = Mode::SideBySide;
    QStackedWidget *m_pages;
    CompareCanvas *m_beforeCanvas;
    CompareCanvas *m_afterCanvas;
    CompareCanvas *m_splitCanvas;
    QSlider *m_splitSlider;
    QLabel *m_beforeInfo;
    QLabel *m_afterInfo;
    QLabel *m_zoomLabel;
    QAbstractButton *m_sideBySideButton;
    QAbstractButton *m_splitButton;
};
