#include "desktopnotifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QVariantMap>
#include <QWidget>

namespace {
Q_LOGGING_CATEGORY(lcNotify, "pixelmill.notify")

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kAppId = QStringLiteral("org.pixelmill.Pixelmill");
constexpr int kCallTimeoutMs = 5000;
constexpr int kServerDefaultExpiry = -1;
constexpr uchar kNormalUrgency = 1;
} // namespace

bool shouldNotifyFinish(double seconds, bool windowActive)
{
    return !windowActive && seconds > kNotifyAfterSeconds;
}

DesktopNotifier::DesktopNotifier(QWidget *window, QObject *parent)
    : QObject(parent), m_window(window)
{
}

void DesktopNotifier::notify(const QString &title, const QString &body)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        fallBack(bus.lastError().isValid() ? bus.lastError().message()
                                           : QStringLiteral("no session bus"));
        return;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Notify"));
    // The desktop entry hint lets the notification server show our name and icon, and group.
    const QVariantMap hints{{QStringLiteral("desktop-entry"), kAppId},
                            {QStringLiteral("urgency"), QVariant::fromValue(kNormalUrgency)}};
    call << QApplication::applicationDisplayName() << uint(0) << kAppId << title << body
         << QStringList() << hints << kServerDefaultExpiry;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError())
                    fallBack(reply.error().message());
                else
                    Q_EMIT delivered(reply.value());
            });
}

void DesktopNotifier::fallBack(const QString &reason)
{
    qCInfo(lcNotify) << "no desktop notification:" << reason;
    if (m_window)
        QApplication::alert(m_window);
    Q_EMIT failed(reason);
}
