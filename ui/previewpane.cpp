#include "previewpane.h"

#include <QDir>

#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>

#include "elidedlabel.h"
#include "imageformat.h"
#include "pool/workerpool.h"
#include "textformat.h"

// A pixmap scaled to fit, centred, sharp at any device pixel ratio; a message when empty.
class PixmapView : public QWidget
{
public:
    explicit PixmapView(QWidget *parent) : QWidget(parent)
    {
        setMinimumSize(160, 120);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }
    void setPixmap(const QPixmap &pixmap, const QString &message = {})
    {
        m_pixmap = pixmap;
        m_message = message;
        setAccessibleDescription(message); // painted text is invisible to screen readers
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.fillRect(rect(), palette().base());
        if (m_pixmap.isNull()) {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                       m_message);
            return;
        }
        const QSize fitted = m_pixmap.size()
                                 .scaled(size(), Qt::KeepAspectRatio)
                                 .boundedTo(m_pixmap.size() / m_pixmap.devicePixelRatio() * 2);
        const QRect target(QPoint((width() - fitted.width()) / 2, (height() - fitted.height()) / 2),
                           fitted);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawPixmap(target, m_pixmap);
    }

private:
    QPixmap m_pixmap;
    QString m_message;
};

namespace {
constexpr int kPreviewSide = 800;
constexpr JobId kStagesPerRequest = 4;
enum Stage { SourceStage = 1, ResultStage = 2, ResultPreviewStage = 3 };

Recipe previewRecipe()
{
    Recipe r;
    r.steps = {resizeStep(ResizeMode::Fit, kPreviewSide, kPreviewSide, true)};
    r.format = OutputFormat::Png;
    r.autoOrient = true;
    return r;
}
} // namespace

PreviewPane::PreviewPane(QWidget *parent)
    : QWidget(parent), m_sourceView(new PixmapView(this)), m_resultView(new PixmapView(this)),
      m_sourceCaption(new ElidedLabel(this)), m_resultCaption(new ElidedLabel(this))
{
    setObjectName(QStringLiteral("previewPane"));
    m_sourceView->setObjectName(QStringLiteral("previewSourceView"));
    m_resultView->setObjectName(QStringLiteral("previewResultView"));
    m_sourceCaption->setObjectName(QStringLiteral("previewSourceCaption"));
    m_resultCaption->setObjectName(QStringLiteral("previewResultCaption"));
    // Elided captions: a long name cannot make one half wider or run into the other caption.
    m_sourceCaption->setAlignment(Qt::AlignCenter);
    m_resultCaption->setAlignment(Qt::AlignCenter);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0); // resizeEvent keeps the two columns' sum even
    grid->addWidget(m_sourceView, 0, 0);
    grid->addWidget(m_resultView, 0, 1);
    grid->addWidget(m_sourceCaption, 1, 0);
    grid->addWidget(m_resultCaption, 1, 1);
    grid->setColumnStretch(0, 1); // before and after always get the same size
    grid->setColumnStretch(1, 1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250); // typing in a spin box should not start a worker per key
    connect(&m_debounce, &QTimer::timeout, this, &PreviewPane::run);
    m_sourceView->setPixmap({}, tr("Choose a folder to see a preview"));
    m_resultView->setPixmap({}, QString());
    showCaptions();
}

PreviewPane::~PreviewPane() = default;

void PreviewPane::setImage(const QString &inputPath)
{
    if (inputPath == m_inputPath)
        return;
    m_inputPath = inputPath;
    // What is shown describes the previous image (a failure's reason among it) until the new
    // preview is ready: name the new image now, and drop the old views at once.
    showCaptions();
    m_sourceView->setPixmap({}, QString());
    m_resultView->setPixmap({}, QString());
    m_debounce.start();
}

void PreviewPane::setRecipe(const Recipe &recipe)
{
    if (recipe == m_recipe)
        return;
    m_recipe = recipe;
    m_debounce.start();
}

QString PreviewPane::stagePath(int stage, const QString &extension) const
{
    return m_dir.filePath(
        QStringLiteral("preview-%1-%2.%3").arg(m_generation).arg(stage).arg(extension));
}

