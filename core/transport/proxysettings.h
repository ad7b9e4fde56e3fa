// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace mqttscope {

enum class ProxyKind {
    None, // straight to the broker, whatever the environment says
    System, // what Qt's system proxy support finds (see networkproxy.h)
    Socks5, // SOCKS5; host names resolved by the proxy (socks5h)
    Http, // HTTP CONNECT
};

// A proxy between us and the broker. The password is a secret: a profile keeps it in the
// keychain, like the broker's password.
struct ProxySettings
{
    ProxyKind kind = ProxyKind::None;
    QString host;
    quint16 port = 0;
    QString username; // empty: no authentication
    QByteArray password;

    bool isManual() const { return kind == ProxyKind::Socks5 || kind == ProxyKind::Http; }
    static quint16 defaultPort(ProxyKind kind); // 1080, 8080 (Qt's defaults too)
    friend bool operator==(const ProxySettings &, const ProxySettings &) = default;
};

// Parses `socks5h://[user[:pass]@]host[:port]` or `http://[user[:pass]@]host[:port]`, as
// mosquitto 2's --proxy takes it (user and password percent-encoded). On failure returns nullopt
// and sets *error.
std::optional<ProxySettings> parseProxyUrl(const QString &url, QString *error);

} // namespace mqttscope
