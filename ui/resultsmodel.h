#pragma once

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>
#include <QTimer>

#include "job.h"

// The results table: a view over a list of verdicts kept elsewhere (a BatchRun's results(),
// the one copy of them), one row per entry. New rows are announced by rowArrived() and
// inserted in one beginInsertRows() per short timer tick, so a batch of 100,000 small images
// does not cost one view relayout per image; a row whose verdict was replaced in place (Retry
// failed) is repainted at the same tick.
//
// Threading: GUI thread only (the model is read by views).
class ResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FileColumn, StatusColumn, OutputColumn, TimeColumn, ReasonColumn, ColumnCount };
    // SortRole: what a column sorts by (sizes and times as numbers, not as their text).
    enum Role { StatusRole = Qt::UserRole + 1, InputPathRole, OutputPathRole, SortRole };

    explicit ResultsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Shows `results` from now on (nullptr: nothing). The list is not owned: it must stay
    // alive, and only grow or change in place, until the next setSource(). Rows it already
    // holds are shown at the next flush.
    void setSource(const QList<JobResult> *results);
    // Row `row` of the source is new or holds a new verdict: shown at the next flush.
    void rowArrived(qsizetype row);
    // Shows everything announced now (also called by the timer); tests and end-of-batch use it.
    void flush();

    const JobResult &result(int row) const { return m_source->at(row); }
    // Every verdict of the source, shown or not yet (empty without a source).
    QList<JobResult> allResults() const { return m_source ? *m_source : QList<JobResult>(); }
    bool hasPending() const;

private:
    QVariant displayData(const JobResult &result, int column) const;
    QVariant toolTipData(const JobResult &result, int column) const;
    QVariant sortData(const JobResult &result, int column) const;
    QIcon statusIcon(JobStatus status) const;

    void scheduleFlush();

    const QList<JobResult> *m_source = nullptr;
    int m_shown = 0;         // rows of the source the view knows about
    int m_firstChanged = -1; // rows already shown whose verdict changed since the last flush
    int m_lastChanged = -1;
    bool m_resourcesReady; // before the icons: they are loaded from the resources
    QTimer m_flushTimer;
    QIcon m_okIcon, m_failedIcon, m_skippedIcon, m_cancelledIcon;
};
