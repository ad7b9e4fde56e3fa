// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/endpoint.h"

#include <QAbstractSocket>
#include <QList>
#include <QNetworkProxy>
#include <QSslError>
#include <QString>

// One-line, human-readable causes shared by every transport, so that the CLI and the GUI show
// the same words whatever carried the connection.
namespace mqttscope::transporterrors {

// "Connection refused by 127.0.0.1:1883", "Host not found: xyz", ...; `qtMessage` is Qt's own
// text, used where we have nothing clearer. Through a `proxy`, what concerns it names it (see
// describeProxyError()).
QString describeSocketError(QAbstractSocket::SocketError error, const QString &qtMessage,
                            const Endpoint &endpoint,
                            const QNetworkProxy &proxy = QNetworkProxy::NoProxy);
// The errors of the proxy and of the way through it: "Connection refused by SOCKS5 proxy
// 127.0.0.1:1080", "HTTP proxy h:3128 rejected the user name or password", "SOCKS5 proxy
// h:1080 could not reach broker:1883: Connection refused"; empty for the others, and without a
// SOCKS5 or HTTP proxy.
QString describeProxyError(QAbstractSocket::SocketError error, const QString &qtMessage,
                           const Endpoint &endpoint, const QNetworkProxy &proxy);
// What an HTTP proxy's status line answering CONNECT means: "HTTP proxy h:3128 rejected the user
// name or password (401 Unauthorized)", "HTTP proxy h:3128 could not reach broker:1883: 500
// Unable to connect".
QString describeHttpProxyAnswer(int status, const QString &statusLine, const Endpoint &endpoint,
                                const QNetworkProxy &proxy);
// "SOCKS5 proxy 127.0.0.1:1080", "HTTP proxy [::1]:3128".
QString proxyName(const QNetworkProxy &proxy);
// "Timed out connecting to host:port after 10 s".
QString describeTimeout(const Endpoint &endpoint);
// "TLS certificate verification failed: <each distinct problem, '; '-separated>".
QString describeSslErrors(const QList<QSslError> &errors);
// The errors that still count: without a HostNameMismatch when `skipHostNameCheck`.
QList<QSslError> relevantSslErrors(const QList<QSslError> &errors, bool skipHostNameCheck);
// "host:port", with brackets around an IPv6 literal.
QString hostAndPort(const Endpoint &endpoint);
QString hostAndPort(const QString &host, quint16 port);

} // namespace mqttscope::transporterrors
