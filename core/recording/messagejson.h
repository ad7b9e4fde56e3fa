// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/message.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace mqttscope {

// A message as one line of JSON: the format of `mqttscope-cli sub --json`, of the JSON lines a
// recording exports and imports, and (its "properties" object) of a recording's properties column.
//
//   {"time":"2024-05-01T12:00:00.123Z",   receive time, UTC, ISO-8601 with milliseconds
//    "topic":"a/b", "qos":1, "retain":false, "dup":false,
//    "properties":{...},                  MQTT 5 properties (keys: JsonText::propertyKey); {}
//    for 3.1.1 "payload":"text"}                    when the payload is valid UTF-8 (empty: "")
//   or "payload_base64":"AAEC/w=="        instead of "payload" when it is not.
// In "properties": numbers as numbers, strings as strings, "correlation-data" as text or
// "correlation-data-base64", "subscription-identifier":[1,2], "user-property":[["k","v"],...].
// Writing then reading gives back the same bytes (topic, payload, correlation data), QoS, flags
// and properties, user properties in order.
namespace MessageJson {

// Appends the line's object (no newline); `receivedMsecsSinceEpoch` is its "time".
void appendLine(const Message &message, qint64 receivedMsecsSinceEpoch, QByteArray &out);
// "2024-05-01T12:00:00.123Z"
void appendUtcTime(qint64 msecsSinceEpoch, QByteArray &out);

// The message read from one line, its "time" in receivedMsecsSinceEpoch; nullopt with `error`
// saying why when the line is not such an object. Only "topic" is required: a missing "qos",
// "retain", "dup", "properties" or payload reads as 0, false, none, empty.
std::optional<Message> fromLine(QByteArrayView line, QString *error);

// The properties as a JSON object ({"content-type":"x",...}); empty (not "{}") when there are
// none, which the recording stores as NULL.
QByteArray propertiesToJson(const Properties &properties);
// The properties read from such an object; nullopt with `error` saying why when it is not one.
std::optional<Properties> propertiesFromJson(QByteArrayView json, QString *error);

} // namespace MessageJson
} // namespace mqttscope
