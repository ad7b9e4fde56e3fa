// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/networkproxy.h"

#include <QNetworkProxyFactory>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

QNetworkProxy systemProxyFor(const Endpoint &endpoint)
{
    const bool secure =
        endpoint.kind == TransportKind::Tls || endpoint.kind == TransportKind::SecureWebSocket;
    QUrl url;
    url.setScheme(secure ? u"https"_s : u"http"_s);
    url.setHost(endpoint.host);
    url.setPort(endpoint.port);
    const QList<QNetworkProxy> proxies =
        QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url));
    if (proxies.isEmpty())
        return QNetworkProxy::NoProxy;
    QNetworkProxy proxy = proxies.first();
    if (proxy.port() == 0) { // libproxy passes on "http://host" without a port
        proxy.setPort(ProxySettings::defaultPort(
            proxy.type() == QNetworkProxy::Socks5Proxy ? ProxyKind::Socks5 : ProxyKind::Http));
    }
    return proxy;
}

} // namespace

QNetworkProxy networkProxyFor(const Endpoint &endpoint)
{
    const ProxySettings &settings = endpoint.proxy;
    switch (settings.kind) {
    case ProxyKind::None:
        break;
    case ProxyKind::System:
        return systemProxyFor(endpoint);
    case ProxyKind::Socks5:
    case ProxyKind::Http: {
        const bool socks = settings.kind == ProxyKind::Socks5;
        QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy,
                            settings.host, settings.port, settings.username,
                            QString::fromUtf8(settings.password));
        // socks5h: the broker's name goes to the proxy, which resolves it.
        proxy.setCapabilities(QNetworkProxy::TunnelingCapability
                              | QNetworkProxy::HostNameLookupCapability);
        return proxy;
    }
    }
    return QNetworkProxy::NoProxy;
}

} // namespace mqttscope
