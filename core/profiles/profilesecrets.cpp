// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/profilesecrets.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

QString encode(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray decode(const QJsonValue &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

} // namespace

QByteArray ProfileSecrets::toKeychainData() const
{
    QJsonObject json;
    if (password)
        json.insert("password"_L1, encode(*password));
    if (!keyPassphrase.isEmpty())
        json.insert("keyPassphrase"_L1, encode(keyPassphrase));
    if (!pkcs12Passphrase.isEmpty())
        json.insert("pkcs12Passphrase"_L1, encode(pkcs12Passphrase));
    if (proxyPassword)
        json.insert("proxyPassword"_L1, encode(*proxyPassword));
    if (!sasKey.isEmpty())
        json.insert("sasKey"_L1, encode(sasKey));
    if (!webSocketHeaders.isEmpty()) {
        QJsonObject headers;
        for (auto it = webSocketHeaders.cbegin(); it != webSocketHeaders.cend(); ++it)
            headers.insert(it.key(), encode(it.value()));
        json.insert("webSocketHeaders"_L1, headers);
    }
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

ProfileSecrets ProfileSecrets::fromKeychainData(const QByteArray &data)
{
    const QJsonObject json = QJsonDocument::fromJson(data).object();
    ProfileSecrets secrets;
    if (json.contains("password"_L1))
        secrets.password = decode(json.value("password"_L1));
    secrets.keyPassphrase = decode(json.value("keyPassphrase"_L1));
    secrets.pkcs12Passphrase = decode(json.value("pkcs12Passphrase"_L1));
    if (json.contains("proxyPassword"_L1))
        secrets.proxyPassword = decode(json.value("proxyPassword"_L1));
    secrets.sasKey = decode(json.value("sasKey"_L1));
    const QJsonObject headers = json.value("webSocketHeaders"_L1).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
        secrets.webSocketHeaders.insert(it.key(), decode(it.value()));
    return secrets;
}

} // namespace mqttscope
