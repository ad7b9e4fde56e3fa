// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/tcptransport.h"

#include <QTcpSocket>

namespace mqttscope {

TcpTransport::TcpTransport(const Endpoint &endpoint, QObject *parent)
    : SocketTransport(endpoint, parent)
{
}

QAbstractSocket *TcpTransport::createSocket()
{
    auto *socket = new QTcpSocket(this);
    connect(socket, &QAbstractSocket::connected, this, &TcpTransport::socketReady);
    return socket;
}

void TcpTransport::connectSocket(QAbstractSocket *socket)
{
    socket->connectToHost(endpoint().host, endpoint().port);
}

} // namespace mqttscope
