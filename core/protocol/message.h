// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/properties.h"

#include <QByteArray>

namespace mqttscope {

// An application message as the client delivers it: bytes kept whole and unaltered.
// The topic is UTF-8 (validated by the codec); a topic alias has already been resolved.
struct Message
{
    QByteArray topic;
    QByteArray payload;
    quint8 qos = 0;
    bool retain = false;
    bool dup = false;
    SharedProperties properties; // empty (null) for 3.1.1
    qint64 receivedMsecsSinceEpoch = 0; // set by the client on receipt; 0 for outgoing
    quint16 packetId = 0; // of a received QoS 1/2 PUBLISH, as on the wire; 0 otherwise

    friend bool operator==(const Message &, const Message &) = default;
};

} // namespace mqttscope
