// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/packets.h"
#include "protocol/protocolerror.h"
#include "protocol/variablebyteinteger.h"

#include <QByteArrayView>

#include <optional>

namespace mqttscope {

// A bounds-checked cursor over the bytes of one packet. Running out of bytes is recorded as a
// MalformedPacket error, never an over-read. Like QDataStream's status, the first error is
// sticky: later reads return zero/empty and leave the cursor at the end, so decoding code can
// read a whole structure and check ok() once where that is simpler. Fields are named in the
// error message ("PUBLISH: packet identifier is truncated").
class ByteReader
{
public:
    ByteReader(QByteArrayView data, PacketType packet)
        : m_data(data)
        , m_packet(packet)
    {
    }

    bool ok() const { return !m_error; }
    bool atEnd() const { return m_position >= m_data.size(); }
    qsizetype position() const { return m_position; }
    qsizetype remaining() const { return m_data.size() - m_position; }
    PacketType packet() const { return m_packet; }

    quint8 u8(const char *field)
    {
        if (!require(1, field))
            return 0;
        return static_cast<quint8>(m_data[m_position++]);
    }

    quint16 u16(const char *field)
    {
        if (!require(2, field))
            return 0;
        const auto *p = reinterpret_cast<const quint8 *>(m_data.data() + m_position);
        m_position += 2;
        return static_cast<quint16>((p[0] << 8) | p[1]);
    }

    quint32 u32(const char *field)
    {
        if (!require(4, field))
            return 0;
        const auto *p = reinterpret_cast<const quint8 *>(m_data.data() + m_position);
        m_position += 4;
        return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3];
    }

    quint32 variableByteInteger(const char *field);

    // The next `count` bytes as a view into the packet.
    QByteArrayView bytes(qsizetype count, const char *field)
    {
        if (!require(count, field))
            return {};
        const QByteArrayView view = m_data.sliced(m_position, count);
        m_position += count;
        return view;
    }

    // Two-byte length then that many bytes: Binary Data and the raw form of a UTF-8 string.
    QByteArrayView lengthPrefixed(const char *field)
    {
        const quint16 length = u16(field);
        return bytes(length, field);
    }

    // A UTF-8 Encoded String: two-byte length, then well-formed UTF-8 without U+0000 or
    // surrogates (3.1.1 [MQTT-1.5.3-1], [MQTT-1.5.3-2]; 5.0 [MQTT-1.5.4-1], [MQTT-1.5.4-2]).
    QByteArrayView utf8(const char *field);
    QString string(const char *field) { return QString::fromUtf8(utf8(field)); }

    // Everything not yet read (e.g. a PUBLISH payload).
    QByteArrayView rest()
    {
        const QByteArrayView view = m_data.sliced(qMin(m_position, m_data.size()));
        m_position = m_data.size();
        return view;
    }

    // Records an error found by the caller; `message` is prefixed with the packet type. Only the
    // first error is kept. Always returns false so that callers can `return r.fail(...)`.
    bool fail(ReasonCode reason, const QString &message);

    std::optional<ProtocolError> takeError() { return std::move(m_error); }

private:
    bool require(qsizetype count, const char *field)
    {
        if (m_error)
            return false;
        if (count <= m_data.size() - m_position)
            return true;
        failTruncated(field);
        return false;
    }
    void failTruncated(const char *field);

    QByteArrayView m_data;
    qsizetype m_position = 0;
    PacketType m_packet;
    std::optional<ProtocolError> m_error;
};

} // namespace mqttscope
