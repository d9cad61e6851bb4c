#pragma once

#include <QWidget>

#include "job.h"

class QCheckBox;
class QSortFilterProxyModel;
class QTableView;
class ResultsModel;

// The results table with a "failures only" filter. Double-click opens a finished output, or
// the folder holding the input of one that did not finish.
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

private:
    void sizeColumns();
    void openResult(const QModelIndex &proxyIndex);

    ResultsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QCheckBox *m_failuresOnlyBox;
    bool m_following = true;
};
