// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/codec.h"

#include "protocol/bytereader.h"
#include "protocol/bytewriter.h"
#include "protocol/propertycodec.h"
#include "protocol/topic.h"

#include <QCoreApplication>

#include <algorithm>
#include <initializer_list>

namespace mqttscope {

// The reason codes each 5.0 packet may carry (the "Reason Code values" table of each packet).
bool isAllowedReason(PacketType type, quint8 code)
{
    const auto in = [code](std::initializer_list<quint8> allowed) {
        return std::find(allowed.begin(), allowed.end(), code) != allowed.end();
    };
    switch (type) {
    case PacketType::Connack: // 3.2.2.2
        return code == 0x00 || (code >= 0x80 && code <= 0x8A)
            || in({0x8C, 0x90, 0x95, 0x97, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9F});
    case PacketType::Puback: // 3.4.2.1, 3.5.2.1
    case PacketType::Pubrec:
        return in({0x00, 0x10, 0x80, 0x83, 0x87, 0x90, 0x91, 0x97, 0x99});
    case PacketType::Pubrel: // 3.6.2.1, 3.7.2.1
    case PacketType::Pubcomp:
        return in({0x00, 0x92});
    case PacketType::Suback: // 3.9.3
        return in({0x00, 0x01, 0x02, 0x80, 0x83, 0x87, 0x8F, 0x91, 0x97, 0x9E, 0xA1, 0xA2});
    case PacketType::Unsuback: // 3.11.3
        return in({0x00, 0x11, 0x80, 0x83, 0x87, 0x8F, 0x91});
    case PacketType::Disconnect: // 3.14.2.1
        return in({0x00, 0x04}) || (code >= 0x80 && code <= 0x83) || code == 0x87
            || (code >= 0x89 && code <= 0xA2 && code != 0x8A && code != 0x8C && code != 0x91
                && code != 0x92);
    case PacketType::Auth: // 3.15.2.1
        return in({0x00, 0x18, 0x19});
    default:
        return false;
    }
}

namespace {

// The translation context of this file's messages, in the form lupdate understands.
struct Codec
{
    Q_DECLARE_TR_FUNCTIONS(mqttscope::Codec)
};

bool isV5(ProtocolVersion version)
{
    return version == ProtocolVersion::V5;
}

// ---------------------------------------------------------------------------------------------
// Decoding. Each decodeX reads the variable header and payload after the fixed header; errors
// go into the reader (first one wins) and decodePacket turns them into the result.

// A PUBACK or PUBREC refusing a message with an error code its table does not list: mosquitto 2.0
// answers a PUBLISH over its message_size_limit with PUBACK 0x95 (Packet too large). The message
// was refused all the same, so it is taken as the refusal it plainly is; the client logs the
// breach.
bool isUnlistedRefusal(PacketType type, quint8 code)
{
    return (type == PacketType::Puback || type == PacketType::Pubrec) && code >= 0x80;
}

ReasonCode readReasonCode(ByteReader &r)
{
    const quint8 code = r.u8("reason code");
    if (r.ok() && !isAllowedReason(r.packet(), code) && !isUnlistedRefusal(r.packet(), code)) {
        r.fail(ReasonCode::ProtocolError,
               Codec::tr("reason code 0x%1 is not allowed in this packet")
                   .arg(uint(code), 2, 16, QLatin1Char('0')));
    }
    return ReasonCode(code);
}

// [MQTT-2.3.1-1] (3.1.1), [MQTT-2.2.1-3] (5.0): packets that carry an identifier carry a
// non-zero one.
quint16 readPacketId(ByteReader &r)
{
    const quint16 id = r.u16("packet identifier");
    if (r.ok() && id == 0)
        r.fail(ReasonCode::ProtocolError, Codec::tr("packet identifier is 0"));
    return id;
}

// A topic name in PUBLISH or a will topic: UTF-8, without wildcards [MQTT-3.3.2-2]. Emptiness is
// checked by the caller since a 5.0 PUBLISH may stand in a topic alias for it.
QByteArrayView readTopicName(ByteReader &r, const char *field)
{
    const QByteArrayView topic = r.utf8(field);
    if (r.ok() && Topic::containsWildcard(topic)) {
        r.fail(ReasonCode::ProtocolError,
               Codec::tr("%1 contains a wildcard character").arg(Codec::tr(field)));
    }
    return topic;
}

void decodeConnect(ByteReader &r, ConnectPacket &p)
{
    const QByteArrayView protocolName = r.lengthPrefixed("protocol name");
    const quint8 level = r.u8("protocol level");
    if (!r.ok())
        return;
    // [MQTT-3.1.2-1], [MQTT-3.1.2-2]: "MQTT" with level 4 or 5; MQTT 3.1 used "MQIsdp" level 3.
    const bool mqtt = protocolName == QByteArrayView("MQTT") && (level == 4 || level == 5);
    const bool mqisdp = protocolName == QByteArrayView("MQIsdp") && level == 3;
    if (!mqtt && !mqisdp) {
        r.fail(ReasonCode::UnsupportedProtocolVersion,
               Codec::tr("unsupported protocol \"%1\" level %2")
                   .arg(QString::fromLatin1(
                       protocolName.first(qMin(protocolName.size(), qsizetype(16)))))
                   .arg(uint(level)));
        return;
    }
    p.version = ProtocolVersion(level);
    const bool v5 = isV5(p.version);

    const quint8 flags = r.u8("connect flags");
    if (!r.ok())
        return;
    if (flags & 0x01) // [MQTT-3.1.2-3]
        r.fail(ReasonCode::MalformedPacket, Codec::tr("reserved connect flag is set"));
    const bool willFlag = flags & 0x04;
    const quint8 willQos = (flags >> 3) & 0x03;
    const bool willRetain = flags & 0x20;
    const bool passwordFlag = flags & 0x40;
    const bool usernameFlag = flags & 0x80;
    if (willQos == 3) // [MQTT-3.1.2-14] (3.1.1), [MQTT-3.1.2-12] (5.0)
        r.fail(ReasonCode::MalformedPacket, Codec::tr("will QoS is 3"));
    // [MQTT-3.1.2-13], [MQTT-3.1.2-15] (3.1.1); [MQTT-3.1.2-11], [MQTT-3.1.2-13] (5.0)
    if (!willFlag && (willQos != 0 || willRetain))
        r.fail(ReasonCode::MalformedPacket,
               Codec::tr("will QoS or will retain set without a will"));
    if (!v5 && passwordFlag && !usernameFlag) // [MQTT-3.1.2-22] (3.1.1 only)
        r.fail(ReasonCode::MalformedPacket, Codec::tr("password flag set without user name flag"));
    p.cleanStart = flags & 0x02;
    p.keepAlive = r.u16("keep alive");
    if (v5)
        readProperties(r, PropertyPlace::Connect, p.properties);

    p.clientId = r.string("client identifier");
    if (willFlag) {
        Will &will = p.will.emplace();
        will.qos = willQos;
        will.retain = willRetain;
        if (v5)
            readProperties(r, PropertyPlace::Will, will.properties);
        will.topic = readTopicName(r, "will topic").toByteArray();
        if (r.ok() && will.topic.isEmpty()) // [MQTT-4.7.3-1]
            r.fail(ReasonCode::ProtocolError, Codec::tr("will topic is empty"));
        will.payload = r.lengthPrefixed("will payload").toByteArray();
    }
    if (usernameFlag)
        p.username = r.string("user name");
    if (passwordFlag)
        p.password = r.lengthPrefixed("password").toByteArray();
}

void decodeConnack(ByteReader &r, bool v5, ConnackPacket &p)
{
    const quint8 flags = r.u8("connect acknowledge flags");
    if (r.ok() && (flags & 0xFE)) // [MQTT-3.2.2-1] (5.0); reserved in 3.1.1 too
        r.fail(ReasonCode::MalformedPacket,
               Codec::tr("reserved connect acknowledge flags are set"));
    p.sessionPresent = flags & 0x01;
    p.rawReturnCode = r.u8(v5 ? "reason code" : "return code");
    if (!r.ok())
        return;
    if (v5) {
        p.reason = ReasonCode(p.rawReturnCode);
        if (!isAllowedReason(PacketType::Connack, p.rawReturnCode))
            r.fail(ReasonCode::ProtocolError,
                   Codec::tr("reason code 0x%1 is not allowed in this packet")
                       .arg(uint(p.rawReturnCode), 2, 16, QLatin1Char('0')));
        readProperties(r, PropertyPlace::Connack, p.properties);
    } else {
        if (p.rawReturnCode > 5) // 3.2.2.3: 6-255 are reserved
            r.fail(ReasonCode::ProtocolError,
                   Codec::tr("reserved return code %1").arg(uint(p.rawReturnCode)));
        p.reason = connackReturnCodeToReason(p.rawReturnCode);
    }
    // Session present on a refusal is against [MQTT-3.2.2-4] (3.1.1) and [MQTT-3.2.2-6] (5.0),
    // yet 3.1.1-only brokers answer a 5.0 CONNECT that way: decoded as sent, for the client to
    // take as the refusal it plainly is.
}

void decodePublish(ByteReader &r, quint8 flags, bool v5, PublishPacket &p)
{
    p.qos = (flags >> 1) & 0x03;
    p.dup = flags & 0x08;
    p.retain = flags & 0x01;
    if (p.qos == 3) // [MQTT-3.3.1-4]
        r.fail(ReasonCode::MalformedPacket, Codec::tr("QoS is 3"));
    if (p.dup && p.qos == 0) // [MQTT-3.3.1-2]
        r.fail(ReasonCode::MalformedPacket, Codec::tr("DUP is set on a QoS 0 message"));
    const QByteArrayView topic = readTopicName(r, "topic name");
    if (p.qos > 0)
        p.packetId = readPacketId(r);
    if (v5)
        readProperties(r, PropertyPlace::Publish, p.properties);
    if (!r.ok())
        return;
    if (topic.isEmpty()) {
        if (!v5) // [MQTT-4.7.3-1]
            return void(r.fail(ReasonCode::ProtocolError, Codec::tr("topic name is empty")));
        if (!p.properties->topicAlias) // 3.3.2.3.4
            return void(r.fail(ReasonCode::ProtocolError,
                               Codec::tr("topic name is empty and there is no topic alias")));
    }
    p.topic = topic.toByteArray();
    p.payload = r.rest().toByteArray();
}

void decodePubAck(ByteReader &r, bool v5, PubAckPacket &p)
{
    p.type = r.packet();
    p.packetId = readPacketId(r);
    // 5.0 3.4.2.1: a remaining length of 2 means Success without properties; below 4 there is
    // no property length.
    if (v5 && r.ok() && !r.atEnd()) {
        p.reason = readReasonCode(r);
        if (!r.atEnd())
            readProperties(r, PropertyPlace::PubAck, p.properties);
    }
}

void decodeSubscribe(ByteReader &r, bool v5, SubscribePacket &p)
{
    p.packetId = readPacketId(r);
    if (v5)
        readProperties(r, PropertyPlace::Subscribe, p.properties);
    while (r.ok() && !r.atEnd()) {
        Subscription s;
        const QByteArrayView filter = r.utf8("topic filter");
        s.filter = QString::fromUtf8(filter);
        const quint8 options = r.u8("subscription options");
        if (!r.ok())
            return;
        s.qos = options & 0x03;
        if (s.qos == 3) // [MQTT-3.8.3-4] (3.1.1); 5.0 3.8.3.1
            return void(r.fail(ReasonCode::MalformedPacket, Codec::tr("requested QoS is 3")));
        if (v5) {
            if (options & 0xC0) // [MQTT-3.8.3-5]
                return void(r.fail(ReasonCode::MalformedPacket,
                                   Codec::tr("reserved subscription option bits are set")));
            s.noLocal = options & 0x04;
            s.retainAsPublished = options & 0x08;
            const quint8 retainHandling = (options >> 4) & 0x03;
            if (retainHandling == 3) // 3.8.3.1
                return void(r.fail(ReasonCode::ProtocolError, Codec::tr("retain handling is 3")));
            s.retainHandling = RetainHandling(retainHandling);
            if (s.noLocal && Topic::isShared(filter)) // [MQTT-3.8.3-4] (5.0)
                return void(r.fail(ReasonCode::ProtocolError,
                                   Codec::tr("no local is set on a shared subscription")));
        } else if (options & 0xFC) { // [MQTT-3-8.3-4] (3.1.1)
            return void(r.fail(ReasonCode::MalformedPacket,
                               Codec::tr("reserved subscription option bits are set")));
        }
        p.subscriptions.append(std::move(s));
    }
    if (r.ok() && p.subscriptions.isEmpty()) // [MQTT-3.8.3-3] (3.1.1), [MQTT-3.8.3-2] (5.0)
        r.fail(ReasonCode::ProtocolError, Codec::tr("no topic filters"));
}

void decodeSuback(ByteReader &r, bool v5, SubackPacket &p)
{
    p.packetId = readPacketId(r);
    if (v5)
        readProperties(r, PropertyPlace::Suback, p.properties);
    while (r.ok() && !r.atEnd()) {
        if (v5) {
            p.reasons.append(readReasonCode(r));
            continue;
        }
        const quint8 code = r.u8("return code");
        if (code > 2 && code != 0x80) // 3.9.3: 0x00, 0x01, 0x02 and 0x80 only
            r.fail(ReasonCode::ProtocolError,
                   Codec::tr("reserved return code 0x%1").arg(uint(code), 2, 16, QLatin1Char('0')));
        p.reasons.append(ReasonCode(code)); // 0x80 Failure reads as UnspecifiedError
    }
    if (r.ok() && p.reasons.isEmpty())
        r.fail(ReasonCode::ProtocolError, Codec::tr("no return codes"));
}

void decodeUnsubscribe(ByteReader &r, bool v5, UnsubscribePacket &p)
{
    p.packetId = readPacketId(r);
    if (v5)
        readProperties(r, PropertyPlace::Unsubscribe, p.properties);
    while (r.ok() && !r.atEnd())
        p.filters.append(r.string("topic filter"));
    if (r.ok() && p.filters.isEmpty()) // [MQTT-3.10.3-2]
        r.fail(ReasonCode::ProtocolError, Codec::tr("no topic filters"));
}

void decodeUnsuback(ByteReader &r, bool v5, UnsubackPacket &p)
{
    p.packetId = readPacketId(r);
    if (!v5)
        return; // 3.1.1 UNSUBACK has no payload
    readProperties(r, PropertyPlace::Unsuback, p.properties);
    while (r.ok() && !r.atEnd())
        p.reasons.append(readReasonCode(r));
    if (r.ok() && p.reasons.isEmpty())
        r.fail(ReasonCode::ProtocolError, Codec::tr("no reason codes"));
}

// DISCONNECT and AUTH: 5.0 allows omitting the reason code (Success) and the property length.
template<typename P>
void decodeReasonAndProperties(ByteReader &r, bool v5, PropertyPlace place, P &p)
{
    if (!v5 || r.atEnd())
        return;
    p.reason = readReasonCode(r);
    if (!r.atEnd())
        readProperties(r, place, p.properties);
}

// [MQTT-2.2.2-1], [MQTT-2.2.2-2] (3.1.1), [MQTT-2.1.3-1] (5.0): the flags of every packet but
// PUBLISH are fixed.
quint8 requiredFlags(PacketType type)
{
    switch (type) {
    case PacketType::Pubrel:
    case PacketType::Subscribe:
    case PacketType::Unsubscribe:
        return 0x02;
    default:
        return 0x00;
    }
}

template<typename P, typename Decode>
DecodeResult decodeInto(ByteReader &r, Decode decode)
{
    DecodeResult result{std::in_place_index<0>, std::in_place_type<P>};
    decode(std::get<P>(std::get<Packet>(result)));
    if (r.ok() && !r.atEnd()) {
        r.fail(ReasonCode::MalformedPacket,
               QCoreApplication::translate("mqttscope::Codec",
                                           "%n unexpected byte(s) after the end of the packet",
                                           nullptr, int(r.remaining())));
    }
    if (!r.ok())
        return *r.takeError();
    return result;
}

// ---------------------------------------------------------------------------------------------
// Encoding. Each encodeX writes everything after the remaining length; encodePacket runs it once
// with a counting writer to learn the size, then once into a buffer of exactly that size.

quint8 fixedHeader(PacketType type, quint8 flags)
{
    return quint8(quint8(type) << 4) | flags;
}

void encode(ByteWriter &w, const ConnectPacket &p)
{
    const bool v5 = isV5(p.version);
    if (p.version == ProtocolVersion::V31)
        w.binary("MQIsdp");
    else
        w.binary("MQTT");
    w.u8(quint8(p.version));
    quint8 flags = 0;
    if (p.cleanStart)
        flags |= 0x02;
    if (p.will) {
        flags |= 0x04 | quint8((p.will->qos & 0x03) << 3);
        if (p.will->retain)
            flags |= 0x20;
    }
    if (p.password)
        flags |= 0x40;
    if (p.username)
        flags |= 0x80;
    w.u8(flags);
    w.u16(p.keepAlive);
    if (v5)
        writeProperties(w, p.properties);
    w.string(p.clientId);
    if (p.will) {
        if (v5)
            writeProperties(w, p.will->properties);
        w.binary(p.will->topic);
        w.binary(p.will->payload);
    }
    if (p.username)
        w.string(*p.username);
    if (p.password)
        w.binary(*p.password);
}

void encode(ByteWriter &w, const ConnackPacket &p, bool v5)
{
    w.u8(p.sessionPresent ? 0x01 : 0x00);
    if (v5) {
        w.u8(quint8(p.reason));
        writeProperties(w, p.properties);
    } else {
        w.u8(connackReasonToReturnCode(p.reason));
    }
}

void encode(ByteWriter &w, const PublishPacket &p, bool v5)
{
    w.binary(p.topic);
    if (p.qos > 0)
        w.u16(p.packetId);
    if (v5)
        writeProperties(w, p.properties);
    w.raw(p.payload);
}

// Reason code and properties as 5.0 lets PUBACK & co, DISCONNECT and AUTH shorten them.
// `keepPropertyLength` is for AUTH, whose short form is all or nothing (3.15.2.1).
void encodeShortForm(ByteWriter &w, ReasonCode reason, const Properties &properties,
                     bool keepPropertyLength)
{
    const bool noProperties = properties.isEmpty();
    if (reason == ReasonCode::Success && noProperties)
        return;
    w.u8(quint8(reason));
    if (!noProperties || keepPropertyLength)
        writeProperties(w, properties);
}

void encode(ByteWriter &w, const PubAckPacket &p, bool v5)
{
    w.u16(p.packetId);
    if (v5)
        encodeShortForm(w, p.reason, p.properties, false);
}

quint8 subscriptionOptions(const Subscription &s, bool v5)
{
    quint8 options = s.qos & 0x03;
    if (v5) {
        if (s.noLocal)
            options |= 0x04;
        if (s.retainAsPublished)
            options |= 0x08;
        options |= quint8((quint8(s.retainHandling) & 0x03) << 4);
    }
    return options;
}

void encode(ByteWriter &w, const SubscribePacket &p, bool v5)
{
    w.u16(p.packetId);
    if (v5)
        writeProperties(w, p.properties);
    for (const Subscription &s : p.subscriptions) {
        w.string(s.filter);
        w.u8(subscriptionOptions(s, v5));
    }
}

void encode(ByteWriter &w, const SubackPacket &p, bool v5)
{
    w.u16(p.packetId);
    if (v5)
        writeProperties(w, p.properties);
    for (ReasonCode reason : p.reasons)
        w.u8(quint8(reason));
}

void encode(ByteWriter &w, const UnsubscribePacket &p, bool v5)
{
    w.u16(p.packetId);
    if (v5)
        writeProperties(w, p.properties);
    for (const QString &filter : p.filters)
        w.string(filter);
}

void encode(ByteWriter &w, const UnsubackPacket &p, bool v5)
{
    w.u16(p.packetId);
    if (!v5)
        return;
    writeProperties(w, p.properties);
    for (ReasonCode reason : p.reasons)
        w.u8(quint8(reason));
}

void encode(ByteWriter &w, const DisconnectPacket &p, bool v5)
{
    if (v5)
        encodeShortForm(w, p.reason, p.properties, false);
}

void encode(ByteWriter &w, const AuthPacket &p, bool v5)
{
    if (v5)
        encodeShortForm(w, p.reason, p.properties, true);
}

struct FixedHeaderOf
{
    quint8 operator()(const ConnectPacket &) const { return fixedHeader(PacketType::Connect, 0); }
    quint8 operator()(const ConnackPacket &) const { return fixedHeader(PacketType::Connack, 0); }
    quint8 operator()(const PublishPacket &p) const
    {
        return fixedHeader(
            PacketType::Publish,
            quint8((p.dup ? 0x08 : 0) | ((p.qos & 0x03) << 1) | (p.retain ? 0x01 : 0)));
    }
    quint8 operator()(const PubAckPacket &p) const
    {
        return fixedHeader(p.type, requiredFlags(p.type));
    }
    quint8 operator()(const SubscribePacket &) const
    {
        return fixedHeader(PacketType::Subscribe, 0x02);
    }
    quint8 operator()(const SubackPacket &) const { return fixedHeader(PacketType::Suback, 0); }
    quint8 operator()(const UnsubscribePacket &) const
    {
        return fixedHeader(PacketType::Unsubscribe, 0x02);
    }
    quint8 operator()(const UnsubackPacket &) const { return fixedHeader(PacketType::Unsuback, 0); }
    quint8 operator()(const PingreqPacket &) const { return fixedHeader(PacketType::Pingreq, 0); }
    quint8 operator()(const PingrespPacket &) const { return fixedHeader(PacketType::Pingresp, 0); }
    quint8 operator()(const DisconnectPacket &) const
    {
        return fixedHeader(PacketType::Disconnect, 0);
    }
    quint8 operator()(const AuthPacket &) const { return fixedHeader(PacketType::Auth, 0); }
};

struct BodyWriter
{
    ByteWriter &w;
    bool v5;
    void operator()(const ConnectPacket &p) const { encode(w, p); }
    void operator()(const PingreqPacket &) const { }
    void operator()(const PingrespPacket &) const { }
    template<typename P>
    void operator()(const P &p) const
    {
        encode(w, p, v5);
    }
};

} // namespace

QByteArray encodePacket(const Packet &packet, ProtocolVersion version)
{
    const bool v5 = isV5(version);
    ByteWriter counter;
    std::visit(BodyWriter{counter, v5}, packet);
    const auto remainingLength = quint32(counter.size());
    QByteArray out(1 + VariableByteInteger::encodedLength(remainingLength) + counter.size(),
                   Qt::Uninitialized);
    ByteWriter writer(out.data());
    writer.u8(std::visit(FixedHeaderOf{}, packet));
    writer.variableByteInteger(remainingLength);
    std::visit(BodyWriter{writer, v5}, packet);
    Q_ASSERT(writer.size() == out.size());
    return out;
}

DecodeResult decodePacket(QByteArrayView bytes, ProtocolVersion version)
{
    if (bytes.isEmpty())
        return ProtocolError{ReasonCode::MalformedPacket, Codec::tr("empty packet")};
    const auto header = quint8(bytes[0]);
    const quint8 typeValue = header >> 4;
    const quint8 flags = header & 0x0F;
    const bool v5 = isV5(version);
    if (typeValue == 0 || (typeValue == quint8(PacketType::Auth) && !v5)) {
        return ProtocolError{ReasonCode::MalformedPacket,
                             Codec::tr("reserved packet type %1").arg(uint(typeValue))};
    }
    const auto type = PacketType(typeValue);
    ByteReader r(bytes, type);
    r.u8("fixed header");
    const quint32 remainingLength = r.variableByteInteger("remaining length");
    if (r.ok() && remainingLength != quint32(r.remaining())) {
        r.fail(ReasonCode::MalformedPacket,
               Codec::tr("remaining length is %1 but %2 bytes follow")
                   .arg(remainingLength)
                   .arg(r.remaining()));
    }
    if (r.ok() && type != PacketType::Publish && flags != requiredFlags(type)) {
        r.fail(ReasonCode::MalformedPacket,
               Codec::tr("reserved flags are 0x%1, must be 0x%2")
                   .arg(uint(flags), 1, 16)
                   .arg(uint(requiredFlags(type)), 1, 16));
    }
    if (!r.ok())
        return *r.takeError();

    switch (type) {
    case PacketType::Publish:
        return decodeInto<PublishPacket>(r,
                                         [&](PublishPacket &p) { decodePublish(r, flags, v5, p); });
    case PacketType::Connect:
        return decodeInto<ConnectPacket>(r, [&](ConnectPacket &p) { decodeConnect(r, p); });
    case PacketType::Connack:
        return decodeInto<ConnackPacket>(r, [&](ConnackPacket &p) { decodeConnack(r, v5, p); });
    case PacketType::Puback:
    case PacketType::Pubrec:
    case PacketType::Pubrel:
    case PacketType::Pubcomp:
        return decodeInto<PubAckPacket>(r, [&](PubAckPacket &p) { decodePubAck(r, v5, p); });
    case PacketType::Subscribe:
        return decodeInto<SubscribePacket>(r,
                                           [&](SubscribePacket &p) { decodeSubscribe(r, v5, p); });
    case PacketType::Suback:
        return decodeInto<SubackPacket>(r, [&](SubackPacket &p) { decodeSuback(r, v5, p); });
    case PacketType::Unsubscribe:
        return decodeInto<UnsubscribePacket>(
            r, [&](UnsubscribePacket &p) { decodeUnsubscribe(r, v5, p); });
    case PacketType::Unsuback:
        return decodeInto<UnsubackPacket>(r, [&](UnsubackPacket &p) { decodeUnsuback(r, v5, p); });
    case PacketType::Pingreq:
        return decodeInto<PingreqPacket>(r, [](PingreqPacket &) {});
    case PacketType::Pingresp:
        return decodeInto<PingrespPacket>(r, [](PingrespPacket &) {});
    case PacketType::Disconnect:
        return decodeInto<DisconnectPacket>(r, [&](DisconnectPacket &p) {
            decodeReasonAndProperties(r, v5, PropertyPlace::Disconnect, p);
        });
    case PacketType::Auth:
        return decodeInto<AuthPacket>(
            r, [&](AuthPacket &p) { decodeReasonAndProperties(r, v5, PropertyPlace::Auth, p); });
    }
    Q_UNREACHABLE();
    return ProtocolError{};
}

void appendVariableByteInteger(QByteArray &out, quint32 value)
{
    char buffer[4];
    ByteWriter writer(buffer);
    writer.variableByteInteger(std::min(value, MaximumVariableByteInteger));
    out.append(buffer, writer.size());
}

} // namespace mqttscope
