// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionfailure.h"

namespace mqttscope {

bool ConnectionFailure::retryCanHelp() const
{
    switch (cause) {
    case Cause::Network:
    case Cause::BrokerUnavailable:
    case Cause::Protocol:
        return true;
    case Cause::Credentials:
    case Cause::NotAuthorized:
    case Cause::ClientIdentifier:
    case Cause::AuthenticationMethod:
    case Cause::ServerMoved:
    case Cause::ConnectOptions:
    case Cause::UnsupportedVersion:
    case Cause::TlsVerification:
    case Cause::TlsSetup:
    case Cause::ProxyCredentials:
        break;
    }
    return false;
}

ConnectionFailure::Cause ConnectionFailure::causeOfRefusal(ReasonCode reason)
{
    switch (reason) {
    case ReasonCode::BadUserNameOrPassword:
        return Cause::Credentials;
    case ReasonCode::NotAuthorized:
    case ReasonCode::Banned:
        return Cause::NotAuthorized;
    case ReasonCode::ClientIdentifierNotValid:
        return Cause::ClientIdentifier;
    case ReasonCode::BadAuthenticationMethod:
        return Cause::AuthenticationMethod;
    case ReasonCode::UseAnotherServer:
    case ReasonCode::ServerMoved:
        return Cause::ServerMoved;
    case ReasonCode::UnsupportedProtocolVersion:
        return Cause::UnsupportedVersion;
    case ReasonCode::TopicNameInvalid:
    case ReasonCode::PacketTooLarge:
    case ReasonCode::PayloadFormatInvalid:
    case ReasonCode::RetainNotSupported:
    case ReasonCode::QoSNotSupported:
        return Cause::ConnectOptions;
    case ReasonCode::MalformedPacket:
    case ReasonCode::ProtocolError:
        return Cause::Protocol;
    default:
        // Unavailable, busy, quota and rate limits, unspecified and implementation-specific
        // errors: a later attempt may succeed.
        return Cause::BrokerUnavailable;
    }
}

ConnectionFailure::Cause ConnectionFailure::causeOf(Transport::FailureKind kind)
{
    switch (kind) {
    case Transport::FailureKind::TlsVerification:
        return Cause::TlsVerification;
    case Transport::FailureKind::TlsSetup:
        return Cause::TlsSetup;
    case Transport::FailureKind::ProxyAuthentication:
        return Cause::ProxyCredentials;
    case Transport::FailureKind::Network:
        break;
    }
    return Cause::Network;
}

} // namespace mqttscope
