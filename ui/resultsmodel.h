#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QTimer>

#include "batch/report.h"
#include "job.h"

// The results table: one row per finished job, in arrival order. Results are queued by
// addResult() and inserted in one beginInsertRows() per short timer tick, so a batch of
// 100,000 small images does not cost one view relayout per image. A result for a JobId that
// is already shown (Retry failed) replaces its row in place.
//
// Threading: GUI thread only (the model is read by views).
class ResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FileColumn, StatusColumn, OutputColumn, TimeColumn, ReasonColumn, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1, InputPathRole, OutputPathRole };

    explicit ResultsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void addResult(const JobResult &result);
    // Inserts everything queued now (also called by the timer); tests and end-of-batch use it.
    void flush();
    void clear();

    const JobResult &result(int row) const { return m_results.at(row); }
    // Every result shown plus those still queued, for reports and Retry failed.
    QList<JobResult> allResults() const;
    BatchCounts counts() const; // over allResults(); total is left to the caller
    bool hasPending() const { return !m_pending.isEmpty(); }

private:
    QVariant displayData(const JobResult &result, int column) const;
    QVariant toolTipData(const JobResult &result, int column) const;
    QIcon statusIcon(JobStatus status) const;

    QList<JobResult> m_results;
    QList<JobResult> m_pending;
    QHash<JobId, int> m_rowOfId;
    bool m_resourcesReady; // before the icons: they are loaded from the resources
    QTimer m_flushTimer;
    QIcon m_okIcon, m_failedIcon, m_skippedIcon, m_cancelledIcon;
};
