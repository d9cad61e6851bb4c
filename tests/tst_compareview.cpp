#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtEndian>
#include <QtTest>

#include "comparecanvas.h"
#include "compareimage.h"
#include "compareview.h"
#include "compareviewport.h"

// The compare view on images whose colours and sizes the test chose: what is drawn is found
// by scanning the canvas' own pixels for those colours, and compared with hand-computed sizes.
class tst_CompareView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fitsAndShowsOneToOne();
    void captionsGiveSizeAndFormat();
    void zoomAndPanStaySynchronised();
    void keysZoomAndFit();
    void splitSliderMovesTheDivide();
    void missingOutputShowsMessage();
    void failedResultShowsItsReason();
    void damagedFileShowsReason();
    void exifOrientationIsApplied();
    void shrunkDetailDoesNotAlias();

private:
    JobResult okResult(const QString &output) const;
    void showAndWait(CompareView &view, const JobResult &result);

    QTemporaryDir m_dir;
    QString m_before; // 2400 x 1800, red
    QString m_after;  // 1200 x 900, blue
};

namespace {
const QColor kRed(255, 0, 0);
const QColor kBlue(0, 0, 255);

QString writeImage(const QString &path, QSize size, const QColor &colour)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    return image.save(path) ? path : QString();
}

bool near(const QColor &a, const QColor &b)
{
    return qAbs(a.red() - b.red()) < 40 && qAbs(a.green() - b.green()) < 40 &&
           qAbs(a.blue() - b.blue()) < 40;
}

// The bounding box of the pixels of `colour` in what `widget` paints.
QRect boxOf(QWidget *widget, const QColor &colour)
{
    const QImage shot = widget->grab().toImage();
    QRect box;
    for (int y = 0; y < shot.height(); ++y)
        for (int x = 0; x < shot.width(); ++x)
            if (near(shot.pixelColor(x, y), colour))
                box |= QRect(x, y, 1, 1);
    return box;
}

QColor colourAt(QWidget *widget, QPoint point)
{
    return widget->grab().toImage().pixelColor(point);
}

// Fitted zoom for a 1200 x 900 frame in `canvas`, never above 1:1 (by hand).
double expectedFit(const QSize &canvas)
{
    return qMin(1.0, qMin(canvas.width() / 1200.0, canvas.height() / 900.0));
}

void compareBoxes(const QRect &actual, const QRect &expected)
{
    const int slack = 2; // smooth scaling blends one edge pixel
    QVERIFY2(qAbs(actual.left() - expected.left()) <= slack &&
                 qAbs(actual.top() - expected.top()) <= slack &&
                 qAbs(actual.width() - expected.width()) <= slack &&
                 qAbs(actual.height() - expected.height()) <= slack,
             qPrintable(QStringLiteral("drawn at %1,%2 %3x%4, expected %5,%6 %7x%8")
                            .arg(actual.left())
                            .arg(actual.top())
                            .arg(actual.width())
                            .arg(actual.height())
                            .arg(expected.left())
                            .arg(expected.top())
                            .arg(expected.width())
                            .arg(expected.height())));
}

// The box a w x h picture takes when centred in `canvas` at `zoom`.
QRect centredBox(const QSize &canvas, double w, double h, double zoom)
{
    const int width = qRound(w * zoom), height = qRound(h * zoom);
    return QRect((canvas.width() - width) / 2, (canvas.height() - height) / 2, width, height);
}
} // namespace

void tst_CompareView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_before = writeImage(m_dir.filePath(QStringLiteral("photo.png")), {2400, 1800}, kRed);
    m_after = writeImage(m_dir.filePath(QStringLiteral("photo-out.png")), {1200, 900}, kBlue);
    QVERIFY(!m_before.isEmpty() && !m_after.isEmpty());
}

JobResult tst_CompareView::okResult(const QString &output) const
{
    JobResult result;
    result.status = JobStatus::Ok;
    result.inputPath = m_before;
    result.outputPath = output;
    return result;
}

void tst_CompareView::showAndWait(CompareView &view, const JobResult &result)
{
    QSignalSpy shown(&view, &CompareView::imagesShown);
    view.resize(1000, 640);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showResult(result);
    QVERIFY(shown.wait());
}

void tst_CompareView::fitsAndShowsOneToOne()
{
    CompareView view;
    showAndWait(view, okResult(m_after));
    CompareCanvas *before = view.beforeCanvas(), *after = view.afterCanvas();
    QCOMPARE(before->size(), after->size());
    const QSize canvas = after->size();
    QVERIFY(canvas.width() < 1200); // so that fitting has to shrink

    // Fitted: the output fills the canvas at its aspect; the input over the same frame.
    const QRect fitted = centredBox(canvas, 1200, 900, expectedFit(canvas));
    compareBoxes(boxOf(after, kBlue), fitted);
    compareBoxes(boxOf(before, kRed), fitted);

    // 1:1: one output pixel per screen pixel, so the canvas shows a canvas-sized piece of it.
    view.findChild<QToolButton *>(QStringLiteral("actualSizeButton"))->click();
    QCOMPARE(view.viewport()->zoom(), 1.0);
    QCOMPARE(after->imageRect(view.after()).size(), QSizeF(1200, 900));
    QCOMPARE(before->imageRect(view.before()).size(), QSizeF(1200, 900));
    compareBoxes(boxOf(after, kBlue), QRect(QPoint(), canvas));

    view.findChild<QToolButton *>(QStringLiteral("fitButton"))->click();
    compareBoxes(boxOf(after, kBlue), fitted);
}

