// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The control packets of MQTT 3.1.1 and 5.0 as plain values. These are deliberately grouped in one
// header: they are passive data, one struct per packet type, with no behaviour of their own.
// Strings that are UTF-8 on the wire are QString here except topic names on the hot path
// (QByteArray UTF-8, validated by the codec). Fields that only exist in 5.0 are ignored when
// encoding 3.1.1.

#include "protocol/properties.h"
#include "protocol/protocolversion.h"
#include "protocol/reasoncode.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace mqttscope {

enum class PacketType : quint8 {
    Connect = 1,
    Connack = 2,
    Publish = 3,
    Puback = 4,
    Pubrec = 5,
    Pubrel = 6,
    Pubcomp = 7,
    Subscribe = 8,
    Suback = 9,
    Unsubscribe = 10,
    Unsuback = 11,
    Pingreq = 12,
    Pingresp = 13,
    Disconnect = 14,
    Auth = 15, // 5.0 only
};

QString packetTypeName(PacketType type); // "CONNECT", "PUBLISH", ...

struct Will
{
    QByteArray topic; // UTF-8
    QByteArray payload;
    quint8 qos = 0;
    bool retain = false;
    Properties properties; // 5.0 will properties (will delay, expiry, content type, ...)
    friend bool operator==(const Will &, const Will &) = default;
};

struct ConnectPacket
{
    ProtocolVersion version = ProtocolVersion::V5;
    QString clientId;
    bool cleanStart = true; // "clean session" in 3.1.1
    quint16 keepAlive = 60;
    std::optional<QString> username;
    std::optional<QByteArray> password;
    std::optional<Will> will;
    Properties properties;
    friend bool operator==(const ConnectPacket &, const ConnectPacket &) = default;
};

struct ConnackPacket
{
    bool sessionPresent = false;
    ReasonCode reason = ReasonCode::Success; // 3.1.1 return codes mapped, see reasoncode.h
    quint8 rawReturnCode = 0; // the byte as received (3.1.1 return code or 5.0 reason)
    Properties properties;
    friend bool operator==(const ConnackPacket &, const ConnackPacket &) = default;
};

struct PublishPacket
{
    QByteArray topic; // UTF-8; empty when a 5.0 topic alias stands for it
    QByteArray payload;
    quint8 qos = 0;
    bool retain = false;
    bool dup = false;
    quint16 packetId = 0; // only for QoS 1 and 2, never 0 then [MQTT-2.3.1-1]
    SharedProperties properties; // null when none: the hot path never copies a Properties
    friend bool operator==(const PublishPacket &, const PublishPacket &) = default;
};

// PUBACK, PUBREC, PUBREL and PUBCOMP share one shape.
struct PubAckPacket
{
    PacketType type = PacketType::Puback;
    quint16 packetId = 0;
    ReasonCode reason = ReasonCode::Success;
    Properties properties; // reason string and user properties only
    friend bool operator==(const PubAckPacket &, const PubAckPacket &) = default;
};

enum class RetainHandling : quint8 {
    SendAtSubscribe = 0,
    SendAtSubscribeIfNew = 1,
    DoNotSend = 2,
};

struct Subscription
{
    QString filter;
    quint8 qos = 0;
    bool noLocal = false; // 5.0
    bool retainAsPublished = false; // 5.0
    RetainHandling retainHandling = RetainHandling::SendAtSubscribe; // 5.0
    friend bool operator==(const Subscription &, const Subscription &) = default;
};

struct SubscribePacket
{
    quint16 packetId = 0;
    QList<Subscription> subscriptions;
    Properties properties; // subscription identifier, user properties
    friend bool operator==(const SubscribePacket &, const SubscribePacket &) = default;
};

struct SubackPacket
{
    quint16 packetId = 0;
    QList<ReasonCode> reasons; // one per filter; 3.1.1's 0x80 failure maps to UnspecifiedError
    Properties properties;
    friend bool operator==(const SubackPacket &, const SubackPacket &) = default;
};

struct UnsubscribePacket
{
    quint16 packetId = 0;
    QList<QString> filters;
    Properties properties;
    friend bool operator==(const UnsubscribePacket &, const UnsubscribePacket &) = default;
};

struct UnsubackPacket
{
    quint16 packetId = 0;
    QList<ReasonCode> reasons; // empty for 3.1.1, which has no payload
    Properties properties;
    friend bool operator==(const UnsubackPacket &, const UnsubackPacket &) = default;
};

struct PingreqPacket
{
    friend bool operator==(const PingreqPacket &, const PingreqPacket &) = default;
};

struct PingrespPacket
{
    friend bool operator==(const PingrespPacket &, const PingrespPacket &) = default;
};

struct DisconnectPacket
{
    ReasonCode reason = ReasonCode::Success;
    Properties properties; // session expiry, reason string, server reference, user properties
    friend bool operator==(const DisconnectPacket &, const DisconnectPacket &) = default;
};

struct AuthPacket
{
    ReasonCode reason = ReasonCode::Success;
    Properties properties; // authentication method/data, reason string, user properties
    friend bool operator==(const AuthPacket &, const AuthPacket &) = default;
};

using Packet = std::variant<ConnectPacket, ConnackPacket, PublishPacket, PubAckPacket,
                            SubscribePacket, SubackPacket, UnsubscribePacket, UnsubackPacket,
                            PingreqPacket, PingrespPacket, DisconnectPacket, AuthPacket>;

PacketType packetTypeOf(const Packet &packet);

} // namespace mqttscope
