// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading and writing the 5.0 property list (section 2.2.2): a variable byte integer length,
// then identifier/value pairs. Which property may appear where follows the spec's table in
// 2.2.2.2; the codec passes the place it is reading.

#include "protocol/bytereader.h"
#include "protocol/bytewriter.h"
#include "protocol/properties.h"

namespace mqttscope {

enum class PropertyPlace : quint8 {
    Connect,
    Will, // the will properties inside CONNECT's payload
    Connack,
    Publish,
    PubAck, // PUBACK, PUBREC, PUBREL and PUBCOMP allow the same properties
    Subscribe,
    Suback,
    Unsubscribe,
    Unsuback,
    Disconnect,
    Auth,
};

// Reads a property length and the properties it covers into `out`. Unknown identifiers, a
// property not allowed in `place` and a length that does not match are MalformedPacket; a
// repeated property (other than User Property, and Subscription Identifier in PUBLISH) or a
// value out of its range is ProtocolError.
void readProperties(ByteReader &reader, PropertyPlace place, Properties &out);
// The same for a message's properties; `out` stays null when the list is empty.
void readProperties(ByteReader &reader, PropertyPlace place, SharedProperties &out);

// Writes the property length and every property present, in identifier order with the user
// properties last.
void writeProperties(ByteWriter &writer, const Properties &properties);

} // namespace mqttscope
