// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pure functions between bytes and packets. No sockets, no state beyond the arguments: the
// fuzzer, the unit tests and the benchmarks call these directly.

#include "protocol/packets.h"
#include "protocol/protocolerror.h"

#include <QByteArray>
#include <QByteArrayView>

#include <variant>

namespace mqttscope {

using DecodeResult = std::variant<Packet, ProtocolError>;

// Encodes one whole packet (fixed header included) for the given version. The caller is
// responsible for values being valid (e.g. topic names); the session validates before encoding.
QByteArray encodePacket(const Packet &packet, ProtocolVersion version);

// Decodes one whole packet as cut by the Framer (fixed header included). CONNECT is decoded
// with the version found inside it; everything else with `version`. Every read is bounds
// checked: running out of bytes, trailing bytes, reserved flag bits, QoS 3, packet id 0,
// invalid UTF-8, unknown/duplicate/misplaced properties are ProtocolErrors.
DecodeResult decodePacket(QByteArrayView bytes, ProtocolVersion version);

// Variable byte integer (section 1.5.5), 1..4 bytes, max 268,435,455.
void appendVariableByteInteger(QByteArray &out, quint32 value);

// Validates an MQTT UTF-8 string: well-formed, no U+0000, no surrogates [MQTT-1.5.4-1..3].
// Returns an empty string when valid, otherwise what is wrong.
QString utf8Problem(QByteArrayView bytes);

} // namespace mqttscope
