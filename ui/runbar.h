#pragma once

#include <QWidget>

class QPushButton;

// The batch's buttons: Start and Cancel (Esc) while setting up and running; Open output
// folder, Retry failed and Export report once results exist.
class RunBar : public QWidget
{
    Q_OBJECT
public:
    explicit RunBar(QWidget *parent = nullptr);

    void setRunning(bool running);
    void setCanStart(bool canStart, const QString &whyNot = {});
    void setResultsAvailable(bool hasResults, int failedCount);

Q_SIGNALS:
    void startRequested();
    void cancelRequested();
    void openOutputRequested();
    void retryRequested();
    void exportRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateButtons();
    void updateIcons();

    QPushButton *m_startButton;
    QPushButton *m_cancelButton;
    QPushButton *m_openButton;
    QPushButton *m_retryButton;
    QPushButton *m_exportButton;
    bool m_running = false;
    bool m_canStart = false;
    bool m_hasResults = false;
    int m_failed = 0;
};
