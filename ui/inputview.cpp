#include "inputview.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "textformat.h"
#include "thumbnailer.h"

InputView::InputView(QWidget *parent)
    : QWidget(parent), m_thumbnailer(new Thumbnailer(this)), m_model(new InputModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_filterEdit(new QLineEdit(this)),
      m_view(new QTableView(this)), m_totalsLabel(new QLabel(this))
{
    m_model->setThumbnailer(m_thumbnailer);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(InputModel::FilterRole);
    m_proxy->setFilterKeyColumn(InputModel::NameColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(InputModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);

    m_filterEdit->setObjectName(QStringLiteral("inputFilterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter by name or format"));
    m_filterEdit->setClearButtonEnabled(true);
    auto *all = new QPushButton(tr("All"), this);
    auto *none = new QPushButton(tr("None"), this);
    auto *invert = new QPushButton(tr("Invert"), this);
    all->setObjectName(QStringLiteral("checkAllButton"));
    none->setObjectName(QStringLiteral("checkNoneButton"));
    invert->setObjectName(QStringLiteral("invertCheckButton"));
    all->setToolTip(tr("Check every image shown"));
    none->setToolTip(tr("Uncheck every image shown"));
    invert->setToolTip(tr("Flip the check of every image shown"));
    m_totalsLabel->setObjectName(QStringLiteral("inputTotalsLabel"));

    m_view->setObjectName(QStringLiteral("inputView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setTabKeyNavigation(false); // one Tab stop, like the results table
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // cheap at 10,000 rows
    m_view->setIconSize(QSize(Thumbnailer::kIconSide, Thumbnailer::kIconSide));
    m_view->verticalHeader()->setDefaultSectionSize(
        qMax(m_view->fontMetrics().height() + 8, Thumbnailer::kIconSide + 4));
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(InputModel::NameColumn, QHeaderView::Stretch);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(InputModel::FormatColumn, digit * 10);
    header->resizeSection(InputModel::DimensionsColumn, digit * 14);
    header->resizeSection(InputModel::SizeColumn, digit * 11);
    header->setSortIndicator(-1, Qt::AscendingOrder); // the walk's order until a click
    header->setSortIndicatorClearable(true);
    m_view->setSortingEnabled(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filterEdit, 1);
    top->addWidget(all);
    top->addWidget(none);
    top->addWidget(invert);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_totalsLabel);

    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(all, &QPushButton::clicked, this, &InputView::checkShown);
    connect(none, &QPushButton::clicked, this, &InputView::uncheckShown);
    connect(invert, &QPushButton::clicked, this, &InputView::invertShown);
    connect(m_model, &InputModel::checkedChanged, this, &InputView::showTotals);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT imageChosen(current.data(InputModel::PathRole).toString());
            });
    addRowActions();
    showTotals();
}

// Keys and a context menu for the selected rows: Space flips their checks, Delete leaves
// them out (unchecks; the list always shows the whole folder).
void InputView::addRowActions()
{
    auto *flip = new QAction(tr("Flip check of selected"), m_view);
    flip->setShortcut(Qt::Key_Space);
    auto *leaveOut = new QAction(tr("Leave out selected"), m_view);
    leaveOut->setShortcut(QKeySequence::Delete);
    for (QAction *action : {flip, leaveOut}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
    }
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(flip, &QAction::triggered, this,
            [this] { m_model->changeRows(selectedRows(), InputModel::Change::Invert); });
    connect(leaveOut, &QAction::triggered, this,
            [this] { m_model->changeRows(selectedRows(), InputModel::Change::Uncheck); });
}

QList<int> InputView::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    return rows;
}

void InputView::setWorkerPath(const QString &workerPath)
{
    m_thumbnailer->setWorkerPath(workerPath);
}

// The buttons act on what the filter shows: "png", None leaves out every PNG.
QList<int> InputView::shownRows() const
{
    QList<int> rows;
    rows.reserve(m_proxy->rowCount());
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        rows.append(m_proxy->mapToSource(m_proxy->index(r, 0)).row());
    return rows;
}

void InputView::checkShown()
{
    m_model->changeRows(shownRows(), InputModel::Change::Check);
}

void InputView::uncheckShown()
{
    m_model->changeRows(shownRows(), InputModel::Change::Uncheck);
}

void InputView::invertShown()
{
    m_model->changeRows(shownRows(), InputModel::Change::Invert);
}

void InputView::showTotals()
{
    const QLocale locale;
    m_totalsLabel->setText(
        tr("%1 of %Ln image(s) checked, %2", nullptr, m_model->rowCount())
            .arg(locale.toString(m_model->checkedCount()), formatBytes(m_model->checkedBytes())));
}
