// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

// Dropping a socket owned by a transport, for both QAbstractSocket and QWebSocket.
namespace mqttscope::socketlifetime {

// Drops the socket at once: no more signals to `receiver`, connection aborted, object deleted
// from the event loop (we may be inside one of its signals).
template<typename Socket>
void discard(QPointer<Socket> &socket, QObject *receiver)
{
    if (!socket)
        return;
    socket->disconnect(receiver);
    socket->abort();
    socket->deleteLater();
    socket = nullptr;
}

} // namespace mqttscope::socketlifetime
