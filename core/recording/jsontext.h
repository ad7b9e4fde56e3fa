// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/properties.h"

#include <QByteArray>
#include <QByteArrayView>

// JSON text written byte by byte, for the hot paths of `mqttscope-cli sub` (--json, -F %j) and
// the recording's properties column.
namespace mqttscope::JsonText {

// Appends `utf8` as a quoted JSON string: '"' and '\' escaped, control characters as \n, \t ...
// or \u00XX, everything else (UTF-8 included) as is. Writes bytes directly, no QString.
void appendString(QByteArray &out, QByteArrayView utf8);

// Appends `"name":"text"` when `bytes` is valid UTF-8, else `"name<base64Suffix>":"base64"`, so
// that binary data survives a JSON round trip unchanged.
void appendTextOrBase64(QByteArray &out, QByteArrayView name, QByteArrayView bytes,
                        QByteArrayView base64Suffix);

// A message property's JSON key: its name as `-D` takes it, e.g. "content-type" (the spec's name,
// lower case, words joined by '-'). Only the properties a PUBLISH carries have one; empty for
// the others.
QByteArrayView propertyKey(PropertyId id);

// How a message's properties are spelled as a JSON object.
enum class PropertyStyle {
    // mosquitto_sub's %j: correlation data as a string, one subscription identifier, user
    // properties as {"name":"value"} (a later duplicate name wins).
    Mosquitto,
    // --json: correlation data as text or "correlation-data-base64", all subscription
    // identifiers as an array, user properties as [["name","value"],...] in order.
    Lossless,
};

// Appends `"properties":{...}` with the PUBLISH properties present (keys as -D names them, see
// MessageJson::propertyKey). With Mosquitto style nothing is appended when there are none, as
// mosquitto_sub does.
void appendProperties(QByteArray &out, const Properties &properties, PropertyStyle style);
// Appends the object alone: `{...}`.
void appendPropertiesObject(QByteArray &out, const Properties &properties, PropertyStyle style);

} // namespace mqttscope::JsonText
