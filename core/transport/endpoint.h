// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/proxysettings.h"
#include "transport/tlsoptions.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace mqttscope {

enum class TransportKind { Tcp, Tls, WebSocket, SecureWebSocket };

// Where and how to reach a broker.
struct Endpoint
{
    TransportKind kind = TransportKind::Tcp;
    QString host = QStringLiteral("localhost");
    quint16 port = 1883;
    QString path = QStringLiteral("/mqtt"); // WebSocket only
    // WebSocket only: extra headers of the upgrade request (a bearer token, an API key).
    QList<std::pair<QByteArray, QByteArray>> webSocketHeaders;
    TlsOptions tls; // Tls and SecureWebSocket only
    ProxySettings proxy; // how the connection reaches the broker
    int connectTimeoutMs = 10000;

    static quint16 defaultPort(TransportKind kind); // 1883, 8883, 80, 443
    friend bool operator==(const Endpoint &, const Endpoint &) = default;
};

// A parsed `mqtt[s]://|ws[s]://[user[:pass]@]host[:port]/path` (also tcp://, ssl://, tls://,
// wss://).
struct EndpointUrl
{
    Endpoint endpoint;
    std::optional<QString> username;
    std::optional<QByteArray> password;
    QString topic; // for mqtt(s):// the path is a topic, as mosquitto's -L takes it
};

// Parses a URL; on failure returns nullopt and sets *error to what is wrong.
std::optional<EndpointUrl> parseEndpointUrl(const QString &url, QString *error);

} // namespace mqttscope
