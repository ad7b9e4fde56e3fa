// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/packets.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>

namespace mqttscope {

enum class PacketDirection : quint8 { Sent, Received };

// One control packet as it crossed the wire, for the packet inspector and the CLI's -d. A small
// value: what a list shows is read from the fixed header and the first bytes when traced, and
// the packet's bytes are kept so that a view decodes the rest only when asked (decodeTraced).
struct PacketTraceEntry
{
    // The longest PUBLISH payload kept; the rest is counted in payloadSize, not copied.
    static constexpr qsizetype PayloadPreviewBytes = 256;

    qint64 timeUs = 0; // wall clock, microseconds since the epoch
    PacketDirection direction = PacketDirection::Received;
    PacketType type = PacketType::Connect;
    quint8 flags = 0; // the low four bits of the fixed header
    quint16 packetId = 0; // 0 when the packet has none
    qint16 reasonCode =
        -1; // CONNACK's return code or the 5.0 reason; the first of a SUBACK's; -1: none
    ProtocolVersion version = ProtocolVersion::V5;
    qint64 size = 0; // bytes on the wire, fixed header included
    qint64 payloadSize = 0; // a PUBLISH's whole payload, even when `bytes` holds a preview
    // The packet; a PUBLISH with a payload beyond the preview is cut to it and its remaining
    // length rewritten, so that it still decodes.
    QByteArray bytes;

    bool hasReasonCode() const { return reasonCode >= 0; }
    bool isTruncated() const { return bytes.size() < size; }
    quint8 qos() const { return type == PacketType::Publish ? (flags >> 1) & 3 : 0; }
    // A PUBLISH's topic name as on the wire (empty when a 5.0 topic alias stands for it).
    QByteArrayView publishTopic() const;
};

} // namespace mqttscope

Q_DECLARE_METATYPE(mqttscope::PacketTraceEntry)
