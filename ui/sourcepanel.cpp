#include "sourcepanel.h"

#include <QCheckBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QToolButton>

namespace {
constexpr int kMaxRecent = 8;

// A dropped folder is taken as is; a dropped file stands for the folder it is in.
QString folderOfDrop(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(url.toLocalFile());
        if (info.isDir())
            return info.absoluteFilePath();
        if (info.isFile())
            return info.absolutePath();
    }
    return {};
}
} // namespace

SourcePanel::SourcePanel(QWidget *parent)
    : QGroupBox(tr("Source"), parent), m_folderEdit(new QLineEdit(this)),
      m_recentButton(new QToolButton(this)),
      m_recursiveBox(new QCheckBox(tr("Include subfolders"), this)), m_countLabel(new QLabel(this))
{
    setAcceptDrops(true);
    m_folderEdit->setObjectName(QStringLiteral("sourceFolderEdit"));
    m_folderEdit->setPlaceholderText(tr("Choose or drop a folder of images"));
    m_recursiveBox->setObjectName(QStringLiteral("recursiveCheckBox"));
    m_countLabel->setObjectName(QStringLiteral("imageCountLabel"));
    auto *browseButton = new QPushButton(tr("Choose…"), this);
    browseButton->setObjectName(QStringLiteral("sourceBrowseButton"));
    m_recentButton->setObjectName(QStringLiteral("recentFoldersButton"));
    m_recentButton->setText(tr("Recent"));
    m_recentButton->setPopupMode(QToolButton::InstantPopup);
    m_recentButton->setMenu(new QMenu(m_recentButton));

    auto *grid = new QGridLayout(this);
    grid->addWidget(m_folderEdit, 0, 0);
    grid->addWidget(browseButton, 0, 1);
    grid->addWidget(m_recentButton, 0, 2);
    grid->addWidget(m_recursiveBox, 1, 0);
    grid->addWidget(m_countLabel, 1, 1, 1, 2, Qt::AlignRight);
    grid->setColumnStretch(0, 1);
    // Tab follows the rows as laid out; browseButton was made after the others.
    QWidget::setTabOrder(m_folderEdit, browseButton);
    QWidget::setTabOrder(browseButton, m_recentButton);

    connect(browseButton, &QPushButton::clicked, this, &SourcePanel::browse);
    connect(m_folderEdit, &QLineEdit::editingFinished, this, [this] {
        if (folder() == m_applied)
            return;      // focus left without an edit
        m_added.clear(); // a typed folder starts a new set, as a chosen one does
        m_removed.clear();
        rescan();
        Q_EMIT folderChanged(folder());
    });
    connect(m_recursiveBox, &QCheckBox::toggled, this, [this](bool on) {
        rescan();
        Q_EMIT recursiveChanged(on);
    });
    connect(&m_scanner, &ImageScanner::progressed, this, &SourcePanel::showSummary);
    connect(&m_scanner, &ImageScanner::filesFound, this, &SourcePanel::filesFound);
    rebuildRecentMenu();
    showSummary({});
}

QString SourcePanel::folder() const
{
    const QString text = m_folderEdit->text().trimmed();
    return text.isEmpty() ? QString() : QDir::cleanPath(QDir::fromNativeSeparators(text));
}

bool SourcePanel::isRecursive() const
{
    return m_recursiveBox->isChecked();
}

QStringList SourcePanel::inputs() const
{
    const QString dir = folder();
    return dir.isEmpty() ? m_added : QStringList{dir} + m_added;
}

// Choosing a folder starts a new set: what was added or removed before is forgotten.
void SourcePanel::setFolder(const QString &folder)
{
    const QString native = QDir::toNativeSeparators(QDir::cleanPath(folder));
    if (native == m_folderEdit->text() && m_summary.done && m_added.isEmpty() &&
        m_removed.isEmpty())
        return;
    m_folderEdit->setText(native);
    m_added.clear();
    m_removed.clear();
    rescan();
    Q_EMIT folderChanged(this->folder());
}

