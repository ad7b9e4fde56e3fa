// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/mqttclient.h"
#include "client/reconnectbackoff.h"
#include "client/session.h"
#include "protocol/framer.h"

class QTimer;

namespace mqttscope {

class KeepAliveMonitor;
class Transport;

class MqttClientPrivate
{
public:
    explicit MqttClientPrivate(MqttClient *q);

    void setOptions(const ClientOptions &newOptions);
    QString clientId() const;
    // For the destructor: no signals, no DISCONNECT, transports gone.
    void dropTransportsQuietly();
    void connectToBroker();
    void disconnectFromBroker(ReasonCode reason, const Properties &properties);
    void abortConnection();
    void setReceivingPaused(bool paused);
    qint64 bytesToWrite() const;
    void setPacketTracing(bool enabled);
    int pendingInboundQos2() const { return m_session.inboundQos2Count(); }
    quint64 publish(const Message &message);
    quint64 subscribe(const QList<Subscription> &subscriptions, const Properties &properties);
    quint64 unsubscribe(const QList<QString> &filters, const Properties &properties);
    void sendAuth(const AuthPacket &auth);

    MqttClient *const q;
    ClientOptions options;
    ClientState state = ClientState::Disconnected;
    ProtocolVersion version = ProtocolVersion::V5;
    ConnackPacket lastConnack;
    QString assignedClientId;
    bool receivingPaused = false;
    bool packetTracing = false;

private:
    // How far the current attempt got.
    enum class AttemptPhase { None, Opening, AwaitingConnack, Connected };
    // Where a connection's end leads once its transport has closed.
    enum class AfterClose { Stop, Reconnect, FallBack /* at once, with 3.1.1 */ };

    // Connection life cycle
    void ensureHelpers();
    void startAttempt();
    ProtocolVersion versionForAttempt() const;
    void onTransportConnected();
    void onTransportClosed();
    void onConnack(const ConnackPacket &connack);
    void fallBackToV311(const QString &why);
    // Ends the current connection: flushes what is queued, closes the transport and, once it
    // is closed, emits disconnected(reason) and does what `then` says.
    void teardown(const QString &reason, AfterClose then, bool transportClosed = false);
    // Ends an attempt that got no accepting CONNACK: reconnects only when that can help.
    void failAttempt(const ConnectionFailure &failure, bool transportClosed = false);
    void finishClose();
    void scheduleReconnect();
    void setState(ClientState newState);
    bool connectSent() const
    {
        return m_phase == AttemptPhase::AwaitingConnack || m_phase == AttemptPhase::Connected;
    }

    // Receiving
    void onReadyRead();
    // Hands one packet to the session or handles it here (CONNACK, PINGRESP, DISCONNECT,
    // AUTH); false when the connection ended on it.
    void noteUnlistedRefusal(const PubAckPacket &ack) const;
    bool handlePacket(Packet &packet, qint64 receivedAt);
    void handleServerDisconnect(const DisconnectPacket &disconnect);
    void failProtocol(const ProtocolError &error);

    // Sending and reporting
    bool sendPacket(const Packet &packet);
    void writeBytes(const QByteArray &bytes);
    // Writes what the session produced and reports its events (not its messages); false when a
    // slot ended the connection, or on a violation (the connection is then ended).
    bool carryOut(SessionOutput &out);
    void emitMessages();
    void flushReadBytes();
    void traceWritten(const QByteArray &bytes);
    // Hands on the packets traced so far; called before any signal that may follow them.
    void emitTrace();
    void emitEvent(const SessionEvent &event);
    void scheduleDeferredSignals();
    void emitDeferredSignals();

    // The transport of the current attempt and, while it shuts down, the previous one.
    Transport *m_transport = nullptr;
    Transport *m_closingTransport = nullptr;
    quint64 m_generation = 0; // bumped per attempt and teardown, so stale loops stop
    QString m_lastTransportError;
    bool m_transportHasClosed = false; // closed() came: close() would not emit it again
    AttemptPhase m_phase = AttemptPhase::None;
    QString m_closeReason;
    AfterClose m_afterClose = AfterClose::Stop;
    bool m_resumeSession = false; // 5.0 reconnects with clean start 0 to keep the session
    ProtocolVersion m_autoVersion = ProtocolVersion::V5;
    bool m_v5Answered = false; // a 5.0 CONNACK came from this endpoint: no fallback on a close

    QTimer *m_connackTimer = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_closeTimer = nullptr;
    KeepAliveMonitor *m_keepAlive = nullptr;
    ReconnectBackoff m_backoff;
    Framer m_framer;

    Session m_session;

    // Batched input and output
    SessionOutput m_readOutput; // of the read being decoded; its lists keep their capacity
    bool m_decoding = false; // what is written meanwhile joins the read's one write
    QList<quint64> m_writtenQos0; // publishFinished(Success) still to emit
    qint64 m_unreportedReceived = 0;
    qint64 m_unreportedSent = 0;
    QList<PacketTraceEntry> m_trace; // traced, not yet reported
    bool m_deferredScheduled = false;
};

} // namespace mqttscope
