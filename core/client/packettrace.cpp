// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/packettrace.h"

#include "protocol/variablebyteinteger.h"

#include <chrono>

namespace mqttscope {

namespace {

struct FixedHeader
{
    qsizetype headerLength = 0; // type byte and remaining length
    qsizetype packetLength = 0; // the whole packet
};

std::optional<FixedHeader> fixedHeaderOf(QByteArrayView bytes)
{
    if (bytes.size() < 2)
        return std::nullopt;
    const VariableByteInteger length =
        VariableByteInteger::decode(bytes.data() + 1, bytes.size() - 1);
    if (length.status != VariableByteInteger::Complete)
        return std::nullopt;
    return FixedHeader{1 + length.length, 1 + length.length + qsizetype(length.value)};
}

quint16 u16At(QByteArrayView bytes, qsizetype at)
{
    if (at < 0 || at + 2 > bytes.size())
        return 0;
    return quint16((quint8(bytes[at]) << 8) | quint8(bytes[at + 1]));
}

qint16 u8At(QByteArrayView bytes, qsizetype at)
{
    return at >= 0 && at < bytes.size() ? qint16(quint8(bytes[at])) : qint16(-1);
}

// The offset just past the 5.0 property block at `at`; -1 when it cannot be read.
qsizetype skipProperties(QByteArrayView bytes, qsizetype at)
{
    if (at < 0 || at >= bytes.size())
        return -1;
    const VariableByteInteger length =
        VariableByteInteger::decode(bytes.data() + at, bytes.size() - at);
    if (length.status != VariableByteInteger::Complete)
        return -1;
    return at + length.length + qsizetype(length.value);
}

// Where a PUBLISH's payload starts; its end when the header cannot be read.
qsizetype publishPayloadStart(QByteArrayView packet, qsizetype at, const PacketTraceEntry &entry)
{
    at += 2 + u16At(packet, at); // topic name
    if (entry.qos() > 0)
        at += 2;
    if (entry.version == ProtocolVersion::V5)
        at = skipProperties(packet, at);
    return at < 0 || at > packet.size() ? packet.size() : at;
}

void keepPublish(QByteArrayView packet, qsizetype headerLength, PacketTraceEntry &entry)
{
    const qsizetype payloadStart = publishPayloadStart(packet, headerLength, entry);
    if (entry.qos() > 0)
        entry.packetId = u16At(packet, headerLength + 2 + u16At(packet, headerLength));
    entry.payloadSize = packet.size() - payloadStart;
    const qsizetype kept =
        payloadStart + qMin(entry.payloadSize, PacketTraceEntry::PayloadPreviewBytes);
    if (kept == packet.size()) {
        entry.bytes = packet.toByteArray();
        return;
    }
    // The remaining length rewritten for what is kept, so the codec reads the preview.
    entry.bytes.reserve(kept);
    entry.bytes.append(packet.at(0));
    appendVariableByteInteger(entry.bytes, quint32(kept - headerLength));
    entry.bytes.append(packet.sliced(headerLength, kept - headerLength));
}

// Reads the packet id and reason code that each type carries at a fixed place.
void readIdAndReason(QByteArrayView packet, qsizetype h, PacketTraceEntry &entry)
{
    const bool v5 = entry.version == ProtocolVersion::V5;
    const qsizetype remaining = packet.size() - h;
    switch (entry.type) {
    case PacketType::Puback:
    case PacketType::Pubrec:
    case PacketType::Pubrel:
    case PacketType::Pubcomp:
        entry.packetId = u16At(packet, h);
        if (v5) // a 5.0 short form (remaining length 2) means Success
            entry.reasonCode = remaining > 2 ? u8At(packet, h + 2) : qint16(0);
        break;
    case PacketType::Subscribe:
    case PacketType::Unsubscribe:
        entry.packetId = u16At(packet, h);
        break;
    case PacketType::Suback:
    case PacketType::Unsuback:
        entry.packetId = u16At(packet, h);
        if (v5)
            entry.reasonCode = u8At(packet, skipProperties(packet, h + 2));
        else if (entry.type == PacketType::Suback)
            entry.reasonCode = u8At(packet, h + 2);
        break;
    case PacketType::Connack:
        entry.reasonCode = u8At(packet, h + 1);
        break;
    case PacketType::Disconnect:
    case PacketType::Auth:
        if (v5)
            entry.reasonCode = remaining > 0 ? u8At(packet, h) : qint16(0);
        break;
    case PacketType::Connect:
    case PacketType::Publish:
    case PacketType::Pingreq:
    case PacketType::Pingresp:
        break;
    }
}

PacketTraceEntry entryOf(QByteArrayView packet, qsizetype headerLength, PacketDirection direction,
                         ProtocolVersion version, qint64 timeUs)
{
    PacketTraceEntry entry;
    entry.timeUs = timeUs;
    entry.direction = direction;
    entry.version = version;
    const quint8 first = quint8(packet.at(0));
    entry.type = PacketType(first >> 4); // 0 is reserved: shown as the codec would name it
    entry.flags = first & 0x0F;
    entry.size = packet.size();
    if (entry.type == PacketType::Publish) {
        keepPublish(packet, headerLength, entry);
        return entry;
    }
    readIdAndReason(packet, headerLength, entry);
    entry.bytes = packet.toByteArray();
    return entry;
}

} // namespace

QByteArrayView PacketTraceEntry::publishTopic() const
{
    const std::optional<FixedHeader> header = fixedHeaderOf(bytes);
    if (type != PacketType::Publish || !header)
        return {};
    const qsizetype at = header->headerLength + 2;
    const quint16 length = u16At(bytes, header->headerLength);
    if (at + length > bytes.size())
        return {};
    return QByteArrayView(bytes).sliced(at, length);
}

void tracePackets(QByteArrayView bytes, PacketDirection direction, ProtocolVersion version,
                  qint64 timeUs, QList<PacketTraceEntry> &out)
{
    while (!bytes.isEmpty()) {
        const std::optional<FixedHeader> header = fixedHeaderOf(bytes);
        // What the framer passed or we wrote is whole; anything else is kept as one packet.
        const qsizetype length =
            header && header->packetLength <= bytes.size() ? header->packetLength : bytes.size();
        out.append(entryOf(bytes.first(length), header ? header->headerLength : length, direction,
                           version, timeUs));
        bytes = bytes.sliced(length);
    }
}

DecodeResult decodeTraced(const PacketTraceEntry &entry)
{
    return decodePacket(entry.bytes, entry.version);
}

qint64 traceClockUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace mqttscope
