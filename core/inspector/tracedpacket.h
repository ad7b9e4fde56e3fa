// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/packettraceentry.h"

namespace mqttscope {

// A packet in the inspector's ring: the trace entry, its place in the log and its flow.
struct TracedPacket
{
    quint64 sequence = 0; // 1, 2, ... per log, never reused (not even after clear)
    quint64 flowId = 0; // the PacketFlow it belongs to; 0 for none (QoS 0, CONNECT, ...)
    PacketTraceEntry entry;
};

} // namespace mqttscope
