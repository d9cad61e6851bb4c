#pragma once

#include <QWidget>

#include "inputmodel.h"

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class Thumbnailer;

// The input view: the images a batch will process, as a sortable table with a check box each,
// a filter by name or format, All / None / Invert (on the rows the filter shows) and the count
// and total size of what is checked. Only checked images run (MainWindow::runOptions).
class InputView : public QWidget
{
    Q_OBJECT
public:
    explicit InputView(QWidget *parent = nullptr);

    InputModel *model() const { return m_model; }
    void setWorkerPath(const QString &workerPath);

public Q_SLOTS:
    void checkShown();
    void uncheckShown();
    void invertShown();

Q_SIGNALS:
    // The row under the keyboard cursor changed: the preview shows that image.
    void imageChosen(const QString &path);

private:
    QList<int> shownRows() const;
    QList<int> selectedRows() const;
    void addRowActions();
    void showTotals();

    Thumbnailer *m_thumbnailer;
    InputModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filterEdit;
    QTableView *m_view;
    QLabel *m_totalsLabel;
};
