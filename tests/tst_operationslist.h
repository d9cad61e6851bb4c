#pragma once

// The Operations list (issue 13, section 6): steps added from the menu, moved, removed and
// edited in place, and each step's one-line summary. Expected values are written out by hand.

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

#include "guitestsupport.h"
#include "operationslist.h"
#include "stepsummary.h"

Q_DECLARE_METATYPE(Step)

namespace {
// Helpers shared by tst_operationslist*.cpp.
template <typename T> T *child(OperationsList &list, const char *name)
{
    T *widget = list.findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no widget named %s", name);
    return widget;
}

inline QStringList summaries(const OperationsList &list)
{
    QStringList lines;
    const QAbstractItemModel *model = list.view()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        lines.append(model->index(row, 0).data().toString());
    return lines;
}

const Step kRotate = RotateStep{90};
const Step kFlip = FlipStep{FlipAxis::Vertical};
const Step kGray = GrayscaleStep{};
const Step kResize = ResizeStep{ResizeMode::LongEdge, 0, 0, 100, 1600, false};
const Step kCrop = CropStep{4, 5, QRect(), Gravity::North};
} // namespace

class tst_OperationsList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        GuiTest::useEnglish();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); // 0.75, not 0,75
    }
    void summaries_data();
    void summaries();
    void addsEveryKindFromTheMenu();
    void addsAfterTheSelectedStep();
    void buttonsAndKeysMoveTheSelectedStep();
    void buttonAndDeleteRemove();
    void dragMovesRows();
    void mouseDragMovesAStep();
    void editingACropChangesSteps();
    void textWatermarkStaysTextWhileRetyped();
    void sharpenAfterResize();
    void setStepsRoundTrips();
    void tabFollowsTheLayout();

private:
    // A shown, active list (shortcuts and Tab need an active window).
    static bool showActive(OperationsList &list);
};
