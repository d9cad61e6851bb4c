#include "resultsmodel.h"

#include <QFileInfo>

#include "textformat.h"
#include "uiresources.h"

namespace {
// Short enough to feel live, long enough to batch hundreds of fast results per insert.
constexpr int kFlushIntervalMs = 100;
} // namespace

ResultsModel::ResultsModel(QObject *parent)
    : QAbstractTableModel(parent), m_resourcesReady((initUiResources(), true)),
      m_okIcon(QStringLiteral(":/icons/status-ok.svg")),
      m_failedIcon(QStringLiteral(":/icons/status-failed.svg")),
      m_skippedIcon(QStringLiteral(":/icons/status-skipped.svg")),
      m_cancelledIcon(QStringLiteral(":/icons/status-cancelled.svg"))
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ResultsModel::flush);
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobResult &r = m_source->at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(r, index.column());
    case Qt::ToolTipRole:
        return toolTipData(r, index.column());
    case Qt::DecorationRole:
        return index.column() == StatusColumn ? QVariant(statusIcon(r.status)) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == OutputColumn || index.column() == TimeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case StatusRole:
        return toString(r.status);
    case InputPathRole:
        return r.inputPath;
    case OutputPathRole:
        return r.outputPath;
    case SortRole:
        return sortData(r, index.column());
    default:
        return {};
    }
}

QVariant ResultsModel::displayData(const JobResult &r, int column) const
{
    switch (column) {
    case FileColumn:
        return QFileInfo(r.inputPath).fileName();
    case StatusColumn:
        switch (r.status) {
        case JobStatus::Ok:
            return tr("Done");
        case JobStatus::Failed:
            return tr("Failed");
        case JobStatus::Skipped:
            return tr("Skipped");
        case JobStatus::Cancelled:
            return tr("Cancelled");
        }
        return {};
    case OutputColumn:
        return r.isOk() ? formatBytes(r.outputBytes) : QString();
    case TimeColumn:
        return r.elapsedMs > 0 ? formatMilliseconds(r.elapsedMs) : QString();
    case ReasonColumn:
        // An Ok row has no reason; with a size limit it says which quality made the file fit.
        if (r.isOk() && r.chosenQuality > 0)
            return tr("Quality %1, chosen for the size limit").arg(r.chosenQuality);
        return r.message;
    default:
        return {};
    }
}

QVariant ResultsModel::sortData(const JobResult &r, int column) const
{
    switch (column) {
    case OutputColumn:
        return r.isOk() ? r.outputBytes : qint64(-1); // no output sorts below an empty file
    case TimeColumn:
        return r.elapsedMs;
    default:
        return displayData(r, column);
    }
}

QVariant ResultsModel::toolTipData(const JobResult &r, int column) const
{
    switch (column) {
    case FileColumn:
        return r.inputPath;
    case OutputColumn:
        if (!r.isOk())
            return {};
        return tr("%1\n%2 × %3 px, %4 (input %5)")
            .arg(r.outputPath)
            .arg(r.outputSize.width())
            .arg(r.outputSize.height())
            .arg(formatBytes(r.outputBytes), formatBytes(r.inputBytes));
    case TimeColumn:
        return r.engine.isEmpty() ? QString() : tr("Engine: %1").arg(r.engine);
    case ReasonColumn:
        return r.message;
    default:
        return {};
    }
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FileColumn:
        return tr("File");
    case StatusColumn:
        return tr("Status");
    case OutputColumn:
        return tr("Output size");
    case TimeColumn:
        return tr("Time");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

QIcon ResultsModel::statusIcon(JobStatus status) const
{
    switch (status) {
    case JobStatus::Ok:
        return m_okIcon;
    case JobStatus::Failed:
        return m_failedIcon;
    case JobStatus::Skipped:
        return m_skippedIcon;
    case JobStatus::Cancelled:
        return m_cancelledIcon;
    }
    return {};
}

void ResultsModel::setSource(const QList<JobResult> *results)
{
    m_flushTimer.stop();
    beginResetModel();
    m_source = results;
    m_shown = 0;
    m_firstChanged = m_lastChanged = -1;
    endResetModel();
    if (hasPending())
        scheduleFlush();
}

void ResultsModel::rowArrived(qsizetype row)
{
    if (row < m_shown) {
        m_firstChanged = m_firstChanged < 0 ? int(row) : qMin(m_firstChanged, int(row));
        m_lastChanged = qMax(m_lastChanged, int(row));
    }
    scheduleFlush();
}

void ResultsModel::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

bool ResultsModel::hasPending() const
{
    return m_firstChanged >= 0 || (m_source && m_source->size() > m_shown);
}

void ResultsModel::flush()
{
    m_flushTimer.stop();
    if (m_firstChanged >= 0) {
        Q_EMIT dataChanged(index(m_firstChanged, 0), index(m_lastChanged, ColumnCount - 1));
        m_firstChanged = m_lastChanged = -1;
    }
    if (!m_source || m_source->size() <= m_shown)
        return;
    beginInsertRows({}, m_shown, int(m_source->size()) - 1);
    m_shown = int(m_source->size());
    endInsertRows();
}
