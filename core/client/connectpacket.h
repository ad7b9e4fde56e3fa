// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientoptions.h"
#include "protocol/packets.h"

namespace mqttscope {

// The CONNECT for an attempt with `options` at `version`. With `resumeSession` (a 5.0 reconnect
// of a session that outlives connections) clean start is off whatever the options say.
ConnectPacket connectPacketFor(const ClientOptions &options, ProtocolVersion version,
                               const QString &clientId, bool resumeSession);

} // namespace mqttscope
