// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/message.h"

namespace mqttscope {

// One message as a recording holds it: the message whole (topic, payload bytes unaltered, QoS,
// retain, dup, MQTT 5 properties), when it was seen and which way it went.
struct RecordedMessage
{
    enum class Direction : quint8 {
        Received = 0, // delivered to this connection by the broker
        Published = 1, // published by this connection
    };

    qint64 id = 0; // the row id: order of arrival in the file, never reused
    qint64 timeUs = 0; // microseconds since the Unix epoch, UTC
    Direction direction = Direction::Received;
    // message.receivedMsecsSinceEpoch == timeUs / 1000; message.packetId, a detail of one
    // connection's wire, is not recorded (0)
    Message message;

    friend bool operator==(const RecordedMessage &, const RecordedMessage &) = default;
};

} // namespace mqttscope
