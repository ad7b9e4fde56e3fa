// SPDX-License-Identifier: GPL-3.0-or-later
#include "packetdebugline.h"

#include "client/packettrace.h"

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::cli {

namespace {

// mosquitto prints rc0 where 3.1.1 has no reason code.
int reasonOf(const PacketTraceEntry &entry)
{
    return entry.hasReasonCode() ? entry.reasonCode : 0;
}

QString publishText(const PacketTraceEntry &entry)
{
    return u"PUBLISH (d%1, q%2, r%3, m%4, '%5', ... (%6 bytes))"_s.arg((entry.flags >> 3) & 1)
        .arg(entry.qos())
        .arg(entry.flags & 1)
        .arg(entry.packetId)
        .arg(QString::fromUtf8(entry.publishTopic()))
        .arg(entry.payloadSize);
}

template<typename T>
std::optional<T> decodedAs(const PacketTraceEntry &entry)
{
    const DecodeResult decoded = decodeTraced(entry);
    if (const auto *packet = std::get_if<Packet>(&decoded))
        if (const auto *typed = std::get_if<T>(packet))
            return *typed;
    return std::nullopt;
}

QStringList subscribeTexts(const PacketTraceEntry &entry)
{
    QStringList texts;
    const auto subscribe = decodedAs<SubscribePacket>(entry);
    for (const Subscription &s : subscribe ? subscribe->subscriptions : QList<Subscription>{}) {
        // The subscription options byte without its QoS bits, as mosquitto shows it.
        const int options = (s.noLocal ? 0x04 : 0) | (s.retainAsPublished ? 0x08 : 0)
            | (int(s.retainHandling) << 4);
        texts.append(u"SUBSCRIBE (Mid: %1, Topic: %2, QoS: %3, Options: 0x%4)"_s.arg(entry.packetId)
                         .arg(s.filter)
                         .arg(s.qos)
                         .arg(options, 2, 16, QLatin1Char('0')));
    }
    return texts;
}

QStringList unsubscribeTexts(const PacketTraceEntry &entry)
{
    QStringList texts;
    const auto unsubscribe = decodedAs<UnsubscribePacket>(entry);
    for (const QString &filter : unsubscribe ? unsubscribe->filters : QList<QString>{})
        texts.append(u"UNSUBSCRIBE (Mid: %1, Topic: %2)"_s.arg(entry.packetId).arg(filter));
    return texts;
}

// What follows "sending ".
QStringList sentTexts(const PacketTraceEntry &entry)
{
    switch (entry.type) {
    case PacketType::Publish:
        return {publishText(entry)};
    case PacketType::Puback:
    case PacketType::Pubrec:
        return {u"%1 (m%2, rc%3)"_s.arg(packetTypeName(entry.type))
                    .arg(entry.packetId)
                    .arg(reasonOf(entry))};
    case PacketType::Pubrel:
    case PacketType::Pubcomp:
        return {u"%1 (m%2)"_s.arg(packetTypeName(entry.type)).arg(entry.packetId)};
    case PacketType::Subscribe:
        return subscribeTexts(entry);
    case PacketType::Unsubscribe:
        return unsubscribeTexts(entry);
    default:
        return {packetTypeName(entry.type)};
    }
}

// What follows "received ".
QString receivedText(const PacketTraceEntry &entry)
{
    switch (entry.type) {
    case PacketType::Connack:
        return u"CONNACK (%1)"_s.arg(reasonOf(entry));
    case PacketType::Publish:
        return publishText(entry);
    case PacketType::Puback:
    case PacketType::Pubcomp:
        return u"%1 (Mid: %2, RC:%3)"_s.arg(packetTypeName(entry.type))
            .arg(entry.packetId)
            .arg(reasonOf(entry));
    case PacketType::Pubrec:
    case PacketType::Pubrel:
        return u"%1 (Mid: %2)"_s.arg(packetTypeName(entry.type)).arg(entry.packetId);
    default:
        return packetTypeName(entry.type);
    }
}

} // namespace

QStringList mosquittoDebugLines(const PacketTraceEntry &entry, const QString &clientId)
{
    // libmosquitto says this one without the client.
    if (entry.direction == PacketDirection::Received && entry.type == PacketType::Disconnect)
        return {u"Received DISCONNECT (%1)"_s.arg(reasonOf(entry))};
    const QString prefix = u"Client %1 "_s.arg(clientId.isEmpty() ? u"(null)"_s : clientId);
    if (entry.direction == PacketDirection::Received)
        return {prefix + u"received "_s + receivedText(entry)};
    QStringList lines;
    for (const QString &text : sentTexts(entry))
        lines.append(prefix + u"sending "_s + text);
    return lines;
}

QString subscribedLine(const PacketTraceEntry &entry)
{
    if (entry.direction != PacketDirection::Received || entry.type != PacketType::Suback)
        return {};
    const auto suback = decodedAs<SubackPacket>(entry);
    QStringList granted;
    for (const ReasonCode reason : suback ? suback->reasons : QList<ReasonCode>{})
        granted.append(QString::number(int(reason)));
    return u"Subscribed (mid: %1): %2"_s.arg(entry.packetId).arg(granted.join(u", "_s));
}

} // namespace mqttscope::cli
