#pragma once

#include <QWidget>

#include <optional>

#include "recipe.h"

class QComboBox;
class QPushButton;
class QSettings;

// Named recipes kept in QSettings (group "presets", one JSON string per name): choose one to
// load it, save the current recipe under a name, delete the chosen one.
class PresetBar : public QWidget
{
    Q_OBJECT
public:
    // settings is not owned and must outlive the bar.
    explicit PresetBar(QSettings *settings, QWidget *parent = nullptr);

    QStringList names() const;
    void savePreset(const QString &name, const Recipe &recipe);
    void deletePreset(const QString &name);
    std::optional<Recipe> preset(const QString &name) const;

Q_SIGNALS:
    void presetChosen(const Recipe &recipe);
    // The bar needs the current recipe to save it; the owner answers with savePreset().
    void saveRequested(const QString &name);

private:
    void reload(const QString &select = {});
    void askNameAndSave();

    QSettings *m_settings;
    QComboBox *m_combo;
    QPushButton *m_saveButton;
    QPushButton *m_deleteButton;
};
