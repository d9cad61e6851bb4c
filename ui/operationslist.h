#pragma once

#include <QWidget>

#include "step.h"

class QCheckBox;
class QListView;
class QMenu;
class QPushButton;
class QToolButton;
class StepEditor;
class StepsModel;

// The Operations list (issue 13): the recipe's steps in the order they run, each as a one-line
// summary. Steps are added from the "Add step" menu (after the selected step), moved with the
// buttons, Ctrl+Up/Down or a drag, removed with the button or Delete, and edited in the form
// below the list, which applies every change at once. "Sharpen after resize" is a shortcut for
// a default SharpenStep right after the first resize.
class OperationsList : public QWidget
{
    Q_OBJECT
public:
    explicit OperationsList(QWidget *parent = nullptr);

    // Replaces the list (a preset, a loaded recipe); one stepsChanged follows.
    void setSteps(const QList<Step> &steps);
    QList<Step> steps() const;
    QMenu *addMenu() const { return m_addMenu; }
    QListView *view() const { return m_view; }

public Q_SLOTS:
    void removeSelected();
    void moveSelectedUp();
    void moveSelectedDown();

Q_SIGNALS:
    // Any change: a step added, removed, moved or edited, or setSteps.
    void stepsChanged();

private:
    void buildButtons();
    void addKeys();
    void setTabOrder();
    void addStep(int kindIndex);
    void moveSelected(int by);
    int selectedRow() const;
    void selectRow(int row);
    void showSelected();
    void updateControls();
    int firstResizeRow() const;
    void setSharpenAfterResize(bool on);

    StepsModel *m_model;
    QListView *m_view;
    QPushButton *m_addButton = nullptr;
    QMenu *m_addMenu = nullptr;
    QToolButton *m_upButton = nullptr;
    QToolButton *m_downButton = nullptr;
    QToolButton *m_removeButton = nullptr;
    QCheckBox *m_sharpenBox = nullptr;
    StepEditor *m_editor;
};
