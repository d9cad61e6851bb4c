// The folder scenario of bench_guilatency (issue 14): how soon a large folder can be used, and
// how the GUI thread fares while its thumbnails stream in.
#include "guilatency_folder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLinearGradient>
#include <QPainter>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <cstdio>

#include "guiprobe.h"
#include "inputview.h"
#include "mainwindow.h"
#include "sourcepanel.h"
#include "thumbnailer.h"

namespace {
constexpr int kVisitTimeoutMs = 20 * 60'000;

// Camera-like proportions, small enough that 10,000 take a minute to make; every image
// different, so no layer (page cache aside) can answer one from another.
QImage syntheticImage(int seed)
{
    QRandomGenerator rng(quint32(seed) + 1);
    QImage image(256, 192, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, image.width(), image.height());
    gradient.setColorAt(0, QColor::fromRgb(rng.generate()));
    gradient.setColorAt(1, QColor::fromRgb(rng.generate()));
    painter.fillRect(image.rect(), gradient);
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < 6; ++i) {
        painter.setBrush(QColor::fromRgb(rng.generate()));
        painter.drawEllipse(QRect(rng.bounded(image.width()), rng.bounded(image.height()),
                                  10 + rng.bounded(120), 10 + rng.bounded(90)));
    }
    return image;
}

// Makes `dir` with `count` images, three JPEGs to one PNG, unless it exists: then it is used
// as it is. Written under another name and renamed, so an interrupted run leaves no half set.
void makeImagesOnce(const QString &dir, int count)
{
    if (QFileInfo(dir).isDir())
        return;
    const QString partial = dir + QStringLiteral(".partial");
    QDir(partial).removeRecursively();
    if (!QDir().mkpath(partial))
        GuiProbe::fail(QStringLiteral("cannot create %1").arg(partial));
    std::fprintf(stderr, "bench_guilatency: making %d images in %s\n", count, qPrintable(dir));
    for (int i = 0; i < count; ++i) {
        const bool png = i % 4 == 3;
        const QString name = QStringLiteral("%1/img%2.%3")
                                 .arg(partial)
                                 .arg(i, 5, 10, QLatin1Char('0'))
                                 .arg(png ? QStringLiteral("png") : QStringLiteral("jpg"));
        if (!syntheticImage(i).save(name, nullptr, png ? -1 : 85))
            GuiProbe::fail(QStringLiteral("cannot write %1").arg(name));
    }
    if (!QDir().rename(partial, dir))
        GuiProbe::fail(QStringLiteral("cannot rename %1 to %2").arg(partial, dir));
}

// One visit: a new window (as a new start of the application would make) opens `dir`. From
// then on the probe runs; once the list is shown and Start enabled, the Images tab is paged
// down, a page each time every row shown has its thumbnail (or its failure), as a person
// reading the list would, until every image has one.
class FolderVisit
{
public:
    explicit FolderVisit(const QString &dir) : m_dir(dir) {}

