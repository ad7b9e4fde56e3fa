// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/propertycodec.h"

#include <QCoreApplication>

#include <array>

namespace mqttscope {

namespace {

constexpr quint16 placeBit(PropertyPlace place)
{
    return quint16(1u << quint8(place));
}

template<typename... Places>
constexpr quint16 places(Places... list)
{
    return (placeBit(list) | ...);
}

struct PropertyInfo
{
    const char *name = nullptr; // nullptr: no property has this identifier
    quint16 allowedIn = 0; // PropertyPlace bits
};

using P = PropertyPlace;

// The table of 5.0 section 2.2.2.2, indexed by identifier.
constexpr std::array<PropertyInfo, 0x2B> propertyTable = [] {
    std::array<PropertyInfo, 0x2B> table{};
    const auto set = [&table](PropertyId id, const char *name, quint16 allowedIn) {
        table[quint8(id)] = PropertyInfo{name, allowedIn};
    };
    const quint16 message = places(P::Publish, P::Will);
    set(PropertyId::PayloadFormatIndicator,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Payload Format Indicator"), message);
    set(PropertyId::MessageExpiryInterval,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Message Expiry Interval"), message);
    set(PropertyId::ContentType, QT_TRANSLATE_NOOP("mqttscope::Property", "Content Type"), message);
    set(PropertyId::ResponseTopic, QT_TRANSLATE_NOOP("mqttscope::Property", "Response Topic"),
        message);
    set(PropertyId::CorrelationData, QT_TRANSLATE_NOOP("mqttscope::Property", "Correlation Data"),
        message);
    set(PropertyId::SubscriptionIdentifier,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Subscription Identifier"),
        places(P::Publish, P::Subscribe));
    set(PropertyId::SessionExpiryInterval,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Session Expiry Interval"),
        places(P::Connect, P::Connack, P::Disconnect));
    set(PropertyId::AssignedClientIdentifier,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Assigned Client Identifier"), places(P::Connack));
    set(PropertyId::ServerKeepAlive, QT_TRANSLATE_NOOP("mqttscope::Property", "Server Keep Alive"),
        places(P::Connack));
    set(PropertyId::AuthenticationMethod,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Authentication Method"),
        places(P::Connect, P::Connack, P::Auth));
    set(PropertyId::AuthenticationData,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Authentication Data"),
        places(P::Connect, P::Connack, P::Auth));
    set(PropertyId::RequestProblemInformation,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Request Problem Information"),
        places(P::Connect));
    set(PropertyId::WillDelayInterval,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Will Delay Interval"), places(P::Will));
    set(PropertyId::RequestResponseInformation,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Request Response Information"),
        places(P::Connect));
    set(PropertyId::ResponseInformation,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Response Information"), places(P::Connack));
    set(PropertyId::ServerReference, QT_TRANSLATE_NOOP("mqttscope::Property", "Server Reference"),
        places(P::Connack, P::Disconnect));
    set(PropertyId::ReasonString, QT_TRANSLATE_NOOP("mqttscope::Property", "Reason String"),
        places(P::Connack, P::PubAck, P::Suback, P::Unsuback, P::Disconnect, P::Auth));
    set(PropertyId::ReceiveMaximum, QT_TRANSLATE_NOOP("mqttscope::Property", "Receive Maximum"),
        places(P::Connect, P::Connack));
    set(PropertyId::TopicAliasMaximum,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Topic Alias Maximum"),
        places(P::Connect, P::Connack));
    set(PropertyId::TopicAlias, QT_TRANSLATE_NOOP("mqttscope::Property", "Topic Alias"),
        places(P::Publish));
    set(PropertyId::MaximumQoS, QT_TRANSLATE_NOOP("mqttscope::Property", "Maximum QoS"),
        places(P::Connack));
    set(PropertyId::RetainAvailable, QT_TRANSLATE_NOOP("mqttscope::Property", "Retain Available"),
        places(P::Connack));
    set(PropertyId::UserProperty, QT_TRANSLATE_NOOP("mqttscope::Property", "User Property"),
        places(P::Connect, P::Will, P::Connack, P::Publish, P::PubAck, P::Subscribe, P::Suback,
               P::Unsubscribe, P::Unsuback, P::Disconnect, P::Auth));
    set(PropertyId::MaximumPacketSize,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Maximum Packet Size"),
        places(P::Connect, P::Connack));
    set(PropertyId::WildcardSubscriptionAvailable,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Wildcard Subscription Available"),
        places(P::Connack));
    set(PropertyId::SubscriptionIdentifierAvailable,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Subscription Identifier Available"),
        places(P::Connack));
    set(PropertyId::SharedSubscriptionAvailable,
        QT_TRANSLATE_NOOP("mqttscope::Property", "Shared Subscription Available"),
        places(P::Connack));
    return table;
}();

const PropertyInfo *infoFor(quint32 id)
{
    if (id >= propertyTable.size() || !propertyTable[id].name)
        return nullptr;
    return &propertyTable[id];
}

QString placeName(const ByteReader &reader, PropertyPlace place)
{
    if (place == PropertyPlace::Will)
        return QCoreApplication::translate("mqttscope::Codec", "will properties");
    return packetTypeName(reader.packet());
}

QString hexId(quint32 id)
{
    return QStringLiteral("0x%1").arg(id, 2, 16, QLatin1Char('0'));
}

// Reads the value of one property whose identifier was checked against the table.
class PropertyValueReader
{
public:
    PropertyValueReader(ByteReader &reader, PropertyId id, Properties &out)
        : m_reader(reader)
        , m_id(id)
        , m_name(propertyTable[quint8(id)].name)
        , m_out(out)
    {
    }

    void read()
    {
        if (!readMessageProperty())
            readConnectionProperty();
    }

private:
    // What a PUBLISH (or a will) carries.
    bool readMessageProperty()
    {
        switch (m_id) {
        case PropertyId::PayloadFormatIndicator:
            boolean(m_out.payloadFormatIndicator);
            return true;
        case PropertyId::MessageExpiryInterval:
            m_out.messageExpiryInterval = m_reader.u32(m_name);
            return true;
        case PropertyId::ContentType:
            m_out.contentType = m_reader.string(m_name);
            return true;
        case PropertyId::ResponseTopic:
            m_out.responseTopic = m_reader.string(m_name);
            return true;
        case PropertyId::CorrelationData:
            m_out.correlationData = m_reader.lengthPrefixed(m_name).toByteArray();
            return true;
        case PropertyId::SubscriptionIdentifier: {
            const quint32 id = m_reader.variableByteInteger(m_name);
            if (m_reader.ok() && id == 0)
                notZero(); // 3.3.2.3.8, 3.8.2.1.2
            m_out.subscriptionIdentifiers.append(id);
            return true;
        }
        case PropertyId::TopicAlias:
            nonZero(m_out.topicAlias); // 3.3.2.3.4
            return true;
        case PropertyId::UserProperty: {
            QString name = m_reader.string(m_name);
            QString value = m_reader.string(m_name);
            m_out.userProperties.append(UserProperty(std::move(name), std::move(value)));
            return true;
        }
        default:
            return false;
        }
    }

    // What CONNECT (and its will), CONNACK, DISCONNECT and AUTH carry.
    bool readConnectionProperty()
    {
        switch (m_id) {
        case PropertyId::SessionExpiryInterval:
            m_out.sessionExpiryInterval = m_reader.u32(m_name);
            return true;
        case PropertyId::AssignedClientIdentifier:
            m_out.assignedClientIdentifier = m_reader.string(m_name);
            return true;
        case PropertyId::ServerKeepAlive:
            m_out.serverKeepAlive = m_reader.u16(m_name);
            return true;
        case PropertyId::AuthenticationMethod:
            m_out.authenticationMethod = m_reader.string(m_name);
            return true;
        case PropertyId::AuthenticationData:
            m_out.authenticationData = m_reader.lengthPrefixed(m_name).toByteArray();
            return true;
        case PropertyId::RequestProblemInformation:
            boolean(m_out.requestProblemInformation);
            return true;
        case PropertyId::WillDelayInterval:
            m_out.willDelayInterval = m_reader.u32(m_name);
            return true;
        case PropertyId::RequestResponseInformation:
            boolean(m_out.requestResponseInformation);
            return true;
        case PropertyId::ResponseInformation:
            m_out.responseInformation = m_reader.string(m_name);
            return true;
        case PropertyId::ServerReference:
            m_out.serverReference = m_reader.string(m_name);
            return true;
        case PropertyId::ReasonString:
            m_out.reasonString = m_reader.string(m_name);
            return true;
        case PropertyId::ReceiveMaximum:
            nonZero(m_out.receiveMaximum); // 3.1.2.11.3, 3.2.2.3.3
            return true;
        case PropertyId::TopicAliasMaximum:
            m_out.topicAliasMaximum = m_reader.u16(m_name);
            return true;
        case PropertyId::MaximumQoS:
            boolean(m_out.maximumQoS);
            return true;
        case PropertyId::RetainAvailable:
            boolean(m_out.retainAvailable);
            return true;
        case PropertyId::MaximumPacketSize: {
            m_out.maximumPacketSize = m_reader.u32(m_name);
            if (m_reader.ok() && *m_out.maximumPacketSize == 0)
                notZero(); // 3.1.2.11.4, 3.2.2.3.6
            return true;
        }
        case PropertyId::WildcardSubscriptionAvailable:
            boolean(m_out.wildcardSubscriptionAvailable);
            return true;
        case PropertyId::SubscriptionIdentifierAvailable:
            boolean(m_out.subscriptionIdentifierAvailable);
            return true;
        case PropertyId::SharedSubscriptionAvailable:
            boolean(m_out.sharedSubscriptionAvailable);
            return true;
        default:
            return false;
        }
    }

    // The byte properties that are flags: any value but 0 or 1 is a Protocol Error.
    void boolean(std::optional<quint8> &field)
    {
        field = m_reader.u8(m_name);
        if (m_reader.ok() && *field > 1) {
            m_reader.fail(
                ReasonCode::ProtocolError,
                QCoreApplication::translate("mqttscope::Codec", "%1 must be 0 or 1, not %2")
                    .arg(propertyName(m_id))
                    .arg(uint(*field)));
        }
    }

    void nonZero(std::optional<quint16> &field)
    {
        field = m_reader.u16(m_name);
        if (m_reader.ok() && *field == 0)
            notZero();
    }

    void notZero()
    {
        m_reader.fail(ReasonCode::ProtocolError,
                      QCoreApplication::translate("mqttscope::Codec", "%1 must not be 0")
                          .arg(propertyName(m_id)));
    }

    ByteReader &m_reader;
    PropertyId m_id;
    const char *m_name;
    Properties &m_out;
};

} // namespace

QString propertyName(PropertyId id)
{
    const PropertyInfo *info = infoFor(quint8(id));
    if (!info)
        return QCoreApplication::translate("mqttscope::Property", "Unknown property %1")
            .arg(hexId(quint8(id)));
    return QCoreApplication::translate("mqttscope::Property", info->name);
}

namespace {

// Reads the property length; returns where the properties end, or -1 after an error.
qsizetype readPropertyLength(ByteReader &reader)
{
    const quint32 length = reader.variableByteInteger("property length");
    if (!reader.ok())
        return -1;
    if (length > quint32(reader.remaining())) {
        reader.fail(ReasonCode::MalformedPacket,
                    QCoreApplication::translate("mqttscope::Codec",
                                                "property length %1 exceeds the %2 bytes left")
                        .arg(length)
                        .arg(reader.remaining()));
        return -1;
    }
    return reader.position() + length;
}

// Reads identifier/value pairs up to `end`.
void readPropertyList(ByteReader &reader, PropertyPlace place, qsizetype end, Properties &out)
{
    quint64 seen = 0; // bit per identifier; every identifier is below 64
    while (reader.ok() && reader.position() < end) {
        const quint32 id = reader.variableByteInteger("property identifier");
        if (!reader.ok())
            return;
        const PropertyInfo *info = infoFor(id);
        if (!info) { // 2.2.2.2: an identifier not valid for the packet is a Malformed Packet
            reader.fail(
                ReasonCode::MalformedPacket,
                QCoreApplication::translate("mqttscope::Codec", "unknown property identifier %1")
                    .arg(hexId(id)));
            return;
        }
        const auto property = PropertyId(id);
        if (!(info->allowedIn & placeBit(place))) {
            reader.fail(ReasonCode::MalformedPacket,
                        QCoreApplication::translate("mqttscope::Codec",
                                                    "property %1 (%2) is not allowed in %3")
                            .arg(propertyName(property), hexId(id), placeName(reader, place)));
            return;
        }
        const bool repeatable = property == PropertyId::UserProperty
            || (property == PropertyId::SubscriptionIdentifier && place == PropertyPlace::Publish);
        const quint64 bit = quint64(1) << id;
        if (!repeatable && (seen & bit)) {
            reader.fail(ReasonCode::ProtocolError,
                        QCoreApplication::translate("mqttscope::Codec",
                                                    "property %1 (%2) appears more than once")
                            .arg(propertyName(property), hexId(id)));
            return;
        }
        seen |= bit;
        PropertyValueReader(reader, property, out).read();
    }
    if (reader.ok() && reader.position() != end) {
        reader.fail(ReasonCode::MalformedPacket,
                    QCoreApplication::translate("mqttscope::Codec",
                                                "the last property runs past the property length"));
    }
}

} // namespace

void readProperties(ByteReader &reader, PropertyPlace place, Properties &out)
{
    if (const qsizetype end = readPropertyLength(reader); end >= 0)
        readPropertyList(reader, place, end, out);
}

void readProperties(ByteReader &reader, PropertyPlace place, SharedProperties &out)
{
    // An empty list, as most PUBLISHes carry, leaves `out` null: nothing allocated.
    if (const qsizetype end = readPropertyLength(reader); end > reader.position())
        readPropertyList(reader, place, end, out.edit());
}

namespace {

// The value of a property, by its data type (2.2.2.2).
void writeValue(ByteWriter &w, quint8 value)
{
    w.u8(value);
}
void writeValue(ByteWriter &w, quint16 value)
{
    w.u16(value);
}
void writeValue(ByteWriter &w, quint32 value)
{
    w.u32(value);
}
void writeValue(ByteWriter &w, const QString &value)
{
    w.string(value);
}
void writeValue(ByteWriter &w, const QByteArray &value)
{
    w.binary(value);
}

void writePropertyList(ByteWriter &w, const Properties &p)
{
    const auto put = [&w](PropertyId id, const auto &value) {
        if (value) {
            w.u8(quint8(id));
            writeValue(w, *value);
        }
    };
    put(PropertyId::PayloadFormatIndicator, p.payloadFormatIndicator);
    put(PropertyId::MessageExpiryInterval, p.messageExpiryInterval);
    put(PropertyId::ContentType, p.contentType);
    put(PropertyId::ResponseTopic, p.responseTopic);
    put(PropertyId::CorrelationData, p.correlationData);
    for (quint32 id : p.subscriptionIdentifiers) {
        w.u8(quint8(PropertyId::SubscriptionIdentifier));
        w.variableByteInteger(id);
    }
    put(PropertyId::SessionExpiryInterval, p.sessionExpiryInterval);
    put(PropertyId::AssignedClientIdentifier, p.assignedClientIdentifier);
    put(PropertyId::ServerKeepAlive, p.serverKeepAlive);
    put(PropertyId::AuthenticationMethod, p.authenticationMethod);
    put(PropertyId::AuthenticationData, p.authenticationData);
    put(PropertyId::RequestProblemInformation, p.requestProblemInformation);
    put(PropertyId::WillDelayInterval, p.willDelayInterval);
    put(PropertyId::RequestResponseInformation, p.requestResponseInformation);
    put(PropertyId::ResponseInformation, p.responseInformation);
    put(PropertyId::ServerReference, p.serverReference);
    put(PropertyId::ReasonString, p.reasonString);
    put(PropertyId::ReceiveMaximum, p.receiveMaximum);
    put(PropertyId::TopicAliasMaximum, p.topicAliasMaximum);
    put(PropertyId::TopicAlias, p.topicAlias);
    put(PropertyId::MaximumQoS, p.maximumQoS);
    put(PropertyId::RetainAvailable, p.retainAvailable);
    put(PropertyId::MaximumPacketSize, p.maximumPacketSize);
    put(PropertyId::WildcardSubscriptionAvailable, p.wildcardSubscriptionAvailable);
    put(PropertyId::SubscriptionIdentifierAvailable, p.subscriptionIdentifierAvailable);
    put(PropertyId::SharedSubscriptionAvailable, p.sharedSubscriptionAvailable);
    for (const UserProperty &property : p.userProperties) {
        w.u8(quint8(PropertyId::UserProperty));
        w.string(property.first);
        w.string(property.second);
    }
}

} // namespace

void writeProperties(ByteWriter &writer, const Properties &properties)
{
    ByteWriter counter;
    writePropertyList(counter, properties);
    writer.variableByteInteger(quint32(counter.size()));
    writePropertyList(writer, properties);
}

} // namespace mqttscope
