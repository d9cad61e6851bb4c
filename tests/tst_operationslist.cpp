#include "tst_operationslist.h"

void tst_OperationsList::addsEveryKindFromTheMenu()
{
    OperationsList list;
    QSignalSpy changed(&list, &OperationsList::stepsChanged);
    QStringList titles;
    for (QAction *action : list.addMenu()->actions()) {
        if (action->isSeparator())
            continue;
        titles.append(action->text());
        action->trigger();
    }
    QCOMPARE(titles, (QStringList{"Resize", "Crop", "Rotate", "Flip", "Pad to canvas", "Sharpen",
                                  "Brightness, contrast, gamma", "Auto level", "Grayscale",
                                  "Text watermark", "Image watermark"}));
    QCOMPARE(changed.count(), 11);
    WatermarkStep text;
    text.text = QStringLiteral("©");
    WatermarkStep logo;
    logo.sizePercent = 15;
    const QList<Step> expected = {
        ResizeStep{ResizeMode::Fit, 1920, 1080, 50, 2048, true},
        CropStep{1, 1, {}, Gravity::Centre},
        RotateStep{90},
        FlipStep{FlipAxis::Horizontal},
        PadStep{QSize(1200, 1200), Rgba{255, 255, 255, 255}, Gravity::Centre},
        SharpenStep{0.75, 0.75},
        AdjustStep{0, 0, 1},
        AutoLevelStep{},
        GrayscaleStep{},
        text,
        logo};
    QCOMPARE(list.steps().size(), expected.size());
    for (int i = 0; i < expected.size(); ++i)
        QVERIFY2(list.steps().at(i) == expected.at(i), qPrintable(titles.at(i)));
    QCOMPARE(::summaries(list).first(), QStringLiteral("Resize: fit in 1920×1080, never enlarged"));
    QCOMPARE(list.view()->currentIndex().row(), 10); // the new step is selected
}

void tst_OperationsList::addsAfterTheSelectedStep()
{
    OperationsList list;
    list.setSteps({kGray, AutoLevelStep{}});    // selects the first
    list.addMenu()->actions().at(2)->trigger(); // Rotate
    QCOMPARE(list.steps(), (QList<Step>{kGray, RotateStep{90}, AutoLevelStep{}}));
}

