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

// Encodes one whole packet (fixed header included) for the given version, into a QByteArray of
// exactly the packet's size. The caller is responsible for values being valid (e.g. topic names,
// strings of at most 65535 UTF-8 bytes); the session validates before encoding. A CONNECT is
// encoded with its own `version` field. 5.0 short forms are used where the spec allows them:
// PUBACK/PUBREC/PUBREL/PUBCOMP, DISCONNECT and AUTH omit the reason code when it is Success and
// there are no properties, and omit the property length when there are none. For 3.1.1 the
// 5.0-only fields are dropped (CONNACK writes connackReasonToReturnCode(reason)).
QByteArray encodePacket(const Packet &packet, ProtocolVersion version);

// Decodes one whole packet as cut by the Framer (fixed header included). CONNECT is decoded
// with the version found inside it; everything else with `version` (V31 behaves as V311).
// Every read is bounds checked: running out of bytes, trailing bytes, reserved flag bits,
// QoS 3, packet id 0, invalid UTF-8, unknown/duplicate/misplaced properties are ProtocolErrors.
// The error's reason follows the 5.0 spec's wording: MalformedPacket for what cannot be parsed
// (truncation, bad UTF-8, bad flags, unknown or misplaced property), ProtocolError for values
// the protocol forbids (packet id 0, duplicate property, reason code not allowed in the packet).
// The message starts with the packet type, e.g. "PUBLISH: topic name is not valid UTF-8".
DecodeResult decodePacket(QByteArrayView bytes, ProtocolVersion version);

// Whether the spec's table for `type` lists reason `code` (5.0: 3.2.2.2, 3.4.2.1, ...). The
// decoder also takes an unlisted refusal in PUBACK/PUBREC, which brokers send.
bool isAllowedReason(PacketType type, quint8 code);

// Variable byte integer (section 1.5.5), 1..4 bytes, max 268,435,455 (larger values are the
// caller's bug and are clamped). Decoders reject more than 4 bytes and non-minimal encodings
// [MQTT-1.5.5-1].
void appendVariableByteInteger(QByteArray &out, quint32 value);
constexpr quint32 MaximumVariableByteInteger = 268435455u;

// Validates an MQTT UTF-8 string: well-formed, no U+0000, no surrogates [MQTT-1.5.4-1..3].
// Returns an empty string when valid, otherwise what is wrong.
QString utf8Problem(QByteArrayView bytes);

} // namespace mqttscope
