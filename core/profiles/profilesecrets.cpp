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
    return secrets;
}

} // namespace mqttscope
