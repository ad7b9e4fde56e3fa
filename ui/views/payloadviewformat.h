// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/properties.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mqttscope {

// The ways PayloadView can render a payload. Rendering never changes the bytes; the format only
// picks how they are shown.
enum class PayloadViewFormat { Text, Json, Hex, Base64, Cbor, Image };

QList<PayloadViewFormat> allPayloadViewFormats();
QString payloadViewFormatName(PayloadViewFormat format); // translated, for the format combo

// The format a human most likely wants for these bytes: the MQTT 5 content type and payload
// format indicator first, then magic numbers for images, then JSON, UTF-8 text, CBOR, hex.
PayloadViewFormat guessPayloadViewFormat(const QByteArray &payload,
                                         const Properties &properties = {});

} // namespace mqttscope
