// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/connectionprofile.h"
#include "profiles/profilesecrets.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mqttscope {

// What the user supplies for a preset: each `{key}` in the preset's profile and secrets is
// replaced by it. A number field that is a whole string (`"port": "{port}"`) becomes a number.
struct PresetField
{
    enum class Kind { Text, Number, File, Secret };
    QString key;
    QString prompt; // "Device ID"
    QString example; // shown greyed in the empty field
    QString defaultValue; // used when left empty; a field without one must be filled
    Kind kind = Kind::Text;
};

// A starting point for a profile of a known service (AWS IoT Core, Azure IoT Hub, HiveMQ Cloud,
// …) as data: one JSON file per preset (resources/presets, compiled in as :/presets) holding a
// profile and secrets in ConnectionProfile's JSON with `{key}` placeholders, and the fields that
// fill them. A new service is a new file, not new code.
class ConnectionPreset
{
public:
    struct Filled
    {
        ConnectionProfile profile;
        ProfileSecrets secrets;
    };

    // The presets compiled in, by their `order`. A file that does not read is left out (and
    // logged); tst_connectionpreset reads every one.
    static QList<ConnectionPreset> builtIn();
    // `id` names the preset (its file's base name). nullopt with *error when a field lacks its
    // key or prompt, or a placeholder names no field.
    static std::optional<ConnectionPreset> fromJson(const QString &id, const QJsonObject &json,
                                                    QString *error);

    QString id() const { return m_id; }
    QString name() const { return m_name; }
    QString description() const { return m_description; }
    const QList<PresetField> &fields() const { return m_fields; }

    // The prompts of the fields that `values` (by key) leaves empty and have no default.
    QStringList missing(const QHash<QString, QString> &values) const;
    // A new profile (new id) and its secrets with `values` put in place of the placeholders.
    Filled fill(const QHash<QString, QString> &values) const;

private:
    QString m_id;
    QString m_name;
    QString m_description;
    int m_order = 0;
    QList<PresetField> m_fields;
    QJsonObject m_profile;
    QJsonObject m_secrets;
};

} // namespace mqttscope