void tst_OperationsList::buttonsAndKeysMoveTheSelectedStep()
{
    OperationsList list;
    QVERIFY(showActive(list));
    list.setSteps({kRotate, kFlip, kGray});
    list.view()->setCurrentIndex(list.view()->model()->index(2, 0));
    QSignalSpy changed(&list, &OperationsList::stepsChanged);
    auto *up = child<QToolButton>(list, "moveStepUpButton");
    auto *down = child<QToolButton>(list, "moveStepDownButton");
    QVERIFY(!down->isEnabled());
    up->click();
    QCOMPARE(list.steps(), (QList<Step>{kRotate, kGray, kFlip}));
    list.view()->setFocus();
    QTest::keyClick(list.view(), Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(list.steps(), (QList<Step>{kGray, kRotate, kFlip}));
    QVERIFY(!up->isEnabled());
    QTest::keyClick(list.view(), Qt::Key_Up, Qt::ControlModifier); // already first: nothing
    QCOMPARE(list.steps(), (QList<Step>{kGray, kRotate, kFlip}));
    QTest::keyClick(list.view(), Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(list.steps(), (QList<Step>{kRotate, kGray, kFlip}));
    down->click();
    QCOMPARE(list.steps(), (QList<Step>{kRotate, kFlip, kGray}));
    QCOMPARE(list.view()->currentIndex().row(), 2); // the moved step stays selected
    QCOMPARE(changed.count(), 4);
}

void tst_OperationsList::buttonAndDeleteRemove()
{
    OperationsList list;
    QVERIFY(showActive(list));
    list.setSteps({kRotate, kFlip, kGray});
    list.view()->setCurrentIndex(list.view()->model()->index(1, 0));
    child<QToolButton>(list, "removeStepButton")->click();
    QCOMPARE(list.steps(), (QList<Step>{kRotate, kGray}));
    QCOMPARE(list.view()->currentIndex().row(), 1); // the next step is selected
    list.view()->setFocus();
    QTest::keyClick(list.view(), Qt::Key_Delete);
    QCOMPARE(list.steps(), QList<Step>{kRotate});
    QTest::keyClick(list.view(), Qt::Key_Delete);
    QVERIFY(list.steps().isEmpty());
    QVERIFY(!child<QToolButton>(list, "removeStepButton")->isEnabled());
    QVERIFY(!child<QWidget>(list, "stepEditor")->isVisible());
}

void tst_OperationsList::dragMovesRows()
{
    OperationsList list;
    list.setSteps({kRotate, kFlip, kGray, kCrop});
    QListView *view = list.view();
    QAbstractItemModel *model = view->model();
    QCOMPARE(view->dragDropMode(), QAbstractItemView::InternalMove);
    QVERIFY(model->flags(model->index(0, 0)) & Qt::ItemIsDragEnabled);
    QVERIFY(!(model->flags(model->index(0, 0)) & Qt::ItemIsDropEnabled)); // between, not onto
    QSignalSpy changed(&list, &OperationsList::stepsChanged);
    // What QListView's internal move calls: the first step dropped after the last.
    QVERIFY(model->moveRows({}, 0, 1, {}, 4));
    QCOMPARE(list.steps(), (QList<Step>{kFlip, kGray, kCrop, kRotate}));
    QVERIFY(!model->moveRows({}, 1, 1, {}, 2)); // onto itself
    // A drop of the list's own mime data: the third step dropped before the first.
    std::unique_ptr<QMimeData> mime(model->mimeData({model->index(2, 0)}));
    QVERIFY(model->canDropMimeData(mime.get(), Qt::MoveAction, 0, 0, {}));
    model->dropMimeData(mime.get(), Qt::MoveAction, 0, 0, {});
    QCOMPARE(list.steps(), (QList<Step>{kCrop, kFlip, kGray, kRotate}));
    // Dropped onto a step (row -1, that step as parent): before it.
    mime.reset(model->mimeData({model->index(3, 0)}));
    model->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, model->index(1, 0));
    QCOMPARE(list.steps(), (QList<Step>{kCrop, kRotate, kFlip, kGray}));
    QCOMPARE(changed.count(), 3);
}

// A real drag with the mouse: QListView's internal move must reach moveRows (one rowsMoved, no
// remove-and-insert that would lose the step). The offscreen platform has no drag at all, so
// CMake runs this function again under xvfb-run (tst_operationslist_xcb).
void tst_OperationsList::mouseDragMovesAStep()
{
    if (QGuiApplication::platformName() == QLatin1String("offscreen"))
        QSKIP("the offscreen platform does not drag; tst_operationslist_xcb runs this");
    OperationsList list;
    QVERIFY(showActive(list));
    list.setSteps({kRotate, kFlip, kGray});
    QListView *view = list.view();
    QWidget *viewport = view->viewport();
    QSignalSpy moved(view->model(), &QAbstractItemModel::rowsMoved);
    QSignalSpy removed(view->model(), &QAbstractItemModel::rowsRemoved);
    const QPoint from = view->visualRect(view->model()->index(0, 0)).center();
    const QRect last = view->visualRect(view->model()->index(2, 0));
    const QPoint to(last.center().x(), last.bottom() - 1); // the lower edge: after it
    // QDrag::exec runs its own event loop: these run inside it, once the drag has begun.
    QTimer::singleShot(0, viewport, [=] {
        QTest::mouseMove(viewport, to - QPoint(0, 3));
        QTest::mouseMove(viewport, to);
        QTimer::singleShot(0, viewport,
                           [=] { QTest::mouseRelease(viewport, Qt::LeftButton, {}, to); });
    });
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + QPoint(0, 5));
    QTest::mouseMove(viewport, from + QPoint(0, 2 * QApplication::startDragDistance() + 5));
    QTRY_COMPARE(list.steps(), (QList<Step>{kFlip, kGray, kRotate}));
    QCOMPARE(moved.count(), 1);
    QCOMPARE(removed.count(), 0);
}

void tst_OperationsList::editingACropChangesSteps()
{
    OperationsList list;
    list.setSteps({kGray, CropStep{1, 1, {}, Gravity::Centre}});
    list.view()->setCurrentIndex(list.view()->model()->index(1, 0));
    QSignalSpy changed(&list, &OperationsList::stepsChanged);
    auto *gravity = child<QComboBox>(list, "cropGravityCombo");
    gravity->setCurrentIndex(gravity->findText(QStringLiteral("attention"), Qt::MatchStartsWith));
    QCOMPARE(list.steps(), (QList<Step>{kGray, CropStep{1, 1, {}, Gravity::Attention}}));
    QCOMPARE(::summaries(list).at(1), QStringLiteral("Crop 1:1, attention"));
    QCOMPARE(changed.count(), 1);
    // The same form: a pixel box of 800x600 at the origin until the spins change.
    auto *shape = child<QComboBox>(list, "cropShapeCombo");
    shape->setCurrentIndex(shape->findText(QStringLiteral("Pixel box")));
    child<QSpinBox>(list, "cropLeftSpin")->setValue(10);
    QCOMPARE(list.steps().at(1), Step(CropStep{0, 0, QRect(10, 0, 800, 600), Gravity::Attention}));
    QCOMPARE(::summaries(list).at(1), QString::fromUtf8("Crop 800×600 at 10, 0"));
    QVERIFY(!gravity->isVisibleTo(&list)); // a box has no gravity
}

