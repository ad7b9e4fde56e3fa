// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/variablebyteinteger.h"

#include <QByteArrayView>
#include <QString>

#include <cstring>

namespace mqttscope {

// Writes MQTT data types to a buffer of known size, or - constructed without a buffer - only
// counts the bytes they would take. The encoder runs the same code once to count and once to
// write, so a packet is allocated at its exact size and the two can never disagree.
class ByteWriter
{
public:
    ByteWriter() = default; // counting only
    explicit ByteWriter(char *out)
        : m_out(out)
    {
    } // `out` must hold the counted size

    qsizetype size() const { return m_size; }

    void u8(quint8 value)
    {
        if (m_out)
            m_out[m_size] = static_cast<char>(value);
        m_size += 1;
    }

    void u16(quint16 value)
    {
        u8(static_cast<quint8>(value >> 8));
        u8(static_cast<quint8>(value));
    }

    void u32(quint32 value)
    {
        u16(static_cast<quint16>(value >> 16));
        u16(static_cast<quint16>(value));
    }

    void variableByteInteger(quint32 value)
    {
        do {
            quint8 byte = value % 128;
            value /= 128;
            if (value > 0)
                byte |= 0x80;
            u8(byte);
        } while (value > 0);
    }

    void raw(QByteArrayView bytes)
    {
        if (m_out && !bytes.isEmpty())
            std::memcpy(m_out + m_size, bytes.data(), bytes.size());
        m_size += bytes.size();
    }

    // Binary Data: two-byte length, then the bytes (at most 65535; the caller validates).
    void binary(QByteArrayView bytes)
    {
        u16(static_cast<quint16>(bytes.size()));
        raw(bytes);
    }

    void string(const QString &text) { binary(text.toUtf8()); }

private:
    char *m_out = nullptr;
    qsizetype m_size = 0;
};

} // namespace mqttscope
