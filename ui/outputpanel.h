#pragma once

#include <QGroupBox>

#include "batch/plan.h"

class QCheckBox;
class QComboBox;
class ElidedLabel;
class QLineEdit;

// Where outputs go and how they are named: a folder (by default a new "processed" folder in
// the source folder, never the source itself), a naming pattern with a live example, and the
// conflict policy.
class OutputPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit OutputPanel(QWidget *parent = nullptr);

    QString folder() const;
    QString namePattern() const;
    ConflictPolicy conflictPolicy() const;
    bool isResume() const;
    void setResume(bool resume);

    // Follows the source with the default folder until the person picks one themselves.
    void setSourceFolder(const QString &source);
    void setFolder(const QString &folder); // an explicit choice
    void setNamePattern(const QString &pattern);
    void setConflictPolicy(ConflictPolicy policy);
    // The first image, the format it will be written in and the recipe (for {width} and
    // {height}), for the live example.
    void setExampleInput(const QString &inputPath, OutputFormat resolvedFormat,
                         const Recipe &recipe);
    bool isFolderCustom() const { return m_custom; }

    static QString defaultFolderFor(const QString &source);

Q_SIGNALS:
    void folderChanged(const QString &folder);
    void optionsChanged();

private:
    void updateExample();

    QLineEdit *m_folderEdit;
    QLineEdit *m_patternEdit;
    ElidedLabel *m_exampleLabel;
    QComboBox *m_conflictCombo;
    QCheckBox *m_resumeBox;
    QString m_exampleInput;
    OutputFormat m_exampleFormat = OutputFormat::Same;
    Recipe m_exampleRecipe;
    bool m_custom = false;
};
