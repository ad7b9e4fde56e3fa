// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>
#include <mutex>

namespace mqttscope {

// Azure IoT Hub's password: a shared access signature for `resource` (`{hub}.azure-devices.net/
// devices/{device}`) signed with the device key, valid for `lifetimeSeconds`. token() is asked at
// each CONNECT: it hands out the token it made last while that has more than a tenth of its
// lifetime (at least a minute) to go, else makes a new one, so a reconnect never logs in with an
// expired or nearly expired token. Thread-safe: the connection's thread asks for it.
class SasTokenSource
{
public:
    using Clock = std::function<QDateTime()>;

    SasTokenSource(QString resource, QByteArray base64Key, quint32 lifetimeSeconds,
                   Clock clock = &QDateTime::currentDateTimeUtc);

    QByteArray token();
    qint64 expiry() const; // of the last token handed out, Unix seconds; 0 before the first

    // `SharedAccessSignature sr={resource}&sig={signature}&se={expiry}`, the signature the
    // base64 HMAC-SHA256 of "{url-encoded resource}\n{expiry}" under the decoded key, every
    // value URL-encoded. Empty when the key is not base64.
    static QByteArray sign(const QString &resource, const QByteArray &base64Key, qint64 expiry);

private:
    const QString m_resource;
    const QByteArray m_key;
    const quint32 m_lifetime;
    const Clock m_clock;
    mutable std::mutex m_mutex;
    QByteArray m_token;
    qint64 m_expiry = 0;
};

} // namespace mqttscope
