#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

// A batch shorter than this is watched to its end; only a longer one earns a notification.
constexpr double kNotifyAfterSeconds = 10.0;

// Whether a batch that ran `seconds` should announce its end: only when it took long enough
// for the person to turn to something else, and the window is not the one they look at.
bool shouldNotifyFinish(double seconds, bool windowActive);

// Desktop notifications through org.freedesktop.Notifications on the session bus (the
// Desktop Notifications Specification's Notify call), sent without waiting for the answer.
// Where no bus or no notification service answers, the window asks for attention instead
// (QApplication::alert: a blinking task bar entry).
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    // window: flashed when no notification could be shown; not owned.
    explicit DesktopNotifier(QWidget *window, QObject *parent = nullptr);

    void notify(const QString &title, const QString &body);

Q_SIGNALS:
    void delivered(uint notificationId);
    void failed(const QString &reason);

private:
    void fallBack(const QString &reason);

    QPointer<QWidget> m_window;
};
