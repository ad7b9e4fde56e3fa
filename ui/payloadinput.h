// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace mqttscope {

// How the publish panel reads what the user typed into payload bytes.
enum class PayloadInputFormat {
    Text, // UTF-8 as typed
    Json, // UTF-8 as typed, refused unless it parses as JSON
    Hex, // pairs of hex digits; spaces, newlines and 0x prefixes ignored
    Base64, // standard or URL alphabet, padding optional
    File, // the text is a file name whose bytes are sent
};

// The bytes to publish, or nullopt with *error saying what is wrong (for the message next to
// the editor).
std::optional<QByteArray> encodePayloadInput(const QString &input, PayloadInputFormat format,
                                             QString *error);

} // namespace mqttscope
