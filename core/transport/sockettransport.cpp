// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/sockettransport.h"

#include "transport/networkproxy.h"
#include "transport/socketlifetime.h"
#include "transport/transporterrors.h"

#include <utility>

namespace mqttscope {

Q_LOGGING_CATEGORY(lcTransport, "mqttscope.transport")

void SocketTransport::open()
{
    if (!prepareOpen())
        return;
    releaseSocket();
    m_unread.clear();
    m_socket = createSocket();
    if (!m_socket)
        return; // createSocket() already failed with the cause
    m_socket->setReadBufferSize(readBufferBytes);
    m_socket->setProxy(networkProxyFor(endpoint()));
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &SocketTransport::onSocketError);
    connect(m_socket, &QAbstractSocket::disconnected, this, &SocketTransport::onDisconnected);
    connect(m_socket, &QIODevice::readyRead, this, &Transport::readyRead);
    connect(m_socket, &QIODevice::bytesWritten, this, &Transport::bytesWritten);
    qCDebug(lcTransport) << "connecting to" << transporterrors::hostAndPort(endpoint()) << "through"
                         << m_socket->proxy();
    connectSocket(m_socket);
}

void SocketTransport::socketReady()
{
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    qCDebug(lcTransport) << "connected to" << transporterrors::hostAndPort(endpoint());
    finishOpening();
}

void SocketTransport::close()
{
    if (!beginClosing())
        return;
    // Qt sends what is buffered first; disconnected() then ends the close (onDisconnected()).
    if (m_socket)
        m_socket->disconnectFromHost();
    else
        finishClosing();
}

void SocketTransport::abortConnection()
{
    releaseSocket();
}

void SocketTransport::releaseSocket()
{
    // Bytes that arrived just before the end (a v5 DISCONNECT, a refusing CONNACK) stay readable.
    if (m_socket)
        m_unread += m_socket->readAll();
    socketlifetime::discard(m_socket, this);
}

bool SocketTransport::write(const QByteArray &bytes)
{
    if (state() != State::Open || !m_socket)
        return false;
    return m_socket->write(bytes) == bytes.size();
}

QByteArray SocketTransport::readAll()
{
    QByteArray bytes = std::exchange(m_unread, {});
    if (m_socket)
        bytes += m_socket->readAll();
    return bytes;
}

qint64 SocketTransport::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

bool SocketTransport::isOpen() const
{
    return state() == State::Open;
}

void SocketTransport::onSocketError(QAbstractSocket::SocketError error)
{
    if (describeError(error))
        return;
    if (!m_socket) {
        fail(transporterrors::describeSocketError(error, QString(), endpoint()));
        return;
    }
    if (failWithHttpProxyAnswer(error, m_socket->proxy(), m_socket->errorString()))
        return;
    fail(transporterrors::describeSocketError(error, m_socket->errorString(), endpoint(),
                                              m_socket->proxy()),
         failureKindOf(error));
}

void SocketTransport::onDisconnected()
{
    fail(transporterrors::describeSocketError(QAbstractSocket::RemoteHostClosedError, QString(),
                                              endpoint()));
}

} // namespace mqttscope
