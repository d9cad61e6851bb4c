#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

#include "batch/scan.h"

class Thumbnailer;

// The images a batch will process, as the planner's walk finds them (ImageScanner's
// filesFound), each with a check box. Only checked images run: checkedInputs() becomes
// PlanOptions::onlyInputs. What was unchecked stays unchecked across rescans of the folder
// (a changed output folder or subfolder option), by path.
class InputModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, FormatColumn, DimensionsColumn, SizeColumn, ColumnCount };
    // SortRole: numbers for dimensions (pixels) and sizes; FilterRole: name and format.
    enum Role { SortRole = Qt::UserRole + 1, FilterRole, PathRole };

    explicit InputModel(QObject *parent = nullptr);
    // Thumbnails for the Name column, asked for as the view shows rows (not owned).
    void setThumbnailer(Thumbnailer *thumbnailer);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void clear(); // a new listing starts; unchecked paths are remembered
    void append(const QList<ScannedFile> &files);
    // Checks (or unchecks, or flips) the given rows at once: one change signal per call.
    enum class Change { Check, Uncheck, Invert };
    void changeRows(const QList<int> &rows, Change change);

    int checkedCount() const { return int(m_files.size()) - m_uncheckedRows; }
    qint64 checkedBytes() const { return m_checkedBytes; }
    // Paths relative to the input root of the checked images; nullopt when every image is
    // checked, so a plain run also takes files added to the folder since it was listed.
    std::optional<QSet<QString>> checkedInputs() const;

Q_SIGNALS:
    void checkedChanged();

private:
    struct Row
    {
        ScannedFile file;
        QString name; // relative to the input root
        bool checked = true;
    };
    void setChecked(Row &row, bool checked);
    QVariant decoration(const Row &row) const;
    void thumbnailReady(const QString &path);

    Thumbnailer *m_thumbnailer = nullptr;
    QIcon m_brokenIcon;
    QList<Row> m_files;
    QHash<QString, int> m_rowOf; // by path
    QSet<QString> m_unchecked;   // absolute paths
    int m_uncheckedRows = 0;
    qint64 m_checkedBytes = 0;
};
