// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/packets.h"
#include "protocol/protocolerror.h"

#include <QString>

namespace mqttscope {

// One line for a reason code and what the server said with it, for logs and for the
// disconnected()/refusal messages: "Not authorized (0x87): <reason string>; use another
// server: <server reference>". Parts the server did not send are left out.
QString describeReason(ReasonCode reason, const Properties &properties);

// The same for a CONNACK; a 3.1.1 refusal shows its own return code, e.g. "(return code 5)".
QString describeConnack(const ConnackPacket &connack, ProtocolVersion version);

// Why we close on a bad packet from the server: "Malformed packet from server: <what>".
QString describeProtocolError(const ProtocolError &error);

} // namespace mqttscope
