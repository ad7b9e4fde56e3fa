// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace mqttscope {
struct Properties;
}

namespace mqttscope::cli::JsonText {

// Appends `utf8` as a quoted JSON string: '"' and '\' escaped, control characters as \n, \t ...
// or \u00XX, everything else (UTF-8 included) as is. Writes bytes directly, no QString.
void appendString(QByteArray &out, QByteArrayView utf8);

// Appends `"name":"text"` when `bytes` is valid UTF-8, else `"name<base64Suffix>":"base64"`, so
// that binary data survives a JSON round trip unchanged.
void appendTextOrBase64(QByteArray &out, QByteArrayView name, QByteArrayView bytes,
                        QByteArrayView base64Suffix);

// How a message's properties are spelled as a JSON object.
enum class PropertyStyle {
    // mosquitto_sub's %j: correlation data as a string, one subscription identifier, user
    // properties as {"name":"value"} (a later duplicate name wins).
    Mosquitto,
    // --json: correlation data as text or "correlation-data-base64", all subscription
    // identifiers as an array, user properties as [["name","value"],...] in order.
    Lossless,
};

// Appends `"properties":{...}` with the PUBLISH properties present (keys as -D names them).
// With Mosquitto style nothing is appended when there are none, as mosquitto_sub does.
void appendProperties(QByteArray &out, const Properties &properties, PropertyStyle style);

} // namespace mqttscope::cli::JsonText
