// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/reasoncode.h"

#include <QCoreApplication>

namespace mqttscope {

namespace {

// Spelled as in the 5.0 spec's table 2-6.
const char *reasonCodeText(ReasonCode code)
{
    switch (code) {
    case ReasonCode::Success:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Success");
    case ReasonCode::GrantedQoS1:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Granted QoS 1");
    case ReasonCode::GrantedQoS2:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Granted QoS 2");
    case ReasonCode::DisconnectWithWillMessage:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Disconnect with Will Message");
    case ReasonCode::NoMatchingSubscribers:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "No matching subscribers");
    case ReasonCode::NoSubscriptionExisted:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "No subscription existed");
    case ReasonCode::ContinueAuthentication:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Continue authentication");
    case ReasonCode::ReAuthenticate:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Re-authenticate");
    case ReasonCode::UnspecifiedError:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Unspecified error");
    case ReasonCode::MalformedPacket:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Malformed Packet");
    case ReasonCode::ProtocolError:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Protocol Error");
    case ReasonCode::ImplementationSpecificError:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Implementation specific error");
    case ReasonCode::UnsupportedProtocolVersion:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Unsupported Protocol Version");
    case ReasonCode::ClientIdentifierNotValid:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Client Identifier not valid");
    case ReasonCode::BadUserNameOrPassword:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Bad User Name or Password");
    case ReasonCode::NotAuthorized:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Not authorized");
    case ReasonCode::ServerUnavailable:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Server unavailable");
    case ReasonCode::ServerBusy:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Server busy");
    case ReasonCode::Banned:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Banned");
    case ReasonCode::ServerShuttingDown:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Server shutting down");
    case ReasonCode::BadAuthenticationMethod:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Bad authentication method");
    case ReasonCode::KeepAliveTimeout:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Keep Alive timeout");
    case ReasonCode::SessionTakenOver:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Session taken over");
    case ReasonCode::TopicFilterInvalid:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Topic Filter invalid");
    case ReasonCode::TopicNameInvalid:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Topic Name invalid");
    case ReasonCode::PacketIdentifierInUse:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Packet Identifier in use");
    case ReasonCode::PacketIdentifierNotFound:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Packet Identifier not found");
    case ReasonCode::ReceiveMaximumExceeded:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Receive Maximum exceeded");
    case ReasonCode::TopicAliasInvalid:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Topic Alias invalid");
    case ReasonCode::PacketTooLarge:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Packet too large");
    case ReasonCode::MessageRateTooHigh:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Message rate too high");
    case ReasonCode::QuotaExceeded:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Quota exceeded");
    case ReasonCode::AdministrativeAction:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Administrative action");
    case ReasonCode::PayloadFormatInvalid:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Payload format invalid");
    case ReasonCode::RetainNotSupported:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Retain not supported");
    case ReasonCode::QoSNotSupported:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "QoS not supported");
    case ReasonCode::UseAnotherServer:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Use another server");
    case ReasonCode::ServerMoved:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Server moved");
    case ReasonCode::SharedSubscriptionsNotSupported:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Shared Subscriptions not supported");
    case ReasonCode::ConnectionRateExceeded:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Connection rate exceeded");
    case ReasonCode::MaximumConnectTime:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Maximum connect time");
    case ReasonCode::SubscriptionIdentifiersNotSupported:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Subscription Identifiers not supported");
    case ReasonCode::WildcardSubscriptionsNotSupported:
        return QT_TRANSLATE_NOOP("mqttscope::ReasonCode", "Wildcard Subscriptions not supported");
    }
    return nullptr;
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
