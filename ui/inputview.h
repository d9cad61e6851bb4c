#pragma once

#include <QStringList>
#include <QWidget>

#include "inputmodel.h"

class QCheckBox;
class QLabel;
class ElidedLabel;
class QLineEdit;
class QMimeData;
class QPushButton;
class QTableView;
class InputFilter;
class Thumbnailer;

// The input view: the images a batch will process, as a sortable table with a check box each,
// a filter by name or format, All / None / Invert (on the rows the filter shows), the count
// and total size of what is checked, and each image's state in a run. Add files…, Add
// folder… and drops ask for more inputs (addRequested: the SourcePanel owns the set); Remove
// (and Delete) takes the selected rows out. Only checked images run (MainWindow::runOptions).
class InputView : public QWidget
{
    Q_OBJECT
public:
    explicit InputView(QWidget *parent = nullptr);

    InputModel *model() const { return m_model; }
    void setWorkerPath(const QString &workerPath);
    // While a batch runs the set stays as it is: no adding, no removing.
    void setRunning(bool running);
    void setFailuresOnly(bool on);

    // The local files and folders of a drop (file managers send file:// URLs).
    static QStringList droppedPaths(const QMimeData *mime);

public Q_SLOTS:
    void checkShown();
    void uncheckShown();
    void invertShown();
    void addFiles();
    void addFolder();
    void removeSelected();

Q_SIGNALS:
    // The row under the keyboard cursor changed: the preview shows that image.
    void imageChosen(const QString &path);
    void addRequested(const QStringList &paths);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QList<int> shownRows() const;
    QList<int> selectedRows() const;
    void buildTable();
    QLayout *buildButtons();
    void addRowActions();
    void showTotals();

    Thumbnailer *m_thumbnailer;
    InputModel *m_model;
    InputFilter *m_proxy;
    QLineEdit *m_filterEdit;
    QTableView *m_view;
    ElidedLabel *m_totalsLabel;
    QCheckBox *m_failuresOnlyBox;
    QPushButton *m_addFilesButton = nullptr;
    QPushButton *m_addFolderButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QAction *m_removeAction = nullptr;
    bool m_running = false;
};
