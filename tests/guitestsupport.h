#pragma once

#include <QRect>
#include <QSize>
#include <QString>
#include <QWidget>

class QAbstractButton;
class MainWindow;

// Small helpers for the GUI tests that drive the real window: find widgets by objectName,
// make image folders, choose a source as a person would, and describe geometry in messages.
namespace GuiTest {

template <typename T> T *child(QWidget &window, const char *name)
{
    T *widget = window.findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no widget named %s", name);
    return widget;
}

// English with its plural forms ("1 image found"), as app/gui/main.cpp installs it on an
// English system, whatever this machine's locale; the tests compare English text.
void useEnglish();
// A smooth gradient image (Qt's own encoder, by the suffix); creates the folder.
void writeGradient(const QString &path, QSize size);
// Types `folder` into the source field, presses Return and waits for the count of images.
// False when that count does not show within 10 s.
bool chooseSource(MainWindow &window, const QString &folder, int expectedCount);
// The primary screen's available area, in logical pixels.
QRect screenArea();
QString describe(const QRect &rect);
// The width a button leaves for its text: its width less what its style adds around the text
// (frame, margins, icon, check box indicator).
int textRoom(const QAbstractButton *button);

} // namespace GuiTest
