// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QJsonArray>
#include <QString>

#include <optional>

namespace mqttscope::Sparkplug {

// The array datatypes (22..34) of Sparkplug 3.0 travel packed in bytes_value: fixed-width
// little-endian elements, a BooleanArray as a 4-byte count and MSB-first bits, a StringArray as
// NUL-terminated UTF-8 strings [tck-id-payloads-metric-datatype-value]. nullopt with *error
// when the bytes do not fit the type.
bool isArrayDatatype(quint32 datatype);
std::optional<QJsonArray> unpackArray(quint32 datatype, QByteArrayView bytes, QString *error);

} // namespace mqttscope::Sparkplug
