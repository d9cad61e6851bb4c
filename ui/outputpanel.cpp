#include "outputpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>

#include "elidedlabel.h"

OutputPanel::OutputPanel(QWidget *parent)
    : QGroupBox(tr("Output"), parent), m_folderEdit(new QLineEdit(this)),
      m_patternEdit(new QLineEdit(QStringLiteral("{name}"), this)),
      m_exampleLabel(new ElidedLabel(this)), m_conflictCombo(new QComboBox(this)),
      m_resumeBox(new QCheckBox(tr("Resume: skip images an earlier run already finished"), this))
{
    m_folderEdit->setObjectName(QStringLiteral("outputFolderEdit"));
    m_patternEdit->setObjectName(QStringLiteral("namePatternEdit"));
    m_patternEdit->setToolTip(
        tr("{name}: file name without extension, {parent}: its folder name, {ext}: its "
           "extension, {n} or {n:04}: position in the batch, {date} or {date:%Y-%m-%d %H%M%S}: "
           "capture date (EXIF, else the file time), {width} and {height}: output size. The "
           "extension follows the format."));
    m_exampleLabel->setObjectName(QStringLiteral("nameExampleLabel"));
    m_exampleLabel->setForegroundRole(QPalette::PlaceholderText);
    m_exampleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_conflictCombo->setObjectName(QStringLiteral("conflictCombo"));
    m_conflictCombo->addItem(tr("Skip existing files"), int(ConflictPolicy::Skip));
    m_conflictCombo->addItem(tr("Overwrite existing files"), int(ConflictPolicy::Overwrite));
    m_conflictCombo->addItem(tr("Rename new files"), int(ConflictPolicy::Rename));
    m_resumeBox->setObjectName(QStringLiteral("resumeCheckBox"));
    m_resumeBox->setToolTip(tr("Uses the journal an earlier run left in the output folder: images "
                               "finished there with the same operations are not done again."));
    auto *browseButton = new QPushButton(tr("Choose…"), this);
    browseButton->setObjectName(QStringLiteral("outputBrowseButton"));

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folderEdit, 1);
    folderRow->addWidget(browseButton);
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(tr("Name:"), m_patternEdit);
    form->addRow(QString(), m_exampleLabel);
    form->addRow(tr("If a file exists:"), m_conflictCombo);
    form->addRow(m_resumeBox); // the whole width: its text is the longest in the column
    QWidget::setTabOrder(m_folderEdit, browseButton); // made last, but it sits by the folder

    connect(browseButton, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Choose the output folder"), folder());
        if (!dir.isEmpty())
            setFolder(dir);
    });
    connect(m_folderEdit, &QLineEdit::textEdited, this, [this] {
        m_custom = true;
        Q_EMIT folderChanged(folder());
    });
    connect(m_patternEdit, &QLineEdit::textChanged, this, [this] {
        updateExample();
        Q_EMIT optionsChanged();
    });
    connect(m_conflictCombo, &QComboBox::currentIndexChanged, this, &OutputPanel::optionsChanged);
    updateExample();
}

QString OutputPanel::folder() const
{
    const QString text = m_folderEdit->text().trimmed();
    return text.isEmpty() ? QString() : QDir::cleanPath(QDir::fromNativeSeparators(text));
}

QString OutputPanel::namePattern() const
{
    const QString pattern = m_patternEdit->text().trimmed();
    return pattern.isEmpty() ? QStringLiteral("{name}") : pattern;
}

ConflictPolicy OutputPanel::conflictPolicy() const
{
    return ConflictPolicy(m_conflictCombo->currentData().toInt());
}

bool OutputPanel::isResume() const
{
    return m_resumeBox->isChecked();
}

void OutputPanel::setResume(bool resume)
{
    m_resumeBox->setChecked(resume);
}

QString OutputPanel::defaultFolderFor(const QString &source)
{
    if (source.isEmpty())
        return {};
    const QFileInfo info(source);
    // A read-only source (the installed samples, a camera card) gets its outputs in Pictures.
    if (info.isDir() && !info.isWritable()) {
        const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        return QDir(pictures).filePath(QStringLiteral("Pixelmill/") + info.fileName());
    }
    return QDir(source).filePath(QStringLiteral("processed"));
}

void OutputPanel::setSourceFolder(const QString &source)
{
    if (m_custom && !folder().isEmpty() && folder() != QDir::cleanPath(source))
        return;
    m_custom = false;
    m_folderEdit->setText(QDir::toNativeSeparators(defaultFolderFor(source)));
    Q_EMIT folderChanged(folder());
}

void OutputPanel::setFolder(const QString &folder)
{
    m_custom = true;
    m_folderEdit->setText(QDir::toNativeSeparators(QDir::cleanPath(folder)));
    Q_EMIT folderChanged(this->folder());
}

void OutputPanel::setNamePattern(const QString &pattern)
{
    m_patternEdit->setText(pattern);
}

void OutputPanel::setConflictPolicy(ConflictPolicy policy)
{
    m_conflictCombo->setCurrentIndex(qMax(0, m_conflictCombo->findData(int(policy))));
}

void OutputPanel::setExampleInput(const QString &inputPath, OutputFormat resolvedFormat,
                                  const Recipe &recipe)
{
    m_exampleInput = inputPath;
    m_exampleFormat = resolvedFormat;
    m_exampleRecipe = recipe;
    updateExample();
}

void OutputPanel::updateExample()
{
    // A bad pattern is shown here, where it is typed (Start is disabled with the same reason).
    if (const QString error = namePatternError(namePattern()); !error.isEmpty()) {
        m_exampleLabel->setFullText(error);
        return;
    }
    if (m_exampleInput.isEmpty()) {
        m_exampleLabel->setFullText(tr("Example: —"));
        return;
    }
    QString error;
    const QString name = outputFileName(
        namePattern(),
        nameInputsFor(namePattern(), m_exampleInput, 1, probeFile(m_exampleInput), m_exampleRecipe),
        m_exampleFormat, &error);
    if (!error.isEmpty()) {
        m_exampleLabel->setFullText(error);
        return;
    }
    // The input's name is shortened first: the output name is what the pattern is about.
    const QString input = QFileInfo(m_exampleInput).fileName();
    m_exampleLabel->setFullText(tr("Example: %1 → %2").arg(input, name), input);
}
