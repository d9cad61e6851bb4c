#include "inputview.h"

#include "elidedlabel.h"

#include <QAction>
#include <QCheckBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include "imageformat.h"
#include "textformat.h"
#include "thumbnailer.h"

// The name-or-format filter of the text field, and "failures only" on top of it.
class InputFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setFailuresOnly(bool on)
    {
        m_failuresOnly = on;
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_failuresOnly &&
            sourceModel()->index(row, 0, parent).data(InputModel::StateRole).toInt() !=
                int(InputModel::RunState::Failed))
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    bool m_failuresOnly = false;
};

InputView::InputView(QWidget *parent)
    : QWidget(parent), m_thumbnailer(new Thumbnailer(this)), m_model(new InputModel(this)),
      m_proxy(new InputFilter(this)), m_filterEdit(new QLineEdit(this)),
      m_view(new QTableView(this)), m_totalsLabel(new ElidedLabel(this, Qt::ElideRight)),
      m_failuresOnlyBox(new QCheckBox(tr("Failures only"), this))
{
    setAcceptDrops(true);
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
    m_failuresOnlyBox->setObjectName(QStringLiteral("inputFailuresOnlyCheckBox"));
    m_failuresOnlyBox->setToolTip(tr("Show only the images that failed in the last run"));
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
    // It shares its row with three buttons: where it does not fit (German with French sizes
    // at the window's smallest width) it is elided, its whole text in the tooltip.
    m_totalsLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    buildTable();

    auto *top = new QHBoxLayout;
    top->addWidget(m_filterEdit, 1);
    top->addWidget(m_failuresOnlyBox);
    top->addWidget(all);
    top->addWidget(none);
    top->addWidget(invert);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(buildButtons());
    // Tab follows the rows as laid out (the table was made before the buttons above it).
    const QList<QWidget *> order = {
        m_filterEdit,     m_failuresOnlyBox, all,           none, invert, m_view,
        m_addFilesButton, m_addFolderButton, m_removeButton};
    for (qsizetype i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order.at(i - 1), order.at(i));

    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_failuresOnlyBox, &QCheckBox::toggled, this, &InputView::setFailuresOnly);
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

void InputView::buildTable()
{
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
    // Widths from the font, so they hold at any scaling; Name takes the rest. Reason shares
    // nothing: stretched beside Name, it left the names no room at all before a run.
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(InputModel::NameColumn, QHeaderView::Stretch);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(InputModel::ReasonColumn, digit * 12); // the whole reason: tooltip
    header->resizeSection(InputModel::FormatColumn, digit * 8);
    header->resizeSection(InputModel::DimensionsColumn, digit * 12);
    header->resizeSection(InputModel::SizeColumn, digit * 9);
    const int icon = m_view->style()->pixelMetric(QStyle::PM_SmallIconSize) + 8;
    int status = header->sectionSizeHint(InputModel::StatusColumn);
    for (const QString &word : {tr("Cancelled"), tr("Working"), tr("Skipped")})
        status = qMax(status, m_view->fontMetrics().horizontalAdvance(word) + icon + 2 * digit);
    header->resizeSection(InputModel::StatusColumn, status);
    header->setSortIndicator(-1, Qt::AscendingOrder); // the walk's order until a click
    header->setSortIndicatorClearable(true);
    m_view->setSortingEnabled(true);
}

QLayout *InputView::buildButtons()
{
    m_addFilesButton = new QPushButton(tr("Add Files…"), this);
    m_addFolderButton = new QPushButton(tr("Add Folder…"), this);
    m_removeButton = new QPushButton(tr("Remove"), this);
    m_addFilesButton->setObjectName(QStringLiteral("addFilesButton"));
    m_addFolderButton->setObjectName(QStringLiteral("addFolderButton"));
    m_removeButton->setObjectName(QStringLiteral("removeImagesButton"));
    m_addFilesButton->setToolTip(tr("Add images to the batch (you can also drop them here)"));
    m_addFolderButton->setToolTip(tr("Add the images of a folder to the batch"));
    m_removeButton->setToolTip(tr("Take the selected images out of the batch (Delete)"));
    connect(m_addFilesButton, &QPushButton::clicked, this, &InputView::addFiles);
    connect(m_addFolderButton, &QPushButton::clicked, this, &InputView::addFolder);
    connect(m_removeButton, &QPushButton::clicked, this, &InputView::removeSelected);
    auto *row = new QHBoxLayout;
    row->addWidget(m_addFilesButton);
    row->addWidget(m_addFolderButton);
    row->addWidget(m_removeButton);
    row->addWidget(m_totalsLabel, 1); // right-aligned text, all the width the buttons leave
    return row;
}

// Keys and a context menu for the selected rows: Space flips their checks, Delete removes
// them from the batch.
void InputView::addRowActions()
{
    auto *flip = new QAction(tr("Flip check of selected"), m_view);
    flip->setShortcut(Qt::Key_Space);
    m_removeAction = new QAction(tr("Remove selected"), m_view);
    m_removeAction->setShortcut(QKeySequence::Delete);
    for (QAction *action : {flip, m_removeAction}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
    }
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(flip, &QAction::triggered, this,
            [this] { m_model->changeRows(selectedRows(), InputModel::Change::Invert); });
    connect(m_removeAction, &QAction::triggered, this, &InputView::removeSelected);
    const auto updateRemove = [this] {
        const bool can = !m_running && m_view->selectionModel()->hasSelection();
        m_removeButton->setEnabled(can);
        m_removeAction->setEnabled(can);
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, updateRemove);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, updateRemove);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, updateRemove);
    updateRemove();
}

void InputView::setRunning(bool running)
{
    m_running = running;
    m_addFilesButton->setEnabled(!running);
    m_addFolderButton->setEnabled(!running);
    const bool can = !running && m_view->selectionModel()->hasSelection();
    m_removeButton->setEnabled(can);
    m_removeAction->setEnabled(can);
}

void InputView::setFailuresOnly(bool on)
{
    m_failuresOnlyBox->setChecked(on);
    m_proxy->setFailuresOnly(on);
}

void InputView::addFiles()
{
    QStringList patterns;
    for (const QString &suffix : imageFileSuffixes())
        patterns.append(QStringLiteral("*.") + suffix);
    const QString filters = tr("Images (%1)").arg(patterns.join(QLatin1Char(' '))) +
                            QStringLiteral(";;") + tr("All files (*)");
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add images"), {}, filters);
    if (!files.isEmpty())
        Q_EMIT addRequested(files);
}

void InputView::addFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a folder of images"));
    if (!folder.isEmpty())
        Q_EMIT addRequested({folder});
}

void InputView::removeSelected()
{
    if (!m_running)
        m_model->removeRows(selectedRows());
}

QStringList InputView::droppedPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() && QFileInfo::exists(url.toLocalFile()))
            paths.append(url.toLocalFile());
    return paths;
}

void InputView::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_running && !droppedPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void InputView::dropEvent(QDropEvent *event)
{
    const QStringList paths = droppedPaths(event->mimeData());
    if (m_running || paths.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT addRequested(paths);
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
    m_totalsLabel->setFullText(
        tr("%1 of %Ln image(s) checked, %2", nullptr, m_model->rowCount())
            .arg(locale.toString(m_model->checkedCount()), formatBytes(m_model->checkedBytes())));
}
