// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace mqttscope {

// How a topic's payloads are to be read, as a format rule names it. Auto leaves it to the
// detection by bytes (and to Sparkplug B on spBv1.0/ topics); the binary schemas (Sparkplug B,
// Protobuf, MessagePack) are decoded into JSON text that every view, plot and search reads.
enum class PayloadEncoding {
    Auto,
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

namespace Encoding {

// The stable key used in profile files and on the command line: "auto", "text", "json", "hex",
// "base64", "cbor", "image", "sparkplug", "protobuf", "msgpack".
QString key(PayloadEncoding encoding);
std::optional<PayloadEncoding> fromKey(QStringView key); // case-insensitive
QString displayName(PayloadEncoding encoding); // translated, for combo boxes
// Sparkplug B, Protobuf and MessagePack: decoded into JSON by PayloadDecoder.
bool decodesToJson(PayloadEncoding encoding);

} // namespace Encoding
} // namespace mqttscope
