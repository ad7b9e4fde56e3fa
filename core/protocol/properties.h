// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSharedData>
#include <QString>

#include <optional>

namespace mqttscope {

// MQTT 5.0 property identifiers (section 2.2.2.2).
enum class PropertyId : quint8 {
    PayloadFormatIndicator = 0x01,
    MessageExpiryInterval = 0x02,
    ContentType = 0x03,
    ResponseTopic = 0x08,
    CorrelationData = 0x09,
    SubscriptionIdentifier = 0x0B,
    SessionExpiryInterval = 0x11,
    AssignedClientIdentifier = 0x12,
    ServerKeepAlive = 0x13,
    AuthenticationMethod = 0x15,
    AuthenticationData = 0x16,
    RequestProblemInformation = 0x17,
    WillDelayInterval = 0x18,
    RequestResponseInformation = 0x19,
    ResponseInformation = 0x1A,
    ServerReference = 0x1C,
    ReasonString = 0x1F,
    ReceiveMaximum = 0x21,
    TopicAliasMaximum = 0x22,
    TopicAlias = 0x23,
    MaximumQoS = 0x24,
    RetainAvailable = 0x25,
    UserProperty = 0x26,
    MaximumPacketSize = 0x27,
    WildcardSubscriptionAvailable = 0x28,
    SubscriptionIdentifierAvailable = 0x29,
    SharedSubscriptionAvailable = 0x2A,
};

using UserProperty = QPair<QString, QString>;

// The properties of one packet. Every field is optional so that "absent" differs from "zero";
// which fields a packet may carry is checked by the codec when decoding, not here. The encoder
// writes every property present (in identifier order, user properties last), so a caller that
// puts a property in the wrong packet produces a packet the peer rejects.
struct Properties
{
    std::optional<quint8> payloadFormatIndicator;
    std::optional<quint32> messageExpiryInterval;
    std::optional<QString> contentType;
    std::optional<QString> responseTopic;
    std::optional<QByteArray> correlationData;
    QList<quint32> subscriptionIdentifiers; // PUBLISH may carry several, SUBSCRIBE one
    std::optional<quint32> sessionExpiryInterval;
    std::optional<QString> assignedClientIdentifier;
    std::optional<quint16> serverKeepAlive;
    std::optional<QString> authenticationMethod;
    std::optional<QByteArray> authenticationData;
    std::optional<quint8> requestProblemInformation;
    std::optional<quint32> willDelayInterval;
    std::optional<quint8> requestResponseInformation;
    std::optional<QString> responseInformation;
    std::optional<QString> serverReference;
    std::optional<QString> reasonString;
    std::optional<quint16> receiveMaximum;
    std::optional<quint16> topicAliasMaximum;
    std::optional<quint16> topicAlias;
    std::optional<quint8> maximumQoS;
    std::optional<quint8> retainAvailable;
    QList<UserProperty> userProperties; // order preserved, the same name may appear twice (2.2.2.2)
    std::optional<quint32> maximumPacketSize;
    std::optional<quint8> wildcardSubscriptionAvailable;
    std::optional<quint8> subscriptionIdentifierAvailable;
    std::optional<quint8> sharedSubscriptionAvailable;

    bool isEmpty() const;
    friend bool operator==(const Properties &, const Properties &) = default;
};

// Properties as a message carries them (Message, PublishPacket): implicitly shared and null when
// there are none, so copying, moving or destroying a message without properties costs one pointer
// (at a million messages a second a whole Properties per message was a fifth of the CPU), and a
// message that has some shares them with its copies until one of them is changed (copy on write).
// Read through ->, * or the conversion to const Properties &; change through edit(). Equality and
// presence are those of Properties: an edited handle left empty equals a null one.
class SharedProperties
{
public:
    SharedProperties() = default;
    // Implicit, so that a Properties value can be assigned or passed where a message wants one.
    SharedProperties(const Properties &properties);
    SharedProperties(Properties &&properties);

    bool isEmpty() const { return !d || d->value.isEmpty(); }
    const Properties &get() const { return d ? d->value : none(); }
    const Properties &operator*() const { return get(); }
    const Properties *operator->() const { return &get(); }
    operator const Properties &() const { return get(); }

    // The properties to change, created when null and detached from other copies.
    Properties &edit();

    friend bool operator==(const SharedProperties &a, const SharedProperties &b)
    {
        return a.d == b.d || a.get() == b.get();
    }
    friend bool operator==(const SharedProperties &a, const Properties &b) { return a.get() == b; }

private:
    struct Data : QSharedData
    {
        Properties value;
    };
    static const Properties &none();

    QSharedDataPointer<Data> d;
};

// Name of a property as the spec spells it, e.g. "Message Expiry Interval".
QString propertyName(PropertyId id);

} // namespace mqttscope
