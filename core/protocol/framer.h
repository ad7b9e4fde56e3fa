// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocolerror.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace mqttscope {

// Cuts a byte stream into whole packets: fixed header, remaining length, body. It never
// decodes a packet; it only checks the remaining length (at most 4 bytes, minimal encoding
// [MQTT-1.5.5-1]; MalformedPacket otherwise) and that the whole packet fits the receive limit
// (PacketTooLarge, decided from the header before the body is buffered; 5.0 3.1.2.11.4).
class Framer
{
public:
    explicit Framer(quint32 maximumPacketSize = 268435460u);

    void setMaximumPacketSize(quint32 bytes);
    quint32 maximumPacketSize() const { return m_maximumPacketSize; }

    // Appends received bytes. Cheap: no copy when the buffer is empty.
    void append(const QByteArray &bytes);

    // The next whole packet (fixed header included), nullopt when more bytes are needed.
    // The view stays valid until the next append() or reset(), so a read loop decodes without
    // copying. After an error the framer stays failed until reset().
    std::optional<QByteArrayView> next();
    const std::optional<ProtocolError> &error() const { return m_error; }

    void reset();
    qsizetype bufferedBytes() const;

private:
    QByteArray m_buffer;
    qsizetype m_offset = 0; // consumed bytes at the front of m_buffer
    quint32 m_maximumPacketSize;
    std::optional<ProtocolError> m_error;
};

} // namespace mqttscope
