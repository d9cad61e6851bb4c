// The Thumbnailer on its own: a dropped listing's workers end without the GUI thread waiting
// for them, and the next listing still gets its thumbnails from new ones.
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "childprocesses.h"
#include "pool/workerpool.h"
#include "thumbnailer.h"

class tst_Thumbnailer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void droppedWorkersEndAndTheNextListingIsServed();
};

namespace {
QList<int> liveWorkers()
{
    return liveChildProcesses(QCoreApplication::applicationPid(), {"pixelmill-work"});
}

QString writeImage(const QTemporaryDir &dir, const QString &name)
{
    QImage image(400, 300, QImage::Format_RGB32);
    image.fill(QColor(30, 120, 200));
    const QString path = dir.filePath(name);
    if (!image.save(path))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}
} // namespace

void tst_Thumbnailer::droppedWorkersEndAndTheNextListingIsServed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    qputenv("XDG_CACHE_HOME", QFile::encodeName(dir.filePath(QStringLiteral("cache"))));
    const QString first = writeImage(dir, QStringLiteral("first.png"));
    const QString next = writeImage(dir, QStringLiteral("next.png"));
    Thumbnailer thumbnailer;
    thumbnailer.setWorkerPath(locateWorkerExecutable());
    QSignalSpy ready(&thumbnailer, &Thumbnailer::ready);

    thumbnailer.request(first, QFileInfo(first).lastModified().toMSecsSinceEpoch());
    QTRY_VERIFY_WITH_TIMEOUT(!liveWorkers().isEmpty(), 20'000);
    const QList<int> dropped = liveWorkers();
    thumbnailer.dropPending(); // the list was replaced
    // Gone within the pool's stop grace, long before the stopped pool itself is deleted.
    const auto droppedGone = [&dropped] {
        const QList<int> live = liveWorkers();
        return std::none_of(dropped.begin(), dropped.end(),
                            [&live](int pid) { return live.contains(pid); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(droppedGone(), 3'000);

    thumbnailer.request(next, QFileInfo(next).lastModified().toMSecsSinceEpoch());
    QTRY_VERIFY_WITH_TIMEOUT(!thumbnailer.icon(next).isNull(), 60'000);
    QVERIFY(thumbnailer.failure(next).isEmpty());
    QCOMPARE(thumbnailer.icon(next).size(), QSize(48, 36)); // 400x300 fit in the 48 icon
    QVERIFY(ready.contains(QVariantList{next}));
}

QTEST_MAIN(tst_Thumbnailer)
#include "tst_thumbnailer.moc"
