// InputModel during and after a run: each row's state and reason, from the verdicts the
// results table shows (one change signal per results tick, not per image).

#include "inputmodel.h"

#include "resultsmodel.h"

namespace {

InputModel::RunState stateOf(JobStatus status)
{
    switch (status) {
    case JobStatus::Ok:
        return InputModel::RunState::Done;
    case JobStatus::Failed:
        return InputModel::RunState::Failed;
    case JobStatus::Skipped:
        return InputModel::RunState::Skipped;
    case JobStatus::Cancelled:
        return InputModel::RunState::Cancelled;
    }
    return InputModel::RunState::None;
}

QString stateText(InputModel::RunState state)
{
    using S = InputModel::RunState;
    switch (state) {
    case S::None:
        return {};
    case S::Queued:
        return InputModel::tr("Queued");
    case S::Working:
        return InputModel::tr("Working");
    case S::Done:
        return InputModel::tr("Done");
    case S::Skipped:
        return InputModel::tr("Skipped");
    case S::Failed:
        return InputModel::tr("Failed");
    case S::Cancelled:
        return InputModel::tr("Cancelled");
    }
    return {};
}

} // namespace

QVariant InputModel::stateData(const Row &row, int column, int role) const
{
    switch (role) {
    case StateRole:
    case SortRole:
        // Sorting by Status groups the states in the order a run passes through them.
        return column == ReasonColumn && role == SortRole ? QVariant(row.reason)
                                                          : QVariant(int(row.state));
    case Qt::DisplayRole:
        return column == StatusColumn ? stateText(row.state) : row.reason;
    case Qt::ToolTipRole:
        return row.reason.isEmpty() ? QVariant() : QVariant(row.reason);
    case Qt::DecorationRole:
        return column == StatusColumn ? m_stateIcons.value(int(row.state)) : QVariant();
    default:
        return {};
    }
}

void InputModel::restate(const std::function<RunState(const Row &)> &next)
{
    if (m_files.isEmpty())
        return;
    for (Row &row : m_files) {
        const RunState state = next(row);
        if (state != row.state)
            row.reason.clear();
        row.state = state;
    }
    Q_EMIT dataChanged(index(0, StatusColumn), index(int(m_files.size()) - 1, ReasonColumn));
}

void InputModel::markQueued()
{
    restate([](const Row &row) { return row.checked ? RunState::Queued : RunState::None; });
}

void InputModel::markFailedQueued()
{
    restate([](const Row &row) {
        return row.state == RunState::Failed ? RunState::Queued : row.state;
    });
}

void InputModel::settleRun()
{
    restate([](const Row &row) {
        const bool pending = row.state == RunState::Queued || row.state == RunState::Working;
        return pending ? RunState::None : row.state;
    });
}

void InputModel::markStarted(const QString &path)
{
    const int r = m_rowOf.value(path, -1);
    if (r < 0)
        return;
    m_files[r].state = RunState::Working;
    m_files[r].reason.clear();
    Q_EMIT dataChanged(index(r, StatusColumn), index(r, ReasonColumn));
}

void InputModel::followResults(const ResultsModel *results)
{
    connect(results, &QAbstractItemModel::rowsInserted, this,
            [this, results](const QModelIndex &, int first, int last) {
                showVerdicts(results, first, last);
            });
    // Retry failed replaces verdicts in place: the results table repaints those rows.
    connect(results, &QAbstractItemModel::dataChanged, this,
            [this, results](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                showVerdicts(results, topLeft.row(), bottomRight.row());
            });
}

void InputModel::showVerdicts(const ResultsModel *results, int first, int last)
{
    int low = int(m_files.size()), high = -1;
    for (int i = first; i <= last; ++i) {
        const JobResult &result = results->result(i);
        const int r = m_rowOf.value(result.inputPath, -1);
        if (r < 0)
            continue;
        m_files[r].state = stateOf(result.status);
        m_files[r].reason = result.message;
        low = qMin(low, r);
        high = qMax(high, r);
    }
    if (high >= 0)
        Q_EMIT dataChanged(index(low, StatusColumn), index(high, ReasonColumn));
}
