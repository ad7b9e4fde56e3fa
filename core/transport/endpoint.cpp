// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/endpoint.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

// The context lupdate files these strings under: the enclosing namespace (or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("mqttscope", text);
}

std::optional<TransportKind> kindOfScheme(QStringView scheme)
{
    struct Scheme
    {
        QLatin1StringView name;
        TransportKind kind;
    };
    static constexpr Scheme schemes[] = {
        {"mqtt"_L1, TransportKind::Tcp},
        {"tcp"_L1, TransportKind::Tcp},
        {"mqtts"_L1, TransportKind::Tls},
        {"ssl"_L1, TransportKind::Tls},
        {"tls"_L1, TransportKind::Tls},
        {"ws"_L1, TransportKind::WebSocket},
        {"wss"_L1, TransportKind::SecureWebSocket},
    };
    for (const Scheme &s : schemes) {
        if (scheme.compare(s.name, Qt::CaseInsensitive) == 0)
            return s.kind;
    }
    return std::nullopt;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Fills host and port from `host[:port]` or `[v6]:port`.
bool parseHostPort(QStringView hostPort, Endpoint &endpoint, QString *error)
{
    QStringView host = hostPort;
    QStringView port;
    if (hostPort.startsWith(u'[')) {
        const qsizetype close = hostPort.indexOf(u']');
        if (close < 0)
            return fail(error, tr("Unterminated IPv6 address (missing ']')"));
        host = hostPort.mid(1, close - 1);
        const QStringView after = hostPort.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(u':'))
                return fail(error, tr("Unexpected text after the IPv6 address: %1").arg(after));
            port = after.mid(1);
        }
    } else {
        const qsizetype colon = hostPort.lastIndexOf(u':');
        if (colon >= 0) {
            host = hostPort.first(colon);
            port = hostPort.mid(colon + 1);
        }
    }
    if (host.isEmpty())
        return fail(error, tr("Missing host name"));
    endpoint.host = host.toString();
    if (port.isNull())
        return true;
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number == 0 || number > 65535)
        return fail(error, tr("Invalid port: %1 (expected 1 to 65535)").arg(port));
    endpoint.port = quint16(number);
    return true;
}

} // namespace

quint16 Endpoint::defaultPort(TransportKind kind)
{
    switch (kind) {
    case TransportKind::Tcp:
        return 1883;
    case TransportKind::Tls:
        return 8883;
    case TransportKind::WebSocket:
        return 80;
    case TransportKind::SecureWebSocket:
        return 443;
    }
    return 1883;
}

std::optional<EndpointUrl> parseEndpointUrl(const QString &url, QString *error)
{
    const QString text = url.trimmed();
    const qsizetype schemeEnd = text.indexOf("://"_L1);
    if (schemeEnd <= 0) {
        fail(error,
             tr("Not a broker URL: %1 (expected mqtt://, mqtts://, ws:// or wss://)").arg(url));
        return std::nullopt;
    }
    const auto kind = kindOfScheme(QStringView(text).first(schemeEnd));
    if (!kind) {
        fail(error,
             tr("Unknown URL scheme: %1 (expected mqtt, mqtts, ws or wss)")
                 .arg(QStringView(text).first(schemeEnd)));
        return std::nullopt;
    }

    EndpointUrl result;
    result.endpoint.kind = *kind;
    result.endpoint.port = Endpoint::defaultPort(*kind);

    // Split by hand rather than with QUrl: a topic may hold '#', which QUrl takes as a fragment.
    const QStringView rest = QStringView(text).mid(schemeEnd + 3);
    const qsizetype slash = rest.indexOf(u'/');
    const QStringView authority = slash < 0 ? rest : rest.first(slash);
    const QStringView path = slash < 0 ? QStringView() : rest.mid(slash);

    QStringView hostPort = authority;
    const qsizetype at = authority.lastIndexOf(u'@');
    if (at >= 0) {
        const QStringView userInfo = authority.first(at);
        hostPort = authority.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(u':');
        const QStringView user = colon < 0 ? userInfo : userInfo.first(colon);
        result.username = QUrl::fromPercentEncoding(user.toUtf8());
        if (colon >= 0)
            result.password = QByteArray::fromPercentEncoding(userInfo.mid(colon + 1).toUtf8());
    }
    if (!parseHostPort(hostPort, result.endpoint, error))
        return std::nullopt;

    if (*kind == TransportKind::WebSocket || *kind == TransportKind::SecureWebSocket) {
        // The HTTP path; brokers that care (EMQX, HiveMQ) mostly serve MQTT on /mqtt.
        result.endpoint.path = path.isEmpty() ? u"/mqtt"_s : path.toString();
    } else if (!path.isEmpty()) {
        // As mosquitto's -L: the path names the topic, taken literally.
        result.topic = path.mid(1).toString();
    }
    return result;
}

} // namespace mqttscope
