// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace mqttscope {

// MQTT 5.0 reason codes (section 2.4). 3.1.1 CONNACK return codes 1..5 are mapped onto them
// by the codec (see connackReturnCodeToReason) so callers see one vocabulary.
enum class ReasonCode : quint8 {
    Success = 0x00, // also NormalDisconnection and GrantedQoS0
    GrantedQoS1 = 0x01,
    GrantedQoS2 = 0x02,
    DisconnectWithWillMessage = 0x04,
    NoMatchingSubscribers = 0x10,
    NoSubscriptionExisted = 0x11,
    ContinueAuthentication = 0x18,
    ReAuthenticate = 0x19,
    UnspecifiedError = 0x80,
    MalformedPacket = 0x81,
    ProtocolError = 0x82,
    ImplementationSpecificError = 0x83,
    UnsupportedProtocolVersion = 0x84,
    ClientIdentifierNotValid = 0x85,
    BadUserNameOrPassword = 0x86,
    NotAuthorized = 0x87,
    ServerUnavailable = 0x88,
    ServerBusy = 0x89,
    Banned = 0x8A,
    ServerShuttingDown = 0x8B,
    BadAuthenticationMethod = 0x8C,
    KeepAliveTimeout = 0x8D,
    SessionTakenOver = 0x8E,
    TopicFilterInvalid = 0x8F,
    TopicNameInvalid = 0x90,
    PacketIdentifierInUse = 0x91,
    PacketIdentifierNotFound = 0x92,
    ReceiveMaximumExceeded = 0x93,
    TopicAliasInvalid = 0x94,
    PacketTooLarge = 0x95,
    MessageRateTooHigh = 0x96,
    QuotaExceeded = 0x97,
    AdministrativeAction = 0x98,
    PayloadFormatInvalid = 0x99,
    RetainNotSupported = 0x9A,
    QoSNotSupported = 0x9B,
    UseAnotherServer = 0x9C,
    ServerMoved = 0x9D,
    SharedSubscriptionsNotSupported = 0x9E,
    ConnectionRateExceeded = 0x9F,
    MaximumConnectTime = 0xA0,
    SubscriptionIdentifiersNotSupported = 0xA1,
    WildcardSubscriptionsNotSupported = 0xA2,
};

// True for codes >= 0x80 [MQTT-2.4].
constexpr bool isError(ReasonCode code)
{
    return static_cast<quint8>(code) >= 0x80;
}

// Human-readable, translatable name of a reason code, e.g. "Not authorized".
QString reasonCodeName(ReasonCode code);

// Maps a 3.1.1 CONNACK return code (0..5) to the 5.0 reason code with the same meaning;
// reserved codes (6..255) map to UnspecifiedError.
ReasonCode connackReturnCodeToReason(quint8 returnCode);

// The inverse, used when encoding a 3.1.1 CONNACK: Success -> 0, the five refusals -> 1..5,
// any other error -> 5 (not authorized), the nearest 3.1.1 can say.
quint8 connackReasonToReturnCode(ReasonCode reason);

} // namespace mqttscope
