// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/packets.h"
#include "transport/endpoint.h"

#include <QString>

#include <functional>
#include <optional>

namespace mqttscope {

// Which protocol version to speak. Auto tries 5.0 and falls back to 3.1.1 when the broker
// refuses 5.0 (CONNACK return code 1 or reason 0x84): many brokers speak only 3.1.1.
enum class VersionChoice { Auto, V31, V311, V5 };

struct ReconnectPolicy
{
    bool enabled = true;
    int initialDelayMs = 1000;
    int maximumDelayMs = 60000;
    double multiplier = 2.0;
    double jitter = 0.2; // +-20% of each delay, so a fleet of clients does not reconnect in step
};

// Everything CONNECT can carry, plus how to reach the broker and how to behave.
struct ClientOptions
{
    Endpoint endpoint;
    VersionChoice version = VersionChoice::Auto;
    QString clientId; // empty: the broker assigns one (needs cleanStart) [MQTT-3.1.3-6]
    bool cleanStart = true; // clean session in 3.1.1
    quint16 keepAliveSeconds = 60;
    std::optional<QString> username;
    std::optional<QByteArray> password;
    // When set, asked for the password of each CONNECT (the first and every reconnect) instead:
    // a password that expires (an Azure SAS token) is made fresh for the attempt.
    std::function<QByteArray()> passwordAtConnect;
    std::optional<Will> will;
    // 5.0 CONNECT properties: session expiry, receive maximum, maximum packet size, topic alias
    // maximum, request response/problem information, user properties, authentication method/data.
    Properties connectProperties;
    ReconnectPolicy reconnect;
    int connackTimeoutMs = 10000;
    // The most QoS 1/2 PUBLISHes of ours awaiting their ack; 0 = no limit of our own. 3.1.1 has
    // no Receive Maximum, and a broker over its quota may acknowledge and discard: mosquitto
    // above max_inflight_messages (20 by default) answers PUBREC and drops the QoS 2 message.
    // At 5.0 the server's Receive Maximum applies as well, whichever is smaller.
    quint16 maximumInflight = defaultMaximumInflight;
    // Bytes of messages waiting for a slot in that window; a publish beyond it is refused.
    qint64 maximumQueuedBytes = qint64(256) * 1024 * 1024;

    static constexpr quint16 defaultMaximumInflight = 20; // libmosquitto's default too
};

} // namespace mqttscope
