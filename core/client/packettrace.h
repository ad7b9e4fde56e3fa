// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/packettraceentry.h"
#include "protocol/codec.h"

namespace mqttscope {

// Appends an entry for each whole packet in `bytes` (one packet, or several written at once) to
// `out`. Reads only the fixed header and the few bytes after it; a packet too short for what
// its type promises is still traced, with what could be read.
void tracePackets(QByteArrayView bytes, PacketDirection direction, ProtocolVersion version,
                  qint64 timeUs, QList<PacketTraceEntry> &out);

// The traced packet decoded with the codec (a PUBLISH's payload is the preview).
DecodeResult decodeTraced(const PacketTraceEntry &entry);

// The wall clock in microseconds since the epoch.
qint64 traceClockUs();

} // namespace mqttscope
