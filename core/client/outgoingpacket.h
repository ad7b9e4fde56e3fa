// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/packets.h"

#include <QByteArray>

#include <optional>

namespace mqttscope {

// The bytes of `packet` at `version`; nullopt, with a warning, when they exceed the server's
// Maximum Packet Size `maximum` (0: none announced) [MQTT-3.2.2-15]. Each packet sent is logged
// on the verbose category.
std::optional<QByteArray> encodeOutgoing(const Packet &packet, ProtocolVersion version,
                                         quint32 maximum);

} // namespace mqttscope
