#include "inputmodel.h"

#include <QFileInfo>
#include <QFontMetrics>
#include <QGuiApplication>

#include <algorithm>

#include "textformat.h"
#include "thumbnailer.h"
#include "uiresources.h"

InputModel::InputModel(QObject *parent)
    : QAbstractTableModel(parent), m_brokenIcon(QStringLiteral(":/icons/status-failed.svg"))
{
    initUiResources();
    // Pixmaps, not icons: the view's icon size is the thumbnails', and a delegate draws a
    // pixmap at its own size, so the states keep the text's height as in the results table.
    const int side = QFontMetrics(QGuiApplication::font()).height();
    const auto icon = [side](const char *name) {
        return QIcon(QStringLiteral(":/icons/status-%1.svg").arg(QLatin1String(name)))
            .pixmap(QSize(side, side), qGuiApp->devicePixelRatio());
    };
    // Queued and Working: a blank of the same size, so every state's word starts in line.
    QPixmap blank(icon("ok").size());
    blank.setDevicePixelRatio(qGuiApp->devicePixelRatio());
    blank.fill(Qt::transparent);
    m_stateIcons = {QPixmap(),        blank, blank, icon("ok"), icon("skipped"), icon("failed"),
                    icon("cancelled")};
}

void InputModel::setThumbnailer(Thumbnailer *thumbnailer)
{
    m_thumbnailer = thumbnailer;
    connect(thumbnailer, &Thumbnailer::ready, this, &InputModel::thumbnailReady);
}

// Asking is what starts a thumbnail: only the rows a view shows cost anything.
QVariant InputModel::decoration(const Row &row) const
{
    if (!m_thumbnailer)
        return {};
    const QString &path = row.file.path;
    if (const QPixmap icon = m_thumbnailer->icon(path); !icon.isNull())
        return icon;
    if (!m_thumbnailer->failure(path).isEmpty())
        return m_brokenIcon;
    m_thumbnailer->request(path, row.file.probe.modifiedMs);
    return {};
}

void InputModel::thumbnailReady(const QString &path)
{
    const int row = m_rowOf.value(path, -1);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, NameColumn), index(row, DimensionsColumn));
}

int InputModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

int InputModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString formatName(ImageFormat format)
{
    // Named like an image but none we read: the worker will say why.
    return format == ImageFormat::Unknown ? InputModel::tr("not read") : toString(format);
}

QVariant InputModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_files.size())
        return {};
    const Row &row = m_files.at(index.row());
    // The scan reads only JPEG and PNG headers; other sizes come with the thumbnail.
    QSize pixels = row.file.probe.size;
    if (pixels.isEmpty() && m_thumbnailer)
        pixels = m_thumbnailer->imageSize(row.file.path);
    if (index.column() >= StatusColumn || role == StateRole)
        return stateData(row, index.column(), role);
    if (role == Qt::CheckStateRole && index.column() == NameColumn)
        return row.checked ? Qt::Checked : Qt::Unchecked;
    if (role == PathRole)
        return row.file.path;
    if (role == FilterRole)
        return row.name + QLatin1Char(' ') + formatName(row.file.format);
    if (role == Qt::DecorationRole && index.column() == NameColumn)
        return decoration(row);
    if (role == Qt::ToolTipRole) {
        const QString failure = m_thumbnailer ? m_thumbnailer->failure(row.file.path) : QString();
        return failure.isEmpty() ? row.file.path : row.file.path + QLatin1Char('\n') + failure;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= DimensionsColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return row.name;
    case FormatColumn:
        return formatName(row.file.format);
    case DimensionsColumn:
        if (role == SortRole)
            return qint64(pixels.width()) * pixels.height();
        return pixels.isEmpty()
                   ? QString()
                   : QStringLiteral("%1 × %2").arg(pixels.width()).arg(pixels.height());
    case SizeColumn:
        return role == SortRole ? QVariant(row.file.size) : QVariant(formatBytes(row.file.size));
    default:
        return {};
    }
}

bool InputModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole || index.column() != NameColumn)
        return false;
    const bool checked = value.toInt() == Qt::Checked;
    changeRows({index.row()}, checked ? Change::Check : Change::Uncheck);
    return true;
}

