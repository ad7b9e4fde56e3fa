// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

// Ending a socket owned by a transport, for both QAbstractSocket and QWebSocket.
namespace mqttscope::socketlifetime {

// Drops the socket at once: no more signals to `receiver`, connection aborted, object deleted
// from the event loop (we may be inside one of its signals).
template <typename Socket>
void discard(QPointer<Socket> &socket, QObject *receiver)
{
    if (!socket)
        return;
    socket->disconnect(receiver);
    socket->abort();
    socket->deleteLater();
    socket = nullptr;
}

// Lets the socket end politely on its own: what was written (e.g. an MQTT DISCONNECT) still
// drains, `startClosing` begins the close, and the socket deletes itself once disconnected
// (at the latest with its parent, the transport).
template <typename Socket, typename StartClosing>
void closeGracefully(QPointer<Socket> &socket, QObject *receiver, StartClosing startClosing)
{
    if (!socket)
        return;
    Socket *detached = socket;
    socket = nullptr;
    detached->disconnect(receiver);
    QObject::connect(detached, &Socket::disconnected, detached, &QObject::deleteLater);
    startClosing(detached);
}

} // namespace mqttscope::socketlifetime
