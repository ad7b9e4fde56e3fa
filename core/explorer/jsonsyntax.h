// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace mqttscope::Json {

// Whether `text` is one JSON value (RFC 8259: objects, arrays, strings with their escapes,
// numbers, true/false/null) with only whitespace around it, checked on the bytes without building
// a document: a megabyte in about a millisecond, where QJsonDocument takes tens. The bytes must
// also be valid UTF-8. Nesting deeper than MaxDepth is refused.
constexpr int MaxDepth = 1024;
bool isWellFormed(QByteArrayView text);

} // namespace mqttscope::Json
