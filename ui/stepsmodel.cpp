#include "stepsmodel.h"

#include <QMimeData>

namespace {
// Only rows of this list: the steps travel as row numbers, never out of the widget.
const QString kRowsMime = QStringLiteral("application/x-pixelmill-step-rows");
} // namespace

StepsModel::StepsModel(QObject *parent) : QAbstractListModel(parent) {}

void StepsModel::setSteps(const QList<Step> &steps)
{
    beginResetModel();
    m_rows.clear();
    for (const Step &step : steps)
        m_rows.append({step, stepKind(step)});
    endResetModel();
}

QList<Step> StepsModel::steps() const
{
    QList<Step> steps;
    steps.reserve(m_rows.size());
    for (const Row &row : m_rows)
        steps.append(row.step);
    return steps;
}

void StepsModel::setStep(int row, const Step &step)
{
    if (m_rows.at(row).step == step)
        return;
    m_rows[row].step = step;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
}

void StepsModel::insertStep(int row, const Step &step, StepKind kind)
{
    beginInsertRows({}, row, row);
    m_rows.insert(row, {step, kind});
    endInsertRows();
}

int StepsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant StepsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: // a long watermark text is elided in the list
    case Qt::AccessibleTextRole:
        return stepSummary(row.step);
    case KindRole:
        return int(row.kind);
    default:
        return {};
    }
}

Qt::ItemFlags StepsModel::flags(const QModelIndex &index) const
{
    // Not ItemIsDropEnabled on rows: a step is dropped between steps, never onto one.
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
           Qt::ItemNeverHasChildren;
}

bool StepsModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rows.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    return true;
}

bool StepsModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                          const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || sourceRow < 0 || count <= 0 ||
        sourceRow + count > m_rows.size() || destinationChild < 0 ||
        destinationChild > m_rows.size())
        return false;
    // False for a move onto itself (destinationChild inside [sourceRow, sourceRow + count]).
    if (!beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild))
        return false;
    const QList<Row> moved = m_rows.mid(sourceRow, count);
    m_rows.remove(sourceRow, count);
    const int insertAt = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        m_rows.insert(insertAt + i, moved.at(i));
    endMoveRows();
    return true;
}

Qt::DropActions StepsModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList StepsModel::mimeTypes() const
{
    return {kRowsMime};
}

QMimeData *StepsModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList rows;
    for (const QModelIndex &index : indexes)
        rows.append(QString::number(index.row()));
    auto *data = new QMimeData;
    data->setData(kRowsMime, rows.join(QLatin1Char(',')).toLatin1());
    return data;
}

// The move happens here, and false is returned on purpose: a true answer to a move drop makes
// the dragging view remove the source rows afterwards, which would delete the moved step.
// (QListView's internal move calls moveRows itself and does not come here at all.)
bool StepsModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                              const QModelIndex &parent)
{
    if (action != Qt::MoveAction || !data->hasFormat(kRowsMime))
        return false;
    const QList<QByteArray> fields = data->data(kRowsMime).split(',');
    bool ok = false;
    const int source = fields.size() == 1 ? fields.first().toInt(&ok) : -1;
    if (!ok)
        return false; // one step at a time: the list selects a single row
    // Dropped onto a step (row -1, parent that step): before it; in the empty space: at the end.
    const int destination = row >= 0 ? row : parent.isValid() ? parent.row() : rowCount();
    moveRows({}, source, 1, {}, destination);
    return false;
}
