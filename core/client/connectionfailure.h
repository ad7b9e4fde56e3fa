// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/reasoncode.h"
#include "transport/transport.h"

#include <QString>

namespace mqttscope {

// Why an attempt to connect failed, and so whether trying again can help: a network that drops
// or a busy broker may pass, a refused login or an untrusted certificate will not.
struct ConnectionFailure
{
    enum class Cause {
        Network, // refused, reset, timed out, host not found
        BrokerUnavailable, // the broker said it is busy, unavailable or over a rate
        Protocol, // a bad or missing CONNACK
        Credentials, // bad user name or password
        NotAuthorized, // not authorized, banned
        ClientIdentifier, // the client id was rejected
        AuthenticationMethod, // 5.0 enhanced authentication not accepted
        ServerMoved, // use another server / server moved
        ConnectOptions, // the will, QoS, retain or packet size the CONNECT asks for
        UnsupportedVersion, // the broker speaks no MQTT version we offered
        TlsVerification, // the server's certificate is not trusted
        TlsSetup, // our certificate, key or passphrase, or a handshake the server rejects
        ProxyCredentials, // the proxy refused our user name or password, or wants some
    };

    Cause cause = Cause::Network;
    QString reason; // the whole line, as the log and the user see it

    // False when the same attempt would fail the same way until the user changes something.
    bool retryCanHelp() const;
    // The cause of a refusing CONNACK (3.1.1 return codes arrive as their 5.0 reason codes).
    static Cause causeOfRefusal(ReasonCode reason);
    // The cause of a transport's failure before CONNACK.
    static Cause causeOf(Transport::FailureKind kind);
};

} // namespace mqttscope
