// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/inboundtopicaliases.h"
#include "client/mqttclient.h"
#include "client/outboundtopicaliases.h"
#include "client/packetidallocator.h"
#include "client/publishqueue.h"
#include "client/reconnectbackoff.h"
#include "protocol/framer.h"

#include <QHash>
#include <QSet>

#include <deque>
#include <optional>
#include <variant>

class QTimer;

namespace mqttscope {

class KeepAliveMonitor;
class Transport;

// A QoS 1/2 PUBLISH of ours that the server has not finished acknowledging. It keeps the full
// topic: aliases do not outlive a connection, and a resend must name the topic [MQTT-3.3.2-7].
struct InFlightPublish
{
    enum class Stage { AwaitingPuback, AwaitingPubrec, AwaitingPubcomp };
    quint64 token = 0;
    quint64 sequence = 0; // send order, to resend in the original order [MQTT-4.6.0-1]
    PublishPacket packet;
    Stage stage = Stage::AwaitingPuback;
};

// A SUBSCRIBE or UNSUBSCRIBE, queued (packet id 0) or sent and waiting for its ack.
struct ControlRequest
{
    quint64 token = 0;
    std::variant<SubscribePacket, UnsubscribePacket> packet;
};

// Why a publish cannot go out, as the reason code publishFinished carries and a sentence.
struct PublishRefusal
{
    ReasonCode reason = ReasonCode::UnspecifiedError;
    QString text;
};

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

private:
    // Connection life cycle
    void ensureHelpers();
    void startAttempt();
    ProtocolVersion versionForAttempt() const;
    void onTransportConnected();
    void onTransportClosed();
    void onConnack(const ConnackPacket &connack);
    void fallBackToV311(const QString &why);
    void applyServerLimits(const ConnackPacket &connack);
    void restoreSession(bool sessionPresent);
    // Ends the current connection: flushes what is queued, closes the transport and, once it
    // is closed, emits disconnected(reason) and schedules a reconnect if `reconnect`.
    void teardown(const QString &reason, bool reconnect, bool transportClosed = false);
    void finishClose();
    void scheduleReconnect();
    void setState(ClientState newState);
    bool isLinkUp() const { return m_transport && m_connackReceived; }

    // Receiving
    void onReadyRead();
    void handlePacket(Packet &packet, QList<Message> &batch, qint64 receivedAt);
    void emitBatch(QList<Message> &batch);
    void handlePublish(PublishPacket &publish, QList<Message> &batch, qint64 receivedAt);
    bool inboundWindowExceeded() const;
    void handlePubAck(const PubAckPacket &ack);
    void handleControlAck(quint16 packetId, const Packet &ack);
    void handleServerDisconnect(const DisconnectPacket &disconnect);
    void failProtocol(const ProtocolError &error);

    // Sending
    bool sendPacket(const Packet &packet);
    void writeBytes(const QByteArray &bytes);
    void flushWrites();
    std::optional<PublishRefusal> limitProblem(const Message &message) const;
    std::optional<PublishRefusal> sendNewPublish(quint64 token, const Message &message);
    std::optional<PublishRefusal> writePublish(const PublishPacket &packet, bool useAlias);
    bool canSendPublishNow(quint8 qos) const;
    int outboundWindow() const;
    std::optional<PublishRefusal> queueProblem(const Message &message) const;
    void pumpPublishes();
    void pumpControl();
    void failControl(const ControlRequest &request, const QString &text);
    void finishPublish(quint64 token, ReasonCode reason, const QString &reasonString);
    void refusePublish(quint64 token, const PublishRefusal &refusal);
    void scheduleDeferredSignals();
    void emitDeferredSignals();
    quint32 serverMaximumPacketSize() const;

    // The transport of the current attempt and, while it shuts down, the previous one.
    Transport *m_transport = nullptr;
    Transport *m_closingTransport = nullptr;
    quint64 m_generation = 0; // bumped per attempt and teardown, so stale loops stop
    QString m_lastTransportError;
    bool m_transportHasClosed = false; // closed() came: close() would not emit it again
    QString m_closeReason;
    bool m_reconnectAfterClose = false;
    bool m_fallbackAfterClose = false;
    bool m_connectSent = false;
    bool m_connackReceived = false;
    bool m_manualDisconnect = false;
    bool m_resumeSession = false; // 5.0 reconnects with clean start 0 to keep the session
    ProtocolVersion m_autoVersion = ProtocolVersion::V5;
    bool m_v5Answered = false; // a 5.0 CONNACK came from this endpoint: no fallback on a close

    QTimer *m_connackTimer = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_closeTimer = nullptr;
    KeepAliveMonitor *m_keepAlive = nullptr;
    ReconnectBackoff m_backoff;
    Framer m_framer;

    // Server limits from CONNACK
    quint16 m_serverReceiveMaximum = 65535;
    quint8 m_serverMaximumQoS = 2;
    bool m_serverRetainAvailable = true;

    // Session state
    PacketIdAllocator m_packetIds;
    QHash<quint16, InFlightPublish> m_inFlight;
    quint64 m_nextSequence = 0;
    PublishQueue m_publishQueue;
    std::deque<ControlRequest> m_controlQueue;
    QList<ControlRequest> m_awaitingAck; // sent SUBSCRIBE/UNSUBSCRIBE, in send order
    QSet<quint16> m_inboundQos2; // PUBREC sent, PUBREL not yet received [MQTT-4.3.3-8]
    int m_unwrittenPubacks = 0;  // QoS 1 PUBLISHes whose PUBACK waits in m_writeBuffer
    OutboundTopicAliases m_outboundAliases;
    InboundTopicAliases m_inboundAliases;
    quint64 m_lastToken = 0;
    bool m_pumping = false;

    // Batched input and output
    QList<Message> m_batch;
    bool m_batchingWrites = false;
    QByteArray m_writeBuffer;
    QList<quint64> m_writtenQos0; // publishFinished(Success) still to emit
    qint64 m_unreportedReceived = 0;
    qint64 m_unreportedSent = 0;
    bool m_deferredScheduled = false;
};

} // namespace mqttscope
