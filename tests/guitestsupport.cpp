#include "guitestsupport.h"

#include <QAbstractButton>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QStyleOptionButton>
#include <QtTest>

#include "mainwindow.h"
#include "translations.h"

namespace GuiTest {

void writeGradient(const QString &path, QSize size)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            line[x] = qRgb((x * 255) / size.width(), (y * 255) / size.height(), 128);
    }
    if (!image.save(path))
        qFatal("cannot write %s", qPrintable(path));
}

void useEnglish()
{
    if (installTranslations(QCoreApplication::instance(), QLocale(QLocale::English)) !=
        QStringLiteral("en"))
        qFatal("the English catalogue is not built into the application");
}

bool chooseSource(MainWindow &window, const QString &folder, int expectedCount)
{
    auto *edit = child<QLineEdit>(window, "sourceFolderEdit");
    edit->setText(folder);
    QTest::keyClick(edit, Qt::Key_Return); // editingFinished, as when a path is typed
    auto *count = child<QLabel>(window, "imageCountLabel");
    const QString expected = expectedCount == 1
                                 ? QStringLiteral("1 image found")
                                 : QStringLiteral("%1 images found").arg(expectedCount);
    return QTest::qWaitFor([&] { return count->text() == expected; }, 10'000);
}

QRect screenArea()
{
    return QGuiApplication::primaryScreen()->availableGeometry();
}

QString describe(const QRect &rect)
{
    return QStringLiteral("%1x%2+%3+%4")
        .arg(rect.width())
        .arg(rect.height())
        .arg(rect.x())
        .arg(rect.y());
}

int textRoom(const QAbstractButton *button)
{
    if (const auto *push = qobject_cast<const QPushButton *>(button)) {
        QStyleOptionButton option;
        option.initFrom(push);
        option.features =
            push->isDefault() ? QStyleOptionButton::DefaultButton : QStyleOptionButton::None;
        const int contents =
            push->style()->subElementRect(QStyle::SE_PushButtonContents, &option, push).width();
        const int icon = push->icon().isNull() ? 0 : push->iconSize().width() + 4;
        return contents - icon;
    }
    // Check boxes and tool buttons: their size hint is the text's width plus the decoration.
    const QString text = button->text().remove(QLatin1Char('&'));
    const int decoration =
        button->sizeHint().width() - button->fontMetrics().horizontalAdvance(text);
    return button->width() - decoration;
}

} // namespace GuiTest
