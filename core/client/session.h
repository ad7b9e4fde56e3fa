// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientoptions.h"
#include "client/inboundtopicaliases.h"
#include "client/outboundtopicaliases.h"
#include "client/packetidallocator.h"
#include "client/publishqueue.h"
#include "protocol/message.h"
#include "protocol/packets.h"
#include "protocol/protocolerror.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <deque>
#include <optional>
#include <variant>

namespace mqttscope {

// The limits the session keeps on its own side, whatever the server announces.
struct SessionSettings
{
    quint16 maximumInflight = 20; // 0 = only the server's Receive Maximum
    qint64 maximumQueuedBytes = qint64(256) * 1024 * 1024;
    // Sent in CONNECT (5.0); the server must stay within them.
    std::optional<quint16> receiveMaximum;
    quint16 topicAliasMaximum = 0;

    static SessionSettings of(const ClientOptions &options);
};

struct PublishFinished
{
    quint64 token = 0;
    ReasonCode reason = ReasonCode::Success;
    QString reasonString;
};

// A QoS 0 PUBLISH was written: all it will ever get.
struct PublishWritten
{
    quint64 token = 0;
};

struct SubscribeFinished
{
    quint64 token = 0;
    SubackPacket suback;
};

struct UnsubscribeFinished
{
    quint64 token = 0;
    UnsubackPacket unsuback;
};

// A problem that does not end the connection (a publish refused), in one sentence.
struct SessionProblem
{
    QString text;
};

using SessionEvent = std::variant<PublishFinished, PublishWritten, SubscribeFinished,
                                  UnsubscribeFinished, SessionProblem>;

// What one call into the session produced, for the connection to carry out in this order:
// write `bytes`, then hand on `messages` and report `events`; on a `violation` the server broke
// the protocol and the connection must end (after what came before it).
struct SessionOutput
{
    QByteArray bytes;
    QList<Message> messages;
    QList<SessionEvent> events;
    std::optional<ProtocolError> violation;
};

// The MQTT session of one client: QoS 1/2 flows in both directions, packet ids, the outbound
// window and the queue behind it, topic aliases, and what survives a lost connection. Pure: no
// QObject, timer or socket. The connection tells it what happened (connected with a CONNACK,
// a packet arrived, the link went down, the application asked for something) and carries out
// the packets and events it returns. Tokens name requests, never reused within a session.
class Session
{
    // Its sentences are the client's, as the user sees them.
    Q_DECLARE_TR_FUNCTIONS(mqttscope::MqttClient)

public:
    void setSettings(const SessionSettings &settings) { m_settings = settings; }
    const SessionSettings &settings() const { return m_settings; }
    bool isLinkUp() const { return m_linkUp; }
    // Requests are queued while a connection is under way or to come, refused when none is.
    void setAcceptingRequests(bool accepting) { m_acceptingRequests = accepting; }
    ProtocolVersion version() const { return m_version; }

    // A CONNACK accepted the connection: the limits it carries apply, and the flows in flight
    // resume (sessionPresent) or start again (no session on the server). Then sendQueued()
    // sends what waited for the connection.
    void connectionAccepted(const ConnackPacket &connack, ProtocolVersion version,
                            SessionOutput &out);
    void sendQueued(SessionOutput &out);
    // The connection ended; what is in flight waits for the next one.
    void connectionLost();
    // Our packets of `out.bytes` were written: the QoS 1 messages they acknowledge no longer
    // count against our Receive Maximum.
    void acksWritten() { m_unwrittenPubacks = 0; }

    // Each returns a token, or 0 with `out.events` saying why it was refused.
    quint64 publish(const Message &message, SessionOutput &out);
    quint64 subscribe(const QList<Subscription> &subscriptions, const Properties &properties,
                      SessionOutput &out);
    quint64 unsubscribe(const QList<QString> &filters, const Properties &properties,
                        SessionOutput &out);

    // A PUBLISH, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK or UNSUBACK from the server.
    void packetReceived(Packet &packet, qint64 receivedAt, SessionOutput &out);

    // For tests and the status line.
    int inFlightCount() const { return int(m_inFlight.size()); }
    // Inbound QoS 2 messages whose PUBREL has not come yet.
    int inboundQos2Count() const { return int(m_inboundQos2.size()); }
    qint64 queuedBytes() const { return m_publishQueue.bytes(); }
    int outboundWindow() const;

private:
    // A QoS 1/2 PUBLISH of ours that the server has not finished acknowledging. It keeps the
    // full topic: aliases do not outlive a connection, and a resend must name it [MQTT-3.3.2-7].
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

    void resume(SessionOutput &out);
    void startOver(SessionOutput &out);
    std::optional<QString> limitProblem(const Message &message, ReasonCode *reason) const;
    std::optional<QString> queueProblem(const Message &message) const;
    bool canSendPublishNow(quint8 qos) const;
    // Encodes and appends; a refusal text when the server's maximum packet size forbids it.
    std::optional<QString> writePublish(const PublishPacket &packet, bool useAlias,
                                        SessionOutput &out);
    bool writePacket(const Packet &packet, SessionOutput &out);
    std::optional<QString> sendNewPublish(quint64 token, const Message &message,
                                          SessionOutput &out);
    void pumpPublishes(SessionOutput &out);
    void pumpControl(SessionOutput &out);
    void refuse(quint64 token, ReasonCode reason, const QString &text, SessionOutput &out);
    void failControl(const ControlRequest &request, const QString &text, SessionOutput &out);
    void handlePublish(PublishPacket &publish, qint64 receivedAt, SessionOutput &out);
    bool inboundWindowExceeded() const;
    void handlePubAck(const PubAckPacket &ack, SessionOutput &out);
    void handleControlAck(quint16 packetId, const Packet &ack, SessionOutput &out);

    SessionSettings m_settings;
    ProtocolVersion m_version = ProtocolVersion::V5;
    bool m_linkUp = false;
    bool m_acceptingRequests = false;
    ConnackPacket m_connack; // the server's limits of the current connection

    PacketIdAllocator m_packetIds;
    QHash<quint16, InFlightPublish> m_inFlight;
    quint64 m_nextSequence = 0;
    PublishQueue m_publishQueue;
    std::deque<ControlRequest> m_controlQueue;
    QList<ControlRequest> m_awaitingAck; // sent SUBSCRIBE/UNSUBSCRIBE, in send order
    QSet<quint16> m_inboundQos2; // PUBREC sent, PUBREL not yet received [MQTT-4.3.3-8]
    int m_unwrittenPubacks = 0; // QoS 1 PUBLISHes whose PUBACK is not yet written
    OutboundTopicAliases m_outboundAliases;
    InboundTopicAliases m_inboundAliases;
    quint64 m_lastToken = 0;
};

} // namespace mqttscope
