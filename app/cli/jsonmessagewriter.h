// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/message.h"

#include <QByteArray>

namespace mqttscope::cli {

// `sub --json`: one JSON object per message (a line each unless -N), keys in this order:
//   {"time":"2024-05-01T12:00:00.123Z",   receive time, UTC, ISO-8601 with milliseconds
//    "topic":"a/b", "qos":1, "retain":false, "dup":false,
//    "properties":{...},                  MQTT 5 properties, keys as -D names them; {} for 3.1.1
//    "payload":"text"}                    when the payload is valid UTF-8 (empty: "")
//   or "payload_base64":"AAEC/w=="        instead of "payload" when it is not.
// In "properties": numbers as numbers, strings as strings, "correlation-data" as text or
// "correlation-data-base64", "subscription-identifier":[1,2], "user-property":[["k","v"],...].
class JsonMessageWriter
{
public:
    static void append(const Message &message, qint64 receivedMsecsSinceEpoch, QByteArray &out);
    // "2024-05-01T12:00:00.123Z"
    static void appendUtcTime(qint64 msecsSinceEpoch, QByteArray &out);
};

} // namespace mqttscope::cli
