// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector/packetdetails.h"

#include "client/packettrace.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("PacketDetails", text, disambiguation, n);
}

QString yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

QString seconds(quint32 value)
{
    return tr("%1 s").arg(value);
}

QString reasonText(quint8 code)
{
    return u"0x%1 %2"_s.arg(code, 2, 16, QLatin1Char('0')).arg(reasonCodeName(ReasonCode(code)));
}

template<typename T>
QString optionalText(const std::optional<T> &value, const QString &absent)
{
    return value ? QString::number(*value) : absent;
}

void addFlag(QList<PacketField> &fields, PropertyId id, const std::optional<quint8> &value)
{
    if (value)
        fields.append({propertyName(id), QString::number(*value)});
}

void addText(QList<PacketField> &fields, PropertyId id, const std::optional<QString> &value)
{
    if (value)
        fields.append({propertyName(id), *value});
}

template<typename T>
void addNumber(QList<PacketField> &fields, PropertyId id, const std::optional<T> &value)
{
    if (value)
        fields.append({propertyName(id), QString::number(*value)});
}

void addBinary(QList<PacketField> &fields, PropertyId id, const std::optional<QByteArray> &value)
{
    if (value)
        fields.append({propertyName(id), payloadPreviewText(*value)});
}

void appendConnect(QList<PacketField> &fields, const ConnectPacket &connect)
{
    const bool v5 = connect.version == ProtocolVersion::V5;
    fields.append(
        {tr("Protocol version"), QString::fromLatin1(protocolVersionName(connect.version))});
    fields.append(
        {tr("Client identifier"),
         connect.clientId.isEmpty() ? tr("(empty: the server assigns one)") : connect.clientId});
    fields.append({v5 ? tr("Clean start") : tr("Clean session"), yesNo(connect.cleanStart)});
    fields.append({tr("Keep alive"), seconds(connect.keepAlive)});
    fields.append({tr("User name"), connect.username.value_or(tr("(none)"))});
    fields.append({tr("Password"),
                   connect.password
                       ? tr("%n byte(s), not shown", nullptr, int(connect.password->size()))
                       : tr("(none)")});
    if (connect.will) {
        const Will &will = *connect.will;
        fields.append({tr("Will topic"), QString::fromUtf8(will.topic)});
        fields.append({tr("Will QoS, retain"), u"%1, %2"_s.arg(will.qos).arg(yesNo(will.retain))});
        fields.append({tr("Will payload"), payloadPreviewText(will.payload)});
        for (const PacketField &field : propertyFields(will.properties))
            fields.append({tr("Will %1").arg(field.name), field.value});
    }
}

// What was asked beside what the server granted: "60 s → 30 s".
void appendGranted(QList<PacketField> &fields, const QString &name, const QString &asked,
                   const QString &granted)
{
    fields.append({name, tr("asked %1, granted %2").arg(asked, granted)});
}

void appendConnack(QList<PacketField> &fields, const ConnackPacket &connack,
                   const ConnectPacket *connect)
{
    fields.append({tr("Session present"), yesNo(connack.sessionPresent)});
    fields.append({tr("Return code"), reasonText(connack.rawReturnCode)});
    if (!connect)
        return;
    const Properties &asked = connect->properties;
    const Properties &granted = connack.properties;
    const QString none = tr("none");
    appendGranted(fields, tr("Client identifier"),
                  connect->clientId.isEmpty() ? tr("(empty)") : connect->clientId,
                  granted.assignedClientIdentifier.value_or(connect->clientId));
    appendGranted(fields, tr("Keep alive"), seconds(connect->keepAlive),
                  seconds(granted.serverKeepAlive.value_or(connect->keepAlive)));
    if (connect->version == ProtocolVersion::V5) {
        appendGranted(fields, propertyName(PropertyId::SessionExpiryInterval),
                      seconds(asked.sessionExpiryInterval.value_or(0)),
                      seconds(granted.sessionExpiryInterval.value_or(
                          asked.sessionExpiryInterval.value_or(0))));
        appendGranted(fields, tr("Receive maximum (ours, the server's)"),
                      optionalText(asked.receiveMaximum, u"65535"_s),
                      optionalText(granted.receiveMaximum, u"65535"_s));
        appendGranted(fields, tr("Maximum packet size (ours, the server's)"),
                      optionalText(asked.maximumPacketSize, none),
                      optionalText(granted.maximumPacketSize, none));
        appendGranted(fields, tr("Topic alias maximum (ours, the server's)"),
                      optionalText(asked.topicAliasMaximum, u"0"_s),
                      optionalText(granted.topicAliasMaximum, u"0"_s));
        fields.append({tr("Maximum QoS"), optionalText(granted.maximumQoS, u"2"_s)});
        fields.append({tr("Retain available"), yesNo(granted.retainAvailable.value_or(1))});
    }
}