void tst_CompareView::captionsGiveSizeAndFormat()
{
    CompareView view;
    showAndWait(view, okResult(m_after));
    const QString before = view.beforeInfo()->text(), after = view.afterInfo()->text();
    QVERIFY2(before.contains(QStringLiteral("2400 × 1800 px")), qPrintable(before));
    QVERIFY2(after.contains(QStringLiteral("1200 × 900 px")), qPrintable(after));
    QVERIFY2(after.contains(QStringLiteral("PNG")), qPrintable(after));
    QCOMPARE(view.after().fileBytes, QFileInfo(m_after).size());
    QCOMPARE(view.before().fileBytes, QFileInfo(m_before).size());
}

void tst_CompareView::zoomAndPanStaySynchronised()
{
    CompareView view;
    showAndWait(view, okResult(m_after));
    CompareCanvas *before = view.beforeCanvas(), *after = view.afterCanvas();
    const QSize canvas = after->size();
    const double fit = expectedFit(canvas);

    // One wheel notch out on the before side, at its centre: both shrink by the same factor.
    const QPointF centre(canvas.width() / 2.0, canvas.height() / 2.0);
    QWheelEvent wheel(centre, before->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(before, &wheel);
    const double zoom = view.viewport()->zoom();
    QVERIFY(zoom < fit);
    const QRect zoomed = centredBox(canvas, 1200, 900, zoom);
    compareBoxes(boxOf(before, kRed), zoomed);
    compareBoxes(boxOf(after, kBlue), zoomed);

    // A drag on the after side moves the picture on both by the drag.
    const QPoint from = centre.toPoint(), to = from + QPoint(40, 30);
    QTest::mousePress(after, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(after, from + QPoint(20, 15));
    QTest::mouseMove(after, to);
    QTest::mouseRelease(after, Qt::LeftButton, Qt::NoModifier, to);
    const QRect moved = zoomed.translated(40, 30);
    compareBoxes(boxOf(after, kBlue), moved);
    compareBoxes(boxOf(before, kRed), moved);
    QVERIFY(!view.viewport()->isFitted());
}

void tst_CompareView::keysZoomAndFit()
{
    CompareView view;
    showAndWait(view, okResult(m_after));
    const double fit = view.viewport()->zoom();
    QCOMPARE(fit, expectedFit(view.afterCanvas()->size()));
    QTest::keyClick(&view, Qt::Key_Plus);
    QCOMPARE(view.viewport()->zoom(), fit * 1.25);
    QTest::keyClick(&view, Qt::Key_1);
    QCOMPARE(view.viewport()->zoom(), 1.0);
    const QPointF centre = view.viewport()->center();
    QTest::keyClick(&view, Qt::Key_Right); // look further right: the picture moves left
    QVERIFY(view.viewport()->center().x() > centre.x());
    QTest::keyClick(&view, Qt::Key_0);
    QCOMPARE(view.viewport()->zoom(), fit);
    QVERIFY(view.viewport()->isFitted());
    QTest::keyClick(&view, Qt::Key_S);
    QCOMPARE(view.mode(), CompareView::Mode::Split);
}

void tst_CompareView::splitSliderMovesTheDivide()
{
    CompareView view;
    showAndWait(view, okResult(m_after));
    view.setMode(CompareView::Mode::Split);
    CompareCanvas *split = view.splitCanvas();
    QVERIFY(split->isVisible());
    const int y = split->height() / 2;
    for (int value : {250, 750}) {
        view.splitSlider()->setValue(value);
        const int divide = qRound(split->width() * value / 1000.0);
        QCOMPARE(split->divideX(), divide);
        QVERIFY(near(colourAt(split, {divide - 6, y}), kRed));
        QVERIFY(near(colourAt(split, {divide + 6, y}), kBlue));
    }

    // Dragging the divide itself moves it (and the slider) and leaves the picture where it is.
    const QPointF centre = view.viewport()->center();
    const QPoint from(split->divideX(), y), to(split->width() / 5, y);
    QTest::mousePress(split, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(split, (from + to) / 2);
    QTest::mouseMove(split, to);
    QTest::mouseRelease(split, Qt::LeftButton, Qt::NoModifier, to);
    QCOMPARE(view.splitSlider()->value(), qRound(1000.0 * to.x() / split->width()));
    QVERIFY(qAbs(split->divideX() - to.x()) <= 1);
    QCOMPARE(view.viewport()->center(), centre);
    // The picture itself still spans both halves: fitted in the split canvas.
    const QRect fitted = centredBox(split->size(), 1200, 900, expectedFit(split->size()));
    compareBoxes(boxOf(split, kRed) | boxOf(split, kBlue), fitted);
}

void tst_CompareView::missingOutputShowsMessage()
{
    CompareView view;
    const QString missing = m_dir.filePath(QStringLiteral("gone.webp"));
    showAndWait(view, okResult(missing));
    QVERIFY(view.before().isValid());
    QVERIFY(!view.after().isValid());
    QVERIFY2(view.afterInfo()->text().contains(QStringLiteral("does not exist")),
             qPrintable(view.afterInfo()->text()));
    QVERIFY(view.afterInfo()->text().contains(QStringLiteral("gone.webp")));
    // Without an output the input sets the frame: fitted, in red.
    const QSize canvas = view.beforeCanvas()->size();
    const double fit = qMin(1.0, qMin(canvas.width() / 2400.0, canvas.height() / 1800.0));
    compareBoxes(boxOf(view.beforeCanvas(), kRed), centredBox(canvas, 2400, 1800, fit));
    QVERIFY(boxOf(view.afterCanvas(), kBlue).isEmpty());
}

void tst_CompareView::failedResultShowsItsReason()
{
    CompareView view;
    JobResult failed = okResult(QString());
    failed.status = JobStatus::Failed;
    failed.message = QStringLiteral("truncated JPEG data");
    showAndWait(view, failed);
    QVERIFY2(view.afterInfo()->text().contains(QStringLiteral("No output: truncated JPEG data")),
             qPrintable(view.afterInfo()->text()));
    QVERIFY(view.before().isValid());
}

void tst_CompareView::damagedFileShowsReason()
{
    const QString bad = m_dir.filePath(QStringLiteral("damaged.jpg"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("\xFF\xD8\xFF\xE0 not really a JPEG", 24));
    file.close();
    CompareView view;
    showAndWait(view, okResult(bad));
    QVERIFY(!view.after().isValid());
    QVERIFY2(view.afterInfo()->text().contains(QStringLiteral("Cannot show")),
             qPrintable(view.afterInfo()->text()));
}

namespace {
// A minimal EXIF APP1 segment with Orientation = `orientation` (little-endian TIFF, one tag).
QByteArray exifOrientationSegment(quint16 orientation)
{
    QByteArray tiff("II*\0\x08\0\0\0", 8);
    auto put16 = [&tiff](quint16 v) { tiff.append(char(v & 0xff)).append(char(v >> 8)); };
    auto put32 = [&](quint32 v) {
        put16(quint16(v & 0xffff));
        put16(quint16(v >> 16));
    };
    put16(1);      // one entry
    put16(0x0112); // Orientation
    put16(3);      // SHORT
    put32(1);
    put16(orientation);
    put16(0);
    put32(0); // no next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment("\xFF\xE1", 2);
    const quint16 length = quint16(payload.size() + 2);
    segment.append(char(length >> 8)).append(char(length & 0xff));
    return segment + payload;
}
} // namespace

void tst_CompareView::exifOrientationIsApplied()
{
    QImage stored(40, 20, QImage::Format_RGB32);
    stored.fill(Qt::gray);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(stored.save(&buffer, "JPEG"));
    jpeg.insert(2, exifOrientationSegment(6)); // after SOI: rotate 90° clockwise to view
    const QString path = m_dir.filePath(QStringLiteral("rotated.jpg"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(jpeg);
    file.close();
    const CompareImage image = loadCompareImage(path);
    QVERIFY2(image.isValid(), qPrintable(image.error));
    QCOMPARE(image.image.size(), QSize(20, 40));
    QCOMPARE(image.format, QStringLiteral("JPEG"));
}

// A checkerboard of single black and white pixels, shown at about a third of its size, must
// look an even grey (its average, 127.5), not the stripes or moiré of point sampling.
void tst_CompareView::shrunkDetailDoesNotAlias()
{
    QImage board(1600, 1200, QImage::Format_RGB32);
    for (int y = 0; y < board.height(); ++y)
        for (int x = 0; x < board.width(); ++x)
            board.setPixel(x, y, (x + y) % 2 ? 0xffffffffu : 0xff000000u);
    const QString path = m_dir.filePath(QStringLiteral("board.png"));
    QVERIFY(board.save(path));
    CompareView view;
    showAndWait(view, okResult(path));
    QVERIFY(view.viewport()->zoom() < 0.5);
    const QImage shot = view.afterCanvas()->grab().toImage();
    const QRect drawn = view.afterCanvas()->imageRect(view.after()).toAlignedRect();
    int darkest = 255, lightest = 0;
    for (int y = drawn.top() + 4; y < drawn.bottom() - 4; y += 3)
        for (int x = drawn.left() + 4; x < drawn.right() - 4; x += 3) {
            const int grey = qGray(shot.pixel(x, y));
            darkest = qMin(darkest, grey);
            lightest = qMax(lightest, grey);
        }
    QVERIFY2(darkest >= 100 && lightest <= 155,
             qPrintable(QStringLiteral("grey %1..%2").arg(darkest).arg(lightest)));
}

QTEST_MAIN(tst_CompareView)
#include "tst_compareview.moc"