void tst_OperationsList::textWatermarkStaysTextWhileRetyped()
{
    WatermarkStep mark;
    mark.text = QStringLiteral("A");
    OperationsList list;
    list.setSteps({mark});
    auto *edit = child<QLineEdit>(list, "watermarkTextEdit");
    edit->clear();
    QCOMPARE(list.findChild<QLineEdit *>(QStringLiteral("watermarkTextEdit")), edit);
    edit->setText(QStringLiteral("© Anna"));
    mark.text = QStringLiteral("© Anna");
    QCOMPARE(list.steps(), QList<Step>{mark});
}

void tst_OperationsList::sharpenAfterResize()
{
    OperationsList list;
    auto *box = child<QCheckBox>(list, "sharpenAfterResizeCheckBox");
    list.setSteps({kCrop, kGray});
    QVERIFY(!box->isEnabled()); // nothing to sharpen after
    list.setSteps({kCrop, kResize, kGray});
    QVERIFY(box->isEnabled());
    QVERIFY(!box->isChecked());
    box->click();
    QCOMPARE(list.steps(), (QList<Step>{kCrop, kResize, SharpenStep{0.75, 0.75}, kGray}));
    box->click();
    QCOMPARE(list.steps(), (QList<Step>{kCrop, kResize, kGray}));
    list.setSteps({kResize, SharpenStep{1, 2}}); // a sharpen there already counts
    QVERIFY(box->isChecked());
}

void tst_OperationsList::setStepsRoundTrips()
{
    WatermarkStep text;
    text.text = QStringLiteral("© Anna");
    text.font = QStringLiteral("Serif Italic");
    text.sizePercent = 6.5;
    text.colour = Rgba{10, 20, 30, 200};
    text.opacity = 35;
    text.position = Gravity::South;
    text.marginPercent = 0;
    WatermarkStep logo;
    logo.imagePath = QStringLiteral("/tmp/logo.png");
    logo.sizePercent = 22;
    const QList<Step> steps = {ResizeStep{ResizeMode::Percent, 0, 0, 33.3, 0, true},
                               CropStep{0, 0, QRect(1, 2, 3, 4), Gravity::East},
                               RotateStep{270},
                               FlipStep{FlipAxis::Vertical},
                               PadStep{QSize(5, 6), Rgba{1, 2, 3, 4}, Gravity::SouthWest},
                               SharpenStep{2.25, 1.5},
                               AdjustStep{-20, 15, 0.8},
                               AutoLevelStep{},
                               GrayscaleStep{},
                               text,
                               logo};
    OperationsList list;
    QSignalSpy changed(&list, &OperationsList::stepsChanged);
    list.setSteps(steps);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(list.steps(), steps);
    for (int row = 0; row < steps.size(); ++row) // showing each form changes nothing
        list.view()->setCurrentIndex(list.view()->model()->index(row, 0));
    QCOMPARE(list.steps(), steps);
    QCOMPARE(changed.count(), 1);
}

// In a window with a field made after the list, as in the recipe panel: the step's form,
// built later still, must come right after the list's buttons, not after that field.
void tst_OperationsList::tabFollowsTheLayout()
{
    QWidget window;
    auto *list = new OperationsList(&window);
    auto *later = new QLineEdit(&window);
    later->setObjectName(QStringLiteral("laterField"));
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(list);
    layout->addWidget(later);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    list->setSteps({kResize, kCrop, kGray});
    list->view()->setCurrentIndex(list->view()->model()->index(1, 0)); // every button enabled
    list->view()->setFocus();
    QStringList visited{QApplication::focusWidget()->objectName()};
    for (int i = 0; i < 6; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited.append(QApplication::focusWidget()->objectName());
    }
    QCOMPARE(visited, (QStringList{"operationsView", "addStepButton", "moveStepUpButton",
                                   "moveStepDownButton", "removeStepButton",
                                   "sharpenAfterResizeCheckBox", "cropShapeCombo"}));
}

bool tst_OperationsList::showActive(OperationsList &list)
{
    list.resize(420, 480);
    list.show();
    list.activateWindow();
    return QTest::qWaitForWindowActive(&list);
}

QTEST_MAIN(tst_OperationsList)