void appendPublish(QList<PacketField> &fields, const PublishPacket &publish,
                   const PacketTraceEntry &entry)
{
    fields.append({tr("Topic"),
                   publish.topic.isEmpty() ? tr("(from the topic alias)")
                                           : QString::fromUtf8(publish.topic)});
    fields.append(
        {tr("QoS, retain, DUP"),
         u"%1, %2, %3"_s.arg(publish.qos).arg(yesNo(publish.retain), yesNo(publish.dup))});
    if (publish.qos > 0)
        fields.append({tr("Packet identifier"), QString::number(publish.packetId)});
    fields.append(propertyFields(publish.properties));
    fields.append({tr("Payload size"), tr("%n byte(s)", nullptr, int(entry.payloadSize))});
    QString preview = payloadPreviewText(publish.payload);
    if (entry.isTruncated())
        preview = tr("%1 … (the first %2 bytes)").arg(preview).arg(publish.payload.size());
    fields.append({tr("Payload"), preview});
}

QString subscriptionText(const Subscription &subscription, bool v5)
{
    QString text = tr("%1 (QoS %2)").arg(subscription.filter).arg(subscription.qos);
    if (v5)
        text += tr(", no local %1, retain as published %2, retain handling %3")
                    .arg(yesNo(subscription.noLocal), yesNo(subscription.retainAsPublished))
                    .arg(int(subscription.retainHandling));
    return text;
}

void appendReasons(QList<PacketField> &fields, const QList<ReasonCode> &reasons)
{
    for (qsizetype i = 0; i < reasons.size(); ++i)
        fields.append({tr("Reason %1").arg(i + 1), reasonText(quint8(reasons.at(i)))});
}

void appendFields(QList<PacketField> &fields, const Packet &packet, const PacketTraceEntry &entry,
                  const ConnectPacket *connect)
{
    const bool v5 = entry.version == ProtocolVersion::V5;
    if (const auto *p = std::get_if<ConnectPacket>(&packet)) {
        appendConnect(fields, *p);
        fields.append(propertyFields(p->properties));
    } else if (const auto *p = std::get_if<ConnackPacket>(&packet)) {
        appendConnack(fields, *p, connect);
        fields.append(propertyFields(p->properties));
    } else if (const auto *p = std::get_if<PublishPacket>(&packet)) {
        appendPublish(fields, *p, entry);
    } else if (const auto *p = std::get_if<PubAckPacket>(&packet)) {
        fields.append({tr("Packet identifier"), QString::number(p->packetId)});
        if (v5)
            fields.append({tr("Reason code"), reasonText(quint8(p->reason))});
        fields.append(propertyFields(p->properties));
    } else if (const auto *p = std::get_if<SubscribePacket>(&packet)) {
        fields.append({tr("Packet identifier"), QString::number(p->packetId)});
        for (qsizetype i = 0; i < p->subscriptions.size(); ++i)
            fields.append(
                {tr("Filter %1").arg(i + 1), subscriptionText(p->subscriptions.at(i), v5)});
        fields.append(propertyFields(p->properties));
    } else if (const auto *p = std::get_if<SubackPacket>(&packet)) {
        fields.append({tr("Packet identifier"), QString::number(p->packetId)});
        appendReasons(fields, p->reasons);
        fields.append(propertyFields(p->properties));
    } else if (const auto *p = std::get_if<UnsubscribePacket>(&packet)) {
        fields.append({tr("Packet identifier"), QString::number(p->packetId)});
        for (qsizetype i = 0; i < p->filters.size(); ++i)
            fields.append({tr("Filter %1").arg(i + 1), p->filters.at(i)});
        fields.append(propertyFields(p->properties));
    } else if (const auto *p = std::get_if<UnsubackPacket>(&packet)) {
        fields.append({tr("Packet identifier"), QString::number(p->packetId)});
        appendReasons(fields, p->reasons);
        fields.append(propertyFields(p->properties));
    } else if (const auto *p = std::get_if<DisconnectPacket>(&packet)) {
        if (v5)
            fields.append({tr("Reason code"), reasonText(quint8(p->reason))});
        fields.append(propertyFields(p->properties));
    } else if (const auto *p = std::get_if<AuthPacket>(&packet)) {
        fields.append({tr("Reason code"), reasonText(quint8(p->reason))});
        fields.append(propertyFields(p->properties));
    }
}

} // namespace

