// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/reasoncode.h"

#include <QString>

namespace mqttscope {

// What was wrong with bytes the framer or codec was given. `reason` is the reason code a
// client sends in DISCONNECT for it (MalformedPacket, ProtocolError or PacketTooLarge), and
// `message` names the field, e.g. "PUBLISH: topic name contains U+0000".
struct ProtocolError
{
    ReasonCode reason = ReasonCode::MalformedPacket;
    QString message;
    friend bool operator==(const ProtocolError &, const ProtocolError &) = default;
};

} // namespace mqttscope
