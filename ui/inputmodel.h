#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QPixmap>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

#include "batch/scan.h"

class ResultsModel;
class Thumbnailer;

// The images a batch will process, as the planner's walk finds them (ImageScanner's
// filesFound), each with a check box. Only checked images run: checkedInputs() becomes
// PlanOptions::onlyInputs. What was unchecked stays unchecked across rescans of the folder
// (a changed output folder or subfolder option), by path. Removed rows leave the batch
// (imagesRemoved: SourcePanel keeps them out of the next listings).
//
// During and after a run each row shows its image's state: queued, working, then the verdict
// with its reason, as the results table receives them (followResults). GUI thread only.
class InputModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        FormatColumn,
        DimensionsColumn,
        SizeColumn,
        StatusColumn,
        ReasonColumn,
        ColumnCount
    };
    // SortRole: numbers for dimensions (pixels), sizes and states; FilterRole: name and
    // format; StateRole: the RunState as an int.
    enum Role { SortRole = Qt::UserRole + 1, FilterRole, PathRole, StateRole };
    // Where an image is in the current (or last) run. None: not part of it.
    enum class RunState { None, Queued, Working, Done, Skipped, Failed, Cancelled };

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
    // Takes the rows out of the list (and of the batch): imagesRemoved tells which.
    void removeRows(QList<int> rows);
    QString firstReadableImage() const;

    // A run: checked rows are queued, the others have no state; a retry queues the failed.
    void markQueued();
    void markFailedQueued();
    void markStarted(const QString &path);
    // Verdicts as `results` shows them (its inserted and changed rows); not owned.
    void followResults(const ResultsModel *results);
    // The run ended: what is still queued or working got no verdict (planning failed).
    void settleRun();

    int checkedCount() const { return int(m_files.size()) - m_uncheckedRows; }
    qint64 checkedBytes() const { return m_checkedBytes; }
    // Paths (ScannedFile::path) of the checked images; nullopt when every image is checked
    // and `always` is false, so a plain run also takes files added to the folder since it was
    // listed. always: the set has removed images, which a plain run would take again.
    std::optional<QSet<QString>> checkedInputs(bool always = false) const;

Q_SIGNALS:
    void checkedChanged();
    void imagesRemoved(const QStringList &paths);

private:
    struct Row
    {
        ScannedFile file;
        QString name; // relative to the input root
        bool checked = true;
        RunState state = RunState::None;
        QString reason; // the verdict's one line
    };
    void setChecked(Row &row, bool checked);
    QVariant decoration(const Row &row) const;
    QVariant stateData(const Row &row, int column, int role) const;
    void thumbnailReady(const QString &path);
    void showVerdicts(const ResultsModel *results, int first, int last);
    // Sets every row's state by `next` (one change signal for the status columns).
    void restate(const std::function<RunState(const Row &)> &next);
    void rebuildRowIndex();

    Thumbnailer *m_thumbnailer = nullptr;
    QIcon m_brokenIcon;
    QList<QPixmap> m_stateIcons; // by int(RunState)
    QList<Row> m_files;
    QHash<QString, int> m_rowOf; // by path
    QSet<QString> m_unchecked;   // absolute paths
    int m_uncheckedRows = 0;
    qint64 m_checkedBytes = 0;
};
