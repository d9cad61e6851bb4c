#include "operationslist.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "stepeditor.h"
#include "stepsmodel.h"

namespace {
QToolButton *makeToolButton(QWidget *parent, const char *name, const QIcon &icon,
                            const QString &text, const QString &shortcutHint)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QLatin1String(name));
    button->setIcon(icon);
    button->setText(text); // read by screen readers; the icon alone is shown
    button->setAccessibleName(text);
    button->setToolTip(OperationsList::tr("%1 (%2)").arg(
        text, QKeySequence(shortcutHint).toString(QKeySequence::NativeText)));
    button->setFocusPolicy(Qt::StrongFocus); // a tool button is not a Tab stop by default
    return button;
}

// A list that says what an empty recipe does, instead of showing a blank box.
class StepsView : public QListView
{
public:
    using QListView::QListView;

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QListView::paintEvent(event);
        if (model() && model()->rowCount() > 0)
            return;
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        painter.drawText(viewport()->rect().adjusted(8, 8, -8, -8),
                         Qt::AlignCenter | Qt::TextWordWrap,
                         OperationsList::tr("No steps: images are only converted to the output "
                                            "format. Add a step below."));
    }
};
} // namespace

OperationsList::OperationsList(QWidget *parent)
    : QWidget(parent), m_model(new StepsModel(this)), m_view(new StepsView(this))
{
    m_view->setObjectName(QStringLiteral("operationsView"));
    m_view->setAccessibleName(tr("Operations"));
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDropIndicatorShown(true);
    m_view->setAlternatingRowColors(true);
    m_view->setTextElideMode(Qt::ElideMiddle);
    // Summaries are elided, never scrolled sideways; five rows show without scrolling.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setMinimumHeight(m_view->fontMetrics().height() * 5 + 12);
    m_view->setUniformItemSizes(true);
    m_view->setSpacing(2); // a little air between rows: each is a separate thing to drag
    buildButtons();
    m_editor = new StepEditor(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    auto *buttons = new QHBoxLayout;
    for (QWidget *button :
         std::initializer_list<QWidget *>{m_addButton, m_upButton, m_downButton, m_removeButton})
        buttons->addWidget(button);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    // A row of its own: beside the buttons it made the list too wide for the settings column.
    layout->addWidget(m_sharpenBox);
    layout->addWidget(m_editor);

    addKeys();
    setTabOrder();
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OperationsList::showSelected);
    connect(m_editor, &StepEditor::stepEdited, this, [this](const Step &step) {
        if (selectedRow() >= 0)
            m_model->setStep(selectedRow(), step);
    });
    // Every change to the list, whoever made it (buttons, keys, a drag, the editor), is one
    // model signal; the view's own drag moves rows through moveRows.
    const auto changed = [this] {
        updateControls();
        Q_EMIT stepsChanged();
    };
    connect(m_model, &StepsModel::rowsInserted, this, changed);
    connect(m_model, &StepsModel::rowsRemoved, this, changed);
    connect(m_model, &StepsModel::rowsMoved, this, changed);
    connect(m_model, &StepsModel::dataChanged, this, changed);
    connect(m_model, &StepsModel::modelReset, this, changed);
    updateControls();
}

void OperationsList::buildButtons()
{
    m_addButton =
        new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("&Add step"), this);
    m_addButton->setObjectName(QStringLiteral("addStepButton"));
    m_addMenu = new QMenu(m_addButton);
    m_addMenu->setObjectName(QStringLiteral("addStepMenu"));
    for (int kind = 0; kind < kStepKindCount; ++kind) {
        QAction *action = m_addMenu->addAction(stepTitle(StepKind(kind)));
        action->setData(kind);
        connect(action, &QAction::triggered, this, [this, kind] { addStep(kind); });
        // Shape, then tone, then marks: the order the menu lists them in.
        if (StepKind(kind) == StepKind::Pad || StepKind(kind) == StepKind::Grayscale)
            m_addMenu->addSeparator();
    }
    m_addButton->setMenu(m_addMenu);
    QStyle *s = style();
    m_upButton = makeToolButton(
        this, "moveStepUpButton",
        QIcon::fromTheme(QStringLiteral("go-up"), s->standardIcon(QStyle::SP_ArrowUp)),
        tr("Move step up"), QStringLiteral("Ctrl+Up"));
    m_downButton = makeToolButton(
        this, "moveStepDownButton",
        QIcon::fromTheme(QStringLiteral("go-down"), s->standardIcon(QStyle::SP_ArrowDown)),
        tr("Move step down"), QStringLiteral("Ctrl+Down"));
    m_removeButton = makeToolButton(
        this, "removeStepButton",
        QIcon::fromTheme(QStringLiteral("list-remove"), s->standardIcon(QStyle::SP_TrashIcon)),
        tr("Remove step"), QStringLiteral("Del"));
    m_sharpenBox = new QCheckBox(tr("&Sharpen after resize"), this);
    m_sharpenBox->setObjectName(QStringLiteral("sharpenAfterResizeCheckBox"));
    m_sharpenBox->setToolTip(tr("Adds a light unsharp mask right after the first resize, to "
                                "restore the crispness a downscale softens."));
    connect(m_upButton, &QToolButton::clicked, this, &OperationsList::moveSelectedUp);
    connect(m_downButton, &QToolButton::clicked, this, &OperationsList::moveSelectedDown);
    connect(m_removeButton, &QToolButton::clicked, this, &OperationsList::removeSelected);
    connect(m_sharpenBox, &QCheckBox::clicked, this, &OperationsList::setSharpenAfterResize);
}

