// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/packets.h"

namespace mqttscope {

QString packetTypeName(PacketType type)
{
    switch (type) {
    case PacketType::Connect:
        return QStringLiteral("CONNECT");
    case PacketType::Connack:
        return QStringLiteral("CONNACK");
    case PacketType::Publish:
        return QStringLiteral("PUBLISH");
    case PacketType::Puback:
        return QStringLiteral("PUBACK");
    case PacketType::Pubrec:
        return QStringLiteral("PUBREC");
    case PacketType::Pubrel:
        return QStringLiteral("PUBREL");
    case PacketType::Pubcomp:
        return QStringLiteral("PUBCOMP");
    case PacketType::Subscribe:
        return QStringLiteral("SUBSCRIBE");
    case PacketType::Suback:
        return QStringLiteral("SUBACK");
    case PacketType::Unsubscribe:
        return QStringLiteral("UNSUBSCRIBE");
    case PacketType::Unsuback:
        return QStringLiteral("UNSUBACK");
    case PacketType::Pingreq:
        return QStringLiteral("PINGREQ");
    case PacketType::Pingresp:
        return QStringLiteral("PINGRESP");
    case PacketType::Disconnect:
        return QStringLiteral("DISCONNECT");
    case PacketType::Auth:
        return QStringLiteral("AUTH");
    }
    return QStringLiteral("reserved packet type %1").arg(uint(type));
}

PacketType packetTypeOf(const Packet &packet)
{
    struct TypeOf
    {
        PacketType operator()(const ConnectPacket &) const { return PacketType::Connect; }
        PacketType operator()(const ConnackPacket &) const { return PacketType::Connack; }
        PacketType operator()(const PublishPacket &) const { return PacketType::Publish; }
        PacketType operator()(const PubAckPacket &p) const { return p.type; }
        PacketType operator()(const SubscribePacket &) const { return PacketType::Subscribe; }
        PacketType operator()(const SubackPacket &) const { return PacketType::Suback; }
        PacketType operator()(const UnsubscribePacket &) const { return PacketType::Unsubscribe; }
        PacketType operator()(const UnsubackPacket &) const { return PacketType::Unsuback; }
        PacketType operator()(const PingreqPacket &) const { return PacketType::Pingreq; }
        PacketType operator()(const PingrespPacket &) const { return PacketType::Pingresp; }
        PacketType operator()(const DisconnectPacket &) const { return PacketType::Disconnect; }
        PacketType operator()(const AuthPacket &) const { return PacketType::Auth; }
    };
    return std::visit(TypeOf{}, packet);
}

} // namespace mqttscope
