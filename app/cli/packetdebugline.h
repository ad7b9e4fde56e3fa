// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/packettraceentry.h"

#include <QStringList>

namespace mqttscope::cli {

// What mosquitto's clients print with -d for a packet sent or received, word for word
// ("Client <id> received PUBLISH (d0, q1, r0, m1, 'topic', ... (5 bytes))"): one line, or one per
// topic of a SUBSCRIBE or UNSUBSCRIBE. `clientId` empty prints as mosquitto's "(null)".
QStringList mosquittoDebugLines(const PacketTraceEntry &entry, const QString &clientId);

// mosquitto_sub's line after a SUBACK with -d: "Subscribed (mid: 1): 1, 128"; empty for another
// packet.
QString subscribedLine(const PacketTraceEntry &entry);

} // namespace mqttscope::cli
