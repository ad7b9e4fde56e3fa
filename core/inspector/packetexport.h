// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspector/tracedpacket.h"

#include <QByteArray>

#include <functional>

namespace mqttscope {

class PacketLog;

// The inspector's packets written out, one line per packet: JSON lines (every field, the kept
// bytes as hex) for tools, or aligned text for reading.
enum class PacketExportFormat { JsonLines, Text };

QByteArray exportPacketLine(const TracedPacket &packet, PacketExportFormat format);
// Every packet of the ring, oldest first, accepted by `keep` (all when null).
QByteArray exportPackets(const PacketLog &log, PacketExportFormat format,
                         const std::function<bool(const TracedPacket &)> &keep = {});

// "2026-12-02 05:13:03.123456" in UTC.
QString formatTraceTime(qint64 timeUs);

} // namespace mqttscope
