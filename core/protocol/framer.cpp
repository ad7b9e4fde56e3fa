// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/framer.h"

#include "protocol/variablebyteinteger.h"

#include <QCoreApplication>

namespace mqttscope {

namespace {

// The translation context of this file's messages, in the form lupdate understands.
struct FramerText
{
    Q_DECLARE_TR_FUNCTIONS(mqttscope::Framer)
};

} // namespace

Framer::Framer(quint32 maximumPacketSize)
    : m_maximumPacketSize(maximumPacketSize)
{
}

void Framer::setMaximumPacketSize(quint32 bytes)
{
    m_maximumPacketSize = bytes;
}

void Framer::append(const QByteArray &bytes)
{
    if (m_error || bytes.isEmpty())
        return;
    if (m_offset == m_buffer.size()) {
        // Everything before was consumed: share the caller's bytes instead of copying them.
        m_buffer = bytes;
        m_offset = 0;
        return;
    }
    // Drop consumed packets once per append rather than once per packet: what moves is at most
    // the tail of one partial packet.
    if (m_offset > 0) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(bytes);
}

std::optional<QByteArrayView> Framer::next()
{
    if (m_error)
        return std::nullopt;
    const qsizetype available = m_buffer.size() - m_offset;
    if (available < 2)
        return std::nullopt;
    const char *packet = m_buffer.constData() + m_offset;
    const auto length = VariableByteInteger::decode(packet + 1, available - 1);
    switch (length.status) {
    case VariableByteInteger::NeedMoreBytes:
        return std::nullopt;
    case VariableByteInteger::TooLong:
        m_error = ProtocolError{ReasonCode::MalformedPacket,
                                FramerText::tr("remaining length is longer than 4 bytes")};
        return std::nullopt;
    case VariableByteInteger::NotMinimal: // [MQTT-1.5.5-1]
        m_error = ProtocolError{ReasonCode::MalformedPacket,
                                FramerText::tr("remaining length is not minimally encoded")};
        return std::nullopt;
    case VariableByteInteger::Complete:
        break;
    }
    const quint64 packetSize = 1 + quint64(length.length) + length.value;
    if (packetSize > m_maximumPacketSize) {
        // Decided from the header alone so that an oversized body is never buffered.
        m_error = ProtocolError{
            ReasonCode::PacketTooLarge,
            FramerText::tr("packet of %1 bytes exceeds the maximum packet size of %2 bytes")
                .arg(packetSize)
                .arg(m_maximumPacketSize)};
        return std::nullopt;
    }
    if (quint64(available) < packetSize)
        return std::nullopt;
    m_offset += qsizetype(packetSize);
    return QByteArrayView(packet, qsizetype(packetSize));
}

void Framer::reset()
{
    m_buffer.clear();
    m_offset = 0;
    m_error.reset();
}

qsizetype Framer::bufferedBytes() const
{
    return m_buffer.size() - m_offset;
}

} // namespace mqttscope
