#include <QtTest>

#include "geometry.h"

class tst_Geometry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plan_data();
    void plan();
};

namespace {
Recipe box(ResizeMode mode, int w, int h, bool noEnlarge = false)
{
    Recipe r;
    r.steps = {resizeStep(mode, w, h, noEnlarge)};
    return r;
}
} // namespace

void tst_Geometry::plan_data()
{
    QTest::addColumn<Recipe>("recipe");
    QTest::addColumn<QSize>("source");
    QTest::addColumn<QSize>("scaled");
    QTest::addColumn<QRect>("crop");

    QTest::newRow("none") << Recipe{} << QSize(640, 480) << QSize(640, 480)
                          << QRect(0, 0, 640, 480);
    QTest::newRow("fit landscape") << box(ResizeMode::Fit, 800, 600) << QSize(4000, 2000)
                                   << QSize(800, 400) << QRect(0, 0, 800, 400);
    QTest::newRow("fit portrait") << box(ResizeMode::Fit, 800, 600) << QSize(2000, 4000)
                                  << QSize(300, 600) << QRect(0, 0, 300, 600);
    QTest::newRow("fit enlarges") << box(ResizeMode::Fit, 800, 600) << QSize(100, 100)
                                  << QSize(600, 600) << QRect(0, 0, 600, 600);
    QTest::newRow("fit no-enlarge") << box(ResizeMode::Fit, 800, 600, true) << QSize(100, 100)
                                    << QSize(100, 100) << QRect(0, 0, 100, 100);
    QTest::newRow("fit 1xN") << box(ResizeMode::Fit, 800, 600) << QSize(1, 5000) << QSize(1, 600)
                             << QRect(0, 0, 1, 600);
    QTest::newRow("fill landscape") << box(ResizeMode::Fill, 300, 300) << QSize(4000, 2000)
                                    << QSize(600, 300) << QRect(150, 0, 300, 300);
    QTest::newRow("fill no-enlarge small")
        << box(ResizeMode::Fill, 300, 300, true) << QSize(200, 100) << QSize(200, 100)
        << QRect(0, 0, 200, 100);
    QTest::newRow("fill no-enlarge partial")
        << box(ResizeMode::Fill, 300, 300, true) << QSize(600, 200) << QSize(600, 200)
        << QRect(150, 0, 300, 200);
    QTest::newRow("exact") << box(ResizeMode::Exact, 123, 45) << QSize(10, 1000) << QSize(123, 45)
                           << QRect(0, 0, 123, 45);
    QTest::newRow("exact no-enlarge") << box(ResizeMode::Exact, 123, 45, true) << QSize(10, 1000)
                                      << QSize(10, 45) << QRect(0, 0, 10, 45);
    ResizeStep halfStep;
    halfStep.mode = ResizeMode::Percent;
    halfStep.percent = 50;
    Recipe half;
    half.steps = {halfStep};
    QTest::newRow("percent 50") << half << QSize(301, 200) << QSize(151, 100)
                                << QRect(0, 0, 151, 100);
    QTest::newRow("percent 1x1 stays 1") << half << QSize(1, 1) << QSize(1, 1) << QRect(0, 0, 1, 1);
    halfStep.percent = 200;
    halfStep.noEnlarge = true;
    Recipe twice;
    twice.steps = {halfStep};
    QTest::newRow("percent no-enlarge")
        << twice << QSize(30, 20) << QSize(30, 20) << QRect(0, 0, 30, 20);
    ResizeStep edgeStep;
    edgeStep.mode = ResizeMode::LongEdge;
    edgeStep.longEdge = 1000;
    Recipe edge;
    edge.steps = {edgeStep};
    QTest::newRow("long edge portrait")
        << edge << QSize(3000, 4500) << QSize(667, 1000) << QRect(0, 0, 667, 1000);
    QTest::newRow("long edge square")
        << edge << QSize(10, 10) << QSize(1000, 1000) << QRect(0, 0, 1000, 1000);
    edgeStep.noEnlarge = true;
    edge.steps = {edgeStep};
    QTest::newRow("long edge no-enlarge")
        << edge << QSize(10, 10) << QSize(10, 10) << QRect(0, 0, 10, 10);
}

void tst_Geometry::plan()
{
    QFETCH(Recipe, recipe);
    QFETCH(QSize, source);
    QFETCH(QSize, scaled);
    QFETCH(QRect, crop);
    const ResizePlan plan = planLeadingResize(recipe, source);
    QCOMPARE(plan.scaled, scaled);
    QCOMPARE(plan.crop, crop);
}

QTEST_GUILESS_MAIN(tst_Geometry)
#include "tst_geometry.moc"
