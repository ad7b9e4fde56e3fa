// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/session.h"

#include "client/clientlogging.h"
#include "client/outgoingpacket.h"
#include "protocol/codec.h"
#include "protocol/topic.h"

#include <algorithm>
#include <utility>

namespace mqttscope {

SessionSettings SessionSettings::of(const ClientOptions &options)
{
    SessionSettings settings;
    settings.maximumInflight = options.maximumInflight;
    settings.maximumQueuedBytes = options.maximumQueuedBytes;
    settings.receiveMaximum = options.connectProperties.receiveMaximum;
    settings.topicAliasMaximum = options.connectProperties.topicAliasMaximum.value_or(0);
    return settings;
}

namespace {

constexpr quint32 kMaximumSubscriptionIdentifier = 268435455u;

Message messageOf(const PublishPacket &packet)
{
    return Message{packet.topic, packet.payload,    packet.qos, packet.retain,
                   false,        packet.properties, 0};
}

bool hasWildcard(const QString &filter)
{
    return filter.contains(u'+') || filter.contains(u'#');
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The connection's life

void Session::connectionAccepted(const ConnackPacket &connack, ProtocolVersion version,
                                 SessionOutput &out)
{
    m_version = version;
    m_connack = connack;
    m_linkUp = true;
    m_unwrittenPubacks = 0;
    const bool v5 = version == ProtocolVersion::V5;
    m_inboundAliases.reset(v5 ? m_settings.topicAliasMaximum : 0);
    m_outboundAliases.reset(v5 ? connack.properties.topicAliasMaximum.value_or(0) : 0);
    if (connack.sessionPresent)
        resume(out);
    else
        startOver(out);
}

void Session::sendQueued(SessionOutput &out)
{
    pumpControl(out);
    pumpPublishes(out);
}

void Session::resume(SessionOutput &out)
{
    QList<InFlightPublish> inSendOrder = m_inFlight.values();
    std::sort(
        inSendOrder.begin(), inSendOrder.end(),
        [](const InFlightPublish &a, const InFlightPublish &b) { return a.sequence < b.sequence; });
    // The server kept our session: finish every flow where it stopped, in the original order,
    // with the original packet ids [MQTT-4.4.0-1]; PUBLISH again with DUP [MQTT-3.3.1-1].
    if (!inSendOrder.isEmpty())
        qCInfo(lcClient) << "Session resumed: resending" << inSendOrder.size()
                         << "in-flight messages";
    for (const InFlightPublish &entry : std::as_const(inSendOrder)) {
        const quint16 id = entry.packet.packetId;
        if (entry.stage == InFlightPublish::Stage::AwaitingPubcomp) {
            writePacket(PubAckPacket{PacketType::Pubrel, id, ReasonCode::Success, {}}, out);
            continue;
        }
        PublishPacket again = entry.packet;
        again.dup = true;
        if (const auto refusal = writePublish(again, false, out)) {
            m_inFlight.remove(id);
            m_packetIds.release(id);
            refuse(entry.token, ReasonCode::PacketTooLarge, *refusal, out);
        }
    }
}

void Session::startOver(SessionOutput &out)
{
    // No session on the server: it has no QoS 2 ids of ours to release, and it forgot the
    // messages we had in flight. Those not yet received are sent again as new messages (the
    // server may have delivered a QoS 1 one already: at least once still holds). Those it had
    // acknowledged with PUBREC were received and delivered; sending them again would break
    // exactly once, so they finish here.
    QList<InFlightPublish> inSendOrder = m_inFlight.values();
    std::sort(
        inSendOrder.begin(), inSendOrder.end(),
        [](const InFlightPublish &a, const InFlightPublish &b) { return a.sequence < b.sequence; });
    m_inboundQos2.clear();
    m_inFlight.clear();
    QList<quint64> received;
    for (auto it = inSendOrder.crbegin(); it != inSendOrder.crend(); ++it) {
        m_packetIds.release(it->packet.packetId);
        if (it->stage == InFlightPublish::Stage::AwaitingPubcomp)
            received.prepend(it->token);
        else
            m_publishQueue.pushFront(QueuedPublish{it->token, messageOf(it->packet)});
    }
    if (!inSendOrder.isEmpty())
        qCInfo(lcClient) << "No session on the server: sending"
                         << inSendOrder.size() - received.size()
                         << "unacknowledged messages again as new messages";
    for (quint64 token : std::as_const(received))
        out.events.append(
            PublishFinished{token, ReasonCode::Success,
                            tr("The server received the message (PUBREC) but lost the "
                               "session before completing it")});
}

void Session::connectionLost()
{
    m_linkUp = false;
    m_unwrittenPubacks = 0;
    // Unacknowledged SUBSCRIBE/UNSUBSCRIBE go out again on the next connection.
    for (auto it = m_awaitingAck.crbegin(); it != m_awaitingAck.crend(); ++it) {
        ControlRequest request = *it;
        std::visit(
            [this](auto &packet) {
                m_packetIds.release(packet.packetId);
                packet.packetId = 0;
            },
            request.packet);
        m_controlQueue.push_front(std::move(request));
    }
    m_awaitingAck.clear();
}

// ---------------------------------------------------------------------------------------------
// Sending

bool Session::writePacket(const Packet &packet, SessionOutput &out)
{
    const std::optional<QByteArray> bytes =
        encodeOutgoing(packet, m_version, m_connack.properties.maximumPacketSize.value_or(0));
    if (bytes)
        out.bytes += *bytes;
    return bytes.has_value();
}

std::optional<QString> Session::writePublish(const PublishPacket &packet, bool useAlias,
                                             SessionOutput &out)
{
    OutboundTopicAliases::Choice alias;
    if (useAlias && m_version == ProtocolVersion::V5)
        alias = m_outboundAliases.choose(packet.topic);
    QByteArray bytes;
    if (alias.alias) {
        PublishPacket aliased = packet;
        aliased.properties.edit().topicAlias = alias.alias;
        if (alias.known)
            aliased.topic.clear();
        bytes = encodePacket(aliased, m_version);
    } else {
        bytes = encodePacket(packet, m_version);
    }
    if (const quint32 maximum = m_connack.properties.maximumPacketSize.value_or(0);
        maximum && quint32(bytes.size()) > maximum)
        return tr("The message is %1 bytes as a packet; the server accepts at most %2 bytes")
            .arg(bytes.size())
            .arg(maximum);
    if (alias.alias && !alias.known)
        m_outboundAliases.remember(packet.topic, alias.alias);
    if (lcClientVerbose().isDebugEnabled())
        qCDebug(lcClientVerbose).noquote()
            << "sent PUBLISH" << QString::fromUtf8(packet.topic) << "qos" << packet.qos << "id"
            << packet.packetId << "dup" << packet.dup;
    out.bytes += bytes;
    return std::nullopt;
}

std::optional<QString> Session::limitProblem(const Message &message, ReasonCode *reason) const
{
    // Refused rather than downgraded: a silently changed QoS or retain flag would be a lie to
    // the user [MQTT-3.2.2-11], [MQTT-3.2.2-14].
    const quint8 maximumQoS = m_connack.properties.maximumQoS.value_or(2);
    if (message.qos > maximumQoS) {
        *reason = ReasonCode::QoSNotSupported;
        return tr("The server accepts at most QoS %1: not publishing with QoS %2")
            .arg(maximumQoS)
            .arg(message.qos);
    }
    if (message.retain && m_connack.properties.retainAvailable.value_or(1) == 0) {
        *reason = ReasonCode::RetainNotSupported;
        return tr("The server does not support retained messages");
    }
    return std::nullopt;
}

std::optional<QString> Session::queueProblem(const Message &message) const
{
    // A message on its own always fits, so that any size up to the broker's limit can be sent.
    if (m_publishQueue.isEmpty()
        || m_publishQueue.bytes() + PublishQueue::bytesOf(message) <= m_settings.maximumQueuedBytes)
        return std::nullopt;
    constexpr double mebibyte = 1024.0 * 1024.0;
    return tr("Cannot publish to \"%1\": %2 MiB of messages already wait for the broker (at most "
              "%3 MiB may wait)")
        .arg(QString::fromUtf8(message.topic))
        .arg(m_publishQueue.bytes() / mebibyte, 0, 'f', 1)
        .arg(m_settings.maximumQueuedBytes / mebibyte, 0, 'f', 1);
}

int Session::outboundWindow() const
{
    // At 5.0 never more than the server's Receive Maximum [MQTT-3.3.4-7]; at 3.1.1 (none sent)
    // and below it, our own limit: a broker over its quota may drop what it acknowledges.
    const int ours = m_settings.maximumInflight ? m_settings.maximumInflight : 65535;
    const int server = m_connack.properties.receiveMaximum.value_or(65535);
    return m_version == ProtocolVersion::V5 ? qMin(ours, server) : ours;
}

bool Session::canSendPublishNow(quint8 qos) const
{
    // QoS 1/2 PUBLISHes past the window wait in the queue, in order [MQTT-3.3.4-8]; a PUBLISH
    // counts until its PUBACK or PUBCOMP (or a PUBREC with an error).
    return m_linkUp
        && (qos == 0 || (m_inFlight.size() < outboundWindow() && !m_packetIds.isExhausted()));
}

std::optional<QString> Session::sendNewPublish(quint64 token, const Message &message,
                                               SessionOutput &out)
{
    PublishPacket packet{message.topic,     message.payload, message.qos, message.retain, false, 0,
                         message.properties};
    if (packet.properties->topicAlias) // aliases are ours to manage per connection
        packet.properties.edit().topicAlias.reset();
    if (packet.qos > 0)
        packet.packetId = m_packetIds.allocate();
    if (auto refusal = writePublish(packet, true, out)) {
        m_packetIds.release(packet.packetId);
        return refusal;
    }
    if (packet.qos == 0) {
        out.events.append(PublishWritten{token});
        return std::nullopt;
    }
    const quint16 id = packet.packetId;
    const auto stage = packet.qos == 1 ? InFlightPublish::Stage::AwaitingPuback
                                       : InFlightPublish::Stage::AwaitingPubrec;
    m_inFlight.insert(id, InFlightPublish{token, m_nextSequence++, std::move(packet), stage});
    return std::nullopt;
}

quint64 Session::publish(const Message &message, SessionOutput &out)
{
    auto refuseAtOnce = [&out](const QString &text) {
        out.events.append(SessionProblem{text});
        return quint64(0);
    };
    if (const QString problem = Topic::nameProblem(message.topic); !problem.isEmpty())
        return refuseAtOnce(
            tr("Cannot publish to \"%1\": %2").arg(QString::fromUtf8(message.topic), problem));
    if (message.qos > 2)
        return refuseAtOnce(tr("Cannot publish with QoS %1").arg(message.qos));
    if (!m_acceptingRequests)
        return refuseAtOnce(
            tr("Cannot publish to \"%1\": not connected").arg(QString::fromUtf8(message.topic)));
    ReasonCode reason = ReasonCode::UnspecifiedError;
    if (m_linkUp) {
        if (const auto problem = limitProblem(message, &reason))
            return refuseAtOnce(*problem);
    }
    if (const auto problem = queueProblem(message))
        return refuseAtOnce(*problem);
    const quint64 token = ++m_lastToken;
    if (m_publishQueue.isEmpty() && canSendPublishNow(message.qos)) {
        if (const auto refusal = sendNewPublish(token, message, out))
            return refuseAtOnce(*refusal);
        return token;
    }
    m_publishQueue.pushBack(QueuedPublish{token, message});
    return token;
}

void Session::pumpPublishes(SessionOutput &out)
{
    while (!m_publishQueue.isEmpty() && canSendPublishNow(m_publishQueue.front().message.qos)) {
        const QueuedPublish next = m_publishQueue.takeFront();
        ReasonCode reason = ReasonCode::PacketTooLarge;
        std::optional<QString> refusal = limitProblem(next.message, &reason);
        if (!refusal)
            refusal = sendNewPublish(next.token, next.message, out);
        if (refusal)
            refuse(next.token, reason, *refusal, out);
    }
}

void Session::refuse(quint64 token, ReasonCode reason, const QString &text, SessionOutput &out)
{
    out.events.append(SessionProblem{text});
    out.events.append(PublishFinished{token, reason, text});
}

quint64 Session::subscribe(const QList<Subscription> &subscriptions, const Properties &properties,
                           SessionOutput &out)
{
    auto refuseAtOnce = [&out](const QString &text) {
        out.events.append(SessionProblem{text});
        return quint64(0);
    };
    if (subscriptions.isEmpty())
        return refuseAtOnce(tr("Cannot subscribe: no topic filter"));
    const bool v5Link = m_linkUp && m_version == ProtocolVersion::V5;
    const Properties &server = m_connack.properties;
    for (const Subscription &subscription : subscriptions) {
        const QByteArray filter = subscription.filter.toUtf8();
        if (const QString problem = Topic::filterProblem(filter); !problem.isEmpty())
            return refuseAtOnce(
                tr("Cannot subscribe to \"%1\": %2").arg(subscription.filter, problem));
        if (subscription.qos > 2)
            return refuseAtOnce(tr("Cannot subscribe with QoS %1").arg(subscription.qos));
        if (v5Link && server.wildcardSubscriptionAvailable == 0 && hasWildcard(subscription.filter))
            return refuseAtOnce(
                tr("Cannot subscribe to \"%1\": the server does not support wildcards")
                    .arg(subscription.filter));
        if (v5Link && server.sharedSubscriptionAvailable == 0 && Topic::isShared(filter))
            return refuseAtOnce(tr("Cannot subscribe to \"%1\": the server does not support shared "
                                   "subscriptions")
                                    .arg(subscription.filter));
    }
    for (quint32 identifier : properties.subscriptionIdentifiers) {
        if (identifier == 0 || identifier > kMaximumSubscriptionIdentifier)
            return refuseAtOnce(
                tr("Subscription identifier %1 is outside 1..268435455").arg(identifier));
    }
    if (v5Link && server.subscriptionIdentifierAvailable == 0
        && !properties.subscriptionIdentifiers.isEmpty())
        return refuseAtOnce(tr("The server does not support subscription identifiers"));
    if (!m_acceptingRequests)
        return refuseAtOnce(tr("Cannot subscribe: not connected"));
    const quint64 token = ++m_lastToken;
    m_controlQueue.push_back(ControlRequest{token, SubscribePacket{0, subscriptions, properties}});
    pumpControl(out);
    return token;
}

quint64 Session::unsubscribe(const QList<QString> &filters, const Properties &properties,
                             SessionOutput &out)
{
    if (filters.isEmpty()) {
        out.events.append(SessionProblem{tr("Cannot unsubscribe: no topic filter")});
        return 0;
    }
    for (const QString &filter : filters) {
        if (const QString problem = Topic::filterProblem(filter.toUtf8()); !problem.isEmpty()) {
            out.events.append(
                SessionProblem{tr("Cannot unsubscribe from \"%1\": %2").arg(filter, problem)});
            return 0;
        }
    }
    if (!m_acceptingRequests) {
        out.events.append(SessionProblem{tr("Cannot unsubscribe: not connected")});
        return 0;
    }
    const quint64 token = ++m_lastToken;
    m_controlQueue.push_back(ControlRequest{token, UnsubscribePacket{0, filters, properties}});
    pumpControl(out);
    return token;
}

void Session::pumpControl(SessionOutput &out)
{
    while (m_linkUp && !m_controlQueue.empty() && !m_packetIds.isExhausted()) {
        ControlRequest request = std::move(m_controlQueue.front());
        m_controlQueue.pop_front();
        const quint16 id = m_packetIds.allocate();
        const Packet packet = std::visit(
            [id](auto &p) -> Packet {
                p.packetId = id;
                return p;
            },
            request.packet);
        if (!writePacket(packet, out)) {
            m_packetIds.release(id);
            failControl(request,
                        tr("The %1 packet is larger than the server accepts")
                            .arg(packetTypeName(packetTypeOf(packet))),
                        out);
            continue;
        }
        m_awaitingAck.append(std::move(request));
    }
}

void Session::failControl(const ControlRequest &request, const QString &text, SessionOutput &out)
{
    out.events.append(SessionProblem{text});
    if (const auto *subscribe = std::get_if<SubscribePacket>(&request.packet)) {
        SubackPacket failed{subscribe->packetId, {}, {}};
        failed.reasons.fill(ReasonCode::PacketTooLarge, subscribe->subscriptions.size());
        failed.properties.reasonString = text;
        out.events.append(SubscribeFinished{request.token, failed});
    } else {
        const auto &unsubscribe = std::get<UnsubscribePacket>(request.packet);
        UnsubackPacket failed{unsubscribe.packetId, {}, {}};
        failed.reasons.fill(ReasonCode::PacketTooLarge, unsubscribe.filters.size());
        failed.properties.reasonString = text;
        out.events.append(UnsubscribeFinished{request.token, failed});
    }
}

// ---------------------------------------------------------------------------------------------
// Receiving

void Session::packetReceived(Packet &packet, qint64 receivedAt, SessionOutput &out)
{
    if (auto *publish = std::get_if<PublishPacket>(&packet)) {
        handlePublish(*publish, receivedAt, out);
    } else if (const auto *ack = std::get_if<PubAckPacket>(&packet)) {
        handlePubAck(*ack, out);
    } else if (const auto *suback = std::get_if<SubackPacket>(&packet)) {
        handleControlAck(suback->packetId, packet, out);
    } else if (const auto *unsuback = std::get_if<UnsubackPacket>(&packet)) {
        handleControlAck(unsuback->packetId, packet, out);
    }
}

void Session::handlePublish(PublishPacket &publish, qint64 receivedAt, SessionOutput &out)
{
    if (const auto error = m_inboundAliases.resolve(publish)) {
        out.violation = *error;
        return;
    }
    const quint16 id = publish.packetId;
    const quint8 qos = publish.qos;
    if (qos == 2 && m_inboundQos2.contains(id)) {
        // Sent again before our PUBREC arrived: delivered once already [MQTT-4.3.3-9].
        qCDebug(lcClient) << "QoS 2 PUBLISH" << id << "again before PUBREL: not delivered again";
        writePacket(PubAckPacket{PacketType::Pubrec, id, ReasonCode::Success, {}}, out);
        return;
    }
    if (qos > 0 && inboundWindowExceeded()) {
        out.violation = ProtocolError{
            ReasonCode::ReceiveMaximumExceeded,
            tr("more than %1 unacknowledged QoS 1 and 2 messages").arg(*m_settings.receiveMaximum)};
        return;
    }
    if (qos == 2)
        m_inboundQos2.insert(id);
    else if (qos == 1)
        ++m_unwrittenPubacks;
    out.messages.append(Message{std::move(publish.topic), std::move(publish.payload), qos,
                                publish.retain, publish.dup, std::move(publish.properties),
                                receivedAt, id});
    if (qos == 1)
        writePacket(PubAckPacket{PacketType::Puback, id, ReasonCode::Success, {}}, out);
    else if (qos == 2)
        writePacket(PubAckPacket{PacketType::Pubrec, id, ReasonCode::Success, {}}, out);
}

bool Session::inboundWindowExceeded() const
{
    // What the server cannot have seen acknowledged yet: QoS 2 awaiting PUBREL, and QoS 1 whose
    // PUBACKs are not yet written. It must stay within the Receive Maximum we sent
    // [MQTT-3.3.4-9]; without one (3.1.1, or none configured) there is nothing to check.
    const std::optional<quint16> maximum = m_settings.receiveMaximum;
    return m_version == ProtocolVersion::V5 && maximum && *maximum > 0
        && m_inboundQos2.size() + m_unwrittenPubacks >= *maximum;
}

void Session::handlePubAck(const PubAckPacket &ack, SessionOutput &out)
{
    const quint16 id = ack.packetId;
    const bool v5 = m_version == ProtocolVersion::V5;
    if (ack.type == PacketType::Pubrel) {
        // [MQTT-4.3.3-11]: PUBCOMP with the same id; the id is free for a new message now.
        const bool known = m_inboundQos2.remove(id);
        writePacket(
            PubAckPacket{PacketType::Pubcomp,
                         id,
                         known || !v5 ? ReasonCode::Success : ReasonCode::PacketIdentifierNotFound,
                         {}},
            out);
        return;
    }
    const auto it = m_inFlight.find(id);
    using Stage = InFlightPublish::Stage;
    const Stage expected = ack.type == PacketType::Puback ? Stage::AwaitingPuback
        : ack.type == PacketType::Pubrec                  ? Stage::AwaitingPubrec
                                                          : Stage::AwaitingPubcomp;
    if (ack.type == PacketType::Pubrec && it != m_inFlight.end()
        && it->stage == Stage::AwaitingPubcomp) {
        writePacket(PubAckPacket{PacketType::Pubrel, id, ReasonCode::Success, {}},
                    out); // our PUBREL was lost
        return;
    }
    if (it == m_inFlight.end() || it->stage != expected) {
        // Not ours (any more): the spec asks for no reaction but a PUBREL to a stray PUBREC,
        // so that the server can free the id.
        qCInfo(lcClient) << packetTypeName(ack.type) << "for unknown packet id" << id << "ignored";
        if (ack.type == PacketType::Pubrec && !isError(ack.reason))
            writePacket(
                PubAckPacket{PacketType::Pubrel,
                             id,
                             v5 ? ReasonCode::PacketIdentifierNotFound : ReasonCode::Success,
                             {}},
                out);
        return;
    }
    if (ack.type == PacketType::Pubrec && !isError(ack.reason)) {
        it->stage = Stage::AwaitingPubcomp;
        writePacket(PubAckPacket{PacketType::Pubrel, id, ReasonCode::Success, {}}, out);
        return;
    }
    const quint64 token = it->token;
    m_inFlight.erase(it);
    m_packetIds.release(id);
    out.events.append(
        PublishFinished{token, ack.reason, ack.properties.reasonString.value_or(QString())});
    pumpControl(out);
    pumpPublishes(out);
}

void Session::handleControlAck(quint16 packetId, const Packet &ack, SessionOutput &out)
{
    const bool isSuback = std::holds_alternative<SubackPacket>(ack);
    for (qsizetype i = 0; i < m_awaitingAck.size(); ++i) {
        const ControlRequest &request = m_awaitingAck.at(i);
        const quint16 id =
            std::visit([](const auto &packet) { return packet.packetId; }, request.packet);
        if (id != packetId || std::holds_alternative<SubscribePacket>(request.packet) != isSuback)
            continue;
        const quint64 token = request.token;
        m_awaitingAck.removeAt(i);
        m_packetIds.release(packetId);
        if (isSuback)
            out.events.append(SubscribeFinished{token, std::get<SubackPacket>(ack)});
        else
            out.events.append(UnsubscribeFinished{token, std::get<UnsubackPacket>(ack)});
        pumpControl(out);
        pumpPublishes(out);
        return;
    }
    qCInfo(lcClient) << packetTypeName(packetTypeOf(ack)) << "for unknown packet id" << packetId
                     << "ignored";
}

} // namespace mqttscope