QVariant InputModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case FormatColumn:
        return tr("Format");
    case DimensionsColumn:
        return tr("Dimensions");
    case SizeColumn:
        return tr("Size");
    case StatusColumn:
        return tr("Status");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

Qt::ItemFlags InputModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.column() == NameColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

void InputModel::clear()
{
    beginResetModel();
    if (m_thumbnailer)
        m_thumbnailer->dropPending();
    m_files.clear();
    m_rowOf.clear();
    m_uncheckedRows = 0;
    m_checkedBytes = 0;
    endResetModel();
    Q_EMIT checkedChanged();
}

void InputModel::append(const QList<ScannedFile> &files)
{
    if (files.isEmpty())
        return;
    beginInsertRows({}, int(m_files.size()), int(m_files.size() + files.size() - 1));
    for (const ScannedFile &file : files) {
        Row row{file, {}, !m_unchecked.contains(file.path), RunState::None, {}};
        const QString fileName = QFileInfo(file.path).fileName();
        // Below the folder given (a file added alone: its name); the tooltip has the path.
        row.name =
            file.relativeDir.isEmpty() ? fileName : file.relativeDir + QLatin1Char('/') + fileName;
        if (row.checked)
            m_checkedBytes += file.size;
        else
            ++m_uncheckedRows;
        m_rowOf.insert(file.path, int(m_files.size()));
        m_files.append(row);
    }
    endInsertRows();
    Q_EMIT checkedChanged();
}

void InputModel::setChecked(Row &row, bool checked)
{
    if (row.checked == checked)
        return;
    row.checked = checked;
    m_uncheckedRows += checked ? -1 : 1;
    m_checkedBytes += checked ? row.file.size : -row.file.size;
    if (checked)
        m_unchecked.remove(row.file.path);
    else
        m_unchecked.insert(row.file.path);
}

void InputModel::changeRows(const QList<int> &rows, Change change)
{
    if (rows.isEmpty())
        return;
    int first = int(m_files.size()), last = -1;
    for (const int r : rows) {
        if (r < 0 || r >= m_files.size())
            continue;
        Row &row = m_files[r];
        setChecked(row, change == Change::Invert ? !row.checked : change == Change::Check);
        first = qMin(first, r);
        last = qMax(last, r);
    }
    if (last < 0)
        return;
    Q_EMIT dataChanged(index(first, NameColumn), index(last, NameColumn), {Qt::CheckStateRole});
    Q_EMIT checkedChanged();
}

std::optional<QSet<QString>> InputModel::checkedInputs(bool always) const
{
    if (m_uncheckedRows == 0 && !always)
        return std::nullopt;
    QSet<QString> paths;
    paths.reserve(checkedCount());
    for (const Row &row : m_files)
        if (row.checked)
            paths.insert(row.file.path);
    return paths;
}

// From the last row up, in runs of adjacent rows: one removal signal per run.
void InputModel::removeRows(QList<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QStringList removed;
    for (qsizetype i = 0; i < rows.size();) {
        const int last = rows[i];
        qsizetype j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] - 1)
            ++j;
        const int first = rows[j];
        i = j + 1;
        if (first < 0 || last >= m_files.size())
            continue;
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r) {
            const Row &row = m_files.at(r);
            removed.append(row.file.path);
            if (row.checked)
                m_checkedBytes -= row.file.size;
            else
                --m_uncheckedRows;
        }
        m_files.remove(first, last - first + 1);
        endRemoveRows();
    }
    if (removed.isEmpty())
        return;
    rebuildRowIndex();
    Q_EMIT checkedChanged();
    Q_EMIT imagesRemoved(removed);
}

void InputModel::rebuildRowIndex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_files.size());
    for (int r = 0; r < m_files.size(); ++r)
        m_rowOf.insert(m_files.at(r).file.path, r);
}

QString InputModel::firstReadableImage() const
{
    for (const Row &row : m_files)
        if (row.file.format != ImageFormat::Unknown)
            return row.file.path;
    return {};
}
