// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientoptions.h"
#include "client/clientstate.h"
#include "client/connectionfailure.h"
#include "client/packettraceentry.h"
#include "protocol/message.h"
#include "protocol/packets.h"

#include <QList>
#include <QObject>

#include <memory>

namespace mqttscope {

class MqttClientPrivate;

// An MQTT 3.1.1 / 5.0 client. Signal driven; all its I/O, timers and acks run on the thread it
// lives on, so it can be moved to a thread of its own and never waits for a busy GUI. Calls from
// other threads go through QMetaObject::invokeMethod (the slots below are invokable).
//
// Session state (in-flight QoS 1/2 in both directions) survives reconnects: with a persistent
// session unacknowledged PUBLISHes are resent with DUP, PUBRELs resent, and inbound QoS 2 packet
// ids remembered until PUBREL, so QoS 2 is exactly once in both directions.
class MqttClient : public QObject
{
    Q_OBJECT
public:
    explicit MqttClient(QObject *parent = nullptr);
    ~MqttClient() override;

    ClientOptions options() const;
    void setOptions(const ClientOptions &options); // takes effect at the next connect

    ClientState state() const;
    ProtocolVersion protocolVersion() const; // the version in use (after Auto fallback)
    ConnackPacket lastConnack() const; // the server's limits and assigned id
    QString clientId() const; // ours or the one the server assigned
    bool isReceivingPaused() const;
    // Bytes handed to the transport and not yet taken by the socket: QoS 0 has no ack, so a
    // sender that must not outrun the broker (a replay as fast as it goes) waits while this grows.
    qint64 bytesToWrite() const;
    bool isPacketTracing() const;
    // QoS 2 messages received whose exchange is not complete yet (PUBREC sent, no PUBREL).
    int pendingInboundQos2() const;

public slots:
    void connectToBroker();
    // Normal disconnect: sends DISCONNECT (with `reason` in 5.0) and stops reconnecting.
    void disconnectFromBroker(mqttscope::ReasonCode reason = mqttscope::ReasonCode::Success,
                              const mqttscope::Properties &properties = {});
    // Drops the connection without DISCONNECT, as a network failure would (the broker then
    // publishes the will [MQTT-3.1.2-8]), and does not reconnect.
    void abortConnection();
    // Flow control for a consumer slower than the network (e.g. a GUI thread that receives the
    // batches queued): while paused nothing more is decoded or delivered, at most one read
    // (256 KiB) waits in a tcp/tls transport, and TCP makes the server wait (so it may end a slow
    // subscriber as it sees fit); over WebSocket, QWebSocket reads on regardless, so what
    // arrives meanwhile waits in memory. Keepalive goes on: pings are sent when due and the unread
    // bytes are taken as life. A slot may pause from within messagesReceived: nothing further
    // is decoded. Kept across reconnects.
    void pauseReceiving();
    void resumeReceiving();
    // Off by default. While on, every packet sent and received is reported by packetsTraced();
    // while off it costs one branch per read and per write.
    void setPacketTracing(bool enabled);

public:
    // Each returns a token (never reused within this client) that the matching *Finished signal
    // carries; 0 when the request was refused at once (errorOccurred says why).
    //
    // While connecting or reconnecting, requests are queued and sent after the CONNACK; while
    // Disconnected they are refused. QoS 1/2 messages beyond the server's receive maximum wait
    // in the queue until acks free a slot.
    Q_INVOKABLE quint64 publish(const mqttscope::Message &message);
    Q_INVOKABLE quint64 subscribe(const QList<mqttscope::Subscription> &subscriptions,
                                  const mqttscope::Properties &properties = {});
    Q_INVOKABLE quint64 unsubscribe(const QList<QString> &filters,
                                    const mqttscope::Properties &properties = {});
    // 5.0 enhanced authentication: continue or start re-authentication (AUTH packet).
    Q_INVOKABLE void sendAuth(const mqttscope::AuthPacket &auth);

signals:
    void stateChanged(mqttscope::ClientState state);
    void connected(const mqttscope::ConnackPacket &connack);
    // CONNACK with an error reason; reason string and server reference are in the packet.
    void connectionRefused(const mqttscope::ConnackPacket &connack);
    // The connection ended. `reason` says why in one line (transport error, malformed packet
    // with what was wrong, keepalive timeout, server DISCONNECT with its reason code/string).
    void disconnected(const QString &reason);
    void serverDisconnected(const mqttscope::DisconnectPacket &disconnect);
    void reconnectScheduled(int delayMs);
    // An attempt to connect failed (before disconnected()); when retrying cannot help (a refused
    // login, an untrusted certificate) the client does not reconnect.
    void connectFailed(const mqttscope::ConnectionFailure &failure);
    // Messages arrive in batches: the PUBLISHes decoded from one read (at most a few thousand
    // per signal), in order.
    void messagesReceived(const QList<mqttscope::Message> &messages);
    // PUBACK / PUBCOMP reason for QoS 1/2 (Success for QoS 0 once written), or an error.
    void publishFinished(quint64 token, mqttscope::ReasonCode reason, const QString &reasonString);
    void subscribeFinished(quint64 token, const mqttscope::SubackPacket &suback);
    void unsubscribeFinished(quint64 token, const mqttscope::UnsubackPacket &unsuback);
    void authReceived(const mqttscope::AuthPacket &auth);
    void pingRoundTrip(int milliseconds);
    // A human-readable problem that did not end the connection (e.g. refused publish).
    void errorOccurred(const QString &message);
    // The packets sent and received since the last report, in wire order, in batches: what one
    // read decoded (before the messages it brought are handed on) and what was written
    // meanwhile, and at the latest once per event loop turn. Only while tracing is on.
    void packetsTraced(const QList<mqttscope::PacketTraceEntry> &packets);
    // Bytes on the wire, for statistics.
    void bytesTransferred(qint64 received, qint64 sent);

private:
    std::unique_ptr<MqttClientPrivate> d;
};

} // namespace mqttscope