// Delete and Ctrl+Up/Down act on the list while it has the focus.
void OperationsList::addKeys()
{
    const QList<std::pair<QKeySequence, void (OperationsList::*)()>> keys = {
        {QKeySequence::Delete, &OperationsList::removeSelected},
        {QKeySequence(Qt::CTRL | Qt::Key_Up), &OperationsList::moveSelectedUp},
        {QKeySequence(Qt::CTRL | Qt::Key_Down), &OperationsList::moveSelectedDown}};
    for (const auto &[key, slot] : keys) {
        auto *action = new QAction(m_view);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
        connect(action, &QAction::triggered, this, slot);
    }
}

// Tab follows the layout: the list, its buttons left to right, then the selected step's form.
void OperationsList::setTabOrder()
{
    QList<QWidget *> chain = {m_view,       m_addButton,    m_upButton,
                              m_downButton, m_removeButton, m_sharpenBox};
    chain += m_editor->fields(); // created later than the rest of a window: placed here
    for (qsizetype i = 1; i < chain.size(); ++i)
        QWidget::setTabOrder(chain.at(i - 1), chain.at(i));
}

void OperationsList::setSteps(const QList<Step> &steps)
{
    m_model->setSteps(steps);
    selectRow(steps.isEmpty() ? -1 : 0);
}

QList<Step> OperationsList::steps() const
{
    return m_model->steps();
}

void OperationsList::addStep(int kindIndex)
{
    const auto kind = StepKind(kindIndex);
    const int row = selectedRow() >= 0 ? selectedRow() + 1 : m_model->rowCount();
    m_model->insertStep(row, defaultStep(kind), kind);
    selectRow(row);
}

void OperationsList::removeSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    m_model->removeRows(row, 1);
    selectRow(qMin(row, m_model->rowCount() - 1));
}

void OperationsList::moveSelectedUp()
{
    moveSelected(-1);
}

void OperationsList::moveSelectedDown()
{
    moveSelected(+1);
}

void OperationsList::moveSelected(int by)
{
    const int row = selectedRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_model->rowCount())
        return;
    // moveRows counts the destination before the move: one down is "before row + 2".
    m_model->moveRows({}, row, 1, {}, by > 0 ? to + 1 : to);
    selectRow(to);
}

int OperationsList::selectedRow() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() && m_view->selectionModel()->isSelected(current) ? current.row() : -1;
}

void OperationsList::selectRow(int row)
{
    if (row < 0) {
        m_view->selectionModel()->clearCurrentIndex();
        m_view->selectionModel()->clearSelection();
    } else {
        m_view->selectionModel()->setCurrentIndex(m_model->index(row),
                                                  QItemSelectionModel::ClearAndSelect);
    }
    showSelected();
}

// The editor follows the selected row; it is rebuilt only when the row changes, never by an
// edit of its own (dataChanged), so a field keeps the focus while the summary updates.
void OperationsList::showSelected()
{
    const int row = selectedRow();
    if (row < 0)
        m_editor->clear();
    else
        m_editor->edit(m_model->step(row), m_model->kind(row));
    setTabOrder();
    updateControls();
}

void OperationsList::updateControls()
{
    const int row = selectedRow();
    m_upButton->setEnabled(row > 0);
    m_downButton->setEnabled(row >= 0 && row + 1 < m_model->rowCount());
    m_removeButton->setEnabled(row >= 0);
    const int resize = firstResizeRow();
    m_sharpenBox->setEnabled(resize >= 0);
    m_sharpenBox->setChecked(resize >= 0 && resize + 1 < m_model->rowCount() &&
                             m_model->kind(resize + 1) == StepKind::Sharpen);
}

int OperationsList::firstResizeRow() const
{
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->kind(row) == StepKind::Resize)
            return row;
    return -1;
}

void OperationsList::setSharpenAfterResize(bool on)
{
    const int resize = firstResizeRow();
    if (resize < 0)
        return;
    const bool present =
        resize + 1 < m_model->rowCount() && m_model->kind(resize + 1) == StepKind::Sharpen;
    if (on && !present)
        m_model->insertStep(resize + 1, defaultStep(StepKind::Sharpen), StepKind::Sharpen);
    else if (!on && present)
        m_model->removeRows(resize + 1, 1);
    updateControls();
}
