// SPDX-License-Identifier: GPL-3.0-or-later
#include "propertyargument.h"

#include "subcommandoptions.h"

#include <QCoreApplication>

#include <array>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::cli {
namespace {

enum class ValueType { Byte, TwoByte, FourByte, VarInt, String, Binary, Pair };

// The packets -D can add properties to; PUBACK & co. have no hook in the client.
enum Packet : unsigned {
    Connect = 1u << 0,
    Publish = 1u << 1,
    Subscribe = 1u << 2,
    Unsubscribe = 1u << 3,
    Disconnect = 1u << 4,
    Will = 1u << 5,
};
constexpr unsigned ServerOnly = 0; // properties only a server sends (CONNACK)

struct PropertyInfo
{
    PropertyId id;
    QLatin1StringView name;
    ValueType type;
    unsigned allowedIn; // Packet bits, from the MQTT 5.0 property table (section 2.2.2.2)
};

constexpr auto properties = std::to_array<PropertyInfo>({
    {PropertyId::PayloadFormatIndicator, "payload-format-indicator"_L1, ValueType::Byte,
     Publish | Will},
    {PropertyId::MessageExpiryInterval, "message-expiry-interval"_L1, ValueType::FourByte,
     Publish | Will},
    {PropertyId::ContentType, "content-type"_L1, ValueType::String, Publish | Will},
    {PropertyId::ResponseTopic, "response-topic"_L1, ValueType::String, Publish | Will},
    {PropertyId::CorrelationData, "correlation-data"_L1, ValueType::Binary, Publish | Will},
    // A client never sends it in PUBLISH [MQTT-3.3.4-6].
    {PropertyId::SubscriptionIdentifier, "subscription-identifier"_L1, ValueType::VarInt,
     Subscribe},
    {PropertyId::SessionExpiryInterval, "session-expiry-interval"_L1, ValueType::FourByte,
     Connect | Disconnect},
    {PropertyId::AssignedClientIdentifier, "assigned-client-identifier"_L1, ValueType::String,
     ServerOnly},
    {PropertyId::ServerKeepAlive, "server-keep-alive"_L1, ValueType::TwoByte, ServerOnly},
    {PropertyId::AuthenticationMethod, "authentication-method"_L1, ValueType::String, Connect},
    {PropertyId::AuthenticationData, "authentication-data"_L1, ValueType::Binary, Connect},
    {PropertyId::RequestProblemInformation, "request-problem-information"_L1, ValueType::Byte,
     Connect},
    {PropertyId::WillDelayInterval, "will-delay-interval"_L1, ValueType::FourByte, Will},
    {PropertyId::RequestResponseInformation, "request-response-information"_L1, ValueType::Byte,
     Connect},
    {PropertyId::ResponseInformation, "response-information"_L1, ValueType::String, ServerOnly},
    {PropertyId::ServerReference, "server-reference"_L1, ValueType::String, ServerOnly},
    {PropertyId::ReasonString, "reason-string"_L1, ValueType::String, Disconnect},
    {PropertyId::ReceiveMaximum, "receive-maximum"_L1, ValueType::TwoByte, Connect},
    {PropertyId::TopicAliasMaximum, "topic-alias-maximum"_L1, ValueType::TwoByte, Connect},
    {PropertyId::TopicAlias, "topic-alias"_L1, ValueType::TwoByte, Publish},
    {PropertyId::MaximumQoS, "maximum-qos"_L1, ValueType::Byte, ServerOnly},
    {PropertyId::RetainAvailable, "retain-available"_L1, ValueType::Byte, ServerOnly},
    {PropertyId::UserProperty, "user-property"_L1, ValueType::Pair,
     Connect | Publish | Subscribe | Unsubscribe | Disconnect | Will},
    {PropertyId::MaximumPacketSize, "maximum-packet-size"_L1, ValueType::FourByte, Connect},
    {PropertyId::WildcardSubscriptionAvailable, "wildcard-subscription-available"_L1,
     ValueType::Byte, ServerOnly},
    {PropertyId::SubscriptionIdentifierAvailable, "subscription-identifier-available"_L1,
     ValueType::Byte, ServerOnly},
    {PropertyId::SharedSubscriptionAvailable, "shared-subscription-available"_L1, ValueType::Byte,
     ServerOnly},
});

const PropertyInfo *findProperty(const QString &name)
{
    for (const PropertyInfo &info : properties) {
        if (name.compare(info.name, Qt::CaseInsensitive) == 0)
            return &info;
    }
    return nullptr;
}

struct PacketInfo
{
    QLatin1StringView name;
    Packet packet;
};

constexpr auto packets = std::to_array<PacketInfo>({
    {"CONNECT"_L1, Connect},
    {"PUBLISH"_L1, Publish},
    {"SUBSCRIBE"_L1, Subscribe},
    {"UNSUBSCRIBE"_L1, Unsubscribe},
    {"DISCONNECT"_L1, Disconnect},
    {"WILL"_L1, Will},
});

// The packets mosquitto accepts but whose properties our client cannot send.
constexpr auto unsupportedPackets = std::to_array<QLatin1StringView>(
    {"PUBACK"_L1, "PUBREC"_L1, "PUBREL"_L1, "PUBCOMP"_L1, "AUTH"_L1});

Properties &propertiesOf(Packet packet, SubcommandOptions &options)
{
    switch (packet) {
    case Connect:
        return options.client.connectProperties;
    case Publish:
        return options.publishProperties;
    case Subscribe:
        return options.subscribeProperties;
    case Unsubscribe:
        return options.unsubscribeProperties;
    case Disconnect:
        return options.disconnectProperties;
    case Will:
        break;
    }
    return options.willProperties;
}

std::optional<quint32> parseUnsigned(const QString &text, quint32 maximum)
{
    bool ok = false;
    const qulonglong value = text.toULongLong(&ok, 10);
    if (!ok || value > maximum)
        return std::nullopt;
    return quint32(value);
}

QString translate(const char *text)
{
    return QCoreApplication::translate("PropertyArgument", text);
}

// Stores `values` in the field for `info.id`; false when a number is out of range.
bool store(const PropertyInfo &info, const QStringList &values, Properties &p)
{
    const QString &value = values.constFirst();
    std::optional<quint32> number;
    switch (info.type) {
    case ValueType::Byte:
        number = parseUnsigned(value, 0xFF);
        break;
    case ValueType::TwoByte:
        number = parseUnsigned(value, 0xFFFF);
        break;
    case ValueType::FourByte:
        number = parseUnsigned(value, std::numeric_limits<quint32>::max());
        break;
    case ValueType::VarInt:
        number = parseUnsigned(value, 268435455); // the largest variable byte integer
        if (number == 0u)
            return false; // [MQTT-3.8.2.1.2] subscription identifier 0 is a protocol error
        break;
    case ValueType::String:
    case ValueType::Binary:
    case ValueType::Pair:
        break;
    }
    if ((info.type != ValueType::String && info.type != ValueType::Binary
         && info.type != ValueType::Pair)
        && !number) {
        return false;
    }
    switch (info.id) {
    case PropertyId::PayloadFormatIndicator:
        p.payloadFormatIndicator = quint8(*number);
        break;
    case PropertyId::MessageExpiryInterval:
        p.messageExpiryInterval = *number;
        break;
    case PropertyId::ContentType:
        p.contentType = value;
        break;
    case PropertyId::ResponseTopic:
        p.responseTopic = value;
        break;
    case PropertyId::CorrelationData:
        p.correlationData = value.toUtf8();
        break;
    case PropertyId::SubscriptionIdentifier:
        p.subscriptionIdentifiers = {*number};
        break;
    case PropertyId::SessionExpiryInterval:
        p.sessionExpiryInterval = *number;
        break;
    case PropertyId::AuthenticationMethod:
        p.authenticationMethod = value;
        break;
    case PropertyId::AuthenticationData:
        p.authenticationData = value.toUtf8();
        break;
    case PropertyId::RequestProblemInformation:
        p.requestProblemInformation = quint8(*number);
        break;
    case PropertyId::WillDelayInterval:
        p.willDelayInterval = *number;
        break;
    case PropertyId::RequestResponseInformation:
        p.requestResponseInformation = quint8(*number);
        break;
    case PropertyId::ReasonString:
        p.reasonString = value;
        break;
    case PropertyId::ReceiveMaximum:
        p.receiveMaximum = quint16(*number);
        break;
    case PropertyId::TopicAliasMaximum:
        p.topicAliasMaximum = quint16(*number);
        break;
    case PropertyId::TopicAlias:
        p.topicAlias = quint16(*number);
        break;
    case PropertyId::UserProperty:
        p.userProperties.append({value, values.at(1)});
        break;
    case PropertyId::MaximumPacketSize:
        p.maximumPacketSize = *number;
        break;
    default:
        return false; // server-only properties never get here (allowedIn is 0)
    }
    return true;
}

} // namespace

