#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>

#include "desktopnotifier.h"
#include "launchpaths.h"

// A stand-in for the desktop's notification server, on a connection of its own to the same
// session bus, so Pixelmill's call really goes through the bus daemon. It records each Notify.
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString appName, appIcon, summary, body;
        uint replacesId = 0;
        QStringList actions;
        QVariantMap hints;
        int expireTimeout = 0;
    };
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout)
    {
        calls.append({appName, appIcon, summary, body, replacesId, actions, hints, expireTimeout});
        Q_EMIT notified();
        return uint(calls.size()) + 41;
    }

Q_SIGNALS:
    void notified();
};

class tst_DesktopIntegration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onlyLongBatchesInTheBackgroundNotify();
    void notifiesOverTheSessionBus();
    void withoutServerFallsBackAndSaysWhy();
    void commandLinePathsChooseTheSource();
};

void tst_DesktopIntegration::onlyLongBatchesInTheBackgroundNotify()
{
    QVERIFY(!shouldNotifyFinish(9.9, false));  // short: the person is still watching
    QVERIFY(!shouldNotifyFinish(10.0, false)); // "longer than 10 s"
    QVERIFY(shouldNotifyFinish(10.1, false));
    QVERIFY(!shouldNotifyFinish(600, true)); // the window is in front: it shows the end itself
}

namespace {
// The session bus dbus-run-session started for this test (tests/CMakeLists.txt), or a skip.
#define REQUIRE_SESSION_BUS()                                                                      \
    if (!QDBusConnection::sessionBus().isConnected())                                              \
        QSKIP("No D-Bus session bus (run under dbus-run-session; package dbus-daemon): "           \
              "the notification cannot be tested here");
} // namespace

void tst_DesktopIntegration::notifiesOverTheSessionBus()
{
    REQUIRE_SESSION_BUS();
    QDBusConnection serverBus =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-server"));
    auto disconnect =
        qScopeGuard([] { QDBusConnection::disconnectFromBus(QStringLiteral("fake-server")); });
    QVERIFY(serverBus.isConnected());
    FakeNotificationServer server;
    QVERIFY(serverBus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &server,
                                     QDBusConnection::ExportAllSlots));
    QVERIFY2(serverBus.registerService(QStringLiteral("org.freedesktop.Notifications")),
             qPrintable(serverBus.lastError().message()));
    auto unregister = qScopeGuard([&serverBus] {
        serverBus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    });

    QWidget window;
    DesktopNotifier notifier(&window);
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QSignalSpy failed(&notifier, &DesktopNotifier::failed);
    const QString body = QStringLiteral("Finished: 40 done, 2 failed, 1 skipped in 12.5 s");
    notifier.notify(QStringLiteral("Pixelmill: batch finished"), body);
    QVERIFY(delivered.wait());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(delivered.at(0).at(0).toUInt(), 42u); // the id the server answered with

    QCOMPARE(server.calls.size(), 1);
    const FakeNotificationServer::Call &call = server.calls.first();
    QCOMPARE(call.summary, QStringLiteral("Pixelmill: batch finished"));
    QCOMPARE(call.body, body);
    QCOMPARE(call.appIcon, QStringLiteral("org.pixelmill.Pixelmill"));
    QCOMPARE(call.replacesId, 0u);
    QCOMPARE(call.expireTimeout, -1);
    QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(),
             QStringLiteral("org.pixelmill.Pixelmill"));
    QVERIFY(!call.appName.isEmpty());
}

void tst_DesktopIntegration::withoutServerFallsBackAndSaysWhy()
{
    REQUIRE_SESSION_BUS();
    if (QDBusConnection::sessionBus().interface()->isServiceRegistered(
            QStringLiteral("org.freedesktop.Notifications")))
        QSKIP("A notification server runs on this bus (a desktop session, not dbus-run-session)");
    QWidget window;
    DesktopNotifier notifier(&window);
    QSignalSpy failed(&notifier, &DesktopNotifier::failed);
    notifier.notify(QStringLiteral("title"), QStringLiteral("body"));
    QVERIFY(failed.wait());
    QVERIFY2(!failed.at(0).at(0).toString().isEmpty(), "a reason is given");
}

void tst_DesktopIntegration::commandLinePathsChooseTheSource()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("album")));
    const QString album = dir.filePath(QStringLiteral("album"));
    QFile image(dir.filePath(QStringLiteral("album/a.jpg")));
    QVERIFY(image.open(QIODevice::WriteOnly));
    image.close();
    const QString missing = dir.filePath(QStringLiteral("nothing-here"));

    QCOMPARE(sourceFolderForPaths({album}), album);
    QCOMPARE(sourceFolderForPaths({image.fileName()}), album); // an image: its folder
    QCOMPARE(sourceFolderForPaths({missing, image.fileName()}), album);
    QCOMPARE(sourceFolderForPaths({QUrl::fromLocalFile(album).toString()}), album);
    QCOMPARE(sourceFolderForPaths({missing}), QString());
    QCOMPARE(sourceFolderForPaths({}), QString());
}

QTEST_MAIN(tst_DesktopIntegration)
#include "tst_desktopintegration.moc"
