// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace mqttscope {

// The secrets of one profile. Never part of ConnectionProfile and never written to a profile
// file: they go to the OS keychain (SecretStore) or stay in memory.
struct ProfileSecrets
{
    std::optional<QByteArray> password;
    QByteArray keyPassphrase;
    QByteArray pkcs12Passphrase;
    std::optional<QByteArray> proxyPassword;
    QMap<QString, QByteArray> webSocketHeaders; // the values of the secret headers, by name
    QByteArray sasKey; // Azure IoT Hub: the device key (base64) SAS token passwords are made from

    bool isEmpty() const
    {
        return !password && keyPassphrase.isEmpty() && pkcs12Passphrase.isEmpty() && !proxyPassword
            && webSocketHeaders.isEmpty() && sasKey.isEmpty();
    }
    // The keychain entry: one small JSON document per profile (base64 so any byte survives).
    QByteArray toKeychainData() const;
    static ProfileSecrets fromKeychainData(const QByteArray &data);

    friend bool operator==(const ProfileSecrets &, const ProfileSecrets &) = default;
};

} // namespace mqttscope