Job PreviewPane::makeJob(int stage, const QString &input, const QString &output,
                         const Recipe &recipe) const
{
    Job job;
    job.id = m_generation * kStagesPerRequest + JobId(stage);
    job.inputPath = input;
    job.outputPath = output;
    job.recipe = recipe;
    job.overwrite = true;
    return job;
}

void PreviewPane::run()
{
    delete m_pool; // kills the workers of an older request; its results no longer matter
    m_pool = nullptr;
    ++m_generation;
    // Older previews are on screen as pixmaps already; their files (full-size results among
    // them) would otherwise pile up in the temp folder for the whole session.
    if (m_dir.isValid()) {
        QDir dir(m_dir.path());
        for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden))
            dir.remove(name);
    }
    if (m_inputPath.isEmpty() || m_workerPath.isEmpty() || !m_dir.isValid()) {
        m_sourceView->setPixmap({}, m_inputPath.isEmpty() ? tr("No image to preview")
                                                          : tr("Preview unavailable"));
        m_resultView->setPixmap({}, QString());
        showCaptions();
        return;
    }
    PoolOptions options;
    options.workerPath = m_workerPath;
    options.workerCount = 2;
    m_pool = new WorkerPool(options, this);
    connect(m_pool, &WorkerPool::jobFinished, this, &PreviewPane::onJobFinished);
    const ImageFormat inputFormat = sniffImageFormatOfFile(m_inputPath);
    const QString extension = extensionFor(resolveOutputFormat(m_recipe.format, inputFormat));
    showCaptions(tr("Result: working…"));
    m_pending = 2;
    m_pool->submit({makeJob(ResultStage, m_inputPath, stagePath(ResultStage, extension), m_recipe),
                    makeJob(SourceStage, m_inputPath, stagePath(SourceStage, QStringLiteral("png")),
                            previewRecipe())});
}

void PreviewPane::onJobFinished(const JobResult &result)
{
    if (result.id / kStagesPerRequest != m_generation)
        return;
    const int stage = int(result.id % kStagesPerRequest);
    if (stage == ResultStage && result.isOk()) {
        m_resultInfo = result;
        ++m_pending; // the result is shown through a small PNG made by a worker too
        m_pool->submit(
            {makeJob(ResultPreviewStage, result.outputPath,
                     stagePath(ResultPreviewStage, QStringLiteral("png")), previewRecipe())});
    } else if (stage == ResultStage) {
        m_resultView->setPixmap({}, result.message);
        m_resultCaption->setFullText(tr("Result: failed"));
    } else {
        PixmapView *view = stage == SourceStage ? m_sourceView : m_resultView;
        view->setPixmap(result.isOk() ? QPixmap(result.outputPath) : QPixmap(), result.message);
        if (stage == SourceStage && result.isOk())
            m_sourceCaption->setFullText(tr("Original: %1 · %2 × %3 · %4")
                                             .arg(QFileInfo(m_inputPath).fileName())
                                             .arg(result.inputSize.width())
                                             .arg(result.inputSize.height())
                                             .arg(formatBytes(result.inputBytes)),
                                         QFileInfo(m_inputPath).fileName());
        if (stage == ResultPreviewStage)
            m_resultCaption->setFullText(tr("Result: %1 × %2 · %3")
                                             .arg(m_resultInfo.outputSize.width())
                                             .arg(m_resultInfo.outputSize.height())
                                             .arg(formatBytes(m_resultInfo.outputBytes)));
    }
    finishIfDone();
}

void PreviewPane::showCaptions(const QString &resultText)
{
    m_sourceCaption->setFullText(m_inputPath.isEmpty()
                                     ? tr("Original")
                                     : tr("Original: %1").arg(QFileInfo(m_inputPath).fileName()),
                                 QFileInfo(m_inputPath).fileName());
    m_resultCaption->setFullText(resultText.isEmpty() ? tr("Result") : resultText);
}

void PreviewPane::finishIfDone()
{
    if (--m_pending == 0)
        Q_EMIT previewReady();
}

// Equal stretches split an odd width 1 px unevenly: a right margin of 1 px then keeps the
// before and after views the same size at every width.
void PreviewPane::resizeEvent(QResizeEvent *event)
{
    auto *grid = static_cast<QGridLayout *>(layout());
    const int room = width() - qMax(0, grid->horizontalSpacing());
    grid->setContentsMargins(0, 0, room % 2, 0);
    QWidget::resizeEvent(event);
}
