// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/sastokensource.h"

#include <QMessageAuthenticationCode>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace mqttscope {

SasTokenSource::SasTokenSource(QString resource, QByteArray base64Key, quint32 lifetimeSeconds,
                               Clock clock)
    : m_resource(std::move(resource))
    , m_key(std::move(base64Key))
    , m_lifetime(std::max<quint32>(lifetimeSeconds, 60))
    , m_clock(std::move(clock))
{
}

QByteArray SasTokenSource::token()
{
    const std::lock_guard lock(m_mutex);
    const qint64 now = m_clock().toSecsSinceEpoch();
    const qint64 margin = std::max<qint64>(m_lifetime / 10, 60);
    if (m_token.isEmpty() || m_expiry - now <= margin) {
        m_expiry = now + m_lifetime;
        m_token = sign(m_resource, m_key, m_expiry);
    }
    return m_token;
}

qint64 SasTokenSource::expiry() const
{
    const std::lock_guard lock(m_mutex);
    return m_expiry;
}

QByteArray SasTokenSource::sign(const QString &resource, const QByteArray &base64Key, qint64 expiry)
{
    const auto decoded = QByteArray::fromBase64Encoding(base64Key.trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return {};
    const QByteArray encodedResource = QUrl::toPercentEncoding(resource);
    const QByteArray se = QByteArray::number(expiry);
    const QByteArray signature =
        QMessageAuthenticationCode::hash(encodedResource + '\n' + se, decoded.decoded,
                                         QCryptographicHash::Sha256)
            .toBase64();
    return "SharedAccessSignature sr=" + encodedResource
        + "&sig=" + QUrl::toPercentEncoding(QString::fromLatin1(signature)) + "&se=" + se;
}

} // namespace mqttscope
