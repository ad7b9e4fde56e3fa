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

QString hostAndPort(const Endpoint &endpoint)
{
    const QString host = endpoint.host.contains(u':') ? u'[' + endpoint.host + u']' : endpoint.host;
    return host + u':' + QString::number(endpoint.port);
}

QString describeSocketError(QAbstractSocket::SocketError error, const QString &qtMessage,
                            const Endpoint &endpoint)
{
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
