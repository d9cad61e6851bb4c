#pragma once

#include <QAbstractListModel>
#include <QList>

#include "stepsummary.h"

// The steps of a recipe as a list model: one row per step, its summary as the display text.
// Rows move with moveRows (the buttons, the keys, and QListView's internal-move drag) or by
// dropping this model's own mime data. Each row keeps its StepKind, so a text watermark whose
// text is being retyped stays a text watermark.
class StepsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1 };

    explicit StepsModel(QObject *parent = nullptr);

    void setSteps(const QList<Step> &steps);
    QList<Step> steps() const;
    Step step(int row) const { return m_rows.at(row).step; }
    StepKind kind(int row) const { return m_rows.at(row).kind; }
    // Replaces the value of a row (an edit); the row keeps its kind.
    void setStep(int row, const Step &step);
    void insertStep(int row, const Step &step, StepKind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

private:
    struct Row
    {
        Step step;
        StepKind kind;
    };
    QList<Row> m_rows;
};
