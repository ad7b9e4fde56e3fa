// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/transport.h"

#include <QAbstractSocket>
#include <QLoggingCategory>
#include <QPointer>

namespace mqttscope {

Q_DECLARE_LOGGING_CATEGORY(lcTransport)

// What tcp and tls share: a QAbstractSocket as the byte stream, its errors in our words, and
// TCP_NODELAY (MQTT packets are small and latency-bound: Nagle would hold back PUBACKs).
class SocketTransport : public Transport
{
    Q_OBJECT
public:
    void open() override;
    void close() override;
    bool write(const QByteArray &bytes) override;
    QByteArray readAll() override;
    qint64 bytesToWrite() const override;
    bool isOpen() const override;

protected:
    using Transport::Transport;

    // A new, unconnected socket (tls: with its configuration), or nullptr after failSoon().
    virtual QAbstractSocket *createSocket() = 0;
    // Starts connecting the socket made by createSocket().
    virtual void connectSocket(QAbstractSocket *socket) = 0;
    // Called on a socket error before the generic text is used; true when it reported it.
    virtual bool describeError(QAbstractSocket::SocketError error)
    {
        Q_UNUSED(error);
        return false;
    }
    // For tcp when connected, for tls when encrypted.
    void socketReady();
    QAbstractSocket *socket() const { return m_socket; }

    void abortConnection() override;

private:
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void releaseSocket();

    QPointer<QAbstractSocket> m_socket;
    QByteArray m_unread;
};

} // namespace mqttscope
