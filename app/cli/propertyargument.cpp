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

// A -D value as its type reads it: `number` for the integer types, `text` (and `pairValue` for a
// user property) for the others.
struct PropertyValue
{
    quint32 number = 0;
    QString text;
    QString pairValue;
};

struct PropertyInfo
{
    PropertyId id;
    QLatin1StringView name;
    ValueType type;
    unsigned allowedIn; // Packet bits, from the MQTT 5.0 property table (section 2.2.2.2)
    // Sets the property; null for the server-only ones, which are never allowed in.
    void (*store)(Properties &properties, const PropertyValue &value);
};

constexpr auto properties = std::to_array<PropertyInfo>({
    {PropertyId::PayloadFormatIndicator, "payload-format-indicator"_L1, ValueType::Byte,
     Publish | Will,
     [](Properties &p, const PropertyValue &v) { p.payloadFormatIndicator = quint8(v.number); }},
    {PropertyId::MessageExpiryInterval, "message-expiry-interval"_L1, ValueType::FourByte,
     Publish | Will,
     [](Properties &p, const PropertyValue &v) { p.messageExpiryInterval = v.number; }},
    {PropertyId::ContentType, "content-type"_L1, ValueType::String, Publish | Will,
     [](Properties &p, const PropertyValue &v) { p.contentType = v.text; }},
    {PropertyId::ResponseTopic, "response-topic"_L1, ValueType::String, Publish | Will,
     [](Properties &p, const PropertyValue &v) { p.responseTopic = v.text; }},
    {PropertyId::CorrelationData, "correlation-data"_L1, ValueType::Binary, Publish | Will,
     [](Properties &p, const PropertyValue &v) { p.correlationData = v.text.toUtf8(); }},
    // A client never sends it in PUBLISH [MQTT-3.3.4-6].
    {PropertyId::SubscriptionIdentifier, "subscription-identifier"_L1, ValueType::VarInt, Subscribe,
     [](Properties &p, const PropertyValue &v) { p.subscriptionIdentifiers = {v.number}; }},
    {PropertyId::SessionExpiryInterval, "session-expiry-interval"_L1, ValueType::FourByte,
     Connect | Disconnect,
     [](Properties &p, const PropertyValue &v) { p.sessionExpiryInterval = v.number; }},
    {PropertyId::AssignedClientIdentifier, "assigned-client-identifier"_L1, ValueType::String,
     ServerOnly, nullptr},
    {PropertyId::ServerKeepAlive, "server-keep-alive"_L1, ValueType::TwoByte, ServerOnly, nullptr},
    {PropertyId::AuthenticationMethod, "authentication-method"_L1, ValueType::String, Connect,
     [](Properties &p, const PropertyValue &v) { p.authenticationMethod = v.text; }},
    {PropertyId::AuthenticationData, "authentication-data"_L1, ValueType::Binary, Connect,
     [](Properties &p, const PropertyValue &v) { p.authenticationData = v.text.toUtf8(); }},
    {PropertyId::RequestProblemInformation, "request-problem-information"_L1, ValueType::Byte,
     Connect,
     [](Properties &p, const PropertyValue &v) { p.requestProblemInformation = quint8(v.number); }},
    {PropertyId::WillDelayInterval, "will-delay-interval"_L1, ValueType::FourByte, Will,
     [](Properties &p, const PropertyValue &v) { p.willDelayInterval = v.number; }},
    {PropertyId::RequestResponseInformation, "request-response-information"_L1, ValueType::Byte,
     Connect,
     [](Properties &p,
        const PropertyValue &v) { p.requestResponseInformation = quint8(v.number); }},
    {PropertyId::ResponseInformation, "response-information"_L1, ValueType::String, ServerOnly,
     nullptr},
    {PropertyId::ServerReference, "server-reference"_L1, ValueType::String, ServerOnly, nullptr},
    {PropertyId::ReasonString, "reason-string"_L1, ValueType::String, Disconnect,
     [](Properties &p, const PropertyValue &v) { p.reasonString = v.text; }},
    {PropertyId::ReceiveMaximum, "receive-maximum"_L1, ValueType::TwoByte, Connect,
     [](Properties &p, const PropertyValue &v) { p.receiveMaximum = quint16(v.number); }},
    {PropertyId::TopicAliasMaximum, "topic-alias-maximum"_L1, ValueType::TwoByte, Connect,
     [](Properties &p, const PropertyValue &v) { p.topicAliasMaximum = quint16(v.number); }},
    {PropertyId::TopicAlias, "topic-alias"_L1, ValueType::TwoByte, Publish,
     [](Properties &p, const PropertyValue &v) { p.topicAlias = quint16(v.number); }},
    {PropertyId::MaximumQoS, "maximum-qos"_L1, ValueType::Byte, ServerOnly, nullptr},
    {PropertyId::RetainAvailable, "retain-available"_L1, ValueType::Byte, ServerOnly, nullptr},
    {PropertyId::UserProperty, "user-property"_L1, ValueType::Pair,
     Connect | Publish | Subscribe | Unsubscribe | Disconnect | Will,
     [](Properties &p, const PropertyValue &v) {
         p.userProperties.append({v.text, v.pairValue});
     }},
    {PropertyId::MaximumPacketSize, "maximum-packet-size"_L1, ValueType::FourByte, Connect,
     [](Properties &p, const PropertyValue &v) { p.maximumPacketSize = v.number; }},
    {PropertyId::WildcardSubscriptionAvailable, "wildcard-subscription-available"_L1,
     ValueType::Byte, ServerOnly, nullptr},
    {PropertyId::SubscriptionIdentifierAvailable, "subscription-identifier-available"_L1,
     ValueType::Byte, ServerOnly, nullptr},
    {PropertyId::SharedSubscriptionAvailable, "shared-subscription-available"_L1, ValueType::Byte,
     ServerOnly, nullptr},
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

// The largest value of an integer type; none for the text types.
std::optional<quint32> maximumOf(ValueType type)
{
    switch (type) {
    case ValueType::Byte:
        return 0xFF;
    case ValueType::TwoByte:
        return 0xFFFF;
    case ValueType::FourByte:
        return std::numeric_limits<quint32>::max();
    case ValueType::VarInt:
        return 268435455; // the largest variable byte integer
    case ValueType::String:
    case ValueType::Binary:
    case ValueType::Pair:
        break;
    }
    return std::nullopt;
}

// `values` read as `info.type` says; nullopt when a number is out of range.
std::optional<PropertyValue> readValue(const PropertyInfo &info, const QStringList &values)
{
    PropertyValue value{0, values.constFirst(), values.value(1)};
    const std::optional<quint32> maximum = maximumOf(info.type);
    if (!maximum)
        return value;
    const std::optional<quint32> number = parseUnsigned(value.text, *maximum);
    // [MQTT-3.8.2.1.2] subscription identifier 0 is a protocol error
    if (!number || (info.type == ValueType::VarInt && *number == 0))
        return std::nullopt;
    value.number = *number;
    return value;
}

} // namespace

namespace PropertyArgument {

bool takesPair(const QString &identifier)
{
    const PropertyInfo *info = findProperty(identifier);
    return info && info->type == ValueType::Pair;
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
    const std::optional<PropertyValue> value = readValue(*info, values);
    if (!value) {
        return translate("Invalid value '%1' for %2 in --property argument.")
            .arg(values.constFirst(), info->name);
    }
    info->store(propertiesOf(packet->packet, options), *value);
    return {};
}

} // namespace PropertyArgument
} // namespace mqttscope::cli
