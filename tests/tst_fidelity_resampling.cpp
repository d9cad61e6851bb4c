// Resampling quality of tst_fidelity: large sheets reduced by every route against
// Lanczos-3 over the full-resolution decode, and the routes against one another.

#include <QTest>

#include <algorithm>
#include <vector>

#include "fidelityreference.h"
#include "testimages.h"
#include "tst_fidelity.h"

namespace F = Fidelity;

namespace {

// Resampling: 2000x1000 sheets fit into these (6.7x and 3.1x reductions), PNG output.
const QSize kResamplingBoxes[] = {QSize(300, 150), QSize(640, 320)};

// The sheets tst_fidelity_inputs.cpp writes: photo, digits and text, each as PNG and JPEG.
QStringList resamplingSheets()
{
    QStringList names;
    for (const char *sheet : {"photo", "digits", "text"})
        for (const char *suffix : {".png", ".jpg"})
            names << QLatin1String(sheet) + QLatin1String(suffix);
    return names;
}

} // namespace

void tst_Fidelity::resampling_data()
{
    QTest::addColumn<QString>("route");
    for (const char *route : kRoutes)
        QTest::newRow(route) << QString::fromLatin1(route);
}

// Three 2000x1000 sheets x PNG/JPEG x fit 300x150 / 640x320 (6.7x and 3.1x reductions), PNG
// output, against Lanczos-3 over the full-resolution decode: median >= 40 dB, worst >= 36 dB.
void tst_Fidelity::resampling()
{
    QFETCH(QString, route);
    std::vector<double> figures;
    QStringList failures;
    for (const QString &name : resamplingSheets())
        for (const QSize box : kResamplingBoxes) {
            const Case c{
                name, route, QStringLiteral("srgb"), QStringLiteral("strip"), QStringLiteral("png"),
                box};
            const Output &out = output(c);
            if (!out.decoded) {
                failures << name + QLatin1String(": ") + out.problem;
                continue;
            }
            if (QSize(out.image.width(), out.image.height()) != box) {
                failures << QStringLiteral("%1: %2x%3 for %4x%5")
                                .arg(name)
                                .arg(out.image.width())
                                .arg(out.image.height())
                                .arg(box.width())
                                .arg(box.height());
                continue;
            }
            const double db = TestImages::psnr(out.image, reference(input(name), "srgb", box));
            figures.push_back(db);
            qInfo("resampling %s %s -> %dx%d: %.2f dB", qPrintable(route), qPrintable(name),
                  box.width(), box.height(), db);
        }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1String("; "))));
    std::sort(figures.begin(), figures.end());
    const size_t n = figures.size();
    const double median = n % 2 ? figures[n / 2] : (figures[n / 2 - 1] + figures[n / 2]) / 2;
    qInfo("resampling %s: median %.2f dB, worst %.2f dB over %zu cases", qPrintable(route), median,
          figures.front(), n);
    QVERIFY2(median >= 40, qPrintable(QStringLiteral("median %1 dB").arg(median, 0, 'f', 2)));
    QVERIFY2(figures.front() >= 36,
             qPrintable(QStringLiteral("worst %1 dB").arg(figures.front(), 0, 'f', 2)));
}

void tst_Fidelity::resamplingRoutesAgree_data()
{
    QTest::addColumn<QString>("sheet");
    QTest::addColumn<QSize>("box");
    for (const QString &name : resamplingSheets())
        for (const QSize box : kResamplingBoxes)
            QTest::addRow("%s>%dx%d", qPrintable(name), box.width(), box.height()) << name << box;
}

// The resampling cases are recipes too: any two routes within 40 dB of each other.
void tst_Fidelity::resamplingRoutesAgree()
{
    QFETCH(QString, sheet);
    QFETCH(QSize, box);
    Case c;
    c.input = sheet;
    c.meta = QStringLiteral("strip");
    c.format = QStringLiteral("png");
    c.box = box;
    const QStringList problems = routeDisagreements(c, box);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
}
