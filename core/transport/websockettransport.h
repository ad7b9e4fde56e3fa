// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/transport.h"

#include <QPointer>
#include <QSslError>

class QWebSocket;

namespace mqttscope {

// ws:// and wss:// - MQTT in binary WebSocket frames [MQTT-6.0.0-1], offering only the `mqtt`
// subprotocol [MQTT-6.0.0-3] (some brokers reject a list), with the endpoint's extra headers.
// Received frames are concatenated: a packet may span frames and a frame may hold several packets
// [MQTT-6.0.0-2]. For wss the TLS options apply as for mqtts://, except serverName: QWebSocket
// verifies and sends SNI for the URL's host only. QWebSocket sets TCP_NODELAY on its socket itself.
class WebSocketTransport : public Transport
{
    Q_OBJECT
public:
    explicit WebSocketTransport(const Endpoint &endpoint, QObject *parent = nullptr);
    ~WebSocketTransport() override;

    void open() override;
    void close() override;
    bool write(const QByteArray &bytes) override;
    QByteArray readAll() override;
    qint64 bytesToWrite() const override;
    bool isOpen() const override;

protected:
    void abortConnection() override;

private:
    void onError();
    void onFrame(const QByteArray &frame);

    QPointer<QWebSocket> m_socket;
    QByteArray m_received;
    QList<QSslError> m_sslErrors;
};

} // namespace mqttscope
