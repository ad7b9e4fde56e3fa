// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace mqttscope {

// What is wrong with bytes that should be an MQTT UTF-8 string, if anything. MQTT forbids
// ill-formed UTF-8 (including overlong forms and encoded surrogates U+D800..U+DFFF) and U+0000:
// 3.1.1 [MQTT-1.5.3-1], [MQTT-1.5.3-2]; 5.0 [MQTT-1.5.4-1], [MQTT-1.5.4-2].
enum class Utf8Check : quint8 {
    Valid,
    IllFormed, // truncated sequence, stray continuation byte, invalid lead byte, > U+10FFFF
    Overlong, // a code point encoded in more bytes than needed
    Surrogate, // U+D800..U+DFFF
    NullCharacter,
};

// Checks `bytes`; pure ASCII without NUL (the common case for topics) is checked a word at a time.
Utf8Check checkMqttUtf8(QByteArrayView bytes);

} // namespace mqttscope
