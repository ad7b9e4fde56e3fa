// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/proxysettings.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("mqttscope", text);
}

std::optional<ProxySettings> failed(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

} // namespace

quint16 ProxySettings::defaultPort(ProxyKind kind)
{
    return kind == ProxyKind::Http ? 8080 : 1080;
}

std::optional<ProxySettings> parseProxyUrl(const QString &url, QString *error)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return failed(error,
                      tr("Not a proxy URL: %1 (expected socks5h://host:port or "
                         "http://host:port)")
                          .arg(url));
    ProxySettings proxy;
    const QString scheme = parsed.scheme();
    if (scheme == "socks5h"_L1) {
        proxy.kind = ProxyKind::Socks5;
    } else if (scheme == "http"_L1) {
        proxy.kind = ProxyKind::Http;
    } else if (scheme == "socks5"_L1) {
        // Resolving locally would leak the broker's name outside the proxy; say what works.
        return failed(error,
                      tr("socks5:// is not supported: use socks5h://, which lets the "
                         "proxy resolve host names"));
    } else {
        return failed(error, tr("Unknown proxy scheme: %1 (expected socks5h or http)").arg(scheme));
    }
    if (!parsed.path().isEmpty() && parsed.path() != "/"_L1)
        return failed(error, tr("A proxy URL has no path: %1").arg(url));
    proxy.host = parsed.host();
    proxy.port = quint16(parsed.port(ProxySettings::defaultPort(proxy.kind)));
    if (proxy.port == 0)
        return failed(error, tr("Invalid proxy port: 0"));
    proxy.username = parsed.userName(QUrl::FullyDecoded);
    proxy.password = parsed.password(QUrl::FullyDecoded).toUtf8();
    return proxy;
}

} // namespace mqttscope