    QJsonObject run(TracingApplication &app, bool trace)
    {
        QTemporaryDir settingsDir; // the person's window geometry and folders stay untouched
        QSettings settings(settingsDir.filePath(QStringLiteral("settings.ini")),
                           QSettings::IniFormat);
        MainWindow window(&settings);
        window.show();
        find(window);
        settle(window);
        QEventLoop loop;
        QObject::connect(m_thumbnailer, &Thumbnailer::ready, &loop,
                         [this, &loop](const QString &path) { onThumbnail(path, &loop); });
        QObject::connect(m_source, &SourcePanel::scanned, &loop,
                         [this](const ImageScanner::Summary &summary) {
                             // The first run's samples may be listed before our folder.
                             m_scanned = m_clock.isValid() && summary.done;
                             if (m_scanned && m_scannedMs < 0)
                                 m_scannedMs = elapsedMs();
                             checkInteractive();
                         });
        QObject::connect(m_view->model(), &QAbstractItemModel::rowsInserted, &loop,
                         [this] { checkInteractive(); });
        m_probe.setOnFiring([this] { onProbe(); });
        m_probe.start();
        app.tracing = trace;
        QTimer::singleShot(4 * GuiProbe::kProbeIntervalMs, &window, [&] {
            m_clock.start();
            m_workerJobs = -m_thumbnailer->workerJobs(); // the first-run samples' are not ours
            const double cpuBefore = GuiProbe::threadCpuMs();
            window.setSourceFolder(m_dir);
            m_setFolderMs = elapsedMs(); // the call itself: it clears the list, drops thumbnails
            m_setFolderCpuMs = GuiProbe::threadCpuMs() - cpuBefore;
        });
        QTimer::singleShot(kVisitTimeoutMs, &loop, [this] {
            GuiProbe::fail(QStringLiteral("%1 thumbnails of %2 rows after %3 s")
                               .arg(m_ready.size())
                               .arg(m_rows)
                               .arg(kVisitTimeoutMs / 1000));
        });
        loop.exec();
        app.tracing = false;
        m_workerJobs += m_thumbnailer->workerJobs();
        return figures();
    }

private:
    void find(MainWindow &window)
    {
        m_source = window.findChild<SourcePanel *>();
        m_start = window.findChild<QPushButton *>(QStringLiteral("startButton"));
        m_view = window.findChild<QTableView *>(QStringLiteral("inputView"));
        m_thumbnailer = window.findChild<Thumbnailer *>();
        if (!m_source || !m_start || !m_view || !m_thumbnailer)
            GuiProbe::fail(QStringLiteral("the window has no source panel, Start, input view "
                                          "or thumbnailer"));
    }

    // Lets the window paint itself and list what it opens with (the first run's samples)
    // before the probe starts: that is the cost of a start, not of this folder.
    void settle(MainWindow &window)
    {
        while (!window.windowHandle() || !window.windowHandle()->isExposed() ||
               !m_source->summary().done)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        QCoreApplication::processEvents(); // the paint posted by the listing
    }

    double elapsedMs() const { return m_clock.nsecsElapsed() / 1e6; }

    // Interactive: the scan is done, the list shows every image it found, Start is enabled.
    // Checked as the window's own handlers of the same signals have run (connected before).
    void checkInteractive()
    {
        const int rows = m_view->model()->rowCount();
        if (m_firstRowsMs < 0 && m_clock.isValid() && rows > 0 && m_start->isEnabled())
            m_firstRowsMs = elapsedMs(); // usable, the list still growing
        if (m_interactiveMs >= 0 || !m_scanned || !m_start->isEnabled())
            return;
        if (rows == 0 || rows != m_source->imageCount())
            return;
        m_interactiveMs = elapsedMs();
        m_rows = rows;
        m_stallsBeforeInteractive = m_probe.stallsMs().size();
    }

    void onThumbnail(const QString &path, QEventLoop *loop)
    {
        if (!path.startsWith(m_dir + QLatin1Char('/')))
            return; // a first-run sample's
        m_ready.insert(path);
        if (!m_thumbnailer->failure(path).isEmpty())
            ++m_failures;
        if (m_allMs < 0 && m_rows > 0 && m_ready.size() == m_rows) {
            m_allMs = elapsedMs();
            m_probe.stopAfterNextFiring(loop);
        }
    }

    // Every row the view shows (a partly shown last one too) has its thumbnail or failure.
    bool pageDone() const
    {
        const int first = m_view->rowAt(0);
        int last = m_view->rowAt(m_view->viewport()->height() - 1);
        if (last < 0)
            last = m_view->model()->rowCount() - 1;
        for (int row = std::max(first, 0); row <= last; ++row)
            if (!m_ready.contains(
                    m_view->model()->index(row, 0).data(InputModel::PathRole).toString()))
                return false;
        return true;
    }

