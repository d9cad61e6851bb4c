#include <QIcon>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include "runbar.h"

// The run bar's icons: the desktop theme's when it has them, otherwise our shapes drawn so
// that they stand out from the button on a light and on a dark palette.
class tst_RunBar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void iconsStandOutFromTheButton_data();
    void iconsStandOutFromTheButton();
    void iconsFollowAPaletteChange();
    void themeIconIsPreferred();

private:
    std::unique_ptr<QTemporaryDir> m_themes;
};

namespace {
// WCAG 2 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio)
double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The mean colour of the icon's solid pixels; invalid when it has none.
QColor inkOf(const QIcon &icon, QIcon::Mode mode = QIcon::Normal)
{
    const QImage image =
        icon.pixmap(QSize(16, 16), 1.0, mode).toImage().convertToFormat(QImage::Format_ARGB32);
    double r = 0, g = 0, b = 0;
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            if (qAlpha(p) < 255) // edges blend; the solid inside is the ink
                continue;
            r += qRed(p), g += qGreen(p), b += qBlue(p), ++n;
        }
    return n == 0 ? QColor() : QColor(int(r / n), int(g / n), int(b / n));
}

QPalette makePalette(const QColor &button, const QColor &text)
{
    QPalette palette(button, button.lighter(110));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::WindowText, text);
    return palette;
}

QPalette darkPalette()
{
    return makePalette(QColor(0x35, 0x35, 0x35), QColor(0xf0, 0xf0, 0xf0));
}

QPalette lightPalette()
{
    return makePalette(QColor(0xef, 0xef, 0xef), QColor(0x20, 0x20, 0x20));
}

const char *const kButtons[] = {"startButton", "cancelButton", "openOutputButton"};
} // namespace

void tst_RunBar::init()
{
    // No desktop theme: an empty search path, so the fallback shapes are what is tested.
    m_themes = std::make_unique<QTemporaryDir>();
    QIcon::setThemeSearchPaths({m_themes->path()});
    QIcon::setThemeName(QStringLiteral("none"));
}

void tst_RunBar::cleanup()
{
    m_themes.reset();
}

void tst_RunBar::iconsStandOutFromTheButton_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << lightPalette();
    QTest::newRow("dark") << darkPalette();
}

void tst_RunBar::iconsStandOutFromTheButton()
{
    QFETCH(QPalette, palette);
    RunBar bar;
    bar.setPalette(palette);
    for (const char *name : kButtons) {
        const auto *button = bar.findChild<QPushButton *>(QString::fromLatin1(name));
        QVERIFY(button);
        const QColor ink = inkOf(button->icon());
        QVERIFY2(ink.isValid(), name);
        // 3:1 is WCAG's minimum for graphical objects.
        const double ratio = contrast(ink, palette.color(QPalette::Button));
        QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("%1: %2:1").arg(name).arg(ratio)));
    }
}

void tst_RunBar::iconsFollowAPaletteChange()
{
    RunBar bar;
    bar.setPalette(lightPalette());
    auto *start = bar.findChild<QPushButton *>(QStringLiteral("startButton"));
    const QColor onLight = inkOf(start->icon());
    bar.setPalette(darkPalette());
    const QColor onDark = inkOf(start->icon());
    QVERIFY(luminance(onDark) > luminance(onLight) + 0.5);
}

void tst_RunBar::themeIconIsPreferred()
{
    const QString theme = m_themes->filePath(QStringLiteral("testtheme"));
    QVERIFY(QDir().mkpath(theme + QStringLiteral("/16x16/actions")));
    QFile index(theme + QStringLiteral("/index.theme"));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("[Icon Theme]\nName=testtheme\nDirectories=16x16/actions\n\n"
                "[16x16/actions]\nSize=16\nType=Fixed\n");
    index.close();
    QImage red(16, 16, QImage::Format_ARGB32);
    red.fill(Qt::red);
    QVERIFY(red.save(theme + QStringLiteral("/16x16/actions/media-playback-start.png")));
    QIcon::setThemeName(QStringLiteral("testtheme"));

    RunBar bar;
    bar.setPalette(darkPalette());
    const QColor ink = inkOf(bar.findChild<QPushButton *>(QStringLiteral("startButton"))->icon());
    QCOMPARE(ink, QColor(Qt::red));
    // Stop has no icon in this theme: our shape, in the palette's colour.
    const QColor stop = inkOf(bar.findChild<QPushButton *>(QStringLiteral("cancelButton"))->icon());
    QCOMPARE(stop, darkPalette().color(QPalette::ButtonText));
}

QTEST_MAIN(tst_RunBar)
#include "tst_runbar.moc"
