#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM into a Qt signal through a self-pipe: the handler only write()s a
// byte (async-signal-safe), the event loop does the rest. A second signal of the same kind
// gets the default action, so a stuck shutdown can still be killed from the keyboard.
// One instance per process.
class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }
    // 0 until a signal arrived; then its number.
    int receivedSignal() const { return m_signal; }

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    void readPipe();

    QSocketNotifier *m_notifier = nullptr;
    int m_signal = 0;
};
