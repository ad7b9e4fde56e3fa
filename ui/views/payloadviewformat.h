// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/payloadencoding.h"
#include "protocol/properties.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mqttscope {

// The ways PayloadView can render a payload. Rendering never changes the bytes; the format only
// picks how they are shown.
// The last three are read through the connection's PayloadDecoder and shown as JSON.
enum class PayloadViewFormat {
    Text,
    Json,
    Hex,
    Base64,
    Cbor,
    Image,
    SparkplugB,
    Protobuf,
    MessagePack
};

QList<PayloadViewFormat> allPayloadViewFormats();
QString payloadViewFormatName(PayloadViewFormat format); // translated, for the format combo

// The format a human most likely wants for these bytes: the MQTT 5 content type and payload
// format indicator first, then magic numbers for images, then JSON, UTF-8 text, CBOR, hex.
PayloadViewFormat guessPayloadViewFormat(const QByteArray &payload,
                                         const Properties &properties = {});

// A format rule's encoding as the view shows it; nullopt for Auto (the bytes decide).
std::optional<PayloadViewFormat> payloadViewFormatFor(PayloadEncoding encoding);
// The decoder's encoding behind a view format; nullopt unless it is decoded into JSON.
std::optional<PayloadEncoding> decodedEncodingOf(PayloadViewFormat format);

} // namespace mqttscope
