// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/endpoint.h"

#include <QNetworkProxy>

namespace mqttscope {

// The QNetworkProxy a transport's socket uses for an endpoint: NoProxy for ProxyKind::None (so
// that an application-wide proxy never applies unasked), the manual SOCKS5 (host names resolved
// by the proxy) or HTTP CONNECT proxy, or for ProxyKind::System the first answer of
// QNetworkProxyFactory::systemProxyForQuery() for an http:// (tcp, ws) or https:// (tls, wss)
// URL of the broker. Debian's Qt 6.4 answers through libproxy: outside a desktop that has proxy
// settings of its own it reads http_proxy / HTTP_PROXY (every URL), https_proxy (https only)
// and no_proxy (host suffixes and CIDR ranges, not "*"), but not all_proxy; an http_proxy of
// socks5://host:port means SOCKS5. A proxy found without a port gets ProxySettings'
// defaultPort().
QNetworkProxy networkProxyFor(const Endpoint &endpoint);

} // namespace mqttscope
