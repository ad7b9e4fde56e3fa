// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/connectionprofile.h"
#include "profiles/jsonfile.h"
#include "profiles/profilelocation.h"

#include <QObject>

#include <optional>

namespace mqttscope {

// All saved connection profiles, kept as one JSON document (profiles.json beside the settings, see
// defaultProfilesFilePath()). Secrets are not part of a profile, so neither the file nor an export
// can hold one.
class ProfileStore : public QObject
{
    Q_OBJECT
public:
    explicit ProfileStore(const QString &filePath = defaultProfilesFilePath(),
                          QObject *parent = nullptr);

    QString filePath() const { return m_filePath; }

    // A missing file is an empty store, not an error.
    bool load(QString *error = nullptr);
    // Writes atomically (QSaveFile), readable by the owner only.
    bool save(QString *error = nullptr) const;

    QList<ConnectionProfile> profiles() const { return m_profiles; }
    std::optional<ConnectionProfile> profile(const QUuid &id) const;
    std::optional<ConnectionProfile> profileNamed(const QString &name) const; // case-insensitive
    QStringList folders() const; // distinct, sorted

    void upsert(const ConnectionProfile &profile); // replaces the one with the same id or appends
    void remove(const QUuid &id);
    // A copy under a fresh id named "<name> (copy)", added to the store. Its secrets are
    // the keychain's to copy (SecretStore::copy).
    ConnectionProfile duplicate(const QUuid &id);

    static QByteArray toJson(const QList<ConnectionProfile> &profiles);
    static std::optional<QList<ConnectionProfile>> fromJson(const QByteArray &json, QString *error);
    // Adds the profiles of an exported document; ones whose id is taken get a fresh id.
    // Returns how many were added, or -1 with *error.
    int importJson(const QByteArray &json, QString *error);

signals:
    void profilesChanged();

private:
    static std::optional<QList<ConnectionProfile>> fromDocument(const QJsonDocument &document,
                                                                QString *error);
    static JsonFile::Wording wording();

    QString m_filePath;
    QList<ConnectionProfile> m_profiles;
};

} // namespace mqttscope
