#include "compareview.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QScreen>
#include <QSlider>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "comparecanvas.h"
#include "compareviewport.h"
#include "textformat.h"

namespace {
constexpr double kZoomStep = 1.25;
constexpr int kPanStep = 64;       // screen pixels per arrow key
constexpr int kSliderSteps = 1000; // the split slider's range: tenths of a percent
const QSize kPreferredSize(1100, 720);

QToolButton *makeButton(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}
} // namespace

CompareView::CompareView(QWidget *parent)
    : QWidget(parent, Qt::Window), m_viewport(new CompareViewport(this)),
      m_loader(new CompareImageLoader(this)), m_pages(new QStackedWidget(this)),
      m_beforeInfo(new QLabel(this)), m_afterInfo(new QLabel(this)), m_zoomLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("compareView"));
    setWindowTitle(tr("Compare"));
    m_beforeInfo->setObjectName(QStringLiteral("beforeInfo"));
    m_afterInfo->setObjectName(QStringLiteral("afterInfo"));
    for (QLabel *label : {m_beforeInfo, m_afterInfo}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    }
    m_pages->addWidget(buildSideBySidePage());
    m_pages->addWidget(buildSplitPage());

    auto *captions = new QHBoxLayout;
    captions->addWidget(m_beforeInfo, 1);
    captions->addWidget(m_afterInfo, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildToolBar());
    layout->addLayout(captions);
    layout->addWidget(m_pages, 1);

    connect(m_loader, &CompareImageLoader::loaded, this, &CompareView::onLoaded);
    connect(m_viewport, &CompareViewport::changed, this, &CompareView::updateZoomLabel);
    const QScreen *screen = QGuiApplication::primaryScreen();
    resize(screen ? kPreferredSize.boundedTo(screen->availableGeometry().size() * 0.9)
                  : kPreferredSize);
    setMode(Mode::SideBySide);
}

CompareView::~CompareView() = default;

QWidget *CompareView::buildToolBar()
{
    auto *bar = new QWidget(this);
    m_sideBySideButton =
        makeButton(tr("Side by side"), tr("Before and after next to each other (S)"), bar);
    m_splitButton =
        makeButton(tr("Split"), tr("After over before, divided by the slider (S)"), bar);
    auto *modes = new QButtonGroup(bar);
    for (QAbstractButton *button : {m_sideBySideButton, m_splitButton}) {
        button->setCheckable(true);
        modes->addButton(button);
    }
    auto *fitButton = makeButton(tr("Fit"), tr("Show the whole picture (0)"), bar);
    auto *actualButton = makeButton(tr("1:1"), tr("One output pixel per screen pixel (1)"), bar);
    fitButton->setObjectName(QStringLiteral("fitButton"));
    actualButton->setObjectName(QStringLiteral("actualSizeButton"));
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    auto *hint = new QLabel(tr("Wheel to zoom, drag to pan"), bar);
    hint->setEnabled(false);

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sideBySideButton);
    layout->addWidget(m_splitButton);
    layout->addSpacing(16);
    layout->addWidget(fitButton);
    layout->addWidget(actualButton);
    layout->addWidget(m_zoomLabel);
    layout->addStretch(1);
    layout->addWidget(hint);

    connect(m_sideBySideButton, &QAbstractButton::clicked, this,
            [this] { setMode(Mode::SideBySide); });
    connect(m_splitButton, &QAbstractButton::clicked, this, [this] { setMode(Mode::Split); });
    connect(fitButton, &QAbstractButton::clicked, m_viewport, &CompareViewport::fit);
    connect(actualButton, &QAbstractButton::clicked, m_viewport, &CompareViewport::showActualSize);
    return bar;
}

QWidget *CompareView::buildSideBySidePage()
{
    auto *page = new QWidget(this);
    m_beforeCanvas = new CompareCanvas(m_viewport, page);
    m_afterCanvas = new CompareCanvas(m_viewport, page);
    m_beforeCanvas->setObjectName(QStringLiteral("beforeCanvas"));
    m_afterCanvas->setObjectName(QStringLiteral("afterCanvas"));
    m_beforeCanvas->setImages(&m_before);
    m_afterCanvas->setImages(&m_after);
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_beforeCanvas, 1);
    layout->addWidget(m_afterCanvas, 1);
    return page;
}