    void onProbe()
    {
        checkInteractive(); // Start's state has no signal of its own
        if (m_interactiveMs < 0 || !pageDone())
            return;
        if (m_firstPageMs < 0)
            m_firstPageMs = elapsedMs();
        QScrollBar *bar = m_view->verticalScrollBar();
        m_rowsPerPage = bar->pageStep();
        bar->setValue(std::min(bar->maximum(), bar->value() + bar->pageStep()));
    }

    QJsonObject figures() const
    {
        QJsonObject json = m_probe.figures();
        const std::vector<double> &stalls = m_probe.stallsMs();
        const auto listed = stalls.begin() + std::min(m_stallsBeforeInteractive, stalls.size());
        json.insert(QStringLiteral("max_stall_listing_ms"),
                    listed == stalls.begin() ? 0.0 : *std::max_element(stalls.begin(), listed));
        json.insert(QStringLiteral("rows"), m_rows);
        json.insert(QStringLiteral("rows_per_page"), m_rowsPerPage);
        json.insert(QStringLiteral("set_folder_ms"), m_setFolderMs);
        json.insert(QStringLiteral("set_folder_cpu_ms"), m_setFolderCpuMs);
        json.insert(QStringLiteral("first_rows_ms"), m_firstRowsMs);
        json.insert(QStringLiteral("scanned_ms"), m_scannedMs);
        json.insert(QStringLiteral("interactive_ms"), m_interactiveMs);
        json.insert(QStringLiteral("first_page_ms"), m_firstPageMs);
        json.insert(QStringLiteral("all_thumbnails_ms"), m_allMs);
        json.insert(QStringLiteral("thumbnails"), int(m_ready.size()));
        json.insert(QStringLiteral("thumbnail_failures"), m_failures);
        json.insert(QStringLiteral("worker_jobs"), m_workerJobs);
        return json;
    }

    const QString m_dir;
    SourcePanel *m_source = nullptr;
    QPushButton *m_start = nullptr;
    QTableView *m_view = nullptr;
    Thumbnailer *m_thumbnailer = nullptr;
    StallProbe m_probe;
    QElapsedTimer m_clock; // from the folder being set
    QSet<QString> m_ready;
    size_t m_stallsBeforeInteractive = 0;
    bool m_scanned = false; // the scan of m_dir is done
    int m_rows = 0;
    int m_rowsPerPage = 0;
    int m_failures = 0;
    int m_workerJobs = 0;      // given to workers for this folder's thumbnails
    double m_setFolderMs = -1; // setSourceFolder's own time on the GUI thread
    double m_setFolderCpuMs = -1;
    double m_firstRowsMs = -1; // the first rows listed, Start enabled
    double m_scannedMs = -1;   // the scan's last report
    double m_interactiveMs = -1;
    double m_firstPageMs = -1;
    double m_allMs = -1;
};
} // namespace

int measureFolder(TracingApplication &app, const QString &dir, int images, bool trace)
{
    makeImagesOnce(dir, images);
    const QJsonObject cold = FolderVisit(dir).run(app, trace);
    if (trace)
        app.printSlowest();
    const QJsonObject warm = FolderVisit(dir).run(app, trace); // the cache the first one filled
    if (trace)
        app.printSlowest();
    const QJsonObject json{{QStringLiteral("folder"), dir},
                           {QStringLiteral("cold"), cold},
                           {QStringLiteral("warm"), warm}};
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    const auto whole = [](const QJsonObject &visit) {
        return visit[QStringLiteral("rows")].toInt() > 0 &&
               visit[QStringLiteral("thumbnails")] == visit[QStringLiteral("rows")];
    };
    // A second visit that needed workers did not use the cache the first one filled.
    const bool complete =
        whole(cold) && whole(warm) && warm[QStringLiteral("worker_jobs")].toInt() == 0;
    if (!complete)
        std::fprintf(stderr, "bench_guilatency: a visit without every thumbnail, or a second "
                             "visit that needed workers\n");
    return complete ? 0 : 1;
}
