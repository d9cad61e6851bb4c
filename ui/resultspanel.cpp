#include "resultspanel.h"

#include <QAction>
#include <QCheckBox>
#include <QDesktopServices>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include "resultsmodel.h"
#include "textformat.h"

ResultsPanel::ResultsPanel(ResultsModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this)), m_failuresOnlyBox(new QCheckBox(tr("Show failures only"), this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setFilterRole(ResultsModel::StatusRole);
    m_proxy->setFilterKeyColumn(ResultsModel::StatusColumn);
    m_proxy->setSortRole(ResultsModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);
    m_view->setObjectName(QStringLiteral("resultsView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    // Fixed row heights keep 100,000 rows cheap: the view never measures rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // One Tab stop: Tab leaves the table for the buttons below; arrows move between rows.
    m_view->setTabKeyNavigation(false);
    // Arrival order until a header is clicked; a third click returns to it.
    QHeaderView *header = m_view->horizontalHeader();
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setSortIndicatorClearable(true);
    m_view->setSortingEnabled(true);
    sizeColumns();
    m_failuresOnlyBox->setObjectName(QStringLiteral("failuresOnlyCheckBox"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(m_failuresOnlyBox);
    top->addStretch(1);
    addRowActions(top);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    QWidget::setTabOrder(m_failuresOnlyBox, m_view); // the box is above the table

    // Follow new results while the person is looking at the end; stay put if they scrolled up.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_view->verticalScrollBar();
        m_following = bar->value() == bar->maximum();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_following)
            m_view->scrollToBottom();
    });
    connect(m_failuresOnlyBox, &QCheckBox::toggled, this, &ResultsPanel::setFailuresOnly);
    connect(m_view, &QTableView::doubleClicked, this, &ResultsPanel::openResult);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QModelIndex source = m_proxy->mapToSource(current);
                if (source.isValid())
                    Q_EMIT resultSelected(m_model->result(source.row()));
            });
}

// Widths from the font, not fixed pixels, so they hold at any scaling: Status, Output and Time
// get what their usual text needs, and File and Reason share the rest. Nothing scrolls
// sideways, even in a narrow window: a long name or reason is elided, its tooltip has it all.
void ResultsPanel::sizeColumns()
{
    const QFontMetrics metrics = m_view->fontMetrics();
    const int padding = 2 * m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 12;
    auto widthFor = [&](int column, const QStringList &samples) {
        int widest = m_view->horizontalHeader()->fontMetrics().horizontalAdvance(
                         m_model->headerData(column, Qt::Horizontal).toString()) +
                     2 * m_view->style()->pixelMetric(QStyle::PM_HeaderMargin);
        for (const QString &sample : samples)
            widest = qMax(widest, metrics.horizontalAdvance(sample));
        return widest + padding;
    };
    const int icon = m_view->style()->pixelMetric(QStyle::PM_SmallIconSize) + 4;
    QHeaderView *header = m_view->horizontalHeader();
    header->setMinimumSectionSize(metrics.horizontalAdvance(QStringLiteral("M…M")) + padding);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ResultsModel::FileColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ResultsModel::ReasonColumn, QHeaderView::Stretch);
    header->resizeSection(ResultsModel::StatusColumn,
                          widthFor(ResultsModel::StatusColumn, {tr("Cancelled"), tr("Skipped")}) +
                              icon);
    header->resizeSection(ResultsModel::OutputColumn,
                          widthFor(ResultsModel::OutputColumn, {formatBytes(999'900'000)}));
    header->resizeSection(
        ResultsModel::TimeColumn,
        widthFor(ResultsModel::TimeColumn, {formatMilliseconds(999), formatMilliseconds(99'900)}));
    // The sort arrow takes room in each header: no title may be cut by it.
    for (const int column :
         {ResultsModel::StatusColumn, ResultsModel::OutputColumn, ResultsModel::TimeColumn})
        header->resizeSection(column,
                              qMax(header->sectionSize(column), header->sectionSizeHint(column)));
}

void ResultsPanel::addRowActions(QHBoxLayout *buttons)
{
    auto *compare = new QAction(tr("&Compare Before and After"), this);
    compare->setObjectName(QStringLiteral("compareAction"));
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    compare->setShortcutContext(Qt::WindowShortcut);
    auto *open = new QAction(tr("&Open Output"), this);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(compare);
    m_view->addAction(open);
    addAction(compare);
    auto *button = new QPushButton(tr("Compare…"), this);
    button->setObjectName(QStringLiteral("compareButton"));
    button->setToolTip(tr("Before and after of the selected image, side by side (Ctrl+D)"));
    buttons->addWidget(button);

    auto currentResult = [this]() -> const JobResult * {
        const QModelIndex source = m_proxy->mapToSource(m_view->currentIndex());
        return source.isValid() ? &m_model->result(source.row()) : nullptr;
    };
    auto updateEnabled = [=] {
        const bool hasRow = currentResult() != nullptr;
        for (QObject *control : std::initializer_list<QObject *>{compare, open, button})
            control->setProperty("enabled", hasRow);
    };
    updateEnabled();
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, updateEnabled);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, updateEnabled);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, updateEnabled);
    auto requestCompare = [=] {
        if (const JobResult *result = currentResult())
            Q_EMIT compareRequested(*result);
    };
    connect(compare, &QAction::triggered, this, requestCompare);
    connect(button, &QPushButton::clicked, this, requestCompare);
    connect(open, &QAction::triggered, this, [this] { openResult(m_view->currentIndex()); });
}

void ResultsPanel::setFailuresOnly(bool on)
{
    m_failuresOnlyBox->setChecked(on);
    m_proxy->setFilterFixedString(on ? toString(JobStatus::Failed) : QString());
}

void ResultsPanel::openResult(const QModelIndex &proxyIndex)
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    if (!source.isValid())
        return;
    const JobResult &result = m_model->result(source.row());
    // Only Qt's desktop services open files: the GUI itself never decodes a batch image.
    const QString target =
        result.isOk() ? result.outputPath : QFileInfo(result.inputPath).absolutePath();
    QDesktopServices::openUrl(QUrl::fromLocalFile(target));
}
