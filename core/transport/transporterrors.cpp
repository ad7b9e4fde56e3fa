// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/transporterrors.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::transporterrors {

namespace {

// The context lupdate files these strings under: the enclosing namespace (or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("mqttscope::transporterrors", text);
}

} // namespace

QString hostAndPort(const QString &host, quint16 port)
{
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(port);
}

QString hostAndPort(const Endpoint &endpoint)
{
    return hostAndPort(endpoint.host, endpoint.port);
}

QString proxyName(const QNetworkProxy &proxy)
{
    const QString address = hostAndPort(proxy.hostName(), proxy.port());
    return proxy.type() == QNetworkProxy::Socks5Proxy ? tr("SOCKS5 proxy %1").arg(address)
                                                      : tr("HTTP proxy %1").arg(address);
}

QString describeProxyError(QAbstractSocket::SocketError error, const QString &qtMessage,
                           const Endpoint &endpoint, const QNetworkProxy &proxy)
{
    if (proxy.type() != QNetworkProxy::Socks5Proxy && proxy.type() != QNetworkProxy::HttpProxy)
        return {};
    const QString name = proxyName(proxy);
    switch (error) {
    case QAbstractSocket::ProxyConnectionRefusedError:
        return tr("Connection refused by %1").arg(name);
    case QAbstractSocket::ProxyNotFoundError:
        return tr("Proxy host not found: %1").arg(proxy.hostName());
    case QAbstractSocket::ProxyConnectionClosedError:
        return tr("Connection closed by %1").arg(name);
    case QAbstractSocket::ProxyConnectionTimeoutError:
        return tr("Timed out talking to %1").arg(name);
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return proxy.user().isEmpty()
            ? tr("%1 requires a user name and password").arg(name)
            : tr("%1 rejected the user name or password (authentication failed)").arg(name);
    case QAbstractSocket::ProxyProtocolError:
        return tr("%1 failed: %2").arg(name, qtMessage);
    // The proxy's answer about the broker: a SOCKS5 reply code, an HTTP status.
    case QAbstractSocket::ConnectionRefusedError:
    case QAbstractSocket::HostNotFoundError:
    case QAbstractSocket::NetworkError:
    case QAbstractSocket::SocketAccessError:
    case QAbstractSocket::SocketTimeoutError:
        return tr("%1 could not reach %2: %3").arg(name, hostAndPort(endpoint), qtMessage);
    default:
        return {};
    }
}

QString describeHttpProxyAnswer(int status, const QString &statusLine, const Endpoint &endpoint,
                                const QNetworkProxy &proxy)
{
    const QString name = proxyName(proxy);
    if (status == 401 || status == 407) {
        return proxy.user().isEmpty()
            ? tr("%1 requires a user name and password (%2)").arg(name, statusLine)
            : tr("%1 rejected the user name or password (%2)").arg(name, statusLine);
    }
    return tr("%1 could not reach %2: %3").arg(name, hostAndPort(endpoint), statusLine);
}

QString describeSocketError(QAbstractSocket::SocketError error, const QString &qtMessage,
                            const Endpoint &endpoint, const QNetworkProxy &proxy)
{
    if (const QString proxied = describeProxyError(error, qtMessage, endpoint, proxy);
        !proxied.isEmpty())
        return proxied;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return tr("Connection refused by %1").arg(hostAndPort(endpoint));
    case QAbstractSocket::HostNotFoundError:
        return tr("Host not found: %1").arg(endpoint.host);
    case QAbstractSocket::RemoteHostClosedError:
        return tr("Connection closed by %1").arg(hostAndPort(endpoint));
    case QAbstractSocket::SocketTimeoutError:
        return describeTimeout(endpoint);
    case QAbstractSocket::NetworkError:
        return tr("Network error reaching %1: %2").arg(hostAndPort(endpoint), qtMessage);
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        // With TLS 1.3 a missing client certificate shows only as an alert after the handshake.
        if (qtMessage.contains("alert certificate required"_L1))
            return tr("%1 requires a client certificate (TLS alert: certificate required)")
                .arg(hostAndPort(endpoint));
        return tr("TLS error with %1: %2").arg(hostAndPort(endpoint), qtMessage);
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyConnectionTimeoutError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::ProxyProtocolError:
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return tr("Proxy error reaching %1: %2").arg(hostAndPort(endpoint), qtMessage);
    default:
        return tr("Connection to %1 failed: %2").arg(hostAndPort(endpoint), qtMessage);
    }
}

QString describeTimeout(const Endpoint &endpoint)
{
    const int ms = endpoint.connectTimeoutMs;
    const QString duration = ms % 1000 == 0 ? tr("%1 s").arg(ms / 1000) : tr("%1 ms").arg(ms);
    return tr("Timed out connecting to %1 after %2").arg(hostAndPort(endpoint), duration);
}

QString describeSslErrors(const QList<QSslError> &errors)
{
    QStringList problems;
    for (const QSslError &error : errors) {
        const QString problem = error.errorString();
        if (!problems.contains(problem))
            problems << problem;
    }
    return tr("TLS certificate verification failed: %1").arg(problems.join("; "_L1));
}

QList<QSslError> relevantSslErrors(const QList<QSslError> &errors, bool skipHostNameCheck)
{
    QList<QSslError> relevant;
    for (const QSslError &error : errors) {
        if (!(skipHostNameCheck && error.error() == QSslError::HostNameMismatch))
            relevant << error;
    }
    return relevant;
}

} // namespace mqttscope::transporterrors