QWidget *CompareView::buildSplitPage()
{
    auto *page = new QWidget(this);
    m_splitCanvas = new CompareCanvas(m_viewport, page);
    m_splitCanvas->setObjectName(QStringLiteral("splitCanvas"));
    m_splitCanvas->setImages(&m_before, &m_after);
    m_splitSlider = new QSlider(Qt::Horizontal, page);
    m_splitSlider->setObjectName(QStringLiteral("splitSlider"));
    m_splitSlider->setRange(0, kSliderSteps);
    m_splitSlider->setValue(kSliderSteps / 2);
    m_splitSlider->setToolTip(tr("Where the after image begins"));
    m_splitSlider->setAccessibleName(tr("Split position"));
    connect(m_splitSlider, &QSlider::valueChanged, m_splitCanvas,
            [this](int value) { m_splitCanvas->setDivide(double(value) / kSliderSteps); });
    connect(m_splitCanvas, &CompareCanvas::divideDragged, m_splitSlider,
            [this](double fraction) { m_splitSlider->setValue(qRound(fraction * kSliderSteps)); });
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitCanvas, 1);
    layout->addWidget(m_splitSlider);
    return page;
}

CompareView *CompareView::showFor(const JobResult &result, QWidget *owner)
{
    auto *view = owner->findChild<CompareView *>(QString(), Qt::FindDirectChildrenOnly);
    if (!view)
        view = new CompareView(owner);
    view->showResult(result);
    view->show();
    view->raise();
    view->activateWindow();
    return view;
}

void CompareView::showResult(const JobResult &result)
{
    setWindowTitle(tr("Compare – %1").arg(QFileInfo(result.inputPath).fileName()));
    m_before = CompareImage();
    m_after = CompareImage();
    m_before.error = m_after.error = tr("Loading…");
    m_beforeInfo->setText(tr("Before: loading…"));
    m_afterInfo->setText(tr("After: loading…"));
    update();
    QString noOutput;
    if (!result.isOk())
        noOutput = result.message.isEmpty() ? tr("No output: this image was not processed")
                                            : tr("No output: %1").arg(result.message);
    m_loader->load(result.inputPath, result.isOk() ? result.outputPath : QString(), noOutput);
}

void CompareView::onLoaded(const CompareImage &before, const CompareImage &after)
{
    m_before = before;
    m_after = after;
    m_beforeInfo->setText(caption(tr("Before"), m_before));
    m_afterInfo->setText(caption(tr("After"), m_after));
    // The output's pixels are the frame when there are any: 1:1 then shows them exactly.
    const CompareImage &frame = m_after.isValid() ? m_after : m_before;
    m_viewport->setContentSize(frame.isValid() ? QSizeF(frame.image.size()) : QSizeF());
    m_viewport->fit();
    for (CompareCanvas *canvas : {m_beforeCanvas, m_afterCanvas, m_splitCanvas})
        canvas->update();
    Q_EMIT imagesShown();
}

QString CompareView::caption(const QString &side, const CompareImage &image) const
{
    if (!image.isValid())
        return tr("%1: %2").arg(side, image.error);
    return tr("%1: %2 × %3 px, %4, %5")
        .arg(side)
        .arg(image.image.width())
        .arg(image.image.height())
        .arg(formatBytes(image.fileBytes), image.format);
}

void CompareView::setMode(Mode mode)
{
    m_mode = mode;
    m_pages->setCurrentIndex(mode == Mode::SideBySide ? 0 : 1);
    m_sideBySideButton->setChecked(mode == Mode::SideBySide);
    m_splitButton->setChecked(mode == Mode::Split);
    // The shared viewport takes the size of the canvases now in view.
    CompareCanvas *shown = mode == Mode::SideBySide ? m_beforeCanvas : m_splitCanvas;
    if (shown->isVisible())
        m_viewport->setCanvasSize(shown->size());
    shown->setFocus(); // the keys (zoom, pan, layout) work at once, not after a click
}

void CompareView::updateZoomLabel()
{
    const QString percent = QLocale().toString(qRound(m_viewport->zoom() * 100));
    m_zoomLabel->setText(m_viewport->isFitted() ? tr("Fitted (%1%)").arg(percent)
                                                : tr("%1%").arg(percent));
}

void CompareView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_viewport->zoomBy(kZoomStep);
        break;
    case Qt::Key_Minus:
        m_viewport->zoomBy(1 / kZoomStep);
        break;
    case Qt::Key_0:
        m_viewport->fit();
        break;
    case Qt::Key_1:
        m_viewport->showActualSize();
        break;
    case Qt::Key_Left:
        m_viewport->panBy(QPointF(kPanStep, 0));
        break;
    case Qt::Key_Right:
        m_viewport->panBy(QPointF(-kPanStep, 0));
        break;
    case Qt::Key_Up:
        m_viewport->panBy(QPointF(0, kPanStep));
        break;
    case Qt::Key_Down:
        m_viewport->panBy(QPointF(0, -kPanStep));
        break;
    case Qt::Key_S:
        setMode(m_mode == Mode::SideBySide ? Mode::Split : Mode::SideBySide);
        break;
    case Qt::Key_Escape:
        close();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}
