#pragma once

#include <QWidget>

#include "job.h"

class QAction;
class QCheckBox;
class QHBoxLayout;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class ResultsModel;

// The results table with a "failures only" filter and sortable columns. Double-click (or
// Enter) opens a finished output, or the folder holding the input of one that did not finish;
// Compare (button, context menu, Ctrl+D) asks for the selected row's before and after.
class ResultsPanel : public QWidget
{
    Q_OBJECT
public:
    // model is not owned (MainWindow owns it) and must outlive the panel.
    explicit ResultsPanel(ResultsModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    void setFailuresOnly(bool on);

Q_SIGNALS:
    void resultSelected(const JobResult &result);
    void compareRequested(const JobResult &result);

private:
    void sizeColumns();
    void openResult(const QModelIndex &proxyIndex);
    void addRowActions(QHBoxLayout *buttons);

    ResultsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QCheckBox *m_failuresOnlyBox;
    bool m_following = true;
};
