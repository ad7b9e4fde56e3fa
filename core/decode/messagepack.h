// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/decodedpayload.h"

#include <QByteArrayView>

#include <optional>

namespace mqttscope::MessagePack {

// One MessagePack value as JSON. What JSON lacks is written as tagged objects so that nothing
// is lost: bin as {"$bin":"<base64>"}, ext as {"$ext":<type>,"data":"<base64>"} (a timestamp
// ext -1 also gets "time":"<ISO 8601>"), map keys that are not strings as their JSON text.
DecodedPayload toJson(QByteArrayView payload);
// JSON (as toJson writes it, tagged objects included) as MessagePack; nullopt with *error.
std::optional<QByteArray> fromJson(QByteArrayView json, QString *error);

} // namespace mqttscope::MessagePack