namespace PropertyArgument {

bool takesPair(const QString &identifier)
{
    const PropertyInfo *info = findProperty(identifier);
    return info && info->type == ValueType::Pair;
}

QString identifierName(PropertyId id)
{
    for (const PropertyInfo &info : properties) {
        if (info.id == id)
            return info.name;
    }
    return QString::number(int(id));
}

QString apply(const QString &command, const QString &identifier, const QStringList &values,
              SubcommandOptions &options)
{
    const PacketInfo *packet = nullptr;
    for (const PacketInfo &candidate : packets) {
        if (command.compare(candidate.name, Qt::CaseInsensitive) == 0)
            packet = &candidate;
    }
    if (!packet) {
        for (QLatin1StringView unsupported : unsupportedPackets) {
            if (command.compare(unsupported, Qt::CaseInsensitive) == 0)
                return translate("%1 properties are not supported in --property argument.")
                    .arg(command.toUpper());
        }
        return translate("Invalid command given in --property argument.");
    }
    const PropertyInfo *info = findProperty(identifier);
    if (!info)
        return translate("Invalid property name given in --property argument.");
    if (!(info->allowedIn & packet->packet)) {
        return translate("%1 property not allowed for %2 in --property argument.")
            .arg(info->name, packet->name);
    }
    const qsizetype expected = info->type == ValueType::Pair ? 2 : 1;
    if (values.size() != expected)
        return translate("Missing value for %1 in --property argument.").arg(info->name);
    if (!store(*info, values, propertiesOf(packet->packet, options))) {
        return translate("Invalid value '%1' for %2 in --property argument.")
            .arg(values.constFirst(), info->name);
    }
    return {};
}

} // namespace PropertyArgument
} // namespace mqttscope::cli
