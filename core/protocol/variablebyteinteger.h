// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Variable byte integers (3.1.1 section 2.2.3, 5.0 section 1.5.5), shared by the framer (remaining
// length) and the codec (remaining length, property length, subscription identifiers).

#include <QtGlobal>

namespace mqttscope {

struct VariableByteInteger
{
    enum Status : quint8 {
        Complete,
        NeedMoreBytes, // every available byte had the continuation bit set
        TooLong, // a fifth byte would be needed: malformed
        NotMinimal, // e.g. 0x80 0x00 for zero: malformed [MQTT-1.5.5-1]
    };
    Status status = NeedMoreBytes;
    quint32 value = 0;
    int length = 0; // bytes the encoding took, when Complete

    // Decodes from at most `available` bytes at `data`.
    static VariableByteInteger decode(const char *data, qsizetype available)
    {
        VariableByteInteger result;
        quint32 multiplier = 1;
        for (int i = 0; i < 4; ++i) {
            if (i >= available)
                return result;
            const auto byte = static_cast<quint8>(data[i]);
            result.value += (byte & 0x7Fu) * multiplier;
            if ((byte & 0x80u) == 0) {
                // The last byte of a multi-byte encoding being zero means it could have been
                // shorter.
                result.status = (byte == 0 && i > 0) ? NotMinimal : Complete;
                result.length = i + 1;
                return result;
            }
            multiplier *= 128;
        }
        result.status = TooLong;
        return result;
    }

    static constexpr int encodedLength(quint32 value)
    {
        return value < 128u ? 1 : value < 16384u ? 2 : value < 2097152u ? 3 : 4;
    }
};

} // namespace mqttscope
