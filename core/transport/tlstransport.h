// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/sockettransport.h"

#include <QSslError>

namespace mqttscope {

// mqtts:// - TLS over TCP. connected() comes after the handshake; a certificate problem fails
// with every QSslError in one line. SNI and the verified name are tls.serverName or the host.
class TlsTransport : public SocketTransport
{
    Q_OBJECT
public:
    explicit TlsTransport(const Endpoint &endpoint, QObject *parent = nullptr);

protected:
    QAbstractSocket *createSocket() override;
    void connectSocket(QAbstractSocket *socket) override;
    bool describeError(QAbstractSocket::SocketError error) override;

private:
    QList<QSslError> m_sslErrors;
};

} // namespace mqttscope
