// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/profilesecrets.h"

#include <QHash>
#include <QObject>
#include <QUuid>

#include <functional>
#include <optional>

namespace mqttscope {

// Profile secrets in the OS keychain (Secret Service, KWallet, macOS Keychain, Windows
// Credential Store via QtKeychain), one entry per profile id. Never falls back to a file: when
// no keychain answers, secrets live in memory for this run only and the caller asks the user
// again next time. Calls are asynchronous; callbacks run on this object's thread.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(std::optional<ProfileSecrets> secrets, QString error)>;
    using WriteCallback = std::function<void(bool storedInKeychain, QString error)>;

    explicit SecretStore(const QString &service = QStringLiteral("mqttscope"),
                         QObject *parent = nullptr);

    // The secrets of `id`: from memory if known this run, else from the keychain. nullopt with
    // an empty error means "none stored"; with an error, the keychain could not be used.
    void read(const QUuid &id, ReadCallback done);
    // Remembers in memory at once and writes to the keychain.
    void write(const QUuid &id, const ProfileSecrets &secrets, WriteCallback done = {});
    void remove(const QUuid &id);
    // Gives `to` the secrets of `from`, for a duplicated profile: read, then written as write()
    // does. With none stored under `from` nothing is written and `done` gets (true, "").
    void copy(const QUuid &from, const QUuid &to, WriteCallback done);
    // For a secret the user typed at connect time: kept in memory only.
    void remember(const QUuid &id, const ProfileSecrets &secrets);
    void forget(const QUuid &id);

    // False once the keychain failed for a reason other than a missing entry.
    bool keychainUsable() const { return m_keychainUsable; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    QString m_service;
    QHash<QUuid, ProfileSecrets> m_memory;
    bool m_keychainUsable = true;
    int m_timeoutMs = 5000;
};

} // namespace mqttscope
