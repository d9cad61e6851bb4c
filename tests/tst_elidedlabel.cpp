#include <QtTest>

#include "elidedlabel.h"

// Captions such as "Original: NAME · 2560 × 1600 · 526.6 kB" shorten the file name, not the
// figures after it; the expectations are the caption's own words, not the label's code.
class tst_ElidedLabel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shortensTheNameFirst();
    void fitsTextAsItIs();
    void elidesEverythingWhenTheRestCannotFit();
};

namespace {
const QString kName = QStringLiteral("holiday-in-the-mountains-with-the-whole-family-0042.jpg");
const QString kText = QStringLiteral("Original: %1 · 2560 × 1600 · 526.6 kB").arg(kName);

QString shownAt(int width, const QString &text, const QString &elidable)
{
    ElidedLabel label;
    label.setContentsMargins(0, 0, 0, 0);
    label.resize(width, 30);
    label.setFullText(text, elidable);
    return label.text();
}
} // namespace

void tst_ElidedLabel::shortensTheNameFirst()
{
    ElidedLabel probe;
    // Room for the words and figures and a few letters of the name: eliding the middle of the
    // whole text would cut into " · 2560 × 1600".
    const QString rest = QString(kText).remove(kName);
    const int width = probe.fontMetrics().horizontalAdvance(rest + QStringLiteral("MMMMMM"));
    const QString shown = shownAt(width, kText, kName);
    QVERIFY2(shown.startsWith(QStringLiteral("Original: ")), qPrintable(shown));
    QVERIFY2(shown.endsWith(QStringLiteral(" · 2560 × 1600 · 526.6 kB")), qPrintable(shown));
    QVERIFY2(shown.contains(QChar(0x2026)), qPrintable(shown));
    QVERIFY(probe.fontMetrics().horizontalAdvance(shown) <= width);
}

void tst_ElidedLabel::fitsTextAsItIs()
{
    ElidedLabel probe;
    const int width = probe.fontMetrics().horizontalAdvance(kText) + 10;
    QCOMPARE(shownAt(width, kText, kName), kText);
}

void tst_ElidedLabel::elidesEverythingWhenTheRestCannotFit()
{
    ElidedLabel probe;
    const int width = probe.fontMetrics().horizontalAdvance(QStringLiteral("Original: 2560")) / 2;
    const QString shown = shownAt(width, kText, kName);
    QVERIFY2(shown.contains(QChar(0x2026)) || shown.isEmpty(), qPrintable(shown));
    QVERIFY(probe.fontMetrics().horizontalAdvance(shown) <= width);
}

QTEST_MAIN(tst_ElidedLabel)
#include "tst_elidedlabel.moc"
