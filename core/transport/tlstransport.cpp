// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/tlstransport.h"

#include "transport/tlsconfiguration.h"
#include "transport/transporterrors.h"

#include <QCoreApplication>
#include <QSslSocket>

namespace mqttscope {

TlsTransport::TlsTransport(const Endpoint &endpoint, QObject *parent)
    : SocketTransport(endpoint, parent)
{
}

QAbstractSocket *TlsTransport::createSocket()
{
    m_sslErrors.clear();
    QString error;
    const auto config = makeSslConfiguration(endpoint().tls, &error);
    if (!config) {
        failSoon(error, FailureKind::TlsSetup);
        return nullptr;
    }
    auto *socket = new QSslSocket(this);
    socket->setSslConfiguration(*config);
    connect(socket, &QSslSocket::encrypted, this, &TlsTransport::socketReady);
    // Not ignored: the handshake then fails and describeError() reports these.
    connect(socket, &QSslSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        m_sslErrors = transporterrors::relevantSslErrors(errors, endpoint().tls.skipHostNameCheck);
        if (m_sslErrors.isEmpty())
            socket->ignoreSslErrors(errors);
    });
    return socket;
}

void TlsTransport::connectSocket(QAbstractSocket *socket)
{
    const QString &serverName = endpoint().tls.serverName;
    static_cast<QSslSocket *>(socket)->connectToHostEncrypted(
        endpoint().host, endpoint().port, serverName.isEmpty() ? endpoint().host : serverName);
}

bool TlsTransport::describeError(QAbstractSocket::SocketError error)
{
    if (!m_sslErrors.isEmpty()) {
        fail(transporterrors::describeSslErrors(m_sslErrors), FailureKind::TlsVerification);
        return true;
    }
    if (error == QAbstractSocket::RemoteHostClosedError && state() == State::Opening) {
        // Typically a broker that wants a client certificate, or speaks no TLS on this port.
        fail(QCoreApplication::translate("mqttscope::Transport",
                                         "Connection closed by %1 during the TLS handshake")
                 .arg(transporterrors::hostAndPort(endpoint())));
        return true;
    }
    return false;
}

} // namespace mqttscope
