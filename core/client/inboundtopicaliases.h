// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocolerror.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace mqttscope {

struct PublishPacket;

// Topic aliases the server uses towards us, up to the Topic Alias Maximum we sent in CONNECT
// (absent = 0: the server must not use any). Reset per connection [MQTT-3.3.2-7].
class InboundTopicAliases
{
public:
    void reset(quint16 maximum);
    // Fills in the topic of a PUBLISH that carries only an alias, records a new mapping when it
    // carries both. An alias of 0 or above our maximum, or an unknown alias with an empty topic,
    // is a protocol error (Topic Alias Invalid) [MQTT-3.3.2-8], [MQTT-3.3.2-9].
    std::optional<ProtocolError> resolve(PublishPacket &publish);

private:
    QList<QByteArray> m_topics; // index alias - 1; empty = not yet assigned
};

} // namespace mqttscope