QString payloadPreviewText(QByteArrayView payload)
{
    const bool printable =
        payload.isValidUtf8() && std::none_of(payload.begin(), payload.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t';
        });
    return printable ? QString::fromUtf8(payload)
                     : QString::fromLatin1(payload.toByteArray().toHex(' '));
}

QList<PacketField> propertyFields(const Properties &p)
{
    QList<PacketField> fields;
    addFlag(fields, PropertyId::PayloadFormatIndicator, p.payloadFormatIndicator);
    addNumber(fields, PropertyId::MessageExpiryInterval, p.messageExpiryInterval);
    addText(fields, PropertyId::ContentType, p.contentType);
    addText(fields, PropertyId::ResponseTopic, p.responseTopic);
    addBinary(fields, PropertyId::CorrelationData, p.correlationData);
    for (const quint32 id : p.subscriptionIdentifiers)
        fields.append({propertyName(PropertyId::SubscriptionIdentifier), QString::number(id)});
    addNumber(fields, PropertyId::SessionExpiryInterval, p.sessionExpiryInterval);
    addText(fields, PropertyId::AssignedClientIdentifier, p.assignedClientIdentifier);
    addNumber(fields, PropertyId::ServerKeepAlive, p.serverKeepAlive);
    addText(fields, PropertyId::AuthenticationMethod, p.authenticationMethod);
    addBinary(fields, PropertyId::AuthenticationData, p.authenticationData);
    addFlag(fields, PropertyId::RequestProblemInformation, p.requestProblemInformation);
    addNumber(fields, PropertyId::WillDelayInterval, p.willDelayInterval);
    addFlag(fields, PropertyId::RequestResponseInformation, p.requestResponseInformation);
    addText(fields, PropertyId::ResponseInformation, p.responseInformation);
    addText(fields, PropertyId::ServerReference, p.serverReference);
    addText(fields, PropertyId::ReasonString, p.reasonString);
    addNumber(fields, PropertyId::ReceiveMaximum, p.receiveMaximum);
    addNumber(fields, PropertyId::TopicAliasMaximum, p.topicAliasMaximum);
    addNumber(fields, PropertyId::TopicAlias, p.topicAlias);
    addFlag(fields, PropertyId::MaximumQoS, p.maximumQoS);
    addFlag(fields, PropertyId::RetainAvailable, p.retainAvailable);
    addNumber(fields, PropertyId::MaximumPacketSize, p.maximumPacketSize);
    addFlag(fields, PropertyId::WildcardSubscriptionAvailable, p.wildcardSubscriptionAvailable);
    addFlag(fields, PropertyId::SubscriptionIdentifierAvailable, p.subscriptionIdentifierAvailable);
    addFlag(fields, PropertyId::SharedSubscriptionAvailable, p.sharedSubscriptionAvailable);
    for (const UserProperty &user : p.userProperties)
        fields.append(
            {propertyName(PropertyId::UserProperty), user.first + u" = "_s + user.second});
    return fields;
}

QList<PacketField> packetDetails(const PacketTraceEntry &entry, const PacketTraceEntry *connect)
{
    QList<PacketField> fields;
    fields.append({tr("Type"), packetTypeName(entry.type)});
    fields.append(
        {tr("Direction"), entry.direction == PacketDirection::Sent ? tr("sent") : tr("received")});
    fields.append({tr("Fixed header flags"), u"0b%1"_s.arg(entry.flags, 4, 2, QLatin1Char('0'))});
    fields.append({tr("Size"), tr("%n byte(s)", nullptr, int(entry.size))});
    const DecodeResult decoded = decodeTraced(entry);
    if (const auto *error = std::get_if<ProtocolError>(&decoded)) {
        fields.append({tr("Does not decode"), error->message});
        return fields;
    }
    std::optional<ConnectPacket> asked;
    if (connect) {
        const DecodeResult connectDecoded = decodeTraced(*connect);
        if (const auto *packet = std::get_if<Packet>(&connectDecoded))
            if (const auto *c = std::get_if<ConnectPacket>(packet))
                asked = *c;
    }
    appendFields(fields, std::get<Packet>(decoded), entry, asked ? &*asked : nullptr);
    return fields;
}

} // namespace mqttscope
