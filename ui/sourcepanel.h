#pragma once

#include <QGroupBox>
#include <QSet>
#include <QStringList>

#include "imagescanner.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

// Where the images come from: the batch's input set, the planner's list of inputs
// (PlanOptions::inputs). The folder field (dialog, drag and drop, recent folders) replaces the
// set with one folder; addInputs() adds files and folders to it; removeImages() leaves files
// out (they stay out across rescans until the set is replaced). A recursive toggle and a live
// count of the images in the set, counted off the GUI thread by the planner's walk.
class SourcePanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit SourcePanel(QWidget *parent = nullptr);

    QString folder() const; // the folder field; may be empty while files were added
    // The planner's inputs: the folder, then what was added, in order (absolute, clean).
    QStringList inputs() const;
    const QSet<QString> &removedImages() const { return m_removed; }
    bool isRecursive() const;
    int imageCount() const { return m_summary.count; }
    const ImageScanner::Summary &summary() const { return m_summary; }
    QStringList recentFolders() const { return m_recent; }

    void setFolder(const QString &folder);
    void setRecursive(bool recursive);
    void setRecentFolders(const QStringList &folders);
    // Remembers the folder at the top of the recent list (called when a batch starts).
    void addRecentFolder(const QString &folder);
    // The output folder is left out of the count, like the planner leaves it out.
    void setExcludedFolder(const QString &folder);
    void browse();
    // Adds files and folders to the set (an image removed before comes back) and rescans.
    void addInputs(const QStringList &paths);
    // Leaves listed images out of the set; firstLeft: the first readable image still listed.
    void removeImages(const QStringList &paths, const QString &firstLeft);

Q_SIGNALS:
    void folderChanged(const QString &folder);
    void recursiveChanged(bool recursive);
    void scanned(const ImageScanner::Summary &summary);
    // A new listing of the folder begins (then filesFound, in the planner's walk order).
    void listingStarted();
    void filesFound(const QList<ScannedFile> &files);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void rescan();
    void showSummary(const ImageScanner::Summary &summary);
    void rebuildRecentMenu();

    QLineEdit *m_folderEdit;
    QToolButton *m_recentButton;
    QCheckBox *m_recursiveBox;
    QLabel *m_countLabel;
    ImageScanner m_scanner;
    ImageScanner::Summary m_summary;
    QStringList m_added;     // inputs() after the folder
    QSet<QString> m_removed; // ScannedFile::path of images left out
    QStringList m_recent;
    QString m_excluded;
    QString m_applied; // the folder last scanned
};
