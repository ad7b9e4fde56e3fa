// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/reasoncode.h"

#include <QCoreApplication>

#include <algorithm>
#include <iterator>

namespace mqttscope {

namespace {

struct ReasonText
{
    ReasonCode code;
    const char *text;
};

// Spelled as in the 5.0 spec's table 2-6.
constexpr ReasonText reasonTexts[] = {
    {ReasonCode::Success, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Success")},
    {ReasonCode::GrantedQoS1, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Granted QoS 1")},
    {ReasonCode::GrantedQoS2, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Granted QoS 2")},
    {ReasonCode::DisconnectWithWillMessage,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Disconnect with Will Message")},
    {ReasonCode::NoMatchingSubscribers,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "No matching subscribers")},
    {ReasonCode::NoSubscriptionExisted,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "No subscription existed")},
    {ReasonCode::ContinueAuthentication,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Continue authentication")},
    {ReasonCode::ReAuthenticate, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Re-authenticate")},
    {ReasonCode::UnspecifiedError, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Unspecified error")},
    {ReasonCode::MalformedPacket, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Malformed Packet")},
    {ReasonCode::ProtocolError, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Protocol Error")},
    {ReasonCode::ImplementationSpecificError,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Implementation specific error")},
    {ReasonCode::UnsupportedProtocolVersion,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Unsupported Protocol Version")},
    {ReasonCode::ClientIdentifierNotValid,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Client Identifier not valid")},
    {ReasonCode::BadUserNameOrPassword,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Bad User Name or Password")},
    {ReasonCode::NotAuthorized, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Not authorized")},
    {ReasonCode::ServerUnavailable,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Server unavailable")},
    {ReasonCode::ServerBusy, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Server busy")},
    {ReasonCode::Banned, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Banned")},
    {ReasonCode::ServerShuttingDown,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Server shutting down")},
    {ReasonCode::BadAuthenticationMethod,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Bad authentication method")},
    {ReasonCode::KeepAliveTimeout,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Keep Alive timeout")},
    {ReasonCode::SessionTakenOver,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Session taken over")},
    {ReasonCode::TopicFilterInvalid,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Topic Filter invalid")},
    {ReasonCode::TopicNameInvalid,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Topic Name invalid")},
    {ReasonCode::PacketIdentifierInUse,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Packet Identifier in use")},
    {ReasonCode::PacketIdentifierNotFound,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Packet Identifier not found")},
    {ReasonCode::ReceiveMaximumExceeded,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Receive Maximum exceeded")},
    {ReasonCode::TopicAliasInvalid,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Topic Alias invalid")},
    {ReasonCode::PacketTooLarge, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Packet too large")},
    {ReasonCode::MessageRateTooHigh,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Message rate too high")},
    {ReasonCode::QuotaExceeded, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Quota exceeded")},
    {ReasonCode::AdministrativeAction,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Administrative action")},
    {ReasonCode::PayloadFormatInvalid,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Payload format invalid")},
    {ReasonCode::RetainNotSupported,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Retain not supported")},
    {ReasonCode::QoSNotSupported, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "QoS not supported")},
    {ReasonCode::UseAnotherServer,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Use another server")},
    {ReasonCode::ServerMoved, QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Server moved")},
    {ReasonCode::SharedSubscriptionsNotSupported,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Shared Subscriptions not supported")},
    {ReasonCode::ConnectionRateExceeded,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Connection rate exceeded")},
    {ReasonCode::MaximumConnectTime,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Maximum connect time")},
    {ReasonCode::SubscriptionIdentifiersNotSupported,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Subscription Identifiers not supported")},
    {ReasonCode::WildcardSubscriptionsNotSupported,
     QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Wildcard Subscriptions not supported")},
};

const char *reasonCodeText(ReasonCode code)
{
    const auto found = std::find_if(std::begin(reasonTexts), std::end(reasonTexts),
                                    [code](const ReasonText &row) { return row.code == code; });
    return found == std::end(reasonTexts) ? nullptr : found->text;
}

} // namespace

QString reasonCodeName(ReasonCode code)
{
    if (const char *text = reasonCodeText(code))
        return QCoreApplication::translate("mqttscope::ReasonCode", text);
    return QCoreApplication::translate("mqttscope::ReasonCode", "Unknown reason code 0x%1")
        .arg(uint(code), 2, 16, QLatin1Char('0'));
}

// 3.1.1 table 3.1 "Connect Return code values" next to 5.0 table 3-1.
ReasonCode connackReturnCodeToReason(quint8 returnCode)
{
    switch (returnCode) {
    case 0:
        return ReasonCode::Success;
    case 1:
        return ReasonCode::UnsupportedProtocolVersion;
    case 2:
        return ReasonCode::ClientIdentifierNotValid;
    case 3:
        return ReasonCode::ServerUnavailable;
    case 4:
        return ReasonCode::BadUserNameOrPassword;
    case 5:
        return ReasonCode::NotAuthorized;
    }
    return ReasonCode::UnspecifiedError;
}

quint8 connackReasonToReturnCode(ReasonCode reason)
{
    switch (reason) {
    case ReasonCode::Success:
        return 0;
    case ReasonCode::UnsupportedProtocolVersion:
        return 1;
    case ReasonCode::ClientIdentifierNotValid:
        return 2;
    case ReasonCode::ServerUnavailable:
        return 3;
    case ReasonCode::BadUserNameOrPassword:
        return 4;
    default:
        return 5;
    }
}

} // namespace mqttscope
