#include "presetbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QPushButton>
#include <QSettings>

namespace {
const QString kGroup = QStringLiteral("presets");
}

PresetBar::PresetBar(QSettings *settings, QWidget *parent)
    : QWidget(parent), m_settings(settings), m_combo(new QComboBox(this)),
      m_saveButton(new QPushButton(tr("Save…"), this)),
      m_deleteButton(new QPushButton(tr("Delete"), this))
{
    m_combo->setObjectName(QStringLiteral("presetCombo"));
    m_saveButton->setObjectName(QStringLiteral("presetSaveButton"));
    m_deleteButton->setObjectName(QStringLiteral("presetDeleteButton"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(10);
    m_saveButton->setToolTip(tr("Save the current operations as a named preset"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo, 1);
    layout->addWidget(m_saveButton);
    layout->addWidget(m_deleteButton);

    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        if (index <= 0)
            return;
        if (const auto recipe = preset(m_combo->itemText(index)))
            Q_EMIT presetChosen(*recipe);
    });
    connect(m_saveButton, &QPushButton::clicked, this, &PresetBar::askNameAndSave);
    connect(m_deleteButton, &QPushButton::clicked, this, [this] {
        if (m_combo->currentIndex() > 0)
            deletePreset(m_combo->currentText());
    });
    reload();
}

QStringList PresetBar::names() const
{
    m_settings->beginGroup(kGroup);
    QStringList keys = m_settings->childKeys();
    m_settings->endGroup();
    keys.sort(Qt::CaseInsensitive);
    return keys;
}

void PresetBar::savePreset(const QString &name, const Recipe &recipe)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return;
    m_settings->beginGroup(kGroup);
    m_settings->setValue(
        trimmed, QString::fromUtf8(QJsonDocument(recipe.toJson()).toJson(QJsonDocument::Compact)));
    m_settings->endGroup();
    reload(trimmed);
}

void PresetBar::deletePreset(const QString &name)
{
    m_settings->beginGroup(kGroup);
    m_settings->remove(name);
    m_settings->endGroup();
    reload();
}

std::optional<Recipe> PresetBar::preset(const QString &name) const
{
    m_settings->beginGroup(kGroup);
    const QByteArray json = m_settings->value(name).toString().toUtf8();
    m_settings->endGroup();
    return Recipe::fromJson(QJsonDocument::fromJson(json).object());
}

void PresetBar::reload(const QString &select)
{
    m_combo->clear();
    m_combo->addItem(tr("Presets"));
    m_combo->addItems(names());
    m_combo->setCurrentIndex(qMax(0, m_combo->findText(select)));
    m_deleteButton->setEnabled(m_combo->count() > 1);
}

void PresetBar::askNameAndSave()
{
    bool ok = false;
    const QString suggestion = m_combo->currentIndex() > 0 ? m_combo->currentText() : QString();
    const QString name = QInputDialog::getText(this, tr("Save preset"), tr("Preset name:"),
                                               QLineEdit::Normal, suggestion, &ok);
    if (ok && !name.trimmed().isEmpty())
        Q_EMIT saveRequested(name.trimmed());
}
