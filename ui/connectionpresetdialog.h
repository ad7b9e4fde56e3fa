// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/connectionpreset.h"

#include <QDialog>
#include <QHash>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;

namespace mqttscope {

// Starts a profile from a preset (AWS IoT Core, Azure IoT Hub, HiveMQ Cloud, …): the presets on
// the left, the chosen one's description and the fields it asks for on the right. Create is
// enabled once every field without a default is filled; filled() is then the new profile and
// its secrets.
class ConnectionPresetDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionPresetDialog(QList<ConnectionPreset> presets, QWidget *parent = nullptr);

    void selectPreset(const QString &id);
    // The field of the current preset with this key (for tests); null when it has none.
    QLineEdit *field(const QString &key) const { return m_fields.value(key); }
    ConnectionPreset::Filled filled() const;

private:
    void showPreset(int index);
    QWidget *fieldWidget(const PresetField &field, QLineEdit *edit);
    QHash<QString, QString> values() const;
    void updateMissing();

    QList<ConnectionPreset> m_presets;
    QListWidget *m_list;
    QLabel *m_description;
    QFormLayout *m_form;
    QLabel *m_missing;
    QDialogButtonBox *m_buttons;
    QHash<QString, QLineEdit *> m_fields;
};

} // namespace mqttscope