void SourcePanel::addInputs(const QStringList &paths)
{
    bool changed = false;
    for (const QString &given : paths) {
        const QString path = QDir::cleanPath(QFileInfo(given).absoluteFilePath());
        if (!QFileInfo::exists(path))
            continue;
        // Asked for again: what was removed from it comes back.
        const QString below = path + QLatin1Char('/');
        changed |= m_removed.removeIf([&](const QString &removed) {
            return removed == path || removed.startsWith(below);
        }) > 0;
        if (path != folder() && !m_added.contains(path)) {
            m_added.append(path);
            changed = true;
        }
    }
    if (changed)
        rescan();
}

// The listing keeps its other rows: the count drops by what left, with no new walk. A walk
// still running counts from the set it started with, so it starts again without them.
void SourcePanel::removeImages(const QStringList &paths, const QString &firstLeft)
{
    if (paths.isEmpty())
        return;
    for (const QString &path : paths) {
        m_removed.insert(path);
        m_added.removeAll(path);
    }
    if (!m_summary.done) {
        rescan();
        return;
    }
    ImageScanner::Summary summary = m_summary;
    summary.count = qMax(0, summary.count - int(paths.size()));
    summary.firstImage = firstLeft;
    showSummary(summary);
}

void SourcePanel::setRecursive(bool recursive)
{
    m_recursiveBox->setChecked(recursive);
}

void SourcePanel::setRecentFolders(const QStringList &folders)
{
    m_recent = folders.mid(0, kMaxRecent);
    rebuildRecentMenu();
}

void SourcePanel::addRecentFolder(const QString &folder)
{
    m_recent.removeAll(folder);
    m_recent.prepend(folder);
    setRecentFolders(m_recent);
}

void SourcePanel::setExcludedFolder(const QString &folder)
{
    if (folder == m_excluded)
        return;
    m_excluded = folder;
    rescan();
}

void SourcePanel::browse()
{
    const QString chosen =
        QFileDialog::getExistingDirectory(this, tr("Choose a folder of images"), folder());
    if (!chosen.isEmpty())
        setFolder(chosen);
}

void SourcePanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (!folderOfDrop(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void SourcePanel::dropEvent(QDropEvent *event)
{
    const QString dropped = folderOfDrop(event->mimeData());
    if (dropped.isEmpty())
        return;
    setFolder(dropped);
    event->acceptProposedAction();
}

void SourcePanel::rescan()
{
    const QString dir = folder();
    m_applied = dir;
    Q_EMIT listingStarted();
    // The previous summary stays until the new one arrives, so the example name and the
    // preview do not blink empty on every option change.
    const bool folderMissing = !dir.isEmpty() && !QFileInfo(dir).isDir();
    if (inputs().isEmpty() || (folderMissing && m_added.isEmpty())) {
        m_summary = {};
        m_summary.done = true;
        showSummary(m_summary);
        if (folderMissing)
            m_countLabel->setText(tr("Folder not found"));
        return;
    }
    m_countLabel->setText(tr("Counting images…"));
    m_scanner.scan(inputs(), isRecursive(), m_excluded, m_removed);
}

void SourcePanel::showSummary(const ImageScanner::Summary &summary)
{
    m_summary = summary;
    if (inputs().isEmpty())
        m_countLabel->setText(tr("No folder chosen"));
    else if (summary.done)
        m_countLabel->setText(tr("%Ln image(s) found", nullptr, summary.count));
    else
        m_countLabel->setText(tr("%Ln image(s) so far…", nullptr, summary.count));
    Q_EMIT scanned(summary);
}

void SourcePanel::rebuildRecentMenu()
{
    QMenu *menu = m_recentButton->menu();
    menu->clear();
    for (const QString &dir : std::as_const(m_recent))
        menu->addAction(QDir::toNativeSeparators(dir), this, [this, dir] { setFolder(dir); });
    m_recentButton->setEnabled(!m_recent.isEmpty());
}
